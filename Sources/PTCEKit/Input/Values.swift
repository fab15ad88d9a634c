import Foundation

/// Parsing of spreadsheet cells: numbers with a decimal comma, years, yes/no, dates, lists.
enum Values {
    /// A finite number written the French or the English way: `12,5`, `12.5`, `4 549 860`, `1.234,5`, `708 000 €`.
    /// Text such as `nan` or `inf` is refused.
    static func number(_ raw: String) -> Double? {
        var text = raw
        for junk in ["\u{00A0}", "\u{202F}", " ", "€", "EUR", "\u{2009}"] { text = text.replacingOccurrences(of: junk, with: "") }
        if text.isEmpty { return nil }
        let commas = text.filter { $0 == "," }.count
        let dots = text.filter { $0 == "." }.count
        if commas > 0 && dots > 0 {
            // The last of the two is the decimal separator.
            if text.lastIndex(of: ",")! > text.lastIndex(of: ".")! {
                text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            } else {
                text = text.replacingOccurrences(of: ",", with: "")
            }
        } else if commas == 1 {
            text = text.replacingOccurrences(of: ",", with: ".")
        } else if commas > 1 {
            text = text.replacingOccurrences(of: ",", with: "")
        }
        guard text.allSatisfy({ "0123456789.-+eE".contains($0) }), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    static func bool(_ raw: String) -> Bool? {
        switch Taxonomy.normalize(raw) {
        case "1", "true", "vrai", "oui", "yes", "o", "y", "x": return true
        case "0", "false", "faux", "non", "no", "n": return false
        default: return nil
        }
    }

    /// Splits a list cell on `|` or `,`: `CEDRE | CEDRE ISO 9001`.
    static func list(_ raw: String) -> [String] {
        raw.split(whereSeparator: { $0 == "|" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Metropolitan (01–95 but 20, 2A, 2B) and overseas (971–976) département codes.
    static func isDepartmentCode(_ code: String) -> Bool {
        if code == "2A" || code == "2B" { return true }
        guard code.count <= 3, let number = Int(code) else { return false }
        if code.count == 3 { return (971...976).contains(number) }
        return code.count == 2 && (1...95).contains(number) && number != 20
    }
}
