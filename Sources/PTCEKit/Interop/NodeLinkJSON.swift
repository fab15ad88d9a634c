import Foundation

/// Node-link JSON, as networkx's `node_link_data(G)` / `node_link_graph(data)` (networkx ≥ 3.4: edges under
/// `"edges"`) and D3 (which calls them `"links"`; both are read). Under ptce's convention (see `PropertyGraph`):
/// `{"directed": false, "multigraph": …, "graph": {title, source, synthetic}, "nodes": [{"id", "ptce_type", …}],
/// "edges": [{"source", "target", "ptce_type", …}]}`. A directed tie carries `"directed": true`.
public enum NodeLinkJSON {
    /// The network as networkx/D3 node-link JSON.
    public static func write(_ network: Network) throws -> Data {
        let graph = PropertyGraph(network)
        func json(_ value: PropertyValue) -> JSONValue {
            switch value {
            case .string(let text): return .string(text)
            case .int(let number): return .number(Double(number))
            case .double(let number): return .number(number)
            case .bool(let flag): return .bool(flag)
            }
        }
        // Ids that are all whole numbers written the canonical way ("0", "17", not "007") are JSON numbers, as networkx
        // wrote them (its integer node keys come back integers); any other id list stays text.
        func canonical(_ text: String) -> Bool {
            guard let number = Int(text), number >= 0 else { return false }
            return String(number) == text
        }
        let numericIDs = !graph.nodes.isEmpty && graph.nodes.allSatisfy { canonical($0.id) }
        func id(_ text: String) -> JSONValue { numericIDs ? (Int(text).map { .number(Double($0)) } ?? .string(text)) : .string(text) }
        var pairs = Set<String>()
        var multigraph = false
        let edges: [JSONValue] = graph.edges.map { edge in
            var object = edge.properties.mapValues(json)
            object["source"] = id(edge.source)
            object["target"] = id(edge.target)
            let pair = graph.directed || edge.source < edge.target ? edge.source + "\u{0}" + edge.target : edge.target + "\u{0}" + edge.source
            if !pairs.insert(pair).inserted { multigraph = true }
            return .object(object)
        }
        let nodes: [JSONValue] = graph.nodes.map { node in
            var object = node.properties.mapValues(json)
            object["id"] = id(node.id)
            return .object(object)
        }
        let document: [String: JSONValue] = [
            "directed": .bool(graph.directed), "multigraph": .bool(multigraph), "graph": .object(graph.properties.mapValues(json)),
            "nodes": .array(nodes), "edges": .array(edges),
        ]
        let encoder = JSONOutput.encoder(snakeCaseKeys: false)
        return try encoder.encode(document)
    }

    /// Whether a decoded JSON object is node-link data rather than a network JSON.
    static func looksLikeNodeLink(_ object: [String: Any]) -> Bool {
        object["nodes"] is [Any] && (object["edges"] is [Any] || object["links"] is [Any]) && object["actors"] == nil
    }

    static func load(root: [String: Any], data: Data, path: String, options: LoadOptions) -> LoadResult {
        let builder = NetworkBuilder(options: options)
        let positions = RecordPositions(data: data)
        var graph = PropertyGraph()
        graph.directed = root["directed"] as? Bool ?? false
        func value(_ raw: Any) -> PropertyValue? {
            switch raw {
            case let text as String: return .string(text)
            case let number as NSNumber:
                let type = String(cString: number.objCType)
                if type == "c" || type == "B" { return .bool(number.boolValue) }
                return type == "d" || type == "f" ? .double(number.doubleValue) : .int(number.intValue)
            case is NSNull: return nil
            default:
                guard let data = try? JSONSerialization.data(withJSONObject: raw, options: [.sortedKeys]) else { return nil }
                return .string(String(decoding: data, as: UTF8.self))
            }
        }
        func text(_ raw: Any?) -> String? {
            guard let raw, let v = value(raw) else { return nil }
            return v.text
        }
        if let properties = root["graph"] as? [String: Any] {
            for (key, raw) in properties { if let v = value(raw) { graph.properties[key] = v } }
        }
        for (index, element) in ((root["nodes"] as? [Any]) ?? []).enumerated() {
            let location = positions.location(of: "nodes", index: index, file: path)
            // D3 v3's nodes may have no id: links then point at them by index.
            guard let object = element as? [String: Any], let id = text(object["id"]) ?? (object["id"] == nil && object["name"] != nil ? String(index) : nil) else {
                builder.diagnostics.append(Diagnostic(.error, location, code: "node-link",
                    Localized(fr: "nœud sans « id »", en: "node without 'id'")))
                continue
            }
            var node = PropertyGraph.Element(id: id, location: location)
            for (key, raw) in object where key != "id" { if let v = value(raw) { node.properties[key] = v } }
            graph.nodes.append(node)
        }
        let edgeKey = root["edges"] != nil ? "edges" : "links"
        for (index, element) in ((root[edgeKey] as? [Any]) ?? []).enumerated() {
            let location = positions.location(of: edgeKey, index: index, file: path)
            guard let object = element as? [String: Any], let source = text(object["source"]), let target = text(object["target"]) else {
                builder.diagnostics.append(Diagnostic(.error, location, code: "node-link",
                    Localized(fr: "lien sans « source » ou « target »", en: "edge without 'source' or 'target'")))
                continue
            }
            var edge = PropertyGraph.Edge(source: source, target: target, location: location)
            for (key, raw) in object where !["source", "target", "key"].contains(key) { if let v = value(raw) { edge.properties[key] = v } }
            graph.edges.append(edge)
        }
        if builder.diagnostics.isEmpty { graph.load(into: builder) }
        builder.finish()
        return builder.result()
    }
}
