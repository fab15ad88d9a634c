import CoopGraph

/// A partition of the actors of a graph view by one attribute: family (default), kind, department, region,
/// commune, or any extra column of actors.csv.
public struct Partition: Sendable {
    /// The attribute: `family`, `kind`, `department`, `region`, `commune` or a free column.
    public let attribute: String
    /// Label of each graph node (index in `names`), -1 when the actor has no value (left out of mixing measures).
    public let labels: [Int]
    /// The groups' labels, by label number.
    public let names: [String]

    /// Why the attribute gives no partition.
    public enum Failure: Error, Equatable, Sendable {
        /// The attribute is neither a known field nor a column of actors.csv.
        case unknownAttribute(String, available: [String])
        /// No actor has a value for the attribute.
        case empty(String)
    }

    /// Labels the actors of `graph` by `attribute` (family and kind labels in `language`).
    public init(network: Network, graph: NetworkGraph, attribute: String, taxonomy: Taxonomy = .standard, language: Language = .fr) throws(Failure) {
        let known = ["family", "kind", "department", "region", "commune"]
        let columns = Array(Set(network.actors.flatMap { $0.attributes.map(\.name) })).sorted()
        let column = columns.first { Taxonomy.normalize($0) == Taxonomy.normalize(attribute) }
        guard known.contains(attribute) || column != nil else { throw .unknownAttribute(attribute, available: known + columns) }
        var names: [String] = []
        var index: [String: Int] = [:]
        var labels: [Int] = []
        for actorIndex in graph.actorIndices {
            let actor = network.actors[actorIndex]
            let value: String?
            switch attribute {
            case "family": value = taxonomy.familyLabel(taxonomy.family(of: actor.kind)?.id ?? "unspecified", language)
            case "kind": value = taxonomy.kinds.first { $0.id == actor.kind }?.label(language) ?? actor.kind
            case "department": value = actor.department
            case "region": value = actor.region
            case "commune": value = actor.commune
            default: value = actor.attributes.first { $0.name == column }?.value
            }
            guard let value, !value.isEmpty else { labels.append(-1); continue }
            if index[value] == nil { index[value] = names.count; names.append(value) }
            labels.append(index[value]!)
        }
        guard !names.isEmpty else { throw .empty(attribute) }
        self.attribute = attribute
        self.labels = labels
        self.names = names
    }

    /// Actors per group, by label number.
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: names.count)
        for label in labels where label >= 0 { sizes[label] += 1 }
        return sizes
    }
}
