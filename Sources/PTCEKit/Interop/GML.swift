import Foundation

/// GML, the Graph Modelling Language (Himsolt's "GML: A portable Graph File Format", 1997), as Gephi, igraph,
/// networkx, Cytoscape, yEd and Newman's network data write it: `graph [ directed 0 node [ id 1 label "…" … ]
/// edge [ source 1 target 2 … ] ]`. Read only. Nodes' `label` (or `name`) is the actor's name and every other key an
/// attribute (networkx's files, where every node has a distinct `label` — its key — and a `name`: the label is the id
/// and the name the name); nested lists (`graphics [ x … y … fill "#…" ]`) become attributes named `graphics_x`, `graphics_fill`; a
/// key repeated in one list keeps its values joined with " | "; `directed 1` makes every edge directed; the graph's
/// `label` or `name` is the title. Strings may hold HTML entities (`&quot;`, `&#233;`: networkx and igraph write
/// them), decoded. Numbers are integers or reals; `NaN` and `INF` are read as text (then refused or set aside where a
/// number is needed).
public enum GML {
    /// One value of a GML list.
    indirect enum Value {
        case number(Double, isInteger: Bool)
        case string(String)
        case list([(key: String, value: Value, location: SourceLocation)])
    }

    /// How deep lists may nest (`graph [ node [ graphics [ … ] ] ]` is three): deeper is refused, not recursed into.
    static let maximumDepth = 32

    public static func load(path: String, options: LoadOptions) -> LoadResult {
        let data: Data
        do { data = try InputFile.read(path) } catch { return PropertyGraph.failure(error.diagnostic, options: options) }
        let text = String(decoding: data, as: UTF8.self)
        var parser = Parser(text: text, file: path)
        let top: [(key: String, value: Value, location: SourceLocation)]
        do { top = try parser.list(depth: 0, closing: false) } catch { return PropertyGraph.failure(error.diagnostic, options: options) }
        guard let graphEntry = top.first(where: { $0.key.lowercased() == "graph" }), case .list(let items) = graphEntry.value else {
            return PropertyGraph.failure(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), code: "gml",
                Localized(fr: "aucune liste « graph [ … ] » : ce n'est pas un fichier GML", en: "no 'graph [ … ]' list: this is not a GML file")), options: options)
        }
        return graph(items, file: path).network(options: options)
    }

    /// The property graph of a `graph [ … ]` list.
    static func graph(_ items: [(key: String, value: Value, location: SourceLocation)], file: String) -> PropertyGraph {
        var graph = PropertyGraph()
        for item in items {
            switch (item.key.lowercased(), item.value) {
            case ("directed", .number(let value, _)): graph.directed = value != 0
            case ("label", .string(let title)), ("name", .string(let title)): graph.properties["title"] = .string(title)
            case ("node", .list(let fields)):
                var properties: [String: PropertyValue] = [:]
                var id: String?
                for (key, value) in flatten(fields) {
                    if key == "id" { id = value.text } else { add(&properties, key, value) }
                }
                graph.nodes.append(PropertyGraph.Element(id: id ?? "", properties: properties, location: item.location))
            case ("edge", .list(let fields)):
                var properties: [String: PropertyValue] = [:]
                var source = "", target = ""
                for (key, value) in flatten(fields) {
                    switch key {
                    case "source": source = value.text
                    case "target": target = value.text
                    default: add(&properties, key, value)
                    }
                }
                graph.edges.append(PropertyGraph.Edge(source: source, target: target, properties: properties, location: item.location))
            default: break
            }
        }
        // networkx's dialect: `label` is the node's key and `name` (when the graph had one) its name; Gephi's `label`
        // is a name. When every node has both and the labels are distinct, the label is the id.
        let labels = graph.nodes.compactMap { $0.properties["label"]?.text }
        if !graph.nodes.isEmpty, labels.count == graph.nodes.count, Set(labels).count == labels.count,
           graph.nodes.allSatisfy({ $0.properties["name"] != nil }) {
            var rename: [String: String] = [:]
            for index in graph.nodes.indices {
                let label = labels[index]
                rename[graph.nodes[index].id] = label
                graph.nodes[index].id = label
                graph.nodes[index].properties["label"] = graph.nodes[index].properties.removeValue(forKey: "name")
            }
            for index in graph.edges.indices {
                graph.edges[index].source = rename[graph.edges[index].source] ?? graph.edges[index].source
                graph.edges[index].target = rename[graph.edges[index].target] ?? graph.edges[index].target
            }
        }
        for key in graph.nodes.flatMap({ $0.properties.keys }) where !graph.nodeKeys.contains(key) { graph.nodeKeys.append(key) }
        for key in graph.edges.flatMap({ $0.properties.keys }) where !graph.edgeKeys.contains(key) { graph.edgeKeys.append(key) }
        graph.nodeKeys.sort()
        graph.edgeKeys.sort()
        return graph
    }

    /// A key repeated in one list: values joined with " | ".
    static func add(_ properties: inout [String: PropertyValue], _ key: String, _ value: PropertyValue) {
        if let old = properties[key] { properties[key] = .string(old.text + " | " + value.text) } else { properties[key] = value }
    }

    /// The scalars of a list, nested lists flattened with their key as prefix (`graphics_x`).
    static func flatten(_ fields: [(key: String, value: Value, location: SourceLocation)], prefix: String = "") -> [(String, PropertyValue)] {
        var out: [(String, PropertyValue)] = []
        for (key, value, _) in fields {
            let name = prefix.isEmpty ? key : prefix + "_" + key
            switch value {
            case .number(let number, let isInteger): out.append((name, isInteger && abs(number) < 9e15 ? .int(Int(number)) : .double(number)))
            case .string(let text): out.append((name, .string(text)))
            case .list(let inner): out += flatten(inner, prefix: name)
            }
        }
        return out
    }

    /// A GML tokenizer and list reader with the position of every key.
    struct Parser {
        let scalars: [Unicode.Scalar]
        let file: String
        var index = 0
        var line = 1
        var column = 1

        init(text: String, file: String) {
            scalars = Array(text.unicodeScalars)
            self.file = file
        }

        func error(_ fr: String, _ en: String) -> InputError {
            InputError(Diagnostic(.error, SourceLocation(file: file, line: line, column: column), code: "gml", Localized(fr: fr, en: en),
                                  hint: Localized(fr: "un fichier GML est une suite « clé valeur » : graph [ node [ id 1 label \"…\" ] edge [ source 1 target 2 ] ]",
                                                  en: "a GML file is a sequence of 'key value': graph [ node [ id 1 label \"…\" ] edge [ source 1 target 2 ] ]")))
        }

        mutating func advance() {
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }

        /// Skips blanks and `#` comments (to the end of the line).
        mutating func skip() {
            while index < scalars.count {
                let c = scalars[index]
                if c == "#" { while index < scalars.count && scalars[index] != "\n" { advance() } }
                else if c.properties.isWhitespace || c == "\u{FEFF}" { advance() }
                else { return }
            }
        }

        /// Key–value pairs until `]` (when `closing`) or the end of the text.
        mutating func list(depth: Int, closing: Bool) throws(InputError) -> [(key: String, value: Value, location: SourceLocation)] {
            guard depth <= GML.maximumDepth else { throw error("listes imbriquées à plus de \(GML.maximumDepth) niveaux", "lists nested more than \(GML.maximumDepth) deep") }
            var items: [(key: String, value: Value, location: SourceLocation)] = []
            while true {
                skip()
                if index >= scalars.count {
                    if closing { throw error("fin du fichier avant le « ] » qui ferme la liste", "end of file before the ']' closing the list") }
                    return items
                }
                if scalars[index] == "]" {
                    guard closing else { throw error("« ] » sans « [ » ouvrant", "']' without an opening '['") }
                    advance()
                    return items
                }
                let location = SourceLocation(file: file, line: line, column: column)
                var key = ""
                while index < scalars.count, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) || scalars[index] == "_" {
                    key.unicodeScalars.append(scalars[index])
                    advance()
                }
                guard !key.isEmpty else { throw error("clé attendue, trouvé « \(scalars[index]) »", "key expected, found '\(scalars[index])'") }
                skip()
                guard index < scalars.count else { throw error("la clé « \(key) » n'a pas de valeur", "key '\(key)' has no value") }
                items.append((key, try value(depth: depth), location))
            }
        }

        mutating func value(depth: Int) throws(InputError) -> Value {
            let c = scalars[index]
            if c == "[" {
                advance()
                return .list(try list(depth: depth + 1, closing: true))
            }
            if c == "\"" {
                advance()
                var text = ""
                while index < scalars.count, scalars[index] != "\"" {
                    text.unicodeScalars.append(scalars[index])
                    advance()
                }
                guard index < scalars.count else { throw error("texte sans guillemet fermant", "text without a closing quote") }
                advance()
                return .string(GML.decodeEntities(text))
            }
            var token = ""
            while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != "]", scalars[index] != "[" {
                token.unicodeScalars.append(scalars[index])
                advance()
            }
            if let integer = Int(token) { return .number(Double(integer), isInteger: true) }
            if let number = Double(token), number.isFinite { return .number(number, isInteger: false) }
            return .string(token)
        }
    }

    /// `&quot;`, `&amp;`, `&lt;`, `&gt;`, `&apos;`, `&#233;`, `&#xE9;` decoded; anything else left as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semi]
                var decoded: String?
                switch name {
                case "quot": decoded = "\""
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "apos": decoded = "'"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) { decoded = String(scalar) }
                    else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) { decoded = String(scalar) }
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
