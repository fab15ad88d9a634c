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
    _betweenness(graph, length: length, normalized: normalized, endpoints: endpoints, sample: sample, seed: seed,
                 threads: threads, progress: progress, predecessorLists: false)
}

/// `betweenness`, with `predecessorLists: true` forcing the general path (`shortestPaths` then `_accumulate`) on
/// unweighted graphs too: the tests compare it bit for bit with `_hopBetweenness`.
func _betweenness(
    _ graph: Graph, length: EdgeLength, normalized: Bool, endpoints: Bool, sample: Int?, seed: UInt64, threads: Int,
    progress: ProgressCounter?, predecessorLists: Bool
) -> [Double] {
    let n = graph.nodeCount
    let slots = graph.inOffsets.last ?? 0
    let sources = sample.map { sampleNodes(n, count: $0, seed: seed) } ?? Array(0..<n)
    let lengths = length.lengths(of: graph)
    var result = lengths == nil && !predecessorLists
        ? accumulateOverSources(
            sources: sources, width: n, threads: threads, progress: progress,
            makeScratch: { HopScratch(nodeCount: n, arcCount: graph.outOffsets.last ?? 0) },
            body: { source, scratch, accumulator in
                _hopBetweenness(graph, source: source, scratch: &scratch, into: &accumulator, endpoints: endpoints)
            })
        : accumulateOverSources(
            sources: sources, width: n, threads: threads, progress: progress,
            makeScratch: { (PathScratch(nodeCount: n, slotCount: slots), [Double](repeating: 0, count: n)) },
            body: { source, scratch, accumulator in
                graph.shortestPaths(from: source, lengths: lengths, into: &scratch.0)
                _accumulate(graph, source: source, paths: &scratch.0, delta: &scratch.1, into: &accumulator, byEdge: false,
                            endpoints: endpoints)
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

/// Scratch of `_hopBetweenness`: the breadth-first level of each node (-1 when unreached), its path count, the
/// coefficient (1 + δ(w)) / σ(w) of phase 2, the nodes in the order they were reached (which is also the search's
/// queue), and each reached node's successors on shortest paths, written one node after the other.
struct HopScratch {
    var level: [Int32]
    var sigma: [Double]
    var coefficient: [Double]
    var order: [Int32]
    var successors: [Int32]
    /// The end of the successors of `order[i]` in `successors`.
    var successorEnd: [Int]

    init(nodeCount: Int, arcCount: Int) {
        level = [Int32](repeating: -1, count: nodeCount)
        sigma = [Double](repeating: 0, count: nodeCount)
        coefficient = [Double](repeating: 0, count: nodeCount)
        order = [Int32](repeating: 0, count: nodeCount)
        successors = [Int32](repeating: 0, count: max(arcCount, 1))
        successorEnd = [Int](repeating: 0, count: nodeCount)
    }
}

/// Brandes' two phases from one source on an unweighted graph, with successor lists instead of predecessor lists.
/// Phase 1 appends each shortest-path arc v→w to v's list as it scans v's row, so the lists are written one after the
/// other (predecessor lists are written at scattered slots and counted per node: 25 % slower on BA 10k). Phase 2
/// pulls: δ(v) = Σ over v's successors w of σ(v)·(1 + δ(w))/σ(w), v in reverse order of reach.
///
/// σ gets the same sums in the same order as networkx, and δ(v) the same terms, but added in the order of v's row
/// (increasing neighbour index) where networkx's push form adds them by decreasing reach of w: the values may differ
/// from networkx's and from the general path in the last bit or two (`HopBetweennessTests`: relative 10⁻¹³ at most);
/// they never depend on the thread count. Keeping networkx's order needs each list sorted by reach, which costs what
/// the lists save (measured: 5.2 s against 5.1 s for predecessor lists and 4.2 s unsorted, BA 10k, one thread).
private func _hopBetweenness(_ graph: Graph, source: Int, scratch: inout HopScratch, into result: inout [Double],
                             endpoints: Bool) {
    let extra: Double = endpoints ? 1 : 0
    graph.withUnsafeCSR { g in
    scratch.level.withUnsafeMutableBufferPointer { level in
    scratch.sigma.withUnsafeMutableBufferPointer { sigma in
    scratch.coefficient.withUnsafeMutableBufferPointer { coefficient in
    scratch.order.withUnsafeMutableBufferPointer { order in
    scratch.successors.withUnsafeMutableBufferPointer { successors in
    scratch.successorEnd.withUnsafeMutableBufferPointer { successorEnd in
    result.withUnsafeMutableBufferPointer { result in
        level[source] = 0
        sigma[source] = 1
        order[0] = Int32(source)
        var head = 0, tail = 1, written = 0
        while head < tail {
            let v = Int(order[head])
            let next = level[v] + 1
            let sigmaV = sigma[v]
            for k in g.outOffsets[v]..<g.outOffsets[v + 1] {
                let w32 = g.outTargets[k]
                let w = Int(w32)
                let levelW = level[w]
                if levelW < 0 {
                    level[w] = next
                    sigma[w] = sigmaV
                    order[tail] = w32; tail += 1
                    successors[written] = w32; written += 1
                } else if levelW == next {
                    sigma[w] += sigmaV
                    successors[written] = w32; written += 1
                }
            }
            successorEnd[head] = written
            head += 1
        }
        if endpoints { result[source] += Double(tail - 1) }
        var i = tail - 1
        while i > 0 {
            let v = Int(order[i])
            let sigmaV = sigma[v]
            var delta = 0.0
            for k in successorEnd[i - 1]..<successorEnd[i] {
                delta += sigmaV * coefficient[Int(successors[k])]
            }
            coefficient[v] = (1 + delta) / sigmaV
            result[v] += delta + extra
            i -= 1
        }
        for i in 0..<tail {
            let v = Int(order[i])
            level[v] = -1
            sigma[v] = 0
        }
    }}}}}}}}
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
