/// Everything one shortest-path search per node gives, in one parallel pass: for each node, the number of nodes
/// it reaches (itself included), the sum of distances and of inverse distances to them, and the largest distance.
///
/// Closeness, harmonic centrality, eccentricity and the distance summary of an undirected graph all derive from
/// it, so a report needing all four searches once instead of four times. Values are bit-identical to the
/// standalone functions (same searches, same summation order).
public struct DistanceProfile: Sendable {
    /// Nodes each node reaches, itself included.
    public let reached: [Int]
    /// Sum of the distances from each node to the nodes it reaches.
    public let distanceSum: [Double]
    /// Sum of 1/distance to the other nodes it reaches: harmonic centrality (networkx's `harmonic_centrality`).
    public let inverseDistanceSum: [Double]
    /// Largest distance from each node within its component (0 for an isolated node).
    public let eccentricity: [Double]
    /// Number of nodes of the graph.
    public let nodeCount: Int

    /// Searches from every node along out-edges.
    /// - Complexity: O(nm) unweighted (64 searches per pass over the arcs), O(nm + n² log n) weighted.
    public init(_ graph: Graph, length: EdgeLength = .hops, threads: Int = defaultThreadCount, progress: ProgressCounter? = nil) {
        let n = graph.nodeCount
        let slots = graph.inOffsets.last ?? 0
        let lengths = length.lengths(of: graph)
        nodeCount = n
        if lengths == nil {
            // Unweighted: 64 searches at a time, the same numbers (see `MultiSourceBFS`).
            let searches = MultiSourceBFS(graph, threads: threads, progress: progress)
            reached = searches.reached
            distanceSum = searches.distanceSum.map(Double.init)
            inverseDistanceSum = searches.inverseDistanceSum
            eccentricity = searches.eccentricity.map(Double.init)
            return
        }
        let values = accumulateOverSources(
            sources: Array(0..<n), width: 4 * n, threads: threads, progress: progress,
            makeScratch: { PathScratch(nodeCount: n, slotCount: slots) },
            body: { source, s, accumulator in
                graph.shortestPaths(from: source, lengths: lengths, into: &s, countingPaths: false)
                var total = 0.0, inverse = 0.0
                for i in 0..<s.orderCount { total += s.distance[Int(s.order[i])] }
                for i in 1..<max(1, s.orderCount) { inverse += 1 / s.distance[Int(s.order[i])] }
                accumulator[4 * source] = Double(s.orderCount)
                accumulator[4 * source + 1] = total
                accumulator[4 * source + 2] = inverse
                accumulator[4 * source + 3] = s.orderCount > 0 ? s.distance[Int(s.order[s.orderCount - 1])] : 0
            })
        reached = (0..<n).map { Int(values[4 * $0]) }
        distanceSum = (0..<n).map { values[4 * $0 + 1] }
        inverseDistanceSum = (0..<n).map { values[4 * $0 + 2] }
        eccentricity = (0..<n).map { values[4 * $0 + 3] }
    }

    /// Closeness from outgoing distances (equal to `closeness` on an undirected graph).
    public func closeness(perComponent: Bool = false) -> [Double] {
        (0..<nodeCount).map { v in
            let r = Double(reached[v] - 1), total = distanceSum[v]
            guard total > 0, nodeCount > 1 else { return 0 }
            return perComponent ? r / total : (r / total) * (r / Double(nodeCount - 1))
        }
    }

    /// Diameter, radius and average path length of the largest connected component (undirected graphs).
    public func summary(componentLabels labels: [Int], sizes: [Int]) -> DistanceSummary? {
        guard nodeCount > 0, let largest = sizes.indices.max(by: { sizes[$0] < sizes[$1] }) else { return nil }
        let members = (0..<nodeCount).filter { labels[$0] == largest }
        let c = Double(members.count)
        let total = members.reduce(0.0) { $0 + distanceSum[$1] }
        let eccentricities = members.map { eccentricity[$0] }
        return DistanceSummary(diameter: eccentricities.max() ?? 0, radius: eccentricities.min() ?? 0,
                               averageShortestPathLength: c > 1 ? total / (c * (c - 1)) : 0,
                               componentSize: members.count, nodeCount: nodeCount)
    }
}
