import Foundation

/// Seeded random graphs for tests and benchmarks. The same seed gives the same graph on every platform
/// (SplitMix64); graphs are not the ones networkx draws for the same seed.
public enum RandomGraphs {
    /// Barabási–Albert preferential attachment: start from a star of m+1 nodes, then each new node links to m
    /// distinct existing nodes drawn with probability proportional to degree (as networkx's generator does).
    /// - Paper: A.-L. Barabási, R. Albert, "Emergence of scaling in random networks", Science 286, 1999.
    public static func barabasiAlbert(nodes n: Int, attach m: Int, seed: UInt64) -> Graph {
        precondition(m >= 1 && n > m)
        var random = SplitMix64(seed: seed)
        var builder = GraphBuilder(nodeCount: n)
        var repeated: [Int] = []
        for leaf in 1...m {
            builder.addEdge(0, leaf)
            repeated += [0, leaf]
        }
        var chosen = Set<Int>()
        for source in (m + 1)..<n {
            chosen.removeAll(keepingCapacity: true)
            while chosen.count < m { chosen.insert(repeated[Int(random.next() % UInt64(repeated.count))]) }
            for target in chosen.sorted() {
                builder.addEdge(source, target)
                repeated += [source, target]
            }
        }
        return builder.build()
    }

    /// G(n, m): m distinct edges drawn uniformly among all pairs (no self-loop).
    public static func gnm(nodes n: Int, edges m: Int, seed: UInt64) -> Graph {
        precondition(n > 1 && m <= n * (n - 1) / 2)
        var random = SplitMix64(seed: seed)
        var builder = GraphBuilder(nodeCount: n)
        var seen = Set<UInt64>()
        seen.reserveCapacity(m)
        while seen.count < m {
            let u = Int(random.next() % UInt64(n)), v = Int(random.next() % UInt64(n))
            if u == v { continue }
            let key = UInt64(min(u, v)) << 32 | UInt64(max(u, v))
            if seen.insert(key).inserted { builder.addEdge(u, v) }
        }
        return builder.build()
    }

    /// Stochastic block model: `blocks` equal blocks over n nodes, an edge inside a block with probability pIn,
    /// across blocks with pOut; weights uniform in [1, 10) when `weighted`. Edges are drawn by geometric skips, so
    /// the cost is proportional to the number of edges, not to n².
    /// - Paper: P. Holland, K. Laskey, S. Leinhardt, "Stochastic blockmodels: first steps", Social Networks 5, 1983.
    public static func stochasticBlockModel(nodes n: Int, blocks: Int, pIn: Double, pOut: Double, weighted: Bool, seed: UInt64) -> Graph {
        var random = SplitMix64(seed: seed)
        var builder = GraphBuilder(nodeCount: n, weighted: weighted)
        func uniform() -> Double { Double(random.next() >> 11) * 0x1.0p-53 }
        let block = { (v: Int) in v * blocks / n }
        // Visit pairs (u < v) in order, skipping ahead geometrically with the larger probability, then thin.
        let p = max(pIn, pOut)
        guard p > 0 else { return builder.build() }
        let logQ = (1 - p).squareRoot() == 1 ? 0 : _log(1 - p)
        var u = 0, v = 0
        while u < n {
            let skip = logQ == 0 ? 0 : Int(_log(1 - uniform()) / logQ)
            v += 1 + skip
            while v >= n && u < n {
                u += 1
                v = v - n + u + 1
            }
            guard u < n - 1, v < n else { break }
            let q = block(u) == block(v) ? pIn : pOut
            if uniform() < q / p { builder.addEdge(u, v, weight: weighted ? 1 + 9 * uniform() : 1) }
        }
        return builder.build()
    }
}

@inline(__always) private func _log(_ x: Double) -> Double { Foundation.log(x) }
