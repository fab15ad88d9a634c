/// Katz centrality: x = α·Aᵀx + β — a node is central when many (weighted) walks of any length reach it, walks of
/// length k counting αᵏ.
///
/// Convention (networkx's `katz_centrality`): α = 0.1, β = 1, in-edges count on a directed graph, the result is
/// scaled to unit Euclidean norm (`normalized`). Iteration stops when the L1 change is below n·`tolerance`.
/// Returns nil when the iteration does not converge, which happens when α ≥ 1/λ_max (λ_max the largest
/// eigenvalue of A): choose a smaller α.
/// - Complexity: O(m) per iteration.
/// - Paper: L. Katz, "A new status index derived from sociometric analysis", Psychometrika 18(1), 1953.
public func katz(_ graph: Graph, alpha: Double = 0.1, beta: Double = 1, normalized: Bool = true, weighted: Bool = true,
                 tolerance: Double = 1e-14, maxIterations: Int = 10_000) -> [Double]? {
    precondition(alpha.isFinite && beta.isFinite && tolerance > 0, "alpha, beta finite; tolerance > 0")
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    var x = [Double](repeating: 0, count: n)
    var next = [Double](repeating: 0, count: n)
    var converged = false
    var previousChange = Double.infinity, growing = 0
    for _ in 0..<maxIterations {
        var change = 0.0
        for v in 0..<n {
            var total = 0.0
            let edges = graph.incomingEdges(of: v)
            var k = edges.startIndex
            for u in graph.predecessors(of: v) {
                total += x[Int(u)] * (weighted ? graph.weights[Int(edges[k])] : 1)
                k += 1
            }
            next[v] = alpha * total + beta
            change += abs(next[v] - x[v])
        }
        swap(&x, &next)
        if !change.isFinite { return nil }
        // A convergent Katz series changes less at every step; ten growing steps in a row mean α ≥ 1/λ_max.
        growing = change > previousChange ? growing + 1 : 0
        if growing >= 10 { return nil }
        previousChange = change
        if change < Double(n) * tolerance { converged = true; break }
    }
    guard converged else { return nil }
    if normalized {
        let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { x = x.map { $0 / norm } }
    }
    return x
}
