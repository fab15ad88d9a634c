/// A graph in compressed sparse row (CSR) form: immutable, index-based, domain-free.
///
/// Nodes are `0..<nodeCount` (`Int32` in storage). Each edge has an index `0..<edgeCount`; its weight and
/// endpoints live in parallel arrays by edge index. For every node, `neighbors(of:)` lists the adjacent nodes and
/// `incidentEdges(of:)` the matching edge indices, sorted by neighbor index (so results never depend on input order).
/// An undirected edge appears in the lists of both endpoints; a directed graph also stores the in-adjacency.
///
/// Build one with `GraphBuilder`. Algorithms use only this read-only API.
public struct Graph: Sendable {
    /// Number of nodes; nodes are `0..<nodeCount`.
    public let nodeCount: Int
    /// Whether edges have a direction (each is then listed in its source's out-row and its target's in-row).
    public let isDirected: Bool
    /// Whether edge weights were given; when false every weight is 1.
    public let isWeighted: Bool

    @usableFromInline let outOffsets: [Int]
    @usableFromInline let outTargets: [Int32]
    @usableFromInline let outEdges: [Int32]
    @usableFromInline let inOffsets: [Int]
    @usableFromInline let inSources: [Int32]
    @usableFromInline let inEdges: [Int32]
    /// Weight of each edge, by edge index.
    public let weights: [Double]
    /// Endpoints of each edge, by edge index (for undirected edges, `edgeSources[e] < edgeTargets[e]`).
    public let edgeSources: [Int32]
    /// The other endpoint of each edge, by edge index (the head of a directed edge).
    public let edgeTargets: [Int32]

    init(nodeCount: Int, isDirected: Bool, isWeighted: Bool, sources: [Int32], targets: [Int32], weights: [Double]) {
        self.nodeCount = nodeCount
        self.isDirected = isDirected
        self.isWeighted = isWeighted
        self.edgeSources = sources
        self.edgeTargets = targets
        self.weights = weights
        (outOffsets, outTargets, outEdges) = Graph.compress(nodeCount: nodeCount, from: sources, to: targets, both: !isDirected)
        if isDirected {
            (inOffsets, inSources, inEdges) = Graph.compress(nodeCount: nodeCount, from: targets, to: sources, both: false)
        } else {
            (inOffsets, inSources, inEdges) = (outOffsets, outTargets, outEdges)
        }
        #if DEBUG
        _checkInvariants()
        #endif
    }

    /// Counting sort of the edges by first endpoint, then by second, into CSR arrays.
    private static func compress(nodeCount: Int, from: [Int32], to: [Int32], both: Bool) -> ([Int], [Int32], [Int32]) {
        var counts = [Int](repeating: 0, count: nodeCount + 1)
        for e in from.indices {
            counts[Int(from[e]) + 1] += 1
            if both { counts[Int(to[e]) + 1] += 1 }
        }
        for i in 0..<nodeCount { counts[i + 1] += counts[i] }
        let offsets = counts
        var cursor = counts
        let slots = offsets[nodeCount]
        var neighbors = [Int32](repeating: 0, count: slots)
        var edges = [Int32](repeating: 0, count: slots)
        // Place edges in order of the *other* endpoint, so that each row comes out sorted: first pass by
        // the other endpoint with a second counting sort.
        var order = [Int32](repeating: 0, count: from.count * (both ? 2 : 1))
        var keyCounts = [Int](repeating: 0, count: nodeCount + 1)
        for e in from.indices {
            keyCounts[Int(to[e]) + 1] += 1
            if both { keyCounts[Int(from[e]) + 1] += 1 }
        }
        for i in 0..<nodeCount { keyCounts[i + 1] += keyCounts[i] }
        // order holds half-edges (2e for from→to, 2e+1 for to→from) sorted by their head.
        for e in from.indices {
            order[keyCounts[Int(to[e])]] = Int32(both ? 2 * e : e)
            keyCounts[Int(to[e])] += 1
            if both {
                order[keyCounts[Int(from[e])]] = Int32(2 * e + 1)
                keyCounts[Int(from[e])] += 1
            }
        }
        for half in order {
            let e = both ? Int(half) / 2 : Int(half)
            let reversed = both && half % 2 == 1
            let tail = reversed ? to[e] : from[e]
            let head = reversed ? from[e] : to[e]
            let slot = cursor[Int(tail)]
            neighbors[slot] = head
            edges[slot] = Int32(e)
            cursor[Int(tail)] += 1
        }
        return (offsets, neighbors, edges)
    }

    /// Number of edges (an undirected edge counts once). O(1).
    public var edgeCount: Int { weights.count }

    /// Out-neighbors (all neighbors when undirected), sorted by index.
    @inlinable public func neighbors(of node: Int) -> ArraySlice<Int32> {
        outTargets[outOffsets[node]..<outOffsets[node + 1]]
    }

    /// Edge indices matching `neighbors(of:)`, position by position.
    @inlinable public func incidentEdges(of node: Int) -> ArraySlice<Int32> {
        outEdges[outOffsets[node]..<outOffsets[node + 1]]
    }

    /// In-neighbors (all neighbors when undirected), sorted by index.
    @inlinable public func predecessors(of node: Int) -> ArraySlice<Int32> {
        inSources[inOffsets[node]..<inOffsets[node + 1]]
    }

    /// Edge indices matching `predecessors(of:)`.
    @inlinable public func incomingEdges(of node: Int) -> ArraySlice<Int32> {
        inEdges[inOffsets[node]..<inOffsets[node + 1]]
    }

    /// Number of neighbors (out-degree when directed).
    @inlinable public func degree(of node: Int) -> Int { outOffsets[node + 1] - outOffsets[node] }

    /// Number of in-neighbors (the degree when undirected). O(1).
    @inlinable public func inDegree(of node: Int) -> Int { inOffsets[node + 1] - inOffsets[node] }

    /// The graph with every edge reversed (the same graph when undirected).
    public func reversed() -> Graph {
        guard isDirected else { return self }
        return Graph(nodeCount: nodeCount, isDirected: true, isWeighted: isWeighted, sources: edgeTargets, targets: edgeSources, weights: weights)
    }

    /// The undirected graph with the same edges; opposite directed edges are merged, their weights summed.
    public func undirected() -> Graph {
        guard isDirected else { return self }
        var builder = GraphBuilder(nodeCount: nodeCount, directed: false, weighted: isWeighted)
        for e in 0..<edgeCount { builder.addEdge(Int(edgeSources[e]), Int(edgeTargets[e]), weight: weights[e]) }
        return builder.build()
    }

    /// The subgraph induced by the nodes where `keep` is true, renumbered in order; `nodes` maps new to old indices.
    public func induced(by keep: [Bool]) -> (graph: Graph, nodes: [Int]) {
        var newIndex = [Int32](repeating: -1, count: nodeCount)
        var nodes: [Int] = []
        for v in 0..<nodeCount where keep[v] {
            newIndex[v] = Int32(nodes.count)
            nodes.append(v)
        }
        var builder = GraphBuilder(nodeCount: nodes.count, directed: isDirected, weighted: isWeighted)
        for e in 0..<edgeCount {
            let u = newIndex[Int(edgeSources[e])], v = newIndex[Int(edgeTargets[e])]
            if u >= 0 && v >= 0 { builder.addEdge(Int(u), Int(v), weight: weights[e]) }
        }
        return (builder.build(), nodes)
    }

    /// Edges over possible edges: m / (n(n−1)/2) undirected, m / (n(n−1)) directed; 0 when n < 2 (as networkx).
    public var density: Double {
        guard nodeCount > 1 else { return 0 }
        let possible = Double(nodeCount) * Double(nodeCount - 1)
        return Double(edgeCount) / (isDirected ? possible : possible / 2)
    }
}

/// Collects edges, then builds an immutable `Graph`.
///
/// Self-loops are dropped (counted in `droppedSelfLoops`). Parallel edges are merged into one edge whose weight is
/// the sum of theirs, so that two ties between the same actors count as a stronger tie, not as two paths.
public struct GraphBuilder: Sendable {
    /// Number of nodes of the graph to build.
    public let nodeCount: Int
    /// Whether edges keep their direction.
    public let directed: Bool
    /// Whether weights are kept; when false every edge weighs 1 and the weights given are ignored.
    public let weighted: Bool
    /// Self-loops passed to `addEdge` and left out.
    public private(set) var droppedSelfLoops = 0
    private var index: [UInt64: Int] = [:]
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    private var weights: [Double] = []

    /// A builder of a graph of `nodeCount` nodes and no edge yet.
    /// - Precondition: `0 ≤ nodeCount < Int32.max`.
    public init(nodeCount: Int, directed: Bool = false, weighted: Bool = false) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max))
        self.nodeCount = nodeCount
        self.directed = directed
        self.weighted = weighted
    }

    /// Adds an edge; on an undirected graph `(u, v)` and `(v, u)` are the same edge. Amortised O(1).
    /// - Precondition: both nodes in range; with `weighted`, the weight finite and greater than 0.
    public mutating func addEdge(_ u: Int, _ v: Int, weight: Double = 1) {
        precondition(u >= 0 && u < nodeCount && v >= 0 && v < nodeCount, "node index out of range")
        precondition(!weighted || (weight.isFinite && weight > 0), "edge weight must be finite and > 0, not \(weight)")
        if u == v { droppedSelfLoops += 1; return }
        let (a, b) = directed || u < v ? (u, v) : (v, u)
        let key = UInt64(a) << 32 | UInt64(b)
        if let e = index[key] {
            weights[e] += weighted ? weight : 0
            return
        }
        index[key] = weights.count
        sources.append(Int32(a))
        targets.append(Int32(b))
        weights.append(weighted ? weight : 1)
    }

    /// The graph in CSR form: rows sorted by neighbor, whatever the order edges were added in. O(n + m).
    public func build() -> Graph {
        Graph(nodeCount: nodeCount, isDirected: directed, isWeighted: weighted, sources: sources, targets: targets, weights: weights)
    }
}

extension Graph {
    /// The index of the edge from `u` to `v` (either way when undirected); binary search in u's sorted row.
    /// - Precondition: the edge exists.
    @inlinable public func edgeIndex(from u: Int, to v: Int) -> Int {
        var low = outOffsets[u], high = outOffsets[u + 1] - 1
        let target = Int32(v)
        while low < high {
            let mid = (low + high) / 2
            if outTargets[mid] < target { low = mid + 1 } else { high = mid }
        }
        precondition(outTargets[low] == target, "no edge \(u)–\(v)")
        return Int(outEdges[low])
    }
}

extension Graph {
    /// The weight of the edge from u to v (either way when undirected), or nil when there is none.
    public func weight(from u: Int, to v: Int) -> Double? {
        let row = neighbors(of: u)
        var low = row.startIndex, high = row.endIndex
        let target = Int32(v)
        while low < high {
            let mid = (low + high) / 2
            if row[mid] < target { low = mid + 1 } else { high = mid }
        }
        guard low < row.endIndex, row[low] == target else { return nil }
        return weights[Int(incidentEdges(of: u)[low])]
    }
}
