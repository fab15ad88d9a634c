import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// GEXF 1.3 (Gephi's format, gexf.net): typed attributes, `viz` colour, size and position, and time: ties and
/// memberships with since/until carry a spell (`start`, `endopen`, `timeformat="date"`) so Gephi's timeline plays the
/// network's history. Written under ptce's convention (see `PropertyGraph`); since/until are also kept as attributes,
/// exact to the precision of the source (a year, a month or a day). Read: ptce's files and Gephi's / networkx's
/// (`write_gexf`): `label` is the actor's name, `weight` the tie's, spells or `start`/`end` its dates.
public enum GEXF {
    /// How nodes look in Gephi: colour (0–255 RGB), size, position. Filled by the command line from the diagrams'
    /// style and a Graphviz layout; empty leaves `viz` out.
    public struct Style: Sendable {
        /// Node colours by actor id (GEXF `viz:color`).
        public var colors: [String: (r: Int, g: Int, b: Int)] = [:]
        /// Node sizes by actor id (`viz:size`).
        public var sizes: [String: Double] = [:]
        /// Node positions by actor id (`viz:position`), e.g. from a Graphviz layout.
        public var positions: [String: (x: Double, y: Double)] = [:]
        /// No colour, size or position.
        public init() {}
    }

    /// The network as GEXF 1.3 with `style`, ties' dates as spells.
    public static func write(_ network: Network, style: Style = Style(), creator: String = "ptce", date: String? = nil) -> Data {
        let graph = PropertyGraph(network)
        let root = XMLOutput.element("gexf")
        root.addNamespace(XMLOutput.namespace("", "http://gexf.net/1.3"))
        root.addNamespace(XMLOutput.namespace("viz", "http://gexf.net/1.3/viz"))
        root.addNamespace(XMLOutput.namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        root.addAttribute(XMLNode.attribute(withName: "xsi:schemaLocation", stringValue: "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd") as! XMLNode)
        root.addAttribute(XMLNode.attribute(withName: "version", stringValue: "1.3") as! XMLNode)
        let meta = XMLOutput.element("meta", date.map { [("lastmodifieddate", $0)] } ?? [])
        meta.addChild(XMLOutput.element("creator", text: creator))
        // GEXF's meta has no title: the description holds the title, a blank line, then the source.
        var description = [network.title ?? "", network.source ?? ""].joined(separator: "\n\n")
        if network.synthetic { description = "synthetic: " + description }
        if description != "\n\n" { meta.addChild(XMLOutput.element("description", text: description)) }
        root.addChild(meta)
        let dated = graph.edges.contains { $0.properties["since"] != nil || $0.properties["until"] != nil }
        var graphAttributes = [("defaultedgetype", "undirected"), ("mode", dated ? "dynamic" : "static")]
        if dated { graphAttributes.append(("timeformat", "date")) }
        let body = XMLOutput.element("graph", graphAttributes)
        // The name is the node's label and the weight the edge's: not repeated as attributes.
        let nodeKeys = graph.nodeKeys.filter { $0 != "name" }
        let edgeKeys = graph.edgeKeys.filter { $0 != "weight" }
        func declare(_ keys: [String], kind: String, prefix: String, values: [[String: PropertyValue]]) -> [String: String] {
            let list = XMLOutput.element("attributes", [("class", kind), ("mode", "static")])
            var ids: [String: String] = [:]
            for (index, key) in keys.enumerated() {
                ids[key] = "\(prefix)\(index)"
                let type = values.lazy.compactMap { $0[key] }.first?.typeName ?? "string"
                list.addChild(XMLOutput.element("attribute", [("id", "\(prefix)\(index)"), ("title", key), ("type", type)]))
            }
            body.addChild(list)
            return ids
        }
        let nodeIDs = declare(nodeKeys, kind: "node", prefix: "n", values: graph.nodes.map(\.properties))
        let edgeIDs = declare(edgeKeys, kind: "edge", prefix: "e", values: graph.edges.map(\.properties))
        func attvalues(_ properties: [String: PropertyValue], keys: [String], ids: [String: String]) -> XMLElement? {
            let present = keys.filter { properties[$0] != nil }
            guard !present.isEmpty else { return nil }
            let list = XMLOutput.element("attvalues")
            for key in present { list.addChild(XMLOutput.element("attvalue", [("for", ids[key]!), ("value", properties[key]!.text)])) }
            return list
        }
        let nodes = XMLOutput.element("nodes")
        for node in graph.nodes {
            let element = XMLOutput.element("node", [("id", node.id), ("label", node.properties["name"]?.text ?? node.id)])
            if let values = attvalues(node.properties, keys: nodeKeys, ids: nodeIDs) { element.addChild(values) }
            if let color = style.colors[node.id] {
                element.addChild(XMLOutput.element("viz:color", [("r", "\(color.r)"), ("g", "\(color.g)"), ("b", "\(color.b)")]))
            }
            if let position = style.positions[node.id] {
                element.addChild(XMLOutput.element("viz:position", [("x", number(position.x)), ("y", number(position.y)), ("z", "0")]))
            }
            if let size = style.sizes[node.id] { element.addChild(XMLOutput.element("viz:size", [("value", number(size))])) }
            nodes.addChild(element)
        }
        body.addChild(nodes)
        let edges = XMLOutput.element("edges")
        for (index, edge) in graph.edges.enumerated() {
            var attributes = [("id", "\(index)"), ("source", edge.source), ("target", edge.target)]
            if edge.directed == true { attributes.append(("type", "directed")) }
            if let weight = edge.properties["weight"] { attributes.append(("weight", weight.text)) }
            let element = XMLOutput.element("edge", attributes)
            if let values = attvalues(edge.properties, keys: edgeKeys, ids: edgeIDs) { element.addChild(values) }
            let since = edge.properties["since"]?.text, until = edge.properties["until"]?.text
            if since != nil || until != nil {
                let spells = XMLOutput.element("spells")
                var bounds: [(String, String)] = []
                if let since, let date = fullDate(since) { bounds.append(("start", date)) }
                if let until, let date = fullDate(until) { bounds.append(("endopen", date)) }
                spells.addChild(XMLOutput.element("spell", bounds))
                element.addChild(spells)
            }
            edges.addChild(element)
        }
        body.addChild(edges)
        root.addChild(body)
        return XMLOutput.data(root)
    }

    static func number(_ value: Double) -> String { String(format: "%.3f", value) }

    /// `2014` → `2014-01-01`, `2014-03` → `2014-03-01`: the first day of a partial date.
    static func fullDate(_ text: String) -> String? {
        guard case .success(let date) = PartialDate.parse(text) else { return nil }
        return String(format: "%04d-%02d-%02d", date.year, date.month ?? 1, date.day ?? 1)
    }

    /// Reads a GEXF file (every problem located).
    public static func load(path: String, options: LoadOptions) -> LoadResult {
        SafeXML.loadNetwork(path: path, options: options, reader: Reader(file: path), format: "GEXF", code: "gexf-shape")
    }

    final class Reader: SafeXML.GraphReader {
        let file: String
        var graph = PropertyGraph()
        var problems: [Diagnostic] = []
        var sawGraph = false
        var attributeClass = "node"
        var declared: [String: [String: (title: String, type: String)]] = ["node": [:], "edge": [:]]
        var node: PropertyGraph.Element?
        var edge: PropertyGraph.Edge?
        var spell: (start: String?, end: String?)?
        var timeIsNumber = false
        var nodeDepth = 0

        init(file: String) { self.file = file }

        func fail(_ location: SourceLocation, _ fr: String, _ en: String) {
            if problems.count < 100 { problems.append(Diagnostic(.error, location, code: "gexf", Localized(fr: fr, en: en))) }
        }

        func start(_ name: String, attributes: [String: String], at location: SourceLocation) {
            switch name {
            case "graph":
                sawGraph = true
                graph.directed = attributes["defaultedgetype"] == "directed"
                timeIsNumber = ["integer", "double"].contains(attributes["timeformat"] ?? "")
            case "attributes": attributeClass = attributes["class"] ?? "node"
            case "attribute":
                guard let id = attributes["id"] else { fail(location, "<attribute> sans id", "<attribute> without id"); return }
                let title = attributes["title"] ?? id
                declared[attributeClass, default: [:]][id] = (title, (attributes["type"] ?? "string").lowercased())
                if attributeClass == "node" { graph.nodeKeys.append(title) } else { graph.edgeKeys.append(title) }
            case "node":
                nodeDepth += 1
                guard nodeDepth == 1 else { fail(location, "nœuds imbriqués : non pris en charge", "nested nodes: not supported"); return }
                guard let id = attributes["id"] else { fail(location, "<node> sans id", "<node> without id"); return }
                var element = PropertyGraph.Element(id: id, location: location)
                if let label = attributes["label"] { element.properties["label"] = .string(label) }
                node = element
            case "edge":
                guard let source = attributes["source"], let target = attributes["target"] else {
                    fail(location, "<edge> sans source ou target", "<edge> without source or target"); return
                }
                var element = PropertyGraph.Edge(source: source, target: target, location: location)
                if let type = attributes["type"] {
                    // networkx writes an edge's `type` data here; GEXF means directed, undirected or mutual.
                    if ["directed", "undirected", "mutual"].contains(type) { element.directed = type == "directed" } else { element.properties["type"] = .string(type) }
                }
                if let text = attributes["weight"] {
                    guard let weight = Double(text), weight.isFinite else { fail(location, "poids « \(text) » invalide", "invalid weight '\(text)'"); return }
                    element.properties["weight"] = .double(weight)
                }
                if attributes["start"] != nil || attributes["end"] != nil { spell = (attributes["start"], attributes["end"]) }
                edge = element
            case "attvalue":
                guard let key = attributes["for"] ?? attributes["id"], let raw = attributes["value"] else {
                    fail(location, "<attvalue> sans for ou value", "<attvalue> without for or value"); return
                }
                let kind = edge != nil ? "edge" : "node"
                guard let declaration = declared[kind]?[key] ?? declared[kind]?.values.first(where: { $0.title == key }) else {
                    fail(location, "attribut « \(key) » non déclaré dans <attributes class=\"\(kind)\">", "attribute '\(key)' is not declared in <attributes class=\"\(kind)\">")
                    return
                }
                guard let value = parse(raw, type: declaration.type) else {
                    fail(location, "« \(raw) » n'est pas une valeur \(declaration.type) (attribut \(declaration.title))",
                         "'\(raw)' is not a \(declaration.type) value (attribute \(declaration.title))")
                    return
                }
                if edge != nil { edge!.properties[declaration.title] = value } else if node != nil { node!.properties[declaration.title] = value }
            case "spell":
                if edge != nil, spell == nil { spell = (attributes["start"] ?? attributes["startopen"], attributes["end"] ?? attributes["endopen"]) }
            default: break
            }
        }

        func end(_ name: String, text: String, at location: SourceLocation) {
            switch name {
            case "description" where !sawGraph:
                var body = text
                if body.hasPrefix("synthetic: ") { graph.properties["synthetic"] = .bool(true); body = String(body.dropFirst(11)) }
                if let split = body.range(of: "\n\n") {
                    let title = String(body[..<split.lowerBound]), source = String(body[split.upperBound...])
                    if !title.isEmpty { graph.properties["title"] = .string(title) }
                    if !source.isEmpty { graph.properties["source"] = .string(source) }
                } else if !body.isEmpty {
                    graph.properties["source"] = .string(body)
                }
            case "node":
                nodeDepth -= 1
                if nodeDepth == 0, let finished = node { graph.nodes.append(finished); node = nil }
            case "edge":
                guard var finished = edge else { return }
                // Dates from the spell only when the file has no since/until attributes (files of other tools).
                if let spell, finished.properties["since"] == nil, finished.properties["until"] == nil {
                    if let start = spell.start.flatMap(date) { finished.properties["since"] = .string(start) }
                    if let end = spell.end.flatMap(date) { finished.properties["until"] = .string(end) }
                }
                graph.edges.append(finished)
                edge = nil
                spell = nil
            default: break
            }
        }

        func date(_ raw: String) -> String? {
            if timeIsNumber, let value = Double(raw), value.isFinite { return String(Int(value.rounded(.down))) }
            return raw
        }

        func parse(_ raw: String, type: String) -> PropertyValue? {
            switch type {
            case "integer", "long", "short", "byte": return Int(raw.trimmingCharacters(in: .whitespaces)).map(PropertyValue.int)
            case "double", "float", "bigdecimal":
                return Double(raw.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? PropertyValue.double($0) : nil }
            case "boolean":
                switch raw.lowercased() { case "true", "1": return .bool(true); case "false", "0": return .bool(false); default: return nil }
            default: return .string(raw)
            }
        }
    }
}
