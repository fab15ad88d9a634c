import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// GraphML (graphml.graphdrawing.org): typed keys declared with `for=` and `attr.type`, node and edge data,
/// `edgedefault` with per-edge `directed`. Written under ptce's convention (see `PropertyGraph`), the actor's name
/// as `label` (what Gephi and yEd show). Read: files of ptce, networkx (`write_graphml`), igraph (`write_graphml`),
/// yEd (labels from `y:NodeLabel` in `nodegraphics` data) and Cytoscape (`name`, `shared name`, `interaction`).
/// Refused with a position: an undeclared key, a value that is not of its key's type, hyperedges and nested graphs.
public enum GraphML {
    /// The network as GraphML, every field a typed key (docs/interop.md).
    public static func write(_ network: Network) -> Data {
        write(PropertyGraph(network))
    }

    static func write(_ graph: PropertyGraph) -> Data {
        let root = XMLOutput.element("graphml")
        root.addNamespace(XMLOutput.namespace("", "http://graphml.graphdrawing.org/xmlns"))
        root.addNamespace(XMLOutput.namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        root.addAttribute(XMLNode.attribute(withName: "xsi:schemaLocation",
            stringValue: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd") as! XMLNode)
        // An actor's name is the node's `label` (what yEd and Gephi show); the graph's `name` stays `name`.
        func external(_ name: String, _ domain: String) -> String { name == "name" && domain != "graph" ? "label" : name }
        func declare(_ names: [String], domain: String, prefix: String, values: [[String: PropertyValue]]) -> [String: String] {
            var ids: [String: String] = [:]
            for (index, name) in names.enumerated() {
                let id = "\(prefix)\(index)"
                ids[name] = id
                let type = PropertyValue.commonType(values.compactMap { $0[name] })
                root.addChild(XMLOutput.element("key", [("id", id), ("for", domain), ("attr.name", external(name, domain)), ("attr.type", type)]))
            }
            return ids
        }
        let graphKeys = declare(graph.properties.keys.sorted(), domain: "graph", prefix: "g", values: [graph.properties])
        let nodeKeys = declare(graph.nodeKeys, domain: "node", prefix: "n", values: graph.nodes.map(\.properties))
        let edgeKeys = declare(graph.edgeKeys, domain: "edge", prefix: "e", values: graph.edges.map(\.properties))
        let body = XMLOutput.element("graph", [("id", "G"), ("edgedefault", graph.directed ? "directed" : "undirected")])
        for (name, value) in graph.properties.sorted(by: { $0.key < $1.key }) {
            body.addChild(XMLOutput.element("data", [("key", graphKeys[name]!)], text: value.text))
        }
        func addData(_ properties: [String: PropertyValue], keys: [String], ids: [String: String], to element: XMLElement) {
            for key in keys { if let value = properties[key] { element.addChild(XMLOutput.element("data", [("key", ids[key]!)], text: value.text)) } }
        }
        for node in graph.nodes {
            let element = XMLOutput.element("node", [("id", node.id)])
            addData(node.properties, keys: graph.nodeKeys, ids: nodeKeys, to: element)
            body.addChild(element)
        }
        for (index, edge) in graph.edges.enumerated() {
            var attributes = [("id", "e\(index)"), ("source", edge.source), ("target", edge.target)]
            if let directed = edge.directed, directed != graph.directed { attributes.append(("directed", directed ? "true" : "false")) }
            let element = XMLOutput.element("edge", attributes)
            addData(edge.properties, keys: graph.edgeKeys, ids: edgeKeys, to: element)
            body.addChild(element)
        }
        root.addChild(body)
        return XMLOutput.data(root)
    }

    /// Reads a GraphML file (every problem located).
    public static func load(path: String, options: LoadOptions) -> LoadResult {
        SafeXML.loadNetwork(path: path, options: options, reader: Reader(file: path), format: "GraphML", code: "graphml-shape")
    }

    final class Reader: SafeXML.GraphReader {
        struct Key { let name: String; let domain: String; let type: String; var defaultValue: String?; let yfiles: String? }
        let file: String
        var graph = PropertyGraph()
        var problems: [Diagnostic] = []
        /// Numbers that are not finite (nan, INF), by key: left empty, said once.
        var nonFinite: [String: Int] = [:]
        var keys: [String: Key] = [:]
        var currentKey: String?
        var sawGraph = false
        var depth = 0  // nesting of <graph>
        var node: PropertyGraph.Element?
        var edge: PropertyGraph.Edge?
        var data: (key: String, location: SourceLocation)?
        var yedLabel: String?

        init(file: String) { self.file = file }

        func fail(_ location: SourceLocation, _ fr: String, _ en: String, hint: Localized? = nil) {
            if problems.count < 100 { problems.append(Diagnostic(.error, location, code: "graphml", Localized(fr: fr, en: en), hint: hint)) }
        }

        func start(_ name: String, attributes: [String: String], at location: SourceLocation) {
            switch name {
            case "key":
                guard let id = attributes["id"] else { fail(location, "<key> sans id", "<key> without id"); return }
                let keyName = attributes["attr.name"] ?? id
                keys[id] = Key(name: keyName, domain: attributes["for"] ?? "all", type: (attributes["attr.type"] ?? "string").lowercased(),
                               defaultValue: nil, yfiles: attributes["yfiles.type"])
                currentKey = id
                let domain = attributes["for"] ?? "all"
                if attributes["yfiles.type"] == nil {
                    if domain == "node" || domain == "all", !graph.nodeKeys.contains(keyName) { graph.nodeKeys.append(keyName) }
                    if domain == "edge" || domain == "all", !graph.edgeKeys.contains(keyName) { graph.edgeKeys.append(keyName) }
                }
            case "graph":
                depth += 1
                if depth > 1 {
                    fail(location, "graphe imbriqué dans un nœud : non pris en charge", "graph nested in a node: not supported",
                         hint: Localized(fr: "aplatissez le graphe (yEd : « Grouping > Ungroup ») avant l'export", en: "flatten the graph (yEd: Grouping > Ungroup) before exporting"))
                    return
                }
                sawGraph = true
                graph.directed = attributes["edgedefault"] == "directed"
            case "node" where depth == 1:
                guard let id = attributes["id"] else { fail(location, "<node> sans id", "<node> without id"); return }
                node = PropertyGraph.Element(id: id, location: location)
            case "edge" where depth == 1:
                guard let source = attributes["source"], let target = attributes["target"] else {
                    fail(location, "<edge> sans source ou target", "<edge> without source or target"); return
                }
                edge = PropertyGraph.Edge(source: source, target: target, directed: attributes["directed"].map { $0 == "true" }, location: location)
            case "hyperedge":
                fail(location, "hyperarête : non prise en charge (un lien relie deux acteurs)", "hyperedge: not supported (a tie joins two actors)")
            case "data":
                guard let key = attributes["key"] else { fail(location, "<data> sans attribut key", "<data> without a key attribute"); return }
                guard keys[key] != nil else {
                    fail(location, "clé « \(key) » non déclarée", "key '\(key)' is not declared",
                         hint: Localized(fr: "chaque <data key=\"…\"> doit avoir sa déclaration <key id=\"\(key)\" for=\"…\" attr.name=\"…\" attr.type=\"…\"/> en tête du fichier",
                                         en: "each <data key=\"…\"> needs its declaration <key id=\"\(key)\" for=\"…\" attr.name=\"…\" attr.type=\"…\"/> at the top of the file"))
                    return
                }
                data = (key, location)
                yedLabel = nil
            default: break
            }
        }

        func end(_ name: String, text: String, at location: SourceLocation) {
            switch name {
            case "default":
                if let id = currentKey { keys[id]?.defaultValue = text }
            case "key": currentKey = nil
            case "graph":
                depth -= 1
                if depth == 0, !nonFinite.isEmpty { problems.append(SafeXML.nonFiniteWarning(nonFinite, at: location)) }
            case "y:NodeLabel", "y:EdgeLabel":
                if data != nil, yedLabel == nil, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { yedLabel = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            case "data":
                guard let (id, where_) = data, let key = keys[id] else { return }
                data = nil
                if key.yfiles != nil {
                    // yEd's graphics: keep only the label.
                    if let label = yedLabel { setProperty("label", .string(label)) }
                    return
                }
                guard let value = parse(text, type: key.type, at: where_, key: key.name) else { return }
                if node == nil && edge == nil, depth == 1 { graph.properties[key.name] = value } else { setProperty(key.name, value) }
            case "node" where depth == 1:
                guard var finished = node else { return }
                applyDefaults(&finished.properties, domain: "node")
                graph.nodes.append(finished)
                node = nil
            case "edge" where depth == 1:
                guard var finished = edge else { return }
                applyDefaults(&finished.properties, domain: "edge")
                graph.edges.append(finished)
                edge = nil
            default: break
            }
        }

        func setProperty(_ name: String, _ value: PropertyValue) {
            if node != nil { node!.properties[name] = value } else if edge != nil { edge!.properties[name] = value }
        }

        func applyDefaults(_ properties: inout [String: PropertyValue], domain: String) {
            for key in keys.values where (key.domain == domain || key.domain == "all") && key.yfiles == nil {
                if properties[key.name] == nil, let text = key.defaultValue,
                   let value = parse(text, type: key.type, at: SourceLocation(file: file, line: 1, column: 1), key: key.name) {
                    properties[key.name] = value
                }
            }
        }

        func parse(_ raw: String, type: String, at location: SourceLocation, key: String) -> PropertyValue? {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            switch type {
            case "int", "long":
                if let value = Int(text) { return .int(value) }
            case "float", "double":
                if let value = Double(text) {
                    if value.isFinite { return .double(value) }
                    // nan, INF (networkx writes missing numbers as nan): a missing value, counted and said once.
                    nonFinite[key, default: 0] += 1
                    return nil
                }
            case "boolean":
                if ["true", "1"].contains(text.lowercased()) { return .bool(true) }
                if ["false", "0"].contains(text.lowercased()) { return .bool(false) }
            default:
                return .string(raw)
            }
            fail(location, "« \(text) » n'est pas une valeur \(type) (clé \(key))", "'\(text)' is not a \(type) value (key \(key))",
                 hint: Localized(fr: "corrigez la valeur ou déclarez la clé attr.type=\"string\"", en: "fix the value or declare the key attr.type=\"string\""))
            return nil
        }
    }
}
