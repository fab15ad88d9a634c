/// PageRank: the stationary distribution of a random walk that follows edges (weighted by weight) with
/// probability `alpha` and jumps to a node drawn from `personalization` (uniform by default) otherwise.
///
/// Convention: networkx's `pagerank` — undirected edges are walked both ways, dangling nodes (no out-edge) jump
/// like a teleport, the result sums to 1. Power iteration stops when the L1 change is below n·`tolerance`.
/// - Complexity: O(m) per iteration.
/// - Paper: L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation ranking", 1999.
public func pagerank(_ graph: Graph, alpha: Double = 0.85, personalization: [Double]? = nil, weighted: Bool = true,
                     tolerance: Double = 1e-14, maxIterations: Int = 10_000, threads: Int = defaultThreadCount) -> [Double] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    precondition(alpha >= 0 && alpha < 1, "alpha must be in [0, 1)")
    if let personalization {
        precondition(personalization.count == n, "personalization needs one value per node (\(n)), not \(personalization.count)")
        precondition(personalization.allSatisfy { $0.isFinite && $0 >= 0 }, "personalization values must be finite and ≥ 0")
    }
    var jump = personalization ?? [Double](repeating: 1, count: n)
    let jumpTotal = jump.reduce(0, +)
    precondition(jumpTotal > 0 && jumpTotal.isFinite, "personalization must have a positive finite sum")
    jump = jump.map { $0 / jumpTotal }
    var outWeight = [Double](repeating: 0, count: n)
    for v in 0..<n {
        for e in graph.incidentEdges(of: v) { outWeight[v] += weighted ? graph.weights[Int(e)] : 1 }
    }
    // Pull form: rank'(v) = teleport(v) + α Σ_{u→v} rank(u)·w(u,v)/out(u). Each node's sum is computed by one
    // worker in a fixed order, so the result does not depend on the thread count.
    var rank = [Double](repeating: 1 / Double(n), count: n)
    var share = [Double](repeating: 0, count: n)
    var next = [Double](repeating: 0, count: n)
    for _ in 0..<maxIterations {
        var dangling = 0.0
        for v in 0..<n {
            if outWeight[v] == 0 { dangling += rank[v]; share[v] = 0 } else { share[v] = alpha * rank[v] / outWeight[v] }
        }
        let base = alpha * dangling + (1 - alpha)
        graph.withUnsafeCSR { g in
        share.withUnsafeBufferPointer { share in
        jump.withUnsafeBufferPointer { jump in
        next.withUnsafeMutableBufferPointer { next in
            nonisolated(unsafe) let output = next
            parallelRanges(count: n, threads: threads) { range in
                for v in range {
                    var total = 0.0
                    for k in g.inSlots(v) {
                        total += share[Int(g.inSources[k])] * (weighted ? g.weights[Int(g.inEdges[k])] : 1)
                    }
                    output[v] = total + base * jump[v]
                }
            }
        }}}}
        var change = 0.0
        for v in 0..<n { change += abs(next[v] - rank[v]) }
        swap(&rank, &next)
        if change < Double(n) * tolerance { break }
    }
    return rank
}
