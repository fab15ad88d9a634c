/// HITS hubs and authorities: a good hub points to good authorities, a good authority is pointed at by good hubs.
///
/// Authorities are the principal right singular vector of the adjacency matrix A (weighted), hubs the left one,
/// each scaled to sum 1 (networkx's `hits`, which computes them by SVD). Power iteration a ← Aᵀh, h ← A a,
/// stopping when the L1 change is below n·`tolerance`. On an undirected graph hubs equal authorities. A graph without
/// edges has no hub and no authority: every score is 0.
/// - Returns: (hubs, authorities).
/// - Complexity: O(m) per iteration.
/// - Paper: J. Kleinberg, "Authoritative sources in a hyperlinked environment", J. ACM 46(5), 1999.
public func hits(_ graph: Graph, weighted: Bool = true, tolerance: Double = 1e-15, maxIterations: Int = 100_000) -> (hubs: [Double], authorities: [Double]) {
    let result = hitsIteration(graph, weighted: weighted, tolerance: tolerance, maxIterations: maxIterations)
    return (result.hubs, result.authorities)
}

/// `hits` with whether the iteration converged (a graph without edges: every score 0, converged).
public func hitsIteration(_ graph: Graph, weighted: Bool = true, tolerance: Double = 1e-15,
                          maxIterations: Int = 100_000) -> (hubs: [Double], authorities: [Double], converged: Bool) {
    let n = graph.nodeCount
    guard n > 0 else { return ([], [], true) }
    guard graph.edgeCount > 0 else { return ([Double](repeating: 0, count: n), [Double](repeating: 0, count: n), true) }
    var converged = false
    var hubs = [Double](repeating: 1 / Double(n), count: n)
    var authorities = [Double](repeating: 0, count: n)
    var next = [Double](repeating: 0, count: n)
    /// Σ over v's in-edges (Aᵀx) or out-edges (A x) of x at the other end times the edge weight.
    func weightedSum(_ v: Int, _ x: [Double], incoming: Bool) -> Double {
        let others = incoming ? graph.predecessors(of: v) : graph.neighbors(of: v)
        let edges = incoming ? graph.incomingEdges(of: v) : graph.incidentEdges(of: v)
        var total = 0.0
        for (u, e) in zip(others, edges) { total += x[Int(u)] * (weighted ? graph.weights[Int(e)] : 1) }
        return total
    }
    for _ in 0..<maxIterations {
        for v in 0..<n { authorities[v] = weightedSum(v, hubs, incoming: true) }
        for v in 0..<n { next[v] = weightedSum(v, authorities, incoming: false) }
        let top = next.max() ?? 0
        guard top > 0 else { break }
        var change = 0.0
        for v in 0..<n {
            next[v] /= top
            change += abs(next[v] - hubs[v])
        }
        swap(&hubs, &next)
        if change < Double(n) * tolerance { converged = true; break }
    }
    for v in 0..<n { authorities[v] = weightedSum(v, hubs, incoming: true) }
    let hubSum = hubs.reduce(0, +), authoritySum = authorities.reduce(0, +)
    return (hubs.map { hubSum > 0 ? $0 / hubSum : 0 }, authorities.map { authoritySum > 0 ? $0 / authoritySum : 0 }, converged)
}
