import Foundation

/// Parsing of spreadsheet cells: numbers with a decimal comma, years, yes/no, dates, lists.
enum Values {
    /// A finite number written the French or the English way: `12,5`, `12.5`, `4 549 860`, `1.234,5`, `708 000 €`.
    /// When both `,` and `.` occur, the last one is the decimal separator; a separator that occurs several times
    /// alone separates thousands. Text such as `nan` or `inf` is refused. One pass, no Foundation (hot on big files).
    static func number(_ raw: String) -> Double? {
        var text = Substring(raw)
        if text.hasSuffix("EUR") { text = text.dropLast(3) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var commas = 0, dots = 0, lastComma = -1, lastDot = -1
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\u{A0}", "\u{202F}", "\u{2009}", "€":
                continue
            case ",":
                commas += 1
                lastComma = bytes.count
                bytes.append(UInt8(ascii: ","))
            case ".":
                dots += 1
                lastDot = bytes.count
                bytes.append(UInt8(ascii: "."))
            case "0"..."9", "-", "+", "e", "E":
                bytes.append(UInt8(scalar.value))
            default:
                return nil
            }
        }
        let decimal: Int
        if commas > 0 && dots > 0 { decimal = max(lastComma, lastDot) }
        else if commas == 1 { decimal = lastComma }
        else if dots == 1 { decimal = lastDot }
        else { decimal = -1 }
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                if index == decimal { cleaned.append(UInt8(ascii: ".")) }
            } else {
                cleaned.append(byte)
            }
        }
        guard !cleaned.isEmpty, let value = Double(String(decoding: cleaned, as: UTF8.self)), value.isFinite else { return nil }
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
