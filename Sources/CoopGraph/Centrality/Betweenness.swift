/// Betweenness centrality: how often a node lies on shortest paths between other nodes.
///
/// c_B(v) = Σ_{s≠v≠t} σ(s,t|v) / σ(s,t), where σ(s,t) is the number of shortest s–t paths and σ(s,t|v) the number
/// through v. Computed with Brandes' algorithm: one shortest-path search per source, then back-propagation of
/// dependencies, run in parallel over sources (bit-identical results whatever the thread count).
///
/// Convention (networkx's `betweenness_centrality`): `normalized` divides by (n−1)(n−2) — by n(n−1) with
/// `endpoints` — for directed and undirected graphs alike (so an undirected star's centre scores 1); unnormalised
/// undirected values are halved (each unordered pair counted once). Weights are lengths as `length` says.
/// Disconnected graphs: pairs without a path contribute nothing.
/// - Parameters:
///   - graph: directed or undirected.
///   - length: `.hops` (unweighted), `.weight` or `.inverseWeight`.
///   - normalized: see above (default true, as networkx).
///   - endpoints: count s and t as lying on their own paths.
///   - threads: workers (default: every core).
/// - Returns: one value per node.
/// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted; O(n + m) memory per worker.
/// - Paper: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2), 2001.
public func betweenness(
    _ graph: Graph, length: EdgeLength = .hops, normalized: Bool = true, endpoints: Bool = false,
    threads: Int = defaultThreadCount
) -> [Double] {
    let n = graph.nodeCount
    let slots = graph.inOffsets.last ?? 0
    var result = accumulateOverSources(
        sources: Array(0..<n), width: n, threads: threads,
        makeScratch: { (PathScratch(nodeCount: n, slotCount: slots), [Double](repeating: 0, count: n)) },
        body: { source, scratch, accumulator in
            graph.shortestPaths(from: source, length: length, into: &scratch.0)
            _accumulate(graph, source: source, paths: scratch.0, delta: &scratch.1, into: &accumulator, endpoints: endpoints)
        })
    _rescaleBetweenness(&result, n: n, normalized: normalized, directed: graph.isDirected, endpoints: endpoints)
    return result
}

/// Brandes phase 2: dependencies δ(v) = Σ_w σ(v)/σ(w)·(1 + δ(w)) over the settled order, last first.
private func _accumulate(_ graph: Graph, source: Int, paths s: PathScratch, delta: inout [Double], into bc: inout [Double], endpoints: Bool) {
    if endpoints { bc[source] += Double(s.orderCount - 1) }
    var i = s.orderCount - 1
    while i >= 0 {
        let w = Int(s.order[i])
        let coefficient = (1 + delta[w]) / s.sigma[w]
        let start = graph.inOffsets[w]
        for k in start..<(start + s.predecessorCount[w]) {
            let v = Int(s.predecessors[k])
            delta[v] += s.sigma[v] * coefficient
        }
        if w != source { bc[w] += delta[w] + (endpoints ? 1 : 0) }
        i -= 1
    }
    for i in 0..<s.orderCount { delta[Int(s.order[i])] = 0 }
}

/// networkx's `_rescale` for exact betweenness (no sampling).
private func _rescaleBetweenness(_ values: inout [Double], n: Int, normalized: Bool, directed: Bool, endpoints: Bool) {
    let pairs = endpoints ? n : n - 1
    guard pairs >= 2 else { return }
    let scale = normalized ? 1 / (Double(pairs) * Double(pairs - 1)) : (directed ? 1 : 0.5)
    if scale != 1 { for i in values.indices { values[i] *= scale } }
}
