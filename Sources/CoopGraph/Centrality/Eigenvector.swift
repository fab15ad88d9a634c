/// Eigenvector centrality: a node is central when its neighbors are central — the principal eigenvector of the
/// adjacency matrix (weighted by weight), scaled to unit Euclidean norm, as networkx's `eigenvector_centrality`.
///
/// Power iteration on A + I (the shift makes it converge on bipartite graphs, as networkx does); for a directed
/// graph, in-edges count (a node pointed at by central nodes). On a disconnected graph the result concentrates on
/// the component with the largest eigenvalue. Iterates until the L1 change is below n·`tolerance`.
/// - Complexity: O(m) per iteration.
/// - Paper: P. Bonacich, "Power and centrality: a family of measures", Am. J. Sociol. 92(5), 1987.
public func eigenvector(_ graph: Graph, weighted: Bool = true, tolerance: Double = 1e-13, maxIterations: Int = 100_000) -> [Double] {
    let n = graph.nodeCount
    guard n > 0 else { return [] }
    var x = [Double](repeating: 1 / Double(n), count: n)
    var next = [Double](repeating: 0, count: n)
    for _ in 0..<maxIterations {
        for v in 0..<n {
            var total = x[v]
            let edges = graph.incomingEdges(of: v)
            var k = edges.startIndex
            for u in graph.predecessors(of: v) {
                total += x[Int(u)] * (weighted ? graph.weights[Int(edges[k])] : 1)
                k += 1
            }
            next[v] = total
        }
        let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return x }
        var change = 0.0
        for v in 0..<n {
            next[v] /= norm
            change += abs(next[v] - x[v])
        }
        swap(&x, &next)
        if change < Double(n) * tolerance { break }
    }
    return x
}
