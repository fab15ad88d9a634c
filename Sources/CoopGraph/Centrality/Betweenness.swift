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
///
/// Sampling (`sample: k`): only k sources drawn with `seed` are searched and the values are rescaled as networkx
/// does for `k` (sources and non-sources scaled apart when endpoints are excluded). The draw uses ptce's own
/// SplitMix64, so the sample differs from networkx's for the same seed; with k = n the result is exact.
/// - Parameters:
///   - graph: directed or undirected.
///   - length: `.hops` (unweighted), `.weight` or `.inverseWeight`.
///   - normalized: see above (default true, as networkx).
///   - endpoints: count s and t as lying on their own paths.
///   - sample: number of sources to sample (nil: every node).
///   - seed: seed of the sample.
///   - threads: workers (default: every core); the result does not depend on it.
///   - progress: counts the sources done (for a progress bar), or nil.
/// - Returns: one value per node.
/// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted (O(km…) sampled); O(n + m) memory per worker.
/// - Paper: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2), 2001;
///   U. Brandes, C. Pich, "Centrality estimation in large networks", Int. J. Bifurcation and Chaos 17(7), 2007.
public func betweenness(
    _ graph: Graph, length: EdgeLength = .hops, normalized: Bool = true, endpoints: Bool = false,
    sample: Int? = nil, seed: UInt64 = 0, threads: Int = defaultThreadCount, progress: ProgressCounter? = nil
) -> [Double] {
    let n = graph.nodeCount
    let slots = graph.inOffsets.last ?? 0
    let sources = sample.map { sampleNodes(n, count: $0, seed: seed) } ?? Array(0..<n)
    let lengths = length.lengths(of: graph)
    var result = accumulateOverSources(
        sources: sources, width: n, threads: threads, progress: progress,
        makeScratch: { (PathScratch(nodeCount: n, slotCount: slots), [Double](repeating: 0, count: n)) },
        body: { source, scratch, accumulator in
            graph.shortestPaths(from: source, lengths: lengths, into: &scratch.0)
            _accumulate(graph, source: source, paths: &scratch.0, delta: &scratch.1, into: &accumulator, byEdge: false, endpoints: endpoints)
        })
    _rescaleBetweenness(&result, n: n, normalized: normalized, directed: graph.isDirected, endpoints: endpoints,
                        sampled: sample == nil ? nil : sources)
    return result
}

/// Edge betweenness: for each edge, Σ_{s≠t} σ(s,t|e) / σ(s,t), by edge index.
///
/// Convention (networkx's `edge_betweenness_centrality`): normalised by n(n−1); unnormalised undirected values
/// halved. Weights as `length` says.
/// - Complexity: as `betweenness`.
/// - Paper: U. Brandes, "On variants of shortest-path betweenness centrality and their generic computation",
///   Social Networks 30(2), 2008.
public func edgeBetweenness(_ graph: Graph, length: EdgeLength = .hops, normalized: Bool = true,
                            threads: Int = defaultThreadCount, progress: ProgressCounter? = nil) -> [Double] {
    let n = graph.nodeCount
    let slots = graph.inOffsets.last ?? 0
    let lengths = length.lengths(of: graph)
    var result = accumulateOverSources(
        sources: Array(0..<n), width: graph.edgeCount, threads: threads, progress: progress,
        makeScratch: { (PathScratch(nodeCount: n, slotCount: slots), [Double](repeating: 0, count: n)) },
        body: { source, scratch, accumulator in
            graph.shortestPaths(from: source, lengths: lengths, into: &scratch.0, recordingEdges: true)
            _accumulate(graph, source: source, paths: &scratch.0, delta: &scratch.1, into: &accumulator, byEdge: true, endpoints: false)
        })
    _rescaleBetweenness(&result, n: n, normalized: normalized, directed: graph.isDirected, endpoints: true, sampled: nil)
    return result
}

/// Brandes phase 2: dependencies δ(v) = Σ_w σ(v)/σ(w)·(1 + δ(w)) over the settled order, last first, added to each
/// node (`byEdge: false`) or, as igraph does for edge betweenness, each term σ(v)/σ(w)·(1 + δ(w)) to the edge from
/// the predecessor v to w (`byEdge: true`: the search recorded `predecessorEdges`).
private func _accumulate(_ graph: Graph, source: Int, paths s: inout PathScratch, delta: inout [Double], into result: inout [Double],
                         byEdge: Bool, endpoints: Bool) {
    if endpoints { result[source] += Double(s.orderCount - 1) }
    let extra: Double = endpoints ? 1 : 0
    let count = s.orderCount
    graph.withUnsafeCSR { g in
    s.withUnsafeBuffers { b in
    delta.withUnsafeMutableBufferPointer { delta in
    result.withUnsafeMutableBufferPointer { result in
        var i = count - 1
        while i >= 0 {
            let w = Int(b.order[i])
            let coefficient = (1 + delta[w]) / b.sigma[w]
            let start = g.inOffsets[w]
            for k in start..<(start + b.predecessorCount[w]) {
                let v = Int(b.predecessors[k])
                let c = b.sigma[v] * coefficient
                delta[v] += c
                if byEdge { result[Int(b.predecessorEdges[k])] += c }
            }
            if !byEdge && w != source { result[w] += delta[w] + extra }
            i -= 1
        }
        for i in 0..<count { delta[Int(b.order[i])] = 0 }
    }}}}
}

/// networkx 3.6's `_rescale`, including its sampling adjustment.
private func _rescaleBetweenness(_ values: inout [Double], n: Int, normalized: Bool, directed: Bool, endpoints: Bool, sampled: [Int]?) {
    let pairs = Double(endpoints ? n : n - 1)
    guard pairs >= 2 else { return }
    let correction: Double = directed ? 1 : 2
    guard let sampled else {
        let scale = normalized ? 1 / (pairs * (pairs - 1)) : 1 / correction
        if scale != 1 { for i in values.indices { values[i] *= scale } }
        return
    }
    let k = Double(sampled.count)
    if endpoints {
        let scale = normalized ? 1 / (k * (pairs - 1)) : pairs / (k * correction)
        for i in values.indices { values[i] *= scale }
        return
    }
    let source = normalized ? (k > 1 ? 1 / ((k - 1) * (pairs - 1)) : 0) : (k > 1 ? pairs / ((k - 1) * correction) : 0)
    let other = normalized ? 1 / (k * (pairs - 1)) : pairs / (k * correction)
    var isSource = [Bool](repeating: false, count: values.count)
    for s in sampled { isSource[s] = true }
    for i in values.indices { values[i] *= isSource[i] ? source : other }
}

/// `count` distinct nodes of `0..<n` drawn with SplitMix64 from `seed` (partial Fisher–Yates), in drawn order.
public func sampleNodes(_ n: Int, count: Int, seed: UInt64) -> [Int] {
    var generator = SplitMix64(seed: seed)
    var pool = Array(0..<n)
    let k = min(max(count, 0), n)
    for i in 0..<k {
        let j = i + Int(generator.next() % UInt64(n - i))
        pool.swapAt(i, j)
    }
    return Array(pool[0..<k])
}
