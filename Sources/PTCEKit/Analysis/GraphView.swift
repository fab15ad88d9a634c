import CoopGraph

/// Which ties make the edges of the analysed graph.
public enum ViewKind: String, Sendable, CaseIterable, Codable {
    /// Explicit partnerships of `ties.csv` (the default).
    case ties
    /// Actors linked when they share a GES or a PTCE (directly, or through a group that belongs to it), weighted by
    /// the number of shared groups.
    case coMembership = "co-membership"
    /// Both: an edge's weight is the sum of its tie weights and of its shared groups.
    case combined
}

/// How tie weights become path lengths for shortest-path measures (betweenness, closeness, harmonic, eccentricity).
public enum WeightReading: String, Sendable, CaseIterable, Codable {
    /// A stronger tie is a shorter path: distance = 1 / weight (ptce's default).
    case strength
    /// The weight is the distance itself, as networkx reads `weight="weight"`.
    case distance
}

/// Options that turn a PTCE network into the graph the measures run on.
public struct GraphViewOptions: Sendable {
    /// Which ties make the edges.
    public var view: ViewKind = .ties
    /// Use tie weights; otherwise every edge weighs 1.
    public var weighted = false
    /// With `weighted`, how weights become path lengths.
    public var weightAs: WeightReading = .strength
    /// Keep only ties and memberships active in this year (since ≤ year ≤ until, the until year included).
    public var at: Int?
    /// Keep only ties of these types (nil: all).
    public var tieTypes: Set<String>?
    /// Keep only actors of these families (nil: all).
    public var families: Set<String>?
    /// Build a directed graph from directed ties (undirected ties give both directions).
    public var directed = false

    /// Ties, unweighted, undirected, every year, every type and family.
    public init() {}
}

/// A graph built from a network, with the map from graph nodes back to actors.
public struct NetworkGraph: Sendable {
    /// The graph: node v is the actor `actorIndices[v]` of the network.
    public let graph: Graph
    /// `actorIndices[v]` is the index in `network.actors` of graph node v.
    public let actorIndices: [Int]
    /// The options it was built with.
    public let options: GraphViewOptions

    /// Builds the graph of `network` under `options`. Parallel ties are merged (weights summed); self-ties dropped.
    public init(_ network: Network, options: GraphViewOptions = GraphViewOptions(), taxonomy: Taxonomy = .standard) {
        self.options = options
        var keep: [Int] = []
        for (index, actor) in network.actors.enumerated() {
            if let families = options.families, !families.contains(taxonomy.family(of: actor.kind)?.id ?? "unspecified") { continue }
            keep.append(index)
        }
        var node: [String: Int] = [:]
        node.reserveCapacity(keep.count)
        for (v, index) in keep.enumerated() { node[network.actors[index].id] = v }
        var builder = GraphBuilder(nodeCount: keep.count, directed: options.directed, weighted: options.weighted)
        if options.view != .coMembership {
            for tie in network.ties {
                if let year = options.at, !tie.isActive(in: year) { continue }
                if let types = options.tieTypes, !types.contains(tie.type) { continue }
                guard let u = node[tie.source], let v = node[tie.target] else { continue }
                builder.addEdge(u, v, weight: tie.weight)
                if options.directed && !tie.directed { builder.addEdge(v, u, weight: tie.weight) }
            }
        }
        if options.view != .ties {
            for (group, members) in Self.groupMembers(network, at: options.at) {
                _ = group
                let nodes = members.compactMap { node[$0] }.sorted()
                for i in nodes.indices {
                    for j in nodes.indices where j > i {
                        builder.addEdge(nodes[i], nodes[j], weight: 1)
                        if options.directed { builder.addEdge(nodes[j], nodes[i], weight: 1) }
                    }
                }
            }
        }
        graph = builder.build()
        actorIndices = keep
    }

    /// Actor members of each GES and PTCE, including actors of groups that belong to it (transitively).
    static func groupMembers(_ network: Network, at year: Int?) -> [(String, [String])] {
        let groupIDs = Set(network.groups.map(\.id))
        var direct: [String: [String]] = [:]
        for membership in network.memberships {
            if let year {
                if let since = membership.since, since.year > year { continue }
                if let until = membership.until, until.year < year { continue }
            }
            direct[membership.group, default: []].append(membership.member)
        }
        var result: [(String, [String])] = []
        for group in network.groups where group.isGES || group.isPTCE {
            var actors = Set<String>(), seen: Set<String> = [group.id], stack = [group.id]
            while let current = stack.popLast() {
                for member in direct[current] ?? [] {
                    if groupIDs.contains(member) {
                        if seen.insert(member).inserted { stack.append(member) }
                    } else {
                        actors.insert(member)
                    }
                }
            }
            result.append((group.id, actors.sorted()))
        }
        return result
    }
}
