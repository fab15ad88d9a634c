/// Local clustering coefficient: the share of a node's pairs of neighbors that are themselves linked,
/// c(v) = 2T(v) / (deg(v)(deg(v)−1)); 0 when deg(v) < 2 (networkx's `clustering`, unweighted, undirected view).
/// - Complexity: O(Σ deg²) with sorted neighbor lists (merge intersection).
/// - Paper: D. Watts, S. Strogatz, "Collective dynamics of small-world networks", Nature 393, 1998.
public func clustering(_ graph: Graph) -> [Double] {
    let g = graph.undirected()
    let triangles = _triangles(g)
    return (0..<g.nodeCount).map { v in
        let d = Double(g.degree(of: v))
        return d < 2 ? 0 : 2 * Double(triangles[v]) / (d * (d - 1))
    }
}

/// Average clustering over all nodes, zeros included (networkx `average_clustering`, `count_zeros=True`).
public func averageClustering(_ graph: Graph) -> Double {
    let values = clustering(graph)
    return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
}

/// Transitivity: 3 × triangles / connected triples (networkx `transitivity`), 0 when there is no triple.
public func transitivity(_ graph: Graph) -> Double {
    let g = graph.undirected()
    let triangles = _triangles(g)
    var closed = 0.0, triples = 0.0
    for v in 0..<g.nodeCount {
        let d = Double(g.degree(of: v))
        closed += Double(triangles[v])
        triples += d * (d - 1) / 2
    }
    return triples == 0 ? 0 : closed / triples
}

/// Triangles through each node, by merging sorted neighbor lists of each edge's endpoints.
private func _triangles(_ g: Graph) -> [Int] {
    var count = [Int](repeating: 0, count: g.nodeCount)
    for v in 0..<g.nodeCount {
        let nv = g.neighbors(of: v)
        for w32 in nv where Int(w32) > v {
            let nw = g.neighbors(of: Int(w32))
            var i = nv.startIndex, j = nw.startIndex
            while i < nv.endIndex && j < nw.endIndex {
                let a = nv[i], b = nw[j]
                if a < b { i += 1 } else if b < a { j += 1 } else {
                    if Int(a) > Int(w32) {
                        count[v] += 1
                        count[Int(w32)] += 1
                        count[Int(a)] += 1
                    }
                    i += 1
                    j += 1
                }
            }
        }
    }
    return count
}
