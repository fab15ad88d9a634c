import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads XML for the interchange formats, defensively: interchange files never need a DTD, so a document with
/// `<!DOCTYPE` or `<!ENTITY` is refused before parsing (no external entity is ever fetched — XXE — and no entity can
/// expand — "billion laughs"); files above `InputFile.maximumBytes` are refused; malformed XML is reported with its
/// line and column. Parsing is Foundation's `XMLParser` (libxml2's SAX parser), external entities off.
enum SafeXML {
    /// The element tree handler: called for each start and end of element with its position.
    protocol Handler: AnyObject {
        func start(_ name: String, attributes: [String: String], at location: SourceLocation)
        func end(_ name: String, text: String, at location: SourceLocation)
        /// Text as it comes, in document order (for mixed content such as a paragraph with spans).
        func characters(_ text: String)
    }

    /// A handler that builds a property graph (the GraphML and GEXF readers).
    protocol GraphReader: Handler {
        var graph: PropertyGraph { get }
        var problems: [Diagnostic] { get }
        var sawGraph: Bool { get }
    }

    /// One warning for the numbers of a file that are not finite (`nan`, `INF`), by attribute: left empty.
    static func nonFiniteWarning(_ counts: [String: Int], at location: SourceLocation) -> Diagnostic {
        let list = counts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        let n = counts.values.reduce(0, +)
        return Diagnostic(.warning, location, code: "not-finite",
            Localized(fr: "\(n) valeur\(n > 1 ? "s" : "") nan ou infinie\(n > 1 ? "s" : "") (\(list)) : laissée\(n > 1 ? "s" : "") vide\(n > 1 ? "s" : "") (un poids vide vaut 1)",
                      en: "\(n) nan or infinite value\(n > 1 ? "s" : "") (\(list)): left empty (an empty weight is 1)"))
    }

    /// Reads an XML interchange file into a network: safe parse, the reader's own problems, a file without
    /// `<graph>` refused, then the graph checked by `NetworkBuilder`.
    static func loadNetwork(path: String, options: LoadOptions, reader: some GraphReader, format: String, code: String) -> LoadResult {
        let builder = NetworkBuilder(options: options)
        let problems = parse(path: path, handler: reader)
        builder.diagnostics += problems + reader.problems
        if problems.isEmpty && !reader.problems.contains(where: { $0.severity == .error }) {
            if !reader.sawGraph {
                builder.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), code: code,
                    Localized(fr: "aucun élément <graph> : ce n'est pas un fichier \(format)", en: "no <graph> element: this is not a \(format) file")))
            } else {
                reader.graph.load(into: builder)
            }
        }
        builder.finish()
        return builder.result()
    }

    /// Parses `path`; problems are returned as diagnostics (empty on success).
    static func parse(path: String, handler: Handler) -> [Diagnostic] {
        let data: Data
        do { data = try InputFile.read(path, limit: InputFile.maximumXMLBytes) } catch { return [error.diagnostic] }
        return parse(data: data, file: path, handler: handler)
    }

    /// Parses XML held in memory (a part of a workbook); `file` names it in messages.
    static func parse(data: Data, file path: String, handler: Handler) -> [Diagnostic] {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if data.isEmpty {
            return [Diagnostic(.error, start, code: "empty-file", Localized(fr: "le fichier est vide", en: "the file is empty"))]
        }
        let document: Data
        switch utf8(data: data, file: path) {
        case .success(let text): document = text
        case .failure(let refusal): return [refusal.diagnostic]
        }
        if let refusal = dtd(in: document, file: path) { return [refusal] }
        // Fed in chunks: given the whole document at once, libxml2 stops at 10 MB ("huge input lookup", seen on a
        // 38 MB one-line worksheet, the way Excel writes them).
        let parser = XMLParser(stream: InputStream(data: document))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let delegate = Delegate(handler: handler, file: path, parser: parser)
        parser.delegate = delegate
        let succeeded = parser.parse()
        if let location = delegate.mismatch {
            let (opened, closed, line) = delegate.mismatchText
            return [Diagnostic(.error, location, code: "malformed-xml",
                Localized(fr: "XML mal formé : </\(closed)> ferme <\(opened)> ouvert ligne \(line)",
                          en: "malformed XML: </\(closed)> closes <\(opened)> opened on line \(line)"),
                hint: Localized(fr: "chaque balise ouverte doit être fermée par la même balise", en: "each opened tag must be closed by the same tag"))]
        }
        if let failure = delegate.failure ?? (succeeded ? nil : (SourceLocation(file: path, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)),
                                                                  (parser.parserError as NSError?)?.code ?? 1)) {
            var (fr, en) = reason(failure.code)
            if [5, 77].contains(failure.code), let open = delegate.open.last {
                (fr, en) = ("fichier tronqué : l'élément <\(open.name)> ouvert ligne \(open.location.line) n'est jamais fermé",
                            "truncated file: element <\(open.name)> opened on line \(open.location.line) is never closed")
            }
            return [Diagnostic(.error, failure.location, code: "malformed-xml",
                Localized(fr: "XML mal formé : \(fr)", en: "malformed XML: \(en)"),
                hint: Localized(fr: "vérifiez les balises et les guillemets à cette position ; si le fichier vient d'un autre outil, réexportez-le",
                                en: "check tags and quotes at this position; if the file comes from another tool, export it again"))]
        }
        if let open = delegate.open.last {
            // libxml2 through XMLParser accepts a document cut in the middle: the unclosed element tells.
            let end = location(of: document.count, in: document, file: path)
            return [Diagnostic(.error, end, code: "truncated-xml",
                Localized(fr: "fichier tronqué : l'élément <\(open.name)> ouvert ligne \(open.location.line) n'est jamais fermé",
                          en: "truncated file: element <\(open.name)> opened on line \(open.location.line) is never closed"),
                hint: Localized(fr: "le fichier est incomplet (copie ou téléchargement interrompu ?) : réexportez-le",
                                en: "the file is incomplete (interrupted copy or download?): export it again"))]
        }
        return []
    }

    struct Refusal: Error { var diagnostic: Diagnostic }

    /// The document as UTF-8 declared as UTF-8, the only input libxml2 is given: its own switching between encodings
    /// crashed (SEGV in xmlParseChunk on a UTF-16 byte-order mark followed by bytes that are not UTF-16, and on a
    /// mangled declaration: found by fuzz-graphml and fuzz-gexf). Only the encodings of real interchange files are
    /// read (UTF-7 crashed libxml2 too), decoded here by Foundation, and the declaration rewritten.
    static func utf8(data: Data, file path: String) -> Result<Data, Refusal> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        func refuse(_ diagnostic: Diagnostic) -> Result<Data, Refusal> { .failure(Refusal(diagnostic: diagnostic)) }
        let isUTF16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        let head = String(decoding: data.prefix(256).map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        if !isUTF16, let range = head.range(of: #"^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']*)["']"#, options: .regularExpression) {
            let declaration = String(head[range])
            let afterKeyword = declaration[declaration.range(of: "encoding")!.upperBound...]
            let name = afterKeyword.split(whereSeparator: { $0 == "\"" || $0 == "'" }).dropFirst().first.map(String.init) ?? ""
            let allowed: Set<String> = ["utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "iso-8859-15", "windows-1252", "utf-16"]
            if !allowed.contains(name.lowercased()) {
                return refuse(Diagnostic(.error, start, code: "xml-encoding",
                    Localized(fr: "encodage « \(name) » non pris en charge", en: "encoding '\(name)' is not supported"),
                    hint: Localized(fr: "réexportez le fichier en UTF-8 (l'encodage de tous les outils de réseaux)",
                                    en: "export the file again as UTF-8 (the encoding every network tool writes)")))
            }
        }
        let latin = head.range(of: #"^\s*<\?xml[^>]*encoding\s*=\s*["'](iso-8859-1|latin1|iso-8859-15|windows-1252)["']"#,
                               options: [.regularExpression, .caseInsensitive]) != nil
        var decoded: String
        if isUTF16 {
            guard let text = String(data: data, encoding: .utf16), !text.isEmpty else {
                return refuse(Diagnostic(.error, start, code: "xml-encoding",
                    Localized(fr: "le fichier commence comme de l'UTF-16 mais n'en est pas", en: "the file starts as UTF-16 but is not"),
                    hint: Localized(fr: "réexportez le fichier en UTF-8", en: "export the file again as UTF-8")))
            }
            decoded = text
        } else if latin {
            decoded = String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
        } else if let text = String(validating: data, as: UTF8.self) {
            decoded = text
        } else {
            return refuse(Diagnostic(.error, SourceLocation(file: path, line: Pajek.firstLineNotUTF8(data), column: 1), code: "xml-encoding",
                Localized(fr: "le fichier n'est pas en UTF-8 (et ne déclare pas d'autre encodage)", en: "the file is not UTF-8 (and declares no other encoding)"),
                hint: Localized(fr: "réexportez le fichier en UTF-8", en: "export the file again as UTF-8")))
        }
        if decoded.hasPrefix("\u{FEFF}") { decoded.removeFirst() }
        // XML has no NUL character; libxml2 takes a document starting with NUL bytes (00 00 00 3C…) for UCS-4 or
        // UTF-16 without a byte-order mark, switches encoding, and crashed (SEGV in xmlParseChunk, fuzz-graphml).
        if let nul = decoded.utf8.firstIndex(of: 0) {
            let offset = decoded.utf8.distance(from: decoded.utf8.startIndex, to: nul)
            return refuse(Diagnostic(.error, location(of: offset, in: Data(decoded.utf8), file: path), code: "xml-nul",
                Localized(fr: "caractère nul (code 0) : interdit en XML ; le fichier est peut-être en UTF-16 ou UTF-32 sans marque d'ordre des octets",
                          en: "NUL character (code 0): not allowed in XML; the file may be UTF-16 or UTF-32 without a byte-order mark"),
                hint: Localized(fr: "réexportez le fichier en UTF-8", en: "export the file again as UTF-8")))
        }
        if let declaration = decoded.range(of: #"^\s*<\?xml[^>]*\?>"#, options: .regularExpression) {
            let rewritten = decoded[declaration].replacingOccurrences(of: #"encoding\s*=\s*["'][^"']*["']"#, with: "encoding=\"UTF-8\"",
                                                                      options: .regularExpression)
            decoded.replaceSubrange(declaration, with: rewritten)
        }
        return .success(withoutEmptyInstructions(Data(decoded.utf8)))
    }

    /// A processing instruction without data (`<?target?>`, legal XML) with a space before `?>`: libxml2 passes its
    /// missing data as a null pointer, and FoundationXML's callback reads it with `strlen` (SEGV, found by fuzz-gexf);
    /// with the space, the data is an empty string. ptce reads no processing instruction; the rest is unchanged.
    static func withoutEmptyInstructions(_ document: Data) -> Data {
        let bytes = [UInt8](document)
        var result: [UInt8] = []
        var copied = 0
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "?") else { i += 1; continue }
            var end = i + 2
            while end < bytes.count, ![UInt8(ascii: "?"), UInt8(ascii: ">"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[end]) { end += 1 }
            if end > i + 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "?"), bytes[end + 1] == UInt8(ascii: ">") {
                result.append(contentsOf: bytes[copied..<end])
                result.append(0x20)
                copied = end
            }
            i = end
        }
        guard copied > 0 else { return document }
        result.append(contentsOf: bytes[copied...])
        return Data(result)
    }

    /// A DTD is refused (checked on the decoded text, so a DTD written in UTF-16 is found too): an interchange file
    /// needs none, and one can read local files (XXE) or blow up memory (nested entities).
    static func dtd(in searchable: Data, file path: String) -> Diagnostic? {
        for marker in ["<!DOCTYPE", "<!ENTITY"] {
            if let range = searchable.range(of: Data(marker.utf8)) {
                return Diagnostic(.error, location(of: range.lowerBound, in: searchable, file: path), code: "xml-dtd",
                    Localized(fr: "déclaration \(marker) refusée : un fichier d'échange n'a pas besoin de DTD, et une DTD peut lire des fichiers locaux (XXE) ou faire exploser la mémoire (entités imbriquées)",
                              en: "\(marker) declaration refused: an interchange file needs no DTD, and a DTD can read local files (XXE) or blow up memory (nested entities)"),
                    hint: Localized(fr: "supprimez la déclaration <!DOCTYPE …> du fichier, ou réexportez-le depuis l'outil d'origine",
                                    en: "remove the <!DOCTYPE …> declaration from the file, or export it again from the original tool"))
            }
        }
        return nil
    }

    /// libxml2's error numbers (xmlParserErrors) for the mistakes people make, in words.
    static func reason(_ code: Int) -> (String, String) {
        switch code {
        case 4: return ("aucune balise de départ : ce fichier n'est pas du XML", "no start tag: this file is not XML")
        case 5: return ("contenu après la fin du document (un seul élément racine est permis)", "content after the end of the document (one root element only)")
        case 9: return ("caractère interdit en XML", "character not allowed in XML")
        case 26, 27: return ("entité inconnue (un « & » seul s'écrit &amp;)", "unknown entity (a lone '&' is written &amp;)")
        case 38, 39, 40, 41: return ("valeur d'attribut mal écrite (guillemets ?)", "badly written attribute value (quotes?)")
        case 42: return ("attribut répété dans une balise", "attribute repeated in a tag")
        case 68: return ("nom attendu (un « & » seul s'écrit &amp;, un « < » seul &lt;)", "name expected (a lone '&' is written &amp;, a lone '<' &lt;)")
        case 73: return ("« > » manquant", "missing '>'")
        case 76: return ("balise fermante différente de la balise ouverte", "closing tag differs from the opened tag")
        case 77: return ("fin de fichier au milieu d'une balise (fichier tronqué ?)", "end of file inside a tag (truncated file?)")
        default: return ("erreur de syntaxe (libxml2 \(code))", "syntax error (libxml2 \(code))")
        }
    }

    static func location(of offset: Int, in data: Data, file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in data[data.startIndex..<offset] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: Handler
        let file: String
        unowned let parser: XMLParser
        var text: [String] = []
        var open: [(name: String, location: SourceLocation)] = []
        var mismatch: SourceLocation?
        var mismatchText: (opened: String, closed: String, line: Int) = ("", "", 0)

        init(handler: Handler, file: String, parser: XMLParser) {
            self.handler = handler
            self.file = file
            self.parser = parser
        }

        var here: SourceLocation { SourceLocation(file: file, line: parser.lineNumber, column: max(parser.columnNumber, 1)) }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            text.append("")
            open.append((elementName, here))
            handler.start(elementName, attributes: attributes, at: here)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            let content = text.popLast() ?? ""
            if let last = open.popLast(), last.name != elementName, mismatch == nil {
                mismatch = SourceLocation(file: file, line: parser.lineNumber, column: max(parser.columnNumber, 1))
                mismatchText = (last.name, elementName, last.location.line)
                parser.abortParsing()
                return
            }
            handler.end(elementName, text: content, at: here)
        }

        /// Implemented so that libxml2's message goes here (not to stderr) and parsing stops at the first error.
        var failure: (location: SourceLocation, code: Int)?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if failure == nil {
                failure = (SourceLocation(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1)), (parseError as NSError).code)
            }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !text.isEmpty { text[text.count - 1] += string }
            handler.characters(string)
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            let string = String(decoding: block, as: UTF8.self)
            if !text.isEmpty { text[text.count - 1] += string }
            handler.characters(string)
        }
    }
}

extension SafeXML.Handler {
    func characters(_ text: String) {}
}

/// Builds and serialises XML documents for the writers through FoundationXML's tree (escaping done by libxml2).
enum XMLOutput {
    static func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) -> XMLElement {
        let element = text.map { XMLElement(name: name, stringValue: $0) } ?? XMLElement(name: name)
        for (key, value) in attributes { element.addAttribute(XMLNode.attribute(withName: key, stringValue: value) as! XMLNode) }
        return element
    }

    static func namespace(_ prefix: String, _ uri: String) -> XMLNode {
        XMLNode.namespace(withName: prefix, stringValue: uri) as! XMLNode
    }

    /// `pretty: false` for formats where whitespace inside elements is content (a workbook's cell text: pretty
    /// printing indented some `<t>` elements, and the cells read back with line breaks around their text).
    static func data(_ root: XMLElement, pretty: Bool = true) -> Data {
        let document = XMLDocument(rootElement: root)
        document.version = "1.0"
        document.characterEncoding = "UTF-8"
        return document.xmlData(options: pretty ? [.nodePrettyPrint] : [])
    }
}
