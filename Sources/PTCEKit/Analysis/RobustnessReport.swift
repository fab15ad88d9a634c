import CoopGraph
import Foundation

/// How the network holds when actors leave: the size of the largest connected component as actors are removed one by
/// one (Albert, Jeong and Barabási 2000), and the articulation actors — those whose departure alone splits it.
///
/// - Order: by decreasing betweenness (exact, or the scores given — the sampled ones of a large network), by
///   decreasing degree, or an explicit list of actor ids; equal scores by name. Computed once on the whole network,
///   or again after each removal (`recompute`: the adaptive attack of Holme, Kim, Yoon and Han 2002, which finds the
///   new go-betweens once the first ones have left). Weighted views use the weights: betweenness over path lengths
///   (`GraphViewOptions.weightAs`), strength (sum of tie weights) for the degree order. Directed views: degree is in +
///   out, betweenness follows the arcs, components are weak (`removalCurve`).
/// - `curve[k]`: size of the largest component after the first k removals (`curve[0]`: before any).
/// - Cost: one removal curve, O(steps · (n + m)), plus the scores (exact betweenness O(n·m)) and one linear
///   articulation search.
public struct RobustnessReport: Sendable {
    /// The order actors are removed in.
    public enum Order: String, CaseIterable, Sendable {
        /// By decreasing betweenness: the go-betweens first.
        case betweenness
        /// By decreasing number of partners.
        case degree
    }

    /// Why there is no curve.
    public enum Failure: Error, Equatable, Sendable {
        /// The view has no actor.
        case noActor
        /// An id of the explicit order is not an actor of the view.
        case unknownActor(String)
    }

    /// The actors' ids, by graph index.
    public let ids: [String]
    /// The actors' names, by graph index.
    public let names: [String]
    /// Graph indices of the actors removed, in removal order.
    public let removed: [Int]
    /// `curve[k]`: actors in the largest component after the first k removals.
    public let curve: [Int]
    /// Graph indices of the articulation actors, ascending.
    public let articulation: [Int]
    /// For each GES and PTCE (in the order of the groups) that has articulation actors: its name and their names.
    public let articulationByGroup: [(group: String, actors: [String])]

    /// Whether the order was computed again after each removal.
    public let recomputed: Bool

    /// Actors in the view.
    public var actorCount: Int { ids.count }

    /// The curve of `steps` removals in `order` (or `explicit`), and the articulation actors.
    /// - Parameters:
    ///   - network: the network; its actors outside the view are not counted.
    ///   - view: the graph view (ties, co-membership…, at a year).
    ///   - taxonomy: the vocabulary of kinds and families.
    ///   - order: by decreasing betweenness or degree (equal scores by name).
    ///   - steps: removals at most.
    ///   - explicit: actor ids to remove in this order (replaces `order`); repeated ids are removed once.
    ///   - scores: betweenness by graph index, when already computed (ignored for `.degree`, `explicit` and
    ///     `recompute`).
    ///   - recompute: compute the order again on what is left after each removal (cost: `steps` times the measure).
    public init(network: Network, view: GraphViewOptions = GraphViewOptions(), taxonomy: Taxonomy = .standard,
                order: Order = .betweenness, steps: Int, explicit: [String]? = nil, scores: [Double]? = nil,
                recompute: Bool = false) throws(Failure) {
        let networkGraph = NetworkGraph(network, options: view, taxonomy: taxonomy)
        let graph = networkGraph.graph
        guard graph.nodeCount > 0 else { throw .noActor }
        let ids = networkGraph.actorIndices.map { network.actors[$0].id }
        self.ids = ids
        let names = networkGraph.actorIndices.map { network.actors[$0].name }
        self.names = names
        if let explicit {
            let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            var removed: [Int] = []
            for id in explicit {
                guard let v = index[id] else { throw .unknownActor(id) }
                if !removed.contains(v) { removed.append(v) }
            }
            self.removed = removed
        } else {
            let length: EdgeLength = view.weighted ? (view.weightAs == .strength ? .inverseWeight : .weight) : .hops
            func measure(_ g: Graph) -> [Double] {
                switch order {
                case .betweenness: return betweenness(g, length: length)
                case .degree: return view.weighted ? strength(g) : degree(g).map(Double.init)
                }
            }
            func ranked(_ values: [Double], _ names: [String]) -> [Int] {
                values.indices.sorted { (values[$0], names[$1]) > (values[$1], names[$0]) }
            }
            if recompute {
                var keep = [Bool](repeating: true, count: graph.nodeCount)
                var removed: [Int] = []
                for _ in 0..<min(max(0, steps), graph.nodeCount) {
                    let (left, nodes) = graph.induced(by: keep)
                    guard let first = ranked(measure(left), nodes.map { names[$0] }).first else { break }
                    removed.append(nodes[first])
                    keep[nodes[first]] = false
                }
                self.removed = removed
            } else {
                removed = Array(ranked(order == .betweenness ? scores ?? measure(graph) : measure(graph), names).prefix(max(0, steps)))
            }
        }
        recomputed = recompute && explicit == nil
        curve = removalCurve(graph, order: removed)
        articulation = cutStructure(graph).articulationPoints.sorted()
        var byGroup: [(group: String, actors: [String])] = []
        // Members of each group gathered in one pass (filtering every membership for each group was
        // groups × memberships: 36 million tests at 27,000 actors).
        let isArticulation = Set(articulation)
        let indexOf = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var membersOf: [String: Set<Int>] = [:]
        for membership in network.memberships {
            if let index = indexOf[membership.member], isArticulation.contains(index) { membersOf[membership.group, default: []].insert(index) }
        }
        for group in network.groups where group.isGES || group.isPTCE {
            let points = (membersOf[group.id] ?? []).sorted().map { names[$0] }
            if !points.isEmpty { byGroup.append((group.name, points)) }
        }
        articulationByGroup = byGroup
    }

    /// Share of the actors in the largest component after k removals.
    public func share(after k: Int) -> Double { Double(curve[k]) / Double(actorCount) }
}
