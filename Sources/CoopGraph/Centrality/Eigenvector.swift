/// Eigenvector centrality: a node is central when its neighbors are central — the principal eigenvector of the
/// adjacency matrix (weighted by weight), scaled to unit Euclidean norm, as networkx's `eigenvector_centrality`.
///
/// Power iteration on A/w + I, w the largest weight (the shift makes it converge on bipartite graphs, as networkx
/// does; dividing by w first makes the shift the same whatever the weights' unit: a network weighted in euros and the
/// same in k€ take the same iterations, and give the same vector). For a directed graph, in-edges count (a node
/// pointed at by central nodes). On a disconnected graph the result concentrates on the component with the largest
/// eigenvalue (networkx's convention); values below 1e-10 — residues of the iteration — are written 0. Iterates
/// until the L1 change of the unit vector is below n·`tolerance`.
/// - Complexity: O(m) per iteration.
/// - Paper: P. Bonacich, "Power and centrality: a family of measures", Am. J. Sociol. 92(5), 1987.
public func eigenvector(_ graph: Graph, weighted: Bool = true, tolerance: Double = 1e-13, maxIterations: Int = 100_000,
                        threads: Int = defaultThreadCount) -> [Double] {
    eigenvectorIteration(graph, weighted: weighted, tolerance: tolerance, maxIterations: maxIterations, threads: threads).values
}

/// `eigenvector` with whether the iteration converged within `maxIterations` (the values are then the last iterate).
public func eigenvectorIteration(_ graph: Graph, weighted: Bool = true, tolerance: Double = 1e-13, maxIterations: Int = 100_000,
                                 threads: Int = defaultThreadCount) -> (values: [Double], converged: Bool) {
    let n = graph.nodeCount
    guard n > 0 else { return ([], true) }
    let scale = weighted ? max(graph.weights.max() ?? 1, .leastNormalMagnitude) : 1
    var x = [Double](repeating: 1 / Double(n), count: n)
    var next = [Double](repeating: 0, count: n)
    var converged = false
    for _ in 0..<maxIterations {
        // (A/w + I)x, pulled over in-edges; each node summed by one worker in a fixed order.
        graph.withUnsafeCSR { g in
        x.withUnsafeBufferPointer { x in
        next.withUnsafeMutableBufferPointer { next in
            nonisolated(unsafe) let output = next
            parallelRanges(count: n, threads: threads) { range in
                for v in range {
                    var total = x[v]
                    for k in g.inSlots(v) {
                        total += x[Int(g.inSources[k])] * (weighted ? g.weights[Int(g.inEdges[k])] / scale : 1)
                    }
                    output[v] = total
                }
            }
        }}}
        let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { return (x, false) }
        var change = 0.0
        for v in 0..<n {
            next[v] /= norm
            change += abs(next[v] - x[v])
        }
        swap(&x, &next)
        if change < Double(n) * tolerance { converged = true; break }
    }
    return (x.map { $0 < 1e-10 ? 0 : $0 }, converged)
}
