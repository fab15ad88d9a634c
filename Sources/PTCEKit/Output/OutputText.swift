/// Text from data, made safe for every output ptce writes (terminal, SVG, PDF, DOT, XML, HTML, Pajek).
///
/// Validation refuses control characters and Unicode noncharacters in the cells of a network (`NetworkBuilder`), so
/// what validates renders; this is the second line for text that does not come through validation (titles given on
/// the command line, files of other tools read leniently, messages quoting a bad cell).
package enum OutputText {
    /// Whether a scalar cannot appear in any output: C0 controls other than tab and line breaks, DEL, C1 controls,
    /// and the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF (cairo stops drawing at them, XML forbids them).
    @inlinable package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        if v >= 0x7F && v <= 0x9F { return true }
        if v >= 0xFDD0 && v <= 0xFDEF { return true }
        return v & 0xFFFE == 0xFFFE
    }

    /// `text` with every forbidden scalar replaced by U+FFFD (the replacement character, shown as �).
    package static func clean(_ text: String) -> String {
        // Most text is plain printable ASCII: nothing to replace.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
        if plain == true { return text }
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isForbidden(scalar) ? "\u{FFFD}" : scalar) }
        return String(result)
    }

    /// For a terminal: also line breaks and tabs become visible (`\n`), so a name cannot move the cursor, clear the
    /// screen or forge another message line; forbidden scalars are shown as `\u{1B}`.
    package static func terminal(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) || scalar == "\u{0D}" {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// The id of a drawn tie in a diagram's SVG (`tie-3-7-agreement`: the actors' indices in the network, smaller first,
/// and the tie type with anything but ASCII letters, digits and `_` as `-`), shared by the diagrams that write it and
/// the report's map that finds it.
public func tieElementID(_ u: Int, _ v: Int, type: String) -> String {
    let (a, b) = u < v ? (u, v) : (v, u)
    let safe = String(type.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") ? Character($0) : "-" })
    return "tie-\(a)-\(b)-\(safe)"
}
