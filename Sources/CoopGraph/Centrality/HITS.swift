/// HITS hubs and authorities: a good hub points to good authorities, a good authority is pointed at by good hubs.
///
/// Authorities are the principal right singular vector of the adjacency matrix A (weighted), hubs the left one,
/// each scaled to sum 1 (networkx's `hits`, which computes them by SVD). Power iteration a ← Aᵀh, h ← A a,
/// stopping when the L1 change is below n·`tolerance`. On an undirected graph hubs equal authorities.
/// - Returns: (hubs, authorities).
/// - Complexity: O(m) per iteration.
/// - Paper: J. Kleinberg, "Authoritative sources in a hyperlinked environment", J. ACM 46(5), 1999.
public func hits(_ graph: Graph, weighted: Bool = true, tolerance: Double = 1e-15, maxIterations: Int = 100_000) -> (hubs: [Double], authorities: [Double]) {
    let n = graph.nodeCount
    guard n > 0 else { return ([], []) }
    var hubs = [Double](repeating: 1 / Double(n), count: n)
    var authorities = [Double](repeating: 0, count: n)
    var next = [Double](repeating: 0, count: n)
    func weight(_ e: Int32) -> Double { weighted ? graph.weights[Int(e)] : 1 }
    for _ in 0..<maxIterations {
        for v in 0..<n {
            var total = 0.0
            let edges = graph.incomingEdges(of: v)
            var k = edges.startIndex
            for u in graph.predecessors(of: v) { total += hubs[Int(u)] * weight(edges[k]); k += 1 }
            authorities[v] = total
        }
        for v in 0..<n {
            var total = 0.0
            let edges = graph.incidentEdges(of: v)
            var k = edges.startIndex
            for w in graph.neighbors(of: v) { total += authorities[Int(w)] * weight(edges[k]); k += 1 }
            next[v] = total
        }
        let top = next.max() ?? 0
        guard top > 0 else { break }
        var change = 0.0
        for v in 0..<n {
            next[v] /= top
            change += abs(next[v] - hubs[v])
        }
        swap(&hubs, &next)
        if change < Double(n) * tolerance { break }
    }
    for v in 0..<n {
        var total = 0.0
        let edges = graph.incomingEdges(of: v)
        var k = edges.startIndex
        for u in graph.predecessors(of: v) { total += hubs[Int(u)] * weight(edges[k]); k += 1 }
        authorities[v] = total
    }
    let hubSum = hubs.reduce(0, +), authoritySum = authorities.reduce(0, +)
    return (hubs.map { hubSum > 0 ? $0 / hubSum : 0 }, authorities.map { authoritySum > 0 ? $0 / authoritySum : 0 })
}
