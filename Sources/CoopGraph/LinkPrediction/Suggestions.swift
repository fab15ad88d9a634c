import Foundation

/// Scores of pairs of nodes not yet tied, from their common neighbours: who should meet whom.
///
/// - `commonNeighbors`: |N(u) ∩ N(v)|;
/// - `adamicAdar`: Σ_{z ∈ N(u) ∩ N(v)} 1 / ln deg(z) — a shared partner counts more when it has few partners;
/// - `resourceAllocation`: Σ 1 / deg(z).
/// Equal to networkx's `common_neighbors`, `adamic_adar_index` and `resource_allocation_index` (undirected view).
/// Only pairs with at least one common neighbour are scored (others score 0).
/// - Complexity: O(Σ deg²).
/// - Papers: L. Adamic, E. Adar, "Friends and neighbors on the Web", Social Networks 25(3), 2003; T. Zhou, L. Lü,
///   Y.-C. Zhang, "Predicting missing links via local information", Eur. Phys. J. B 71, 2009.
public enum LinkPrediction {
    /// How a pair is scored from its common neighbours z.
    public enum Score: String, Sendable, CaseIterable {
        /// Σ 1 / ln deg(z) (networkx's `adamic_adar_index`).
        case adamicAdar = "adamic-adar"
        /// |N(u) ∩ N(v)| (networkx's `common_neighbors`, counted).
        case commonNeighbors = "common"
        /// Σ 1 / deg(z) (networkx's `resource_allocation_index`).
        case resourceAllocation = "resource-allocation"
    }

    /// A pair of nodes not tied, `u < v`, and its score.
    public struct Pair: Sendable, Equatable {
        /// The smaller node of the pair.
        public let u: Int
        /// The larger node of the pair.
        public let v: Int
        /// The pair's score (greater than 0: at least one common neighbour).
        public let score: Double
        /// The common neighbours, by decreasing contribution.
        public let through: [Int]
    }

    /// Every untied pair with a common neighbour, best first (ties broken by node indices), filtered by `accept`;
    /// with `limit`, only the first `limit` of that order (kept as they come, without sorting every pair: a national
    /// network has millions of pairs at distance 2 and the reports keep 20).
    public static func pairs(_ graph: Graph, score: Score = .adamicAdar, limit: Int? = nil,
                             accept: (Int, Int) -> Bool = { _, _ in true }) -> [Pair] {
        let g = graph.undirected()
        let n = g.nodeCount
        var result: [Pair] = []
        var common: [Int: [Int]] = [:]
        for u in 0..<n {
            common.removeAll(keepingCapacity: true)
            for z32 in g.neighbors(of: u) {
                for v32 in g.neighbors(of: Int(z32)) where Int(v32) > u { common[Int(v32), default: []].append(Int(z32)) }
            }
            let tied = Set(g.neighbors(of: u).map(Int.init))
            for (v, shared) in common where !tied.contains(v) && accept(u, v) {
                func contribution(_ z: Int) -> Double {
                    let d = Double(g.degree(of: z))
                    switch score {
                    case .adamicAdar: return 1 / log(d)
                    case .commonNeighbors: return 1
                    case .resourceAllocation: return 1 / d
                    }
                }
                let ordered = shared.sorted { (contribution($0), -$0) > (contribution($1), -$1) }
                let total = ordered.reduce(0.0) { $0 + contribution($1) }
                let pair = Pair(u: u, v: v, score: total, through: ordered)
                if let limit {
                    // `result` stays sorted and at most `limit` long: a pair enters only if it beats the last one.
                    guard limit > 0, result.count < limit || before(pair, result[result.count - 1]) else { continue }
                    var low = 0, high = result.count
                    while low < high {
                        let middle = (low + high) / 2
                        if before(result[middle], pair) { low = middle + 1 } else { high = middle }
                    }
                    result.insert(pair, at: low)
                    if result.count > limit { result.removeLast() }
                } else {
                    result.append(pair)
                }
            }
        }
        return limit == nil ? result.sorted(by: before) : result
    }

    /// The order of `pairs`: greater score first, then smaller u, then smaller v (a strict total order).
    private static func before(_ a: Pair, _ b: Pair) -> Bool {
        (a.score, -a.u, -a.v) > (b.score, -b.u, -b.v)
    }
}
