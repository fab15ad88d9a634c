import Foundation
import PTCEKit

/// A linear pass over a DOT file before Graphviz reads it, for what cgraph does silently or badly:
/// a second graph or text after the graph (ignored by `agmemread`), a number glued to letters (split into two
/// tokens with a warning), tokens and strings long enough to make cgraph's scanner slow (it grows strings in
/// quadratic time) or its messages overflow, and text that is not UTF-8 (decoded as Latin-1 only when the file
/// says `charset=latin1`).
///
/// It follows DOT's lexical rules (graphviz.org/doc/info/lang.html): `//` and `/* */` comments, lines starting with
/// `#`, double-quoted strings with `\"`, HTML strings `<…>` with nested angle brackets.
struct DOTScan {
    /// The text to give cgraph (UTF-8).
    var text: String
    /// Number of `--`/`->` operators outside strings and comments.
    var edgeOperators = 0
    /// The first problem found, if any.
    var problem: Diagnostic?

    /// Longest unquoted token and longest quoted string accepted (far above any name: cells are limited to 10,000
    /// characters; cgraph's string scanner is quadratic beyond this).
    static let maximumToken = 1_000
    static let maximumString = 64 << 10

    init(data: Data, file: String) {
        text = ""
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let decoded = String(validating: bytes, as: UTF8.self) {
            text = decoded
        } else if Self.declaresLatin1(bytes) {
            text = String(bytes.map { Character(Unicode.Scalar($0)) })
        } else {
            let offset = Self.firstInvalidUTF8(bytes)
            problem = Diagnostic(.error, Self.location(of: offset, in: bytes, file: file), code: "not-utf8",
                Localized(fr: "le fichier DOT n'est pas en UTF-8", en: "the DOT file is not UTF-8"),
                hint: Localized(fr: "réenregistrez-le en UTF-8, ou déclarez charset=latin1 dans le graphe s'il est en Latin-1",
                                en: "save it again as UTF-8, or declare charset=latin1 in the graph if it is Latin-1"))
            return
        }
        scan(Array(text.utf8), file: file)
    }

    private static func declaresLatin1(_ bytes: [UInt8]) -> Bool {
        let ascii = String(decoding: bytes.map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self).lowercased()
        return ascii.range(of: #"charset\s*=\s*"?(latin-?1|iso-?8859-?1|l1|iso_8859-1|iso-ir-100)\b"#, options: .regularExpression) != nil
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var low = 0, high = bytes.count
        // The longest valid prefix, by bisection on whole-prefix validity (O(n log n), only on a failing file).
        while low < high {
            let middle = (low + high + 1) / 2
            var prefix = Array(bytes[0..<middle])
            // A prefix may end inside a character: allow up to 3 trailing continuation bytes.
            var valid = false
            for cut in 0...min(3, prefix.count) {
                if String(validating: prefix, as: UTF8.self) != nil { valid = true; break }
                if cut < 3 && !prefix.isEmpty { prefix.removeLast() }
            }
            if valid { low = middle } else { high = middle - 1 }
        }
        return low
    }

    static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in bytes[0..<min(offset, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The position of the scan: byte offset, line and column (in characters), whether only blanks precede it on
    /// its line (for `#` lines).
    private struct Cursor {
        let bytes: [UInt8]
        let file: String
        var i = 0, line = 1, column = 1
        var atLineStart = true

        var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }
        var atEnd: Bool { i >= bytes.count }
        var byte: UInt8 { bytes[i] }
        var next: UInt8 { i + 1 < bytes.count ? bytes[i + 1] : 0 }

        mutating func advance(_ count: Int = 1) {
            for _ in 0..<count where i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0A { line += 1; column = 1; atLineStart = true } else {
                    if byte & 0xC0 != 0x80 { column += 1 }
                    if byte != 0x20 && byte != 0x09 && byte != 0x0D { atLineStart = false }
                }
                i += 1
            }
        }

        mutating func skipLine() { while !atEnd && byte != 0x0A { advance() } }
    }

    private static func problem(_ location: SourceLocation, _ code: String, _ fr: String, _ en: String,
                                _ hintFr: String, _ hintEn: String) -> Diagnostic {
        Diagnostic(.error, location, code: code, Localized(fr: fr, en: en), hint: Localized(fr: hintFr, en: hintEn))
    }

    private static func isIDByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80 || b == 0x2E
    }

    /// One pass, token by token, stopping at the first problem.
    private mutating func scan(_ bytes: [UInt8], file: String) {
        var cursor = Cursor(bytes: bytes, file: file)
        var depth = 0, graphs = 0
        var afterGraph = false
        while !cursor.atEnd, problem == nil {
            let byte = cursor.byte, next = cursor.next
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { cursor.advance(); continue }
            if (byte == UInt8(ascii: "#") && cursor.atLineStart) || (byte == UInt8(ascii: "/") && next == UInt8(ascii: "/")) {
                cursor.skipLine()
                continue
            }
            if byte == UInt8(ascii: "/") && next == UInt8(ascii: "*") {
                problem = Self.blockComment(&cursor)
            } else if depth == 0 && afterGraph {
                problem = Self.textAfterGraph(cursor)
            } else if byte == UInt8(ascii: "\"") {
                problem = Self.quoted(&cursor)
            } else if byte == UInt8(ascii: "<") && depth > 0 {
                problem = Self.html(&cursor)
            } else if byte == UInt8(ascii: "{") {
                if depth == 0 { graphs += 1 }
                depth += 1
                cursor.advance()
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
                cursor.advance()
                if depth == 0 { afterGraph = true }
                if depth < 0 {
                    problem = Self.problem(cursor.here, "malformed-dot", "accolade fermante } en trop", "one closing brace } too many",
                                           "vérifiez les accolades", "check the braces")
                }
            } else if byte == UInt8(ascii: "-") && (next == UInt8(ascii: "-") || next == UInt8(ascii: ">")) {
                edgeOperators += 1
                cursor.advance(2)
            } else if Self.isIDByte(byte) || byte == UInt8(ascii: "-") {
                problem = Self.identifier(&cursor)
            } else {
                cursor.advance()
            }
        }
        if problem == nil && graphs == 0 {
            problem = Self.problem(SourceLocation(file: file, line: 1, column: 1), "malformed-dot", "aucun graphe { … } dans le fichier",
                                   "no graph { … } in the file", "un fichier DOT commence par graph { ou digraph {",
                                   "a DOT file starts with graph { or digraph {")
        }
    }

    /// `/* … */`, which must be closed.
    private static func blockComment(_ cursor: inout Cursor) -> Diagnostic? {
        let start = cursor.here
        cursor.advance(2)
        while !cursor.atEnd && !(cursor.byte == UInt8(ascii: "*") && cursor.next == UInt8(ascii: "/")) { cursor.advance() }
        if cursor.atEnd {
            return problem(start, "malformed-dot", "commentaire /* jamais fermé", "comment /* never closed",
                           "ajoutez */ à la fin du commentaire", "add */ at the end of the comment")
        }
        cursor.advance(2)
        return nil
    }

    /// Anything after the graph's closing brace: another graph or stray text, both ignored by cgraph.
    private static func textAfterGraph(_ cursor: Cursor) -> Diagnostic {
        let word = String(decoding: cursor.bytes[cursor.i..<min(cursor.i + 8, cursor.bytes.count)], as: UTF8.self).lowercased()
        let isGraph = ["graph", "digraph", "strict"].contains { word.hasPrefix($0) }
        return problem(cursor.here, isGraph ? "dot-several-graphs" : "dot-trailing-text",
                       isGraph ? "deuxième graphe dans le fichier : ptce lit un seul graphe par fichier DOT" : "texte après la fin du graphe",
                       isGraph ? "a second graph in the file: ptce reads one graph per DOT file" : "text after the end of the graph",
                       isGraph ? "mettez chaque graphe dans son propre fichier" : "supprimez ce texte, ou vérifiez les accolades { } du graphe",
                       isGraph ? "put each graph in a file of its own" : "delete this text, or check the graph's braces { }")
    }

    /// A double-quoted string (`\"` inside), closed and at most `maximumString` bytes.
    private static func quoted(_ cursor: inout Cursor) -> Diagnostic? {
        let start = cursor.here
        let from = cursor.i
        cursor.advance()
        while !cursor.atEnd && cursor.byte != UInt8(ascii: "\"") {
            if cursor.byte == UInt8(ascii: "\\") && cursor.i + 1 < cursor.bytes.count { cursor.advance(2) } else { cursor.advance() }
        }
        if cursor.atEnd {
            return problem(start, "malformed-dot", "guillemet ouvert jamais refermé", "unterminated quote",
                           "fermez la chaîne par \"", "close the string with \"")
        }
        cursor.advance()
        let length = cursor.i - from
        guard length > maximumString else { return nil }
        return problem(start, "dot-string-too-long", "chaîne de \(length) octets (limite \(maximumString))",
                       "string of \(length) bytes (limit \(maximumString))",
                       "un nom ou un attribut aussi long vient d'une erreur d'export : raccourcissez-le",
                       "such a long name or attribute comes from an export mistake: shorten it")
    }

    /// An HTML string: balanced angle brackets.
    private static func html(_ cursor: inout Cursor) -> Diagnostic? {
        let start = cursor.here
        var nesting = 0
        repeat {
            if cursor.byte == UInt8(ascii: "<") { nesting += 1 } else if cursor.byte == UInt8(ascii: ">") { nesting -= 1 }
            cursor.advance()
        } while !cursor.atEnd && nesting > 0
        guard nesting > 0 else { return nil }
        return problem(start, "malformed-dot", "chaîne HTML < … > jamais fermée", "HTML string < … > never closed", "fermez-la par >", "close it with >")
    }

    /// An unquoted identifier or numeral: at most `maximumToken` bytes, and not a numeral glued to letters ("12ab",
    /// which cgraph splits into two tokens with only a warning).
    private static func identifier(_ cursor: inout Cursor) -> Diagnostic? {
        let start = cursor.here
        let from = cursor.i
        cursor.advance()
        while !cursor.atEnd && isIDByte(cursor.byte) { cursor.advance() }
        let token = cursor.bytes[from..<cursor.i]
        if token.count > maximumToken {
            return problem(start, "dot-token-too-long", "identifiant de \(token.count) caractères (limite \(maximumToken))",
                           "identifier of \(token.count) characters (limit \(maximumToken))",
                           "raccourcissez-le, ou mettez les longs textes dans un attribut label=\"…\"",
                           "shorten it, or put long texts in a label=\"…\" attribute")
        }
        let first = token.first!
        let isNumeral = (first >= 0x30 && first <= 0x39) || first == UInt8(ascii: "-") || (first == UInt8(ascii: ".") && token.count > 1)
        guard isNumeral, token.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F || $0 >= 0x80 }) else {
            return nil
        }
        let shown = String(decoding: token.prefix(40), as: UTF8.self) + (token.count > 40 ? "…" : "")
        return problem(start, "dot-glued-number", "« \(shown) » : un nombre collé à des lettres n'est pas un identifiant DOT",
                       "'\(shown)': a number glued to letters is not a DOT identifier",
                       "mettez-le entre guillemets : \"\(shown)\"", "quote it: \"\(shown)\"")
    }
}
