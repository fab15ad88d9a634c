import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// GEXF 1.3 (Gephi's format, gexf.net), valid against the official 1.3 RelaxNG grammar: typed attributes, `viz`
/// colour, size and position, and time: ties and memberships with since/until carry a spell (`start` the first day of
/// `since`, `end` the last day of `until`: GEXF's `end` is included, as ptce's `until` is), actors and groups with a
/// creation year a spell from its first day, so Gephi's timeline plays the network's history. Written under ptce's
/// convention (see `PropertyGraph`); since/until are also kept as attributes, exact to the precision of the source (a
/// year, a month or a day). Read: ptce's files and Gephi's / networkx's (`write_gexf`): `label` is the actor's name,
/// `weight` the tie's, its dates from spells, `start`/`end`, `intervals`, or `timestamp` (time formats `date`,
/// `dateTime`, `integer`, `double`); an edge with several spells becomes one tie per spell; a dynamic attribute keeps
/// its value with the latest start (said once); node spells of other tools are kept as the free column `spells`; an
/// attribute's `<default>` is the value of the elements that give none.
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
        // No xsi:schemaLocation: the 1.3 RelaxNG grammar, the normative one, allows no such attribute.
        root.addAttribute(XMLNode.attribute(withName: "version", stringValue: "1.3") as! XMLNode)
        let meta = XMLOutput.element("meta", date.map { [("lastmodifieddate", $0)] } ?? [])
        meta.addChild(XMLOutput.element("creator", text: creator))
        // GEXF's meta has no title: the description holds the title, a blank line, then the source.
        var description = [network.title ?? "", network.source ?? ""].joined(separator: "\n\n")
        if network.synthetic { description = "synthetic: " + description }
        if description != "\n\n" { meta.addChild(XMLOutput.element("description", text: description)) }
        root.addChild(meta)
        let dated = graph.edges.contains { $0.properties["since"] != nil || $0.properties["until"] != nil }
            || graph.nodes.contains { $0.properties["creation_year"] != nil }
        var graphAttributes = [("defaultedgetype", graph.directed ? "directed" : "undirected"), ("mode", dated ? "dynamic" : "static")]
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
                let type = PropertyValue.commonType(values.compactMap { $0[key] })
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
            if case .int(let year)? = node.properties["creation_year"], (1...9999).contains(year) {
                element.addChild(spells([("start", String(format: "%04d-01-01", year))]))
            }
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
                element.addChild(spells((since.flatMap(fullDate).map { [("start", $0)] } ?? []) + (until.flatMap(lastDay).map { [("end", $0)] } ?? [])))
            }
            edges.addChild(element)
        }
        body.addChild(edges)
        root.addChild(body)
        return XMLOutput.data(root)
    }

    static func number(_ value: Double) -> String { String(format: "%.3f", value) }

    /// `<spells><spell …bounds/></spells>`.
    static func spells(_ bounds: [(String, String)]) -> XMLElement {
        let spells = XMLOutput.element("spells")
        spells.addChild(XMLOutput.element("spell", bounds))
        return spells
    }

    /// `2014` → `2014-01-01`, `2014-03` → `2014-03-01`: the first day of a partial date.
    static func fullDate(_ text: String) -> String? {
        guard case .success(let date) = PartialDate.parse(text) else { return nil }
        return String(format: "%04d-%02d-%02d", date.year, date.month ?? 1, date.day ?? 1)
    }

    /// `2014` → `2014-12-31`, `2014-02` → `2014-02-28`: the last day of a partial date (GEXF's `end` is included).
    static func lastDay(_ text: String) -> String? {
        guard case .success(let date) = PartialDate.parse(text) else { return nil }
        let month = date.month ?? 12
        if let day = date.day { return String(format: "%04d-%02d-%02d", date.year, month, day) }
        let leap = date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][max(0, min(11, month - 1))]
        return String(format: "%04d-%02d-%02d", date.year, month, days)
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
        /// The current element's periods: its `start`/`end`, `timestamp`, `intervals` and `<spell>`s.
        var spells: [(start: String?, end: String?)] = []
        /// The start of the value kept for each dynamic attribute of the current element.
        var valueStarts: [String: String] = [:]
        var dynamicValues = 0
        /// `<default>` values by class and attribute title, and the attribute declared last (a `<default>` is its child).
        var defaults: [String: [String: PropertyValue]] = [:]
        var lastDeclared: (kind: String, title: String, type: String)?
        /// Numbers that are not finite (nan, INF), by attribute: left empty, said once.
        var nonFinite: [String: Int] = [:]
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
                lastDeclared = (attributeClass, title, (attributes["type"] ?? "string").lowercased())
            case "node":
                nodeDepth += 1
                guard nodeDepth == 1 else { fail(location, "nœuds imbriqués : non pris en charge", "nested nodes: not supported"); return }
                guard let id = attributes["id"] else { fail(location, "<node> sans id", "<node> without id"); return }
                var element = PropertyGraph.Element(id: id, location: location)
                // An empty label (yEd's unlabelled nodes) is no name: the id stands for it.
                if let label = attributes["label"], !label.trimmingCharacters(in: .whitespaces).isEmpty { element.properties["label"] = .string(label) }
                node = element
                spells = Self.periods(attributes)
                valueStarts = [:]
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
                    guard let weight = Double(text) else { fail(location, "poids « \(text) » invalide", "invalid weight '\(text)'"); return }
                    if weight.isFinite { element.properties["weight"] = .double(weight) } else { nonFinite["weight", default: 0] += 1 }
                }
                spells = Self.periods(attributes)
                valueStarts = [:]
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
                // A dynamic attribute (values with start/end): the value with the latest start is kept.
                if let start = attributes["start"] ?? attributes["timestamp"] ?? attributes["startopen"] {
                    dynamicValues += 1
                    if let kept = valueStarts[declaration.title], Self.order(kept, timeIsNumber: timeIsNumber) > Self.order(start, timeIsNumber: timeIsNumber) { return }
                    valueStarts[declaration.title] = start
                }
                if case .string("") = value, declaration.type != "string" { nonFinite[declaration.title, default: 0] += 1; return }
                if edge != nil { edge!.properties[declaration.title] = value } else if node != nil { node!.properties[declaration.title] = value }
            case "spell":
                // GEXF 1.2's open bounds (`startopen`, `endopen`) are read as bounds.
                spells.append((attributes["start"] ?? attributes["timestamp"] ?? attributes["startopen"],
                               attributes["end"] ?? attributes["timestamp"] ?? attributes["endopen"]))
            default: break
            }
        }

        func end(_ name: String, text: String, at location: SourceLocation) {
            switch name {
            case "default":
                // An attribute's <default>: the value of every node or edge that does not give one.
                if let (kind, title, type) = lastDeclared, let value = parse(text, type: type) { defaults[kind, default: [:]][title] = value }
            case "graph" where dynamicValues > 0 || !nonFinite.isEmpty:
                if !nonFinite.isEmpty { problems.append(SafeXML.nonFiniteWarning(nonFinite, at: location)) }
                guard dynamicValues > 0 else { return }
                problems.append(Diagnostic(.warning, location, code: "gexf-dynamic-values",
                    Localized(fr: "\(dynamicValues) valeurs d'attributs datées : pour chaque attribut, la valeur qui commence le plus tard est gardée",
                              en: "\(dynamicValues) dated attribute values: for each attribute, the value starting latest is kept")))
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
                if nodeDepth == 0, var finished = node {
                    for (title, value) in defaults["node"] ?? [:] where finished.properties[title] == nil { finished.properties[title] = value }
                    // Node periods of other tools have no place in the model: kept as a column ("2015-01-01..2018-12-31").
                    // ptce's own node spells repeat the creation year.
                    if !spells.isEmpty, finished.properties["creation_year"] == nil, finished.properties["ptce_type"] == nil {
                        finished.properties["spells"] = .string(spells.map { "\($0.start.flatMap(date) ?? "")..\($0.end.flatMap(date) ?? "")" }.joined(separator: "; "))
                    }
                    graph.nodes.append(finished)
                    node = nil
                }
                spells = []
            case "edge":
                guard var finished = edge else { return }
                for (title, value) in defaults["edge"] ?? [:] where finished.properties[title] == nil { finished.properties[title] = value }
                // Dates from the spells only when the file has no since/until attributes (files of other tools): one
                // tie per spell, each with its own dates.
                if spells.isEmpty || finished.properties["since"] != nil || finished.properties["until"] != nil {
                    graph.edges.append(finished)
                } else {
                    for spell in spells {
                        var copy = finished
                        if let start = spell.start.flatMap(date) { copy.properties["since"] = .string(start) }
                        if let end = spell.end.flatMap(date) { copy.properties["until"] = .string(end) }
                        graph.edges.append(copy)
                    }
                }
                edge = nil
                spells = []
            default: break
            }
        }

        /// A time of the file as a ptce date: a number (`integer`, `double` time formats) is a year; a `dateTime` its
        /// day; infinite bounds (Gephi writes `Infinity`) none.
        func date(_ raw: String) -> String? {
            let text = raw.trimmingCharacters(in: .whitespaces)
            if ["infinity", "-infinity", "inf", "-inf", ""].contains(text.lowercased()) { return nil }
            if timeIsNumber, let value = Double(text) { return value.isFinite ? String(Int(value.rounded(.down))) : nil }
            if let cut = text.firstIndex(of: "T") { return String(text[..<cut]) }
            return text
        }

        /// An element's own periods: `start`/`end` (or GEXF 1.2's `startopen`/`endopen`), `timestamp`, `timestamps`
        /// ("<[2015, 2017]>" lists are GEXF 1.3's `intervals`: "[2015, 2017]; [2019, 2020]").
        static func periods(_ attributes: [String: String]) -> [(start: String?, end: String?)] {
            if let intervals = attributes["intervals"] {
                return intervals.split(whereSeparator: { $0 == ";" || $0 == "<" || $0 == ">" }).compactMap { part in
                    let bounds = part.trimmingCharacters(in: CharacterSet(charactersIn: "[]() ")).split(separator: ",", omittingEmptySubsequences: false)
                        .map { $0.trimmingCharacters(in: .whitespaces) }
                    guard bounds.count >= 2 else { return nil }
                    return (bounds[0].isEmpty ? nil : bounds[0], bounds[1].isEmpty ? nil : bounds[1])
                }
            }
            if let stamps = attributes["timestamps"] {
                return stamps.split(whereSeparator: { $0 == ";" || $0 == "<" || $0 == ">" || $0 == "[" || $0 == "]" || $0 == "," })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { ($0, $0) }
            }
            if let stamp = attributes["timestamp"] { return [(stamp, stamp)] }
            let start = attributes["start"] ?? attributes["startopen"], end = attributes["end"] ?? attributes["endopen"]
            return start == nil && end == nil ? [] : [(start, end)]
        }

        /// A time as a number to compare (dates as yyyymmdd).
        static func order(_ raw: String, timeIsNumber: Bool) -> Double {
            if timeIsNumber { return Double(raw) ?? -.infinity }
            let digits = raw.prefix(10).filter(\.isNumber)
            return Double(digits.padding(toLength: 8, withPad: "0", startingAt: 0)) ?? -.infinity
        }

        func parse(_ raw: String, type: String) -> PropertyValue? {
            switch type {
            case "integer", "long", "short", "byte": return Int(raw.trimmingCharacters(in: .whitespaces)).map(PropertyValue.int)
            case "double", "float", "bigdecimal":
                return Double(raw.trimmingCharacters(in: .whitespaces)).map { $0.isFinite ? PropertyValue.double($0) : .string("") }
            case "boolean":
                switch raw.lowercased() { case "true", "1": return .bool(true); case "false", "0": return .bool(false); default: return nil }
            default: return .string(raw)
            }
        }
    }
}
