import Foundation

/// A typed value of an interchange format (GraphML `attr.type`, GEXF attribute types, JSON values).
package enum PropertyValue: Hashable, Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    /// The value as text: integers without a fraction, doubles in Swift's shortest round-tripping form.
    package var text: String {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        case .bool(let value): return value ? "true" : "false"
        }
    }

    /// The type name shared by GraphML's `attr.type` and GEXF's attribute `type`.
    /// The attribute of a free column holding this value, its type kept (nil for text).
    package func attribute(_ name: String) -> Attribute {
        switch self {
        case .string(let text): return Attribute(name: name, value: text)
        case .int: return Attribute(name: name, value: text, type: "long")
        case .double: return Attribute(name: name, value: text, type: "double")
        case .bool: return Attribute(name: name, value: text, type: "boolean")
        }
    }

    /// A free column's value with the type it was read with (text when it has none or no longer reads as it).
    package init(_ attribute: Attribute) {
        switch attribute.type {
        case "long": self = Int(attribute.value).map(PropertyValue.int) ?? .string(attribute.value)
        case "double": self = Double(attribute.value).map(PropertyValue.double) ?? .string(attribute.value)
        case "boolean": self = attribute.value == "true" ? .bool(true) : attribute.value == "false" ? .bool(false) : .string(attribute.value)
        default: self = .string(attribute.value)
        }
    }

    /// The type to declare for a column holding `values`: theirs when they share one, `double` for whole and decimal
    /// numbers mixed, else `string` (every value written as text reads back in it).
    package static func commonType(_ values: [PropertyValue]) -> String {
        let types = Set(values.map(\.typeName))
        if types.count == 1 { return types.first! }
        if types == ["long", "double"] { return "double" }
        return "string"
    }

    package var typeName: String {
        switch self {
        case .string: return "string"
        case .int: return "long"
        case .double: return "double"
        case .bool: return "boolean"
        }
    }
}

/// The common ground of the interchange formats: nodes and edges with typed properties, each remembering where it
/// was read (for messages). Every format reads into and writes from this; `NetworkBuilder` then checks it as it
/// checks a spreadsheet.
///
/// **ptce's convention** (how a network becomes one graph, documented in docs/interop.md): actors and groups (GES,
/// PTCE…) are both nodes, told apart by `ptce_type` = `actor` or `group`; ties and memberships are both edges, told
/// apart by `ptce_type` = `tie` or `membership` (from the member to the group). Every other property has the name of
/// its CSV column (`name`, `kind`, `creation_year`, `since`…); free columns keep their own names. A file without
/// `ptce_type` (written by another tool) is read as actors and ties: `label`/`name` give the actor's name, `kind` its
/// kind (`unknown` when absent), `weight` and `type` the tie's; other properties become free attributes.
package struct PropertyGraph: Sendable {
    package struct Element: Sendable {
        package var id: String
        package var properties: [String: PropertyValue]
        package var location: SourceLocation
        package init(id: String, properties: [String: PropertyValue] = [:], location: SourceLocation) {
            self.id = id
            self.properties = properties
            self.location = location
        }
    }

    package struct Edge: Sendable {
        package var source: String
        package var target: String
        /// nil: the graph's default direction.
        package var directed: Bool?
        package var properties: [String: PropertyValue]
        package var location: SourceLocation
        package init(source: String, target: String, directed: Bool? = nil, properties: [String: PropertyValue] = [:], location: SourceLocation) {
            self.source = source
            self.target = target
            self.directed = directed
            self.properties = properties
            self.location = location
        }
    }

    package var directed = false
    package var properties: [String: PropertyValue] = [:]
    package var nodes: [Element] = []
    package var edges: [Edge] = []
    /// Property names in first-seen order, for writers that declare keys (GraphML, GEXF).
    package var nodeKeys: [String] = []
    package var edgeKeys: [String] = []

    package init() {}

    /// Columns of the model: never free attributes.
    static let actorColumns = ["name", "kind", "department", "commune", "region", "latitude", "longitude", "creation_year", "fte",
                               "revenue", "certifications", "website", "reference", "notes"]
    static let groupColumns = ["name", "kind", "department", "commune", "region", "creation_year", "reference", "notes"]
    static let tieColumns = ["type", "weight", "directed", "since", "until", "reference", "notes"]
    static let membershipColumns = ["role", "since", "until", "reference", "notes"]
    static let reserved: Set<String> = Set(["ptce_type", "id", "label"] + actorColumns + tieColumns + membershipColumns)

    /// The graph of a network under ptce's convention.
    package init(_ network: Network) {
        // A network whose ties all have a direction is a directed graph (networkx reads a DiGraph, or a MultiDiGraph
        // with parallel ties); a mixed one stays undirected, each directed tie saying so in its `directed` property.
        directed = !network.ties.isEmpty && network.ties.allSatisfy(\.directed)
        // The title also as `name`, the graph attribute networkx (G.name) and igraph read.
        if let title = network.title { properties["title"] = .string(title); properties["name"] = .string(title) }
        if let source = network.source { properties["source"] = .string(source) }
        if network.synthetic { properties["synthetic"] = .bool(true) }
        var nodeKeys = ["ptce_type"], edgeKeys = ["ptce_type"]
        var seenNode: Set<String> = ["ptce_type"], seenEdge: Set<String> = ["ptce_type"]
        func note(_ keys: [String], node: Bool) {
            for key in keys {
                if node { if seenNode.insert(key).inserted { nodeKeys.append(key) } } else if seenEdge.insert(key).inserted { edgeKeys.append(key) }
            }
        }
        let origin = SourceLocation(file: "", line: 0, column: 0)
        for actor in network.actors {
            var p = Self.typed(NetworkJSON.fields(actor), dropping: ["id", "attributes"])
            p["ptce_type"] = .string("actor")
            for attribute in actor.attributes { p[Self.freeName(attribute.name)] = PropertyValue(attribute) }
            note(Self.actorColumns.filter { p[$0] != nil } + actor.attributes.map { Self.freeName($0.name) }, node: true)
            nodes.append(Element(id: actor.id, properties: p, location: origin))
        }
        for group in network.groups {
            var p = Self.typed(NetworkJSON.fields(group), dropping: ["id", "attributes"])
            p["ptce_type"] = .string("group")
            for attribute in group.attributes { p[Self.freeName(attribute.name)] = PropertyValue(attribute) }
            note(Self.groupColumns.filter { p[$0] != nil } + group.attributes.map { Self.freeName($0.name) }, node: true)
            nodes.append(Element(id: group.id, properties: p, location: origin))
        }
        for tie in network.ties {
            var p = Self.typed(NetworkJSON.fields(tie), dropping: ["source", "target", "attributes"])
            p["ptce_type"] = .string("tie")
            for attribute in tie.attributes { p[Self.freeName(attribute.name)] = PropertyValue(attribute) }
            note(Self.tieColumns.filter { p[$0] != nil } + tie.attributes.map { Self.freeName($0.name) }, node: false)
            // Direction is a property (`directed`), not the formats' per-edge flag: networkx refuses a directed edge in an
            // undirected graph, and a network may mix both (a fully directed one is a directed graph, above).
            edges.append(Edge(source: tie.source, target: tie.target, properties: p, location: origin))
        }
        for membership in network.memberships {
            var p = Self.typed(NetworkJSON.fields(membership), dropping: ["group", "member"])
            p["ptce_type"] = .string("membership")
            note(Self.membershipColumns.filter { p[$0] != nil }, node: false)
            edges.append(Edge(source: membership.member, target: membership.group, properties: p, location: origin))
        }
        self.nodeKeys = nodeKeys
        self.edgeKeys = edgeKeys
    }

    /// A free attribute named like a model column is written with an `x_` prefix (and read back without it).
    static func freeName(_ name: String) -> String { reserved.contains(name) || name.hasPrefix("x_") ? "x_" + name : name }
    static func modelName(_ name: String) -> String { name.hasPrefix("x_") ? String(name.dropFirst(2)) : name }

    static func typed(_ fields: [String: JSONValue], dropping: Set<String>) -> [String: PropertyValue] {
        var out: [String: PropertyValue] = [:]
        for (key, value) in fields where !dropping.contains(key) {
            switch value {
            case .string(let text): out[key] = .string(text)
            case .number(let number):
                out[key] = key == "creation_year" ? .int(Int(number)) : .double(number)
            case .bool(let flag): out[key] = .bool(flag)
            case .array(let items): out[key] = .string(items.compactMap { if case .string(let s) = $0 { s } else { nil } }.joined(separator: " | "))
            case .object: break
            }
        }
        return out
    }

    /// The network of this graph, checked by `NetworkBuilder` (for readers outside PTCEKit, such as DOT's).
    package func network(options: LoadOptions) -> LoadResult {
        let builder = NetworkBuilder(options: options)
        load(into: builder)
        builder.finish()
        return builder.result()
    }

    /// A load that failed before any record, with one problem.
    package static func failure(_ diagnostic: Diagnostic, options: LoadOptions) -> LoadResult {
        let builder = NetworkBuilder(options: options)
        builder.diagnostics.append(diagnostic)
        return builder.result()
    }

    /// Properties in declaration order (so free attributes keep their column order), then any undeclared by name.
    static func ordered(_ properties: [String: PropertyValue], keys: [String]) -> [(key: String, value: PropertyValue)] {
        let declared = keys.compactMap { key in properties[key].map { (key: key, value: $0) } }
        let known = Set(keys)
        return declared + properties.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// Reads the graph into a network through `NetworkBuilder`, so every check of the spreadsheet form applies, with
    /// the position of the element in the file.
    func load(into builder: NetworkBuilder) {
        if case .string(let title)? = properties["title"] { builder.network.title = title }
        // networkx's G.graph["name"], igraph's and GML's graph name: the title when there is no other.
        if builder.network.title == nil, let name = properties["name"]?.text, !name.isEmpty { builder.network.title = name }
        if case .string(let source)? = properties["source"] { builder.network.source = source }
        if case .bool(true)? = properties["synthetic"] { builder.network.synthetic = true }
        let convention = nodes.contains { $0.properties["ptce_type"] != nil } || edges.contains { $0.properties["ptce_type"] != nil }
        // igraph writes its vertex identity as `name` and numbers the nodes n0, n1…: when every node has a distinct
        // `name` beside a `label`, the name is the id.
        var rename: [String: String] = [:]
        if !convention, !nodes.isEmpty, nodes.allSatisfy({ $0.properties["name"] != nil && $0.properties["label"] != nil }) {
            let names = nodes.map { $0.properties["name"]!.text }
            if Set(names).count == names.count { for (node, name) in zip(nodes, names) { rename[node.id] = name } }
        }
        var foreign = ForeignVocabulary(taxonomy: builder.options.taxonomy, strict: builder.options.strictVocabulary)
        defer { foreign.report(into: builder, file: nodes.first?.location.file ?? edges.first?.location.file ?? "") }
        var nodes = self.nodes, edges = self.edges
        if !rename.isEmpty {
            for i in nodes.indices { nodes[i].id = rename[nodes[i].id]!; nodes[i].properties["name"] = nil }
            for i in edges.indices {
                edges[i].source = rename[edges[i].source] ?? edges[i].source
                edges[i].target = rename[edges[i].target] ?? edges[i].target
            }
        }
        for node in nodes {
            let type = node.properties["ptce_type"]?.text
            let isGroup = convention && type == "group"
            var fields: [String: String] = ["id": node.id]
            var attributes: [Attribute] = []
            let columns = isGroup ? Self.groupColumns : Self.actorColumns
            for (key, value) in Self.ordered(node.properties, keys: nodeKeys) where key != "ptce_type" {
                if convention {
                    if key == "label" { fields["name"] = value.text } else if columns.contains(key) { fields[key] = value.text } else { attributes.append(value.attribute(Self.modelName(key))) }
                } else {
                    switch key.lowercased() {
                    case "label", "name": if fields["name"] == nil || key.lowercased() == "label" { fields["name"] = value.text }
                    case "kind": fields["kind"] = value.text
                    default:
                        if Self.actorColumns.contains(key) { fields[key] = value.text } else { attributes.append(value.attribute(key)) }
                    }
                }
            }
            if !convention {
                if (fields["name"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty { fields["name"] = node.id }
                if fields["kind"] == nil { fields["kind"] = "unknown" }
                foreign.kind(&fields, &attributes)
            }
            let record = InteropRecord(fields: fields, location: node.location, attributes: attributes)
            if isGroup { builder.addGroup(record) } else { builder.addActor(record) }
        }
        for edge in edges {
            let isMembership = convention && edge.properties["ptce_type"]?.text == "membership"
            var fields: [String: String] = isMembership ? ["member": edge.source, "group": edge.target] : ["source": edge.source, "target": edge.target]
            var attributes: [Attribute] = []
            let columns = isMembership ? Self.membershipColumns : Self.tieColumns
            for (key, value) in Self.ordered(edge.properties, keys: edgeKeys) where key != "ptce_type" {
                if columns.contains(key) { fields[key] = value.text } else if !convention && ["id", "key"].contains(key) {
                    continue  // networkx/igraph bookkeeping, not data (an edge's label is data: kept)
                } else {
                    attributes.append(value.attribute(convention ? Self.modelName(key) : key))
                }
            }
            if !isMembership, fields["directed"] == nil, edge.directed ?? directed { fields["directed"] = "true" }
            if !convention { foreign.tie(&fields, &attributes) }
            let record = InteropRecord(fields: fields, location: edge.location, attributes: attributes)
            if isMembership { builder.addMembership(record) } else { builder.addTie(record) }
        }
    }
}

/// The values of another tool's file that ptce's vocabulary does not have, read as data: a kind outside the taxonomy
/// becomes `unknown` and a tie type `unspecified`, the value kept in the column `original_kind` / `original_type`; a
/// weight of `nan` or infinite is left empty (1), one ≤ 0 too, kept in `original_weight`. One warning per kind of
/// change, with the values and their counts, instead of one error per element. `strict` keeps the errors.
struct ForeignVocabulary {
    let kinds: Vocabulary
    let types: Vocabulary
    let strict: Bool
    var unknownKinds: [String: Int] = [:]
    var unknownTypes: [String: Int] = [:]
    var oddWeights: [String: Int] = [:]

    init(taxonomy: Taxonomy, strict: Bool) {
        kinds = Vocabulary.of(taxonomy.kinds)
        types = Vocabulary.of(taxonomy.tieTypes)
        self.strict = strict
    }

    mutating func kind(_ fields: inout [String: String], _ attributes: inout [Attribute]) {
        guard !strict, let kind = fields["kind"]?.trimmingCharacters(in: .whitespaces), kinds.resolve(kind) == nil else { return }
        unknownKinds[kind, default: 0] += 1
        fields["kind"] = "unknown"
        if !kind.isEmpty { attributes.append(Attribute(name: "original_kind", value: kind)) }
    }

    mutating func tie(_ fields: inout [String: String], _ attributes: inout [Attribute]) {
        guard !strict else { return }
        if let type = fields["type"]?.trimmingCharacters(in: .whitespaces), !type.isEmpty, types.resolve(type) == nil {
            unknownTypes[type, default: 0] += 1
            fields["type"] = "unspecified"
            attributes.append(Attribute(name: "original_type", value: type))
        }
        if let text = fields["weight"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let value = Values.number(text) ?? Double(text)
            if value == nil || !value!.isFinite || value! <= 0 {
                oddWeights[text, default: 0] += 1
                fields["weight"] = nil
                attributes.append(Attribute(name: "original_weight", value: text))
            }
        }
    }

    /// "collaboration ×30, partenaire ×14": the values, most frequent first, at most eight.
    static func list(_ counts: [String: Int]) -> String {
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let shown = sorted.prefix(8).map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        return sorted.count > 8 ? shown + ", …" : shown
    }

    func report(into builder: NetworkBuilder, file: String) {
        let location = SourceLocation(file: file, line: 1, column: 1)
        if !unknownKinds.isEmpty {
            let n = unknownKinds.values.reduce(0, +)
            builder.diagnostics.append(Diagnostic(.warning, location, code: "foreign-kind",
                Localized(fr: "\(n) acteur\(n > 1 ? "s" : "") d'un type inconnu de ptce (\(Self.list(unknownKinds))) : lu\(n > 1 ? "s" : "") comme « non précisé », le type d'origine gardé dans la colonne original_kind",
                          en: "\(n) actor\(n > 1 ? "s" : "") of a kind ptce does not know (\(Self.list(unknownKinds))): read as 'unknown', the original kind kept in column original_kind"),
                hint: Localized(fr: "--strict en fait une erreur ; une taxonomie (--taxonomy) peut ajouter ces types", en: "--strict makes it an error; a taxonomy (--taxonomy) can add these kinds")))
        }
        if !unknownTypes.isEmpty {
            let n = unknownTypes.values.reduce(0, +)
            builder.diagnostics.append(Diagnostic(.warning, location, code: "foreign-tie-type",
                Localized(fr: "\(n) lien\(n > 1 ? "s" : "") d'un type inconnu de ptce (\(Self.list(unknownTypes))) : gardé\(n > 1 ? "s" : "") comme « coopération non précisée », le type d'origine dans la colonne original_type",
                          en: "\(n) tie\(n > 1 ? "s" : "") of a type ptce does not know (\(Self.list(unknownTypes))): kept as 'unspecified cooperation', the original type in column original_type"),
                hint: Localized(fr: "--strict en fait une erreur ; une taxonomie (--taxonomy) peut ajouter ces types", en: "--strict makes it an error; a taxonomy (--taxonomy) can add these types")))
        }
        if !oddWeights.isEmpty {
            let n = oddWeights.values.reduce(0, +)
            builder.diagnostics.append(Diagnostic(.warning, location, code: "foreign-weight",
                Localized(fr: "\(n) poids \(n > 1 ? "qui ne sont pas des nombres positifs" : "qui n'est pas un nombre positif") (\(Self.list(oddWeights))) : gardé\(n > 1 ? "s" : "") avec le poids 1, la valeur d'origine dans la colonne original_weight",
                          en: "\(n) weight\(n > 1 ? "s that are not positive numbers" : " that is not a positive number") (\(Self.list(oddWeights))): kept with weight 1, the original value in column original_weight")))
        }
    }
}

/// A node or edge of an interchange file seen through the CSV column names.
struct InteropRecord: RecordSource {
    let fields: [String: String]
    let location: SourceLocation
    let attributes: [Attribute]
    var line: Int { location.line }

    func value(_ column: String) -> CSVField? {
        guard let text = fields[column]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return CSVField(text: text, line: location.line, column: location.column)
    }

    func location(_ column: String) -> SourceLocation { location }

    var cells: [(text: String, location: SourceLocation)] {
        (fields.values.sorted() + attributes.map(\.value) + attributes.map(\.name)).map { ($0, location) }
    }
}
