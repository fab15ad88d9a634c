import Foundation

/// GDF, GUESS's format that Gephi reads and writes: a line `nodedef>name VARCHAR,label VARCHAR,…` then one line per
/// node, a line `edgedef>node1 VARCHAR,node2 VARCHAR,directed BOOLEAN,weight DOUBLE,…` then one line per edge. Values
/// are comma-separated, text may be quoted with `'` or `"` (Gephi quotes colours: `'114,116,177'`). Read only: `name`
/// is the node's id, `label` its name; `node1`/`node2` the ends; `directed`, `weight` the tie's; every other column an
/// attribute typed by its declaration (INT, DOUBLE, BOOLEAN, VARCHAR).
public enum GDF {
    public static func load(path: String, options: LoadOptions) -> LoadResult {
        let data: Data
        do { data = try InputFile.read(path) } catch { return PropertyGraph.failure(error.diagnostic, options: options) }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var graph = PropertyGraph()
        var columns: [(name: String, type: String)] = []
        var section = ""
        func failure(_ line: Int, _ column: Int, _ fr: String, _ en: String) -> LoadResult {
            PropertyGraph.failure(Diagnostic(.error, SourceLocation(file: path, line: line, column: column), code: "gdf", Localized(fr: fr, en: en),
                hint: Localized(fr: "un fichier GDF a une ligne « nodedef>name VARCHAR,label VARCHAR » puis ses nœuds, et une ligne « edgedef>node1 VARCHAR,node2 VARCHAR » puis ses liens",
                                en: "a GDF file has a line 'nodedef>name VARCHAR,label VARCHAR' then its nodes, and a line 'edgedef>node1 VARCHAR,node2 VARCHAR' then its edges")), options: options)
        }
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let lower = line.lowercased()
            if lower.hasPrefix("nodedef>") || lower.hasPrefix("edgedef>") {
                section = String(lower.prefix(7))
                columns = split(String(line.dropFirst(8))).map { definition in
                    let words = definition.split(separator: " ", omittingEmptySubsequences: true)
                    return (String(words.first ?? "").lowercased(), words.dropFirst().first.map { $0.lowercased() } ?? "varchar")
                }
                continue
            }
            guard !section.isEmpty else { return failure(number, 1, "ligne avant « nodedef> »", "line before 'nodedef>'") }
            let values = split(line)
            let location = SourceLocation(file: path, line: number, column: 1)
            var properties: [String: PropertyValue] = [:]
            for (index, value) in values.enumerated() where index < columns.count && !value.isEmpty {
                properties[columns[index].name] = typed(value, columns[index].type)
            }
            if section == "nodedef" {
                guard let id = properties.removeValue(forKey: "name")?.text else { return failure(number, 1, "nœud sans « name » (sa première colonne)", "node without 'name' (its first column)") }
                graph.nodes.append(PropertyGraph.Element(id: id, properties: properties, location: location))
            } else {
                guard let source = properties.removeValue(forKey: "node1")?.text, let target = properties.removeValue(forKey: "node2")?.text else {
                    return failure(number, 1, "lien sans « node1 » ou « node2 »", "edge without 'node1' or 'node2'")
                }
                var directed: Bool?
                if case .bool(let flag)? = properties.removeValue(forKey: "directed") { directed = flag }
                graph.edges.append(PropertyGraph.Edge(source: source, target: target, directed: directed, properties: properties, location: location))
            }
        }
        guard !graph.nodes.isEmpty || !graph.edges.isEmpty else { return failure(1, 1, "ni nœud ni lien : ce n'est pas un fichier GDF", "no node and no edge: this is not a GDF file") }
        graph.nodeKeys = Array(Set(graph.nodes.flatMap(\.properties.keys))).sorted()
        graph.edgeKeys = Array(Set(graph.edges.flatMap(\.properties.keys))).sorted()
        return graph.network(options: options)
    }

    /// A value of a declared type; text when it does not read as that type.
    static func typed(_ text: String, _ type: String) -> PropertyValue {
        switch type {
        case "int", "integer", "tinyint", "smallint", "bigint": return Int(text).map(PropertyValue.int) ?? .string(text)
        case "double", "float", "real": return Double(text).flatMap { $0.isFinite ? PropertyValue.double($0) : nil } ?? .string(text)
        case "boolean", "bool":
            switch text.lowercased() { case "true", "1": return .bool(true); case "false", "0": return .bool(false); default: return .string(text) }
        default: return .string(text)
        }
    }

    /// Splits on commas outside `'…'` or `"…"` quotes; quotes removed, values trimmed.
    static func split(_ line: String) -> [String] {
        var values: [String] = []
        var current = ""
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "," {
                values.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        values.append(current.trimmingCharacters(in: .whitespaces))
        return values
    }
}
