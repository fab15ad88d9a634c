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

/// Triangles through each node: for each edge v–w with v < w, the common neighbors u > w, found by merging the
/// two sorted rows (each triangle counted once, at its three corners). Raw buffers, no per-row slices.
private func _triangles(_ g: Graph) -> [Int] {
    var count = [Int](repeating: 0, count: g.nodeCount)
    g.withUnsafeCSR { csr in
    count.withUnsafeMutableBufferPointer { count in
        let (offsets, targets) = (csr.outOffsets, csr.outTargets)
        for v in 0..<g.nodeCount {
            let vEnd = offsets[v + 1]
            for a in offsets[v]..<vEnd {
                let w = Int(targets[a])
                if w <= v { continue }
                // Common neighbors greater than w: both rows are sorted, start past w in each.
                var i = a + 1
                var j = offsets[w]
                let wEnd = offsets[w + 1]
                while j < wEnd && Int(targets[j]) <= w { j += 1 }
                while i < vEnd && j < wEnd {
                    let x = targets[i], y = targets[j]
                    if x < y { i += 1 } else if y < x { j += 1 } else {
                        count[v] += 1
                        count[w] += 1
                        count[Int(x)] += 1
                        i += 1
                        j += 1
                    }
                }
            }
        }
    }}
    return count
}
