import Foundation

/// Burt's structural-hole measures: how much an actor's partners are redundant with each other.
///
/// With p_uv the share of u's tie strength spent on v (mutual weight w_uv + w_vu over u's total), the constraint
/// of u is C(u) = Σ_{v ∈ N(u)} (p_uv + Σ_{w ∈ N(u), w ≠ v} p_uw p_wv)² — low constraint: partners who do not know
/// each other, a broker. Effective size is the number of partners minus their redundancy; efficiency is effective
/// size per partner; hierarchy says whether the constraint comes from a single partner.
///
/// Convention: networkx's `constraint` and `effective_size` (Borgatti's simplification when unweighted and
/// undirected: n − 2t/n). Weights are intensities. An actor without partners has no value (nil).
/// - Complexity: O(Σ deg²).
/// - Paper: R. Burt, *Structural Holes*, 1992; S. Borgatti, "Structural holes: unpacking Burt's redundancy
///   measures", Connections 20(1), 1997.
public struct StructuralHoles: Sendable {
    /// Burt's constraint C(u) of each node (nil without partners): low for a broker.
    public let constraint: [Double?]
    /// Burt's effective size: partners minus their redundancy (nil without partners).
    public let effectiveSize: [Double?]
    /// Effective size per partner, in (0, 1] (nil without partners).
    public let efficiency: [Double?]
    /// Burt's hierarchy: how much of the constraint comes from one partner, 0…1 (nil with fewer than two partners).
    public let hierarchy: [Double?]

    /// The four measures of every node.
    /// - Parameters:
    ///   - graph: directed or undirected (a directed graph's mutual weights are summed, as networkx does).
    ///   - weighted: use the weights as tie strength (networkx's `weight="weight"`); else every tie is 1.
    public init(_ graph: Graph, weighted: Bool = false) {
        let g = graph
        let n = g.nodeCount
        // Mutual weights, and each node's total.
        func mutual(_ u: Int, _ v: Int) -> Double {
            var total = 0.0
            if let w = g.weight(from: u, to: v) { total += weighted ? w : 1 }
            if g.isDirected, let w = g.weight(from: v, to: u) { total += weighted ? w : 1 }
            if !g.isDirected { total *= 2 }  // networkx adds w_uv and w_vu, equal on an undirected graph
            return total
        }
        var neighbors = [[Int]](repeating: [], count: n)
        for u in 0..<n {
            var set = Set(g.neighbors(of: u).map(Int.init))
            if g.isDirected { set.formUnion(g.predecessors(of: u).map(Int.init)) }
            set.remove(u)
            neighbors[u] = set.sorted()
        }
        var strength = [Double](repeating: 0, count: n)
        var maxMutual = [Double](repeating: 0, count: n)
        for u in 0..<n {
            for v in neighbors[u] {
                let m = mutual(u, v)
                strength[u] += m
                maxMutual[u] = max(maxMutual[u], m)
            }
        }
        func p(_ u: Int, _ v: Int) -> Double { strength[u] > 0 ? mutual(u, v) / strength[u] : 0 }
        var constraint = [Double?](repeating: nil, count: n)
        var hierarchy = [Double?](repeating: nil, count: n)
        var effective = [Double?](repeating: nil, count: n)
        var efficiency = [Double?](repeating: nil, count: n)
        for u in 0..<n where !neighbors[u].isEmpty {
            let contacts = Set(neighbors[u])
            var local: [Double] = []
            for v in neighbors[u] {
                var indirect = 0.0
                for w in neighbors[u] where w != v { indirect += p(u, w) * p(w, v) }
                let value = p(u, v) + indirect
                local.append(value * value)
            }
            let total = local.reduce(0, +)
            constraint[u] = total
            let count = Double(local.count)
            if local.count > 1, total > 0 {
                let mean = total / count
                // x·log x → 0 as x → 0: a share so small that its square underflows to 0 (weights 1e200 against 1)
                // adds 0, not 0 · −∞ = NaN.
                // Σ x·log x ≥ 0 (Jensen): equal shares give 0, which rounding can leave at −6e-17; written 0 (the
                // schema of cooperation.json, and people, expect 0 to 1).
                hierarchy[u] = max(0, local.reduce(0) { $1 > 0 ? $0 + ($1 / mean) * log($1 / mean) : $0 } / (count * log(count)))
            }
            if !weighted && !g.isDirected {
                // Borgatti: n − 2t/n, t the ties among u's partners.
                var ties = 0
                for v in neighbors[u] { for w in neighbors[v] where w > v && contacts.contains(w) { ties += 1 } }
                effective[u] = count - 2 * Double(ties) / count
            } else {
                var sum = 0.0
                for v in neighbors[u] {
                    var redundancy = 0.0
                    // networkx's redundancy: Σ_w p_uw · m_vw, m normalised by v's strongest tie.
                    for w in neighbors[u] where w != v && maxMutual[v] > 0 {
                        redundancy += p(u, w) * (mutual(v, w) / maxMutual[v])
                    }
                    sum += 1 - redundancy
                }
                effective[u] = sum
            }
            efficiency[u] = effective[u]! / count
        }
        self.constraint = constraint
        self.effectiveSize = effective
        self.efficiency = efficiency
        self.hierarchy = hierarchy
    }
}
