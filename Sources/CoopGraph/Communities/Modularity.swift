/// Newman–Girvan modularity of a partition, with a resolution parameter, as networkx's
/// `networkx.algorithms.community.modularity(G, communities, weight, resolution)`.
///
/// - Undirected: Q = Σ_c [ L_c / m − γ (K_c / 2m)² ], L_c the weight of edges inside c, K_c the sum of the
///   weighted degrees of c's nodes, m the total edge weight.
/// - Directed: Q = Σ_c [ L_c / m − γ K_c^out K_c^in / m² ].
/// - `labels[v]` is the community of node v (any non-negative integers); nodes labelled -1 are left out, as networkx
///   requires a partition of every node (the caller should pass one). Unweighted graphs use weight 1 (as `weighted:
///   false`). Returns nil for a graph without edges (m = 0: networkx divides by zero).
/// - Paper: M. Newman, M. Girvan, "Finding and evaluating community structure in networks", Phys. Rev. E 69, 2004;
///   resolution: J. Reichardt, S. Bornholdt, Phys. Rev. E 74, 2006.
public func modularity(_ graph: Graph, labels: [Int], resolution: Double = 1, weighted: Bool = true) -> Double? {
    precondition(labels.count == graph.nodeCount, "one label per node")
    let communityCount = (labels.max() ?? -1) + 1
    var inside = [Double](repeating: 0, count: communityCount)
    var outDegree = [Double](repeating: 0, count: communityCount)
    var inDegree = [Double](repeating: 0, count: communityCount)
    var total = 0.0
    for e in 0..<graph.edgeCount {
        let w = weighted ? graph.weights[e] : 1
        let a = labels[Int(graph.edgeSources[e])], b = labels[Int(graph.edgeTargets[e])]
        total += w
        if a >= 0 { outDegree[a] += w }
        if b >= 0 { inDegree[b] += w }
        if a >= 0, a == b { inside[a] += w }
    }
    guard total > 0 else { return nil }
    var q = 0.0
    for c in 0..<communityCount {
        if graph.isDirected {
            q += inside[c] / total - resolution * outDegree[c] * inDegree[c] / (total * total)
        } else {
            let degree = (outDegree[c] + inDegree[c]) / (2 * total)
            q += inside[c] / total - resolution * degree * degree
        }
    }
    return q
}

/// Labels renumbered `0..<k` by decreasing community size, ties broken by smallest node index; -1 stays -1.
/// Two runs that find the same partition give the same labels.
public func canonicalLabels(_ labels: [Int]) -> [Int] {
    var size: [Int: Int] = [:]
    var first: [Int: Int] = [:]
    for (v, label) in labels.enumerated() where label >= 0 {
        size[label, default: 0] += 1
        if first[label] == nil { first[label] = v }
    }
    let order = size.keys.sorted { (size[$0]!, -first[$0]!) > (size[$1]!, -first[$1]!) }
    var renumber: [Int: Int] = [:]
    for (index, label) in order.enumerated() { renumber[label] = index }
    return labels.map { $0 >= 0 ? renumber[$0]! : -1 }
}
