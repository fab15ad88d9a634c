/// Distance figures of a graph, computed on its largest component (strongly connected when directed), because
/// they are infinite as soon as two nodes cannot reach each other.
///
/// networkx raises on a disconnected graph for `diameter`, `radius` and `average_shortest_path_length`; ptce
/// reports them for the largest component and says so (`componentSize` out of `nodeCount`). On a connected graph
/// the values equal networkx's.
public struct DistanceSummary: Sendable, Equatable {
    /// Largest eccentricity in the largest component.
    public var diameter: Double
    /// Smallest eccentricity in the largest component.
    public var radius: Double
    /// Mean distance over ordered pairs of distinct nodes of the largest component.
    public var averageShortestPathLength: Double
    /// Nodes of the component the figures are computed on.
    public var componentSize: Int
    /// Number of nodes of the whole graph.
    public var nodeCount: Int
}

/// Diameter, radius and average shortest path length of the largest component.
/// - Complexity: O(c·m) on a component of c nodes (one search per node).
public func distanceSummary(_ graph: Graph, length: EdgeLength = .hops, threads: Int = defaultThreadCount,
                            progress: ProgressCounter? = nil) -> DistanceSummary? {
    guard graph.nodeCount > 0 else { return nil }
    let (labels, sizes) = stronglyConnectedComponents(graph)
    let largest = sizes.indices.max { sizes[$0] < sizes[$1] }!
    let (component, _) = graph.induced(by: labels.map { $0 == largest })
    let n = component.nodeCount
    let slots = component.inOffsets.last ?? 0
    // Two values per node: eccentricity, and the sum of distances from it.
    let lengths = length.lengths(of: component)
    let values = accumulateOverSources(
        sources: Array(0..<n), width: 2 * n, threads: threads, progress: progress,
        makeScratch: { PathScratch(nodeCount: n, slotCount: slots) },
        body: { source, scratch, accumulator in
            component.shortestPaths(from: source, lengths: lengths, into: &scratch, countingPaths: false)
            var total = 0.0
            for i in 0..<scratch.orderCount { total += scratch.distance[Int(scratch.order[i])] }
            accumulator[2 * source] = scratch.orderCount > 0 ? scratch.distance[Int(scratch.order[scratch.orderCount - 1])] : 0
            accumulator[2 * source + 1] = total
        })
    let eccentricities = stride(from: 0, to: 2 * n, by: 2).map { values[$0] }
    let total = stride(from: 1, to: 2 * n, by: 2).reduce(0.0) { $0 + values[$1] }
    return DistanceSummary(diameter: eccentricities.max() ?? 0, radius: eccentricities.min() ?? 0,
                           averageShortestPathLength: n > 1 ? total / (Double(n) * Double(n - 1)) : 0,
                           componentSize: n, nodeCount: graph.nodeCount)
}
