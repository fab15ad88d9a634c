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
        let contribution: [Double] = (0..<n).map { z in
            let d = Double(g.degree(of: z))
            switch score {
            case .adamicAdar: return 1 / log(d)
            case .commonNeighbors: return 1
            case .resourceAllocation: return 1 / d
            }
        }
        var result: [Pair] = []
        // Dense scratch arrays reset through the touched list: for the current u, each v at distance 2 (v > u) with
        // its rough score (summed in the order met) and the count of shared partners; u's own partners marked.
        var rough = [Double](repeating: 0, count: n)
        var shared = [Int32](repeating: 0, count: n)
        var isPartner = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        g.withUnsafeCSR { csr in
            for u in 0..<n {
                for slot in csr.outSlots(u) { isPartner[Int(csr.outTargets[slot])] = true }
                for slot in csr.outSlots(u) {
                    let z = Int(csr.outTargets[slot])
                    for slot2 in csr.outSlots(z) {
                        let v = Int(csr.outTargets[slot2])
                        guard v > u else { continue }
                        if shared[v] == 0 { touched.append(v) }
                        shared[v] += 1
                        rough[v] += contribution[z]
                    }
                }
                for v in touched where !isPartner[v] {
                    if let limit {
                        // A pair can enter a full list only if it can beat the last pair. The rough score differs
                        // from the exact one (summed in another order) by at most a few units in the last place
                        // times the number of terms: the margin below is far wider, so no pair that could enter is
                        // skipped; the exact score decides.
                        guard limit > 0 else { break }
                        if result.count == limit {
                            let last = result[limit - 1].score
                            if rough[v] < last - (Double(shared[v]) + 2) * 1e-12 * Swift.max(1, abs(last)) { continue }
                        }
                    }
                    guard accept(u, v) else { continue }
                    // The common partners, by decreasing contribution then smaller index, and the score summed in that
                    // order (the documented order: the same bits whatever the order the pairs were met).
                    var through: [Int] = []
                    through.reserveCapacity(Int(shared[v]))
                    for slot in csr.outSlots(v) where isPartner[Int(csr.outTargets[slot])] { through.append(Int(csr.outTargets[slot])) }
                    through.sort { (contribution[$0], -$0) > (contribution[$1], -$1) }
                    let total = through.reduce(0.0) { $0 + contribution[$1] }
                    let pair = Pair(u: u, v: v, score: total, through: through)
                    if let limit {
                        // `result` stays sorted and at most `limit` long: a pair enters only if it beats the last one.
                        guard result.count < limit || before(pair, result[result.count - 1]) else { continue }
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
                for v in touched { rough[v] = 0; shared[v] = 0 }
                touched.removeAll(keepingCapacity: true)
                for slot in csr.outSlots(u) { isPartner[Int(csr.outTargets[slot])] = false }
            }
        }
        return limit == nil ? result.sorted(by: before) : result
    }

    /// The order of `pairs`: greater score first, then smaller u, then smaller v (a strict total order).
    private static func before(_ a: Pair, _ b: Pair) -> Bool {
        (a.score, -a.u, -a.v) > (b.score, -b.u, -b.v)
    }
}
