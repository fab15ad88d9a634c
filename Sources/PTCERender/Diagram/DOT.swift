import PTCEKit

/// Escaping for the two kinds of text in DOT: quoted strings and HTML-like labels.
///
/// Names come from spreadsheets: quotes, backslashes, `<`, `>`, `&`, braces, newlines or DOT keywords must neither
/// break the DOT nor inject markup into the SVG Graphviz writes. Every identifier ptce writes is generated
/// (`a12`, `cluster_g3`); user text only ever appears inside a quoted string or an escaped HTML label.
enum DOT {
    /// A DOT double-quoted string for labels: backslashes and quotes escaped, line breaks as Graphviz's centred `\n`.
    static func quoted(_ text: String) -> String { _quoted(text, backslash: "\\\\") }

    /// For tooltips (and other attributes Graphviz expands `\N`, `\G`, `\E` in): Graphviz 2.43 unescapes these
    /// twice, so a literal backslash needs four (checked with `dot -Tsvg`: `\\\\N` shows `\N`, `\\N` shows the node name).
    static func quotedTooltip(_ text: String) -> String { _quoted(text, backslash: "\\\\\\\\") }

    /// The longest text ptce gives Graphviz in one attribute: Graphviz 2.43 fails on labels and tooltips of 16,384
    /// bytes or more; a diagram label is never that long on purpose, so longer text is cut with "…".
    static let maximumScalars = 2_000

    private static func _quoted(_ text: String, backslash: String) -> String {
        var result = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > maximumScalars { result += "…"; break }
            switch scalar {
            case "\\": result += backslash
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": continue
            // Graphviz decodes entities in labels (`&lt;`, `&#1;`): `&amp;` makes every `&` literal.
            case "&": result += "&amp;"
            default:
                // Control characters would make the SVG invalid XML; noncharacters stop cairo's PDF.
                if OutputText.isForbidden(scalar) || scalar == "\t" { result += scalar == "\t" ? " " : "\u{FFFD}" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// Text for inside an HTML-like label: XML special characters as entities.
    static func html(_ text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > maximumScalars { result += "…"; break }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n": result += "<BR/>"
            case "\r": continue
            default:
                if OutputText.isForbidden(scalar) || scalar == "\t" { result += scalar == "\t" ? " " : "\u{FFFD}" } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Wraps a label on spaces so that no line is longer than `width` characters (a word longer than that stays
    /// whole: labels are wrapped, never cut).
    static func wrap(_ text: String, width: Int = 22) -> String {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty { current = String(word) } else if current.count + 1 + word.count <= width { current += " " + word } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
