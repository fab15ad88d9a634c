import Foundation

/// A CSV file read record by record, its header mapped to known columns.
///
/// `next()` yields rows whose known columns are looked up by canonical name and whose other columns become
/// attributes. Header problems (a missing required column, a repeated column) are reported once.
/// Where a table's rows come from: a CSV file or a sheet of a workbook.
protocol RecordReader: AnyObject {
    var displayName: String { get }
    /// The next record (its fields with their positions), nil at the end.
    func nextRecord() throws(InputError) -> [CSVField]?
    /// A warning about the whole source (an encoding guessed), given once at the end.
    var encodingWarning: Diagnostic? { get }
    /// The hint of a row with values beyond the header's columns.
    var extraFieldHint: Localized { get }
    func location(line: Int, column: Int) -> SourceLocation
    /// The location of the cell in `column` (1-based) of the record starting on `line`.
    func cellLocation(line: Int, column: Int) -> SourceLocation
}

extension CSVReader: RecordReader {
    var extraFieldHint: Localized {
        let separator = Character(UnicodeScalar(self.separator))
        return Localized(fr: "une valeur qui contient le séparateur « \(separator) » doit être entre guillemets",
                         en: "a value containing the separator '\(separator)' must be in quotes")
    }

    func location(line: Int, column: Int) -> SourceLocation { SourceLocation(file: displayName, line: line, column: column) }
    func cellLocation(line: Int, column: Int) -> SourceLocation { SourceLocation(file: displayName, line: line, column: column, cell: true) }
}

/// What people put around a table in a spreadsheet, taken away with a warning: rows above the header (a title,
/// notes — the header is the first of the first 20 rows that names every required column), blank rows, and totals
/// rows below the data (first filled cell "Total…"). When no row is a header, the first row is taken as the header,
/// so that the missing columns are reported there.
final class ForgivingReader: RecordReader {
    let base: any RecordReader
    private var pending: [[CSVField]] = []
    private var headerDone = false
    private(set) var notes: [Diagnostic] = []

    init(_ base: any RecordReader, columns: [Columns.Column]) throws(InputError) {
        self.base = base
        var lookahead: [[CSVField]] = []
        while lookahead.count < 20, let record = try base.nextRecord() {
            if Self.isBlank(record) { continue }
            lookahead.append(record)
            if Self.isHeader(record, columns) { break }
        }
        if let index = lookahead.firstIndex(where: { Self.isHeader($0, columns) }), index > 0 {
            let first = lookahead[0][0].line, last = lookahead[index - 1][0].line
            notes.append(Diagnostic(.warning, base.location(line: first, column: 1), code: "rows-above-header",
                Localized(fr: first == last ? "ligne \(first) au-dessus des en-têtes ignorée (titre ou notes)" : "lignes \(first) à \(last) au-dessus des en-têtes ignorées (titre ou notes)",
                          en: first == last ? "row \(first) above the headers skipped (a title or notes)" : "rows \(first) to \(last) above the headers skipped (a title or notes)")))
            lookahead.removeFirst(index)
        }
        pending = lookahead
    }

    /// "Total", "TOTAL : 44 liens", "Sous-total", "Totaux" — the word alone, not a name that starts with it
    /// ("TotalEnergies" is an actor).
    static func isTotal(_ text: String) -> Bool {
        // Most first cells are names or ids: when the first letter or digit is ASCII and not t or s, the first word
        // cannot be "total", "totaux" or "sous" (checked without folding the whole text, the cost of every row).
        for scalar in text.unicodeScalars {
            guard scalar.isASCII else { break }
            let byte = UInt8(scalar.value) | 0x20
            if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                if byte != UInt8(ascii: "t") && byte != UInt8(ascii: "s") { return false }
                break
            }
        }
        let words = Taxonomy.normalize(text).split(separator: " ")
        guard let first = words.first else { return false }
        if first == "total" || first == "totaux" { return true }
        return first == "sous" && words.dropFirst().first.map { $0 == "total" || $0 == "totaux" } == true
    }

    static func isBlank(_ record: [CSVField]) -> Bool {
        record.allSatisfy { isBlank($0.text, Self.blank) }
    }

    private static let blank = CharacterSet.whitespacesAndNewlines
    private static let spaces = CharacterSet.whitespaces

    /// Whether the text is only characters of `set` (what trimming them would leave empty), stopping at the first
    /// other one.
    @inline(__always) static func isBlank(_ text: String, _ set: CharacterSet) -> Bool {
        // A cell that starts with a printable ASCII character (most cells) is not blank: no set to look into.
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.unicodeScalars.allSatisfy { set.contains($0) }
    }

    static func isHeader(_ record: [CSVField], _ columns: [Columns.Column]) -> Bool {
        let names = Set(record.map { Taxonomy.normalize($0.text) })
        return columns.filter(\.required).allSatisfy { column in
            ([column.name] + column.aliases).contains { names.contains(Taxonomy.normalize($0)) }
        }
    }

    func nextRecord() throws(InputError) -> [CSVField]? {
        while true {
            let record: [CSVField]
            if !pending.isEmpty { record = pending.removeFirst() } else if let next = try base.nextRecord() { record = next } else { return nil }
            if Self.isBlank(record) { continue }
            if headerDone, let first = record.first(where: { !Self.isBlank($0.text, Self.spaces) }),
               Self.isTotal(first.text) {
                notes.append(Diagnostic(.warning, base.location(line: first.line, column: first.column), code: "totals-row",
                    Localized(fr: "ligne de total ignorée", en: "totals row skipped")))
                continue
            }
            headerDone = true
            return record
        }
    }

    var displayName: String { base.displayName }
    var encodingWarning: Diagnostic? { base.encodingWarning }
    var extraFieldHint: Localized { base.extraFieldHint }
    func location(line: Int, column: Int) -> SourceLocation { base.location(line: line, column: column) }
    func cellLocation(line: Int, column: Int) -> SourceLocation { base.cellLocation(line: line, column: column) }
}

final class Table {
    struct Row {
        let line: Int
        let fields: [CSVField]
        let table: Table

        /// The trimmed text of a known column, or nil when absent or blank.
        func value(_ column: String) -> CSVField? {
            guard let index = table.index[column], index < fields.count else { return nil }
            var field = fields[index]
            field.text = trimmed(field.text)
            return field.text.isEmpty ? nil : field
        }

        /// Location of a known column in this row (or of the row's start when the cell is missing).
        func location(_ column: String) -> SourceLocation {
            if let index = table.index[column], index < fields.count {
                return table.reader.cellLocation(line: fields[index].line, column: index + 1)
            }
            return table.reader.cellLocation(line: line, column: table.index[column].map { $0 + 1 } ?? 1)
        }

        var cellTexts: [String] { fields.map(\.text) }

        func allCells(_ condition: (String) -> Bool) -> Bool { fields.allSatisfy { condition($0.text) } }

        var cells: [(text: String, location: SourceLocation)] {
            fields.enumerated().map { ($1.text, table.reader.cellLocation(line: $1.line, column: $0 + 1)) }
        }

        var attributes: [Attribute] {
            table.extra.compactMap { index, header in
                guard index < fields.count else { return nil }
                let text = trimmed(fields[index].text)
                return text.isEmpty ? nil : Attribute(name: header, value: text)
            }
        }
    }

    let reader: any RecordReader
    let header: [CSVField]
    private(set) var index: [String: Int] = [:]
    private(set) var extra: [(Int, String)] = []
    var diagnostics: [Diagnostic] = []
    private(set) var missingRequired = false

    init(reader base: any RecordReader, columns: [Columns.Column]) throws(InputError) {
        let reader = try ForgivingReader(base, columns: columns)
        self.reader = reader
        guard let header = try reader.nextRecord() else {
            throw InputError(Diagnostic(.error, reader.location(line: 1, column: 1), code: "empty-file",
                Localized(fr: "le fichier ne contient aucune ligne", en: "the file has no line"),
                hint: Localized(fr: "la première ligne doit nommer les colonnes", en: "the first line must name the columns")))
        }
        self.header = header
        var lookup: [String: String] = [:]
        for column in columns {
            for alias in [column.name] + column.aliases { lookup[Taxonomy.normalize(alias)] = column.name }
        }
        for (position, field) in header.enumerated() {
            let key = Taxonomy.normalize(field.text)
            let location = reader.cellLocation(line: field.line, column: position + 1)
            if let name = lookup[key] ?? lookup[Taxonomy.normalize(key.replacingOccurrences(of: " ", with: "_"))] {
                if index[name] != nil {
                    diagnostics.append(Diagnostic(.warning, location, code: "duplicate-column",
                        Localized(fr: "la colonne « \(field.text) » répète la colonne \(name) ; elle est gardée comme attribut libre",
                                  en: "column '\(field.text)' repeats column \(name); it is kept as a free attribute")))
                    extra.append((position, field.text))
                } else {
                    index[name] = position
                }
            } else if !field.text.trimmingCharacters(in: .whitespaces).isEmpty {
                extra.append((position, field.text))
                // A header close to a known one (a typo, a missing word) is said, never silently a free column.
                if key.count >= 4, let near = lookup.keys.filter({ $0.count >= 4 && abs($0.count - key.count) <= max(1, $0.count / 5) })
                    .map({ (name: $0, distance: editDistance(key, $0)) })
                    .filter({ $0.distance <= max(1, $0.name.count / 5) })
                    .min(by: { ($0.distance, $0.name) < ($1.distance, $1.name) }), let column = lookup[near.name] {
                    diagnostics.append(Diagnostic(.warning, location, code: "unrecognised-column",
                        Localized(fr: "colonne « \(field.text) » non reconnue : gardée comme attribut libre ; vouliez-vous dire la colonne \(column) (« \(near.name) ») ?",
                                  en: "column '\(field.text)' not recognised: kept as a free attribute; did you mean column \(column) ('\(near.name)')?"),
                        hint: Localized(fr: "renommez l'en-tête pour que la colonne soit lue", en: "rename the header so that the column is read")))
                }
            }
        }
        for column in columns where column.required && index[column.name] == nil {
            missingRequired = true
            let known = columns.filter(\.required).map(\.name).joined(separator: ", ")
            diagnostics.append(Diagnostic(.error, reader.location(line: header.first?.line ?? 1, column: 1), code: "missing-column",
                Localized(fr: "colonne obligatoire « \(column.name) » absente (noms acceptés : \(([column.name] + column.aliases.prefix(3)).joined(separator: ", ")))",
                          en: "required column '\(column.name)' is missing (accepted names: \(([column.name] + column.aliases.prefix(3)).joined(separator: ", ")))"),
                hint: Localized(fr: "la première ligne doit contenir au moins : \(known)", en: "the first line must name at least: \(known)")))
        }
    }

    /// The next data row; a row with more non-empty fields than the header is reported and skipped.
    func next() throws(InputError) -> Row? {
        while let fields = try reader.nextRecord() {
            if fields.count > header.count, fields[header.count...].contains(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) {
                let first = fields[header.count]
                diagnostics.append(Diagnostic(.error, reader.cellLocation(line: first.line, column: header.count + 1),
                    code: "too-many-fields",
                    Localized(fr: "la ligne a \(fields.count) champs mais l'en-tête n'a que \(header.count) colonnes",
                              en: "the line has \(fields.count) fields but the header has only \(header.count) columns"),
                    hint: reader.extraFieldHint))
                continue
            }
            return Row(line: fields[0].line, fields: fields, table: self)
        }
        if let warning = reader.encodingWarning { diagnostics.append(warning) }
        if let forgiving = reader as? ForgivingReader { diagnostics += forgiving.notes }
        return nil
    }
}

/// Trims whitespace and line breaks, without Foundation's cost when there is nothing to trim (the usual case).
@inline(__always) func trimmed(_ text: String) -> String {
    guard let first = text.utf8.first, let last = text.utf8.last else { return text }
    if first > 32 && first != 0xC2 && first != 0xE2 && last > 32 && last != 0xA0 && last != 0xAF && last != 0x80 { return text }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
}
