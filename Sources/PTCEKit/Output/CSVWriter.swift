import Foundation

/// Writes CSV for spreadsheets and scripts: RFC 4180 quoting, UTF-8, `\n` line ends.
///
/// Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return)
/// are prefixed with `'`, the OWASP advice against CSV injection (`formulaSafe`, on by default; network folders
/// written for ptce itself turn it off so that data reads back unchanged). Numbers are written as they are.
/// The environment variable `PTCE_CSV_FORMULAS=keep` turns the guard off for every report CSV (for scripts that
/// want the exact text).
public struct CSVWriter {
    /// A cell: text (quoted when needed, formulas neutralised), a number (empty when undefined) or a count.
    public enum Cell {
        /// A text.
        case text(String)
        /// A number in full precision; empty when nil or not finite.
        case number(Double?)
        /// A whole number; empty when nil.
        case integer(Int?)
    }

    /// The separator between cells (`,` by default).
    public let separator: Character
    /// Whether a text starting like a formula (`=`, `+`, `-`, `@`) is prefixed with an apostrophe.
    public let formulaSafe: Bool
    /// The CSV written so far.
    public private(set) var output = ""

    /// Whether report CSVs neutralise formulas: yes, unless `PTCE_CSV_FORMULAS=keep`.
    public static var guardsFormulas: Bool { ProcessInfo.processInfo.environment["PTCE_CSV_FORMULAS"] != "keep" }

    /// A writer with nothing written yet.
    public init(separator: Character = ",", formulaSafe: Bool = CSVWriter.guardsFormulas) {
        self.separator = separator
        self.formulaSafe = formulaSafe
    }

    /// Writes one row (RFC 4180 quoting; line end `\n`).
    public mutating func row(_ cells: [Cell]) {
        output += cells.map(render).joined(separator: String(separator))
        output += "\n"
    }

    /// Whether a text holds the separator, a quote or a line end: one pass over its bytes for a one-byte separator
    /// (Foundation's substring search took most of the time of writing `centrality.csv`).
    private func needsQuotes(_ text: String) -> Bool {
        if separator.utf8.count == 1, let byte = separator.utf8.first {
            return text.utf8.contains { $0 == byte || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        }
        return text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r")
    }

    private func render(_ cell: Cell) -> String {
        switch cell {
        case .number(let value):
            guard let value, value.isFinite else { return "" }
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        case .integer(let value):
            return value.map(String.init) ?? ""
        case .text(var text):
            // The first scalar, not the first character: "=" followed by a combining accent is one Character
            // ("=́") that spreadsheets still read as a formula.
            if formulaSafe, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
            if needsQuotes(text) {
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return text
        }
    }
}

extension CentralityReport {
    /// One row per actor: id, name, kind, family, then the metrics (and the survey's trust and value scores when
    /// rated), in `rows` order.
    public func csv(rows selected: [Row]? = nil) -> String {
        var writer = CSVWriter()
        let ratings = hasRatings
        writer.row((["id", "name", "kind", "family"] + metrics.map(\.rawValue) + (ratings ? ["trust_score", "value_score"] : [])).map { .text($0) })
        for row in selected ?? rows {
            writer.row([.text(row.id), .text(row.name), .text(row.kind), .text(row.family)] + metrics.map { .number(row.values[$0] ?? nil) }
                       + (ratings ? [.number(row.trust), .number(row.value)] : []))
        }
        return writer.output
    }
}
