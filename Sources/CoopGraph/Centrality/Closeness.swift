/// Closeness centrality: the inverse of the mean distance to the nodes a node can reach.
///
/// C(u) = (r−1) / Σ_v d(v,u) over the r nodes that reach u (u included), multiplied by (r−1)/(n−1)
/// (Wasserman–Faust correction, networkx's `wf_improved=True`, the default) so that nodes of small components do
/// not score high. `perComponent: true` drops the correction (networkx `wf_improved=False`). Directed graphs use
/// incoming distances, as networkx. A node reaching no other node scores 0.
/// - Complexity: O(nm) unweighted (64 searches per pass over the arcs, `MultiSourceBFS`), O(nm + n² log n) weighted.
/// - Paper: S. Wasserman, K. Faust, *Social Network Analysis*, 1994, §5.3.
public func closeness(_ graph: Graph, length: EdgeLength = .hops, perComponent: Bool = false, threads: Int = defaultThreadCount) -> [Double] {
    let n = graph.nodeCount
    let reversed = graph.reversed()
    if length.lengths(of: graph) == nil {
        // Unweighted: 64 searches at a time (`MultiSourceBFS`), the same numbers.
        let searches = MultiSourceBFS(reversed, threads: threads)
        return (0..<n).map { u in
            let total = Double(searches.distanceSum[u])
            let reached = Double(searches.reached[u] - 1)
            guard total > 0, n > 1 else { return 0 }
            var value = reached / total
            if !perComponent { value *= reached / Double(n - 1) }
            return value
        }
    }
    return _closenessBySource(reversed, length: length, perComponent: perComponent, threads: threads)
}

/// Closeness from one search per node (weighted lengths; the unweighted reference of `MultiSourceBFS`'s tests).
func _closenessBySource(_ reversed: Graph, length: EdgeLength, perComponent: Bool, threads: Int) -> [Double] {
    let n = reversed.nodeCount
    return _perSource(reversed, length: length, threads: threads) { s in
        var total = 0.0
        for i in 0..<s.orderCount { total += s.distance[Int(s.order[i])] }
        let reached = Double(s.orderCount - 1)
        guard total > 0, n > 1 else { return 0 }
        var value = reached / total
        if !perComponent { value *= reached / Double(n - 1) }
        return value
    }
}

/// Harmonic centrality: H(u) = Σ_{v≠u} 1/d(v,u), with 1/∞ = 0, so it is defined on disconnected graphs.
///
/// Not normalised (networkx's `harmonic_centrality`); directed graphs use incoming distances.
/// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted.
/// - Paper: M. Marchiori, V. Latora, "Harmony in the small-world", Physica A 285, 2000.
public func harmonic(_ graph: Graph, length: EdgeLength = .hops, threads: Int = defaultThreadCount) -> [Double] {
    if length.lengths(of: graph) == nil { return MultiSourceBFS(graph.reversed(), threads: threads).inverseDistanceSum }
    return _harmonicBySource(graph.reversed(), length: length, threads: threads)
}

/// Harmonic centrality from one search per node (weighted lengths; the reference of `MultiSourceBFS`'s tests).
func _harmonicBySource(_ reversed: Graph, length: EdgeLength, threads: Int) -> [Double] {
    _perSource(reversed, length: length, threads: threads) { s in
        var total = 0.0
        for i in 1..<max(1, s.orderCount) { total += 1 / s.distance[Int(s.order[i])] }
        return total
    }
}

/// Eccentricity: the largest distance from a node to the nodes it reaches (networkx raises on a disconnected
/// graph; here the eccentricity is within the node's component, said so in the output).
public func eccentricity(_ graph: Graph, length: EdgeLength = .hops, threads: Int = defaultThreadCount) -> [Double] {
    if length.lengths(of: graph) == nil { return MultiSourceBFS(graph, threads: threads).eccentricity.map(Double.init) }
    return _eccentricityBySource(graph, length: length, threads: threads)
}

/// Eccentricity from one search per node (weighted lengths; the reference of `MultiSourceBFS`'s tests).
func _eccentricityBySource(_ graph: Graph, length: EdgeLength, threads: Int) -> [Double] {
    _perSource(graph, length: length, threads: threads) { s in
        s.orderCount > 0 ? s.distance[Int(s.order[s.orderCount - 1])] : 0
    }
}

/// One value per node computed from the shortest paths *from* it, in parallel, written at the node's index.
private func _perSource(_ graph: Graph, length: EdgeLength, threads: Int, value: @escaping (PathScratch) -> Double) -> [Double] {
    let n = graph.nodeCount
    let slots = graph.inOffsets.last ?? 0
    let lengths = length.lengths(of: graph)
    return accumulateOverSources(
        sources: Array(0..<n), width: n, threads: threads,
        makeScratch: { PathScratch(nodeCount: n, slotCount: slots) },
        body: { source, scratch, accumulator in
            graph.shortestPaths(from: source, lengths: lengths, into: &scratch, countingPaths: false)
            accumulator[source] = value(scratch)
        })
}
