/// Reusable scratch buffers for single-source shortest paths (one per worker, reused across sources).
struct PathScratch {
    /// Distance from the source; `.infinity` when unreached.
    var distance: [Double]
    /// Number of shortest paths from the source.
    var sigma: [Double]
    /// Nodes in order of non-decreasing distance (settled order).
    var order: [Int32]
    var orderCount = 0
    /// Predecessors on shortest paths, in the slots of each node's in-row (`inOffsets[w]…`), filled during the search.
    var predecessors: [Int32]
    /// The edge from each predecessor, slot for slot (filled only when asked: edge betweenness).
    var predecessorEdges: [Int32]
    var predecessorCount: [Int]
    var queue: [Int32]
    /// Indexed binary min-heap for Dijkstra: nodes by (distance, index); `heapPosition[v]` is v's slot,
    /// -1 when v was never reached, -2 once settled. Bounded by n (decrease-key, no stale entries).
    var heap: [Int32]
    var heapPosition: [Int32]

    init(nodeCount: Int, slotCount: Int) {
        distance = [Double](repeating: .infinity, count: nodeCount)
        sigma = [Double](repeating: 0, count: nodeCount)
        order = [Int32](repeating: 0, count: nodeCount)
        predecessors = [Int32](repeating: 0, count: max(slotCount, 1))
        predecessorEdges = [Int32](repeating: 0, count: max(slotCount, 1))
        predecessorCount = [Int](repeating: 0, count: nodeCount)
        queue = [Int32](repeating: 0, count: nodeCount)
        heap = [Int32](repeating: 0, count: nodeCount)
        heapPosition = [Int32](repeating: -1, count: nodeCount)
    }

    /// The buffers as raw pointers for the search loops (one closure, not one per array).
    mutating func withUnsafeBuffers<Result>(_ body: (PathBuffers) throws -> Result) rethrows -> Result {
        try distance.withUnsafeMutableBufferPointer { distance in
            try sigma.withUnsafeMutableBufferPointer { sigma in
                try order.withUnsafeMutableBufferPointer { order in
                    try predecessors.withUnsafeMutableBufferPointer { predecessors in
                        try predecessorEdges.withUnsafeMutableBufferPointer { predecessorEdges in
                            try predecessorCount.withUnsafeMutableBufferPointer { predecessorCount in
                                try queue.withUnsafeMutableBufferPointer { queue in
                                    try heap.withUnsafeMutableBufferPointer { heap in
                                        try heapPosition.withUnsafeMutableBufferPointer { heapPosition in
                                            try body(PathBuffers(distance: distance, sigma: sigma, order: order, predecessors: predecessors,
                                                                 predecessorEdges: predecessorEdges, predecessorCount: predecessorCount,
                                                                 queue: queue, heap: heap, heapPosition: heapPosition))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Resets only the nodes the previous search reached.
    mutating func reset() {
        for i in 0..<orderCount {
            let v = Int(order[i])
            distance[v] = .infinity
            sigma[v] = 0
            predecessorCount[v] = 0
        }
        orderCount = 0
    }
}

/// `PathScratch`'s arrays as raw buffers, valid inside `PathScratch.withUnsafeBuffers`.
struct PathBuffers {
    let distance: UnsafeMutableBufferPointer<Double>
    let sigma: UnsafeMutableBufferPointer<Double>
    let order: UnsafeMutableBufferPointer<Int32>
    let predecessors: UnsafeMutableBufferPointer<Int32>
    let predecessorEdges: UnsafeMutableBufferPointer<Int32>
    let predecessorCount: UnsafeMutableBufferPointer<Int>
    let queue: UnsafeMutableBufferPointer<Int32>
    let heap: UnsafeMutableBufferPointer<Int32>
    let heapPosition: UnsafeMutableBufferPointer<Int32>
}

/// How edge weights become lengths for shortest paths.
public enum EdgeLength: Sendable {
    /// Every edge has length 1 (breadth-first search).
    case hops
    /// Length = weight (networkx's `weight="weight"`).
    case weight
    /// Length = 1 / weight: a stronger tie is a shorter path.
    case inverseWeight

    /// The length of every edge, by edge index, computed once per algorithm call (nil for hops).
    /// - Precondition: the lengths are safe (`isSafe(for:)`): the public entry points check it before any search.
    func lengths(of graph: Graph) -> [Double]? {
        let lengths = _lengths(of: graph)
        precondition(lengths.map(Self._safe) ?? true, "edge lengths must be finite, > 0, with a finite sum (check EdgeLength.isSafe first)")
        return lengths
    }

    private func _lengths(of graph: Graph) -> [Double]? {
        switch self {
        case .hops: return nil
        case .weight: return graph.weights
        case .inverseWeight: return graph.weights.map { 1 / $0 }
        }
    }

    private static func _safe(_ lengths: [Double]) -> Bool {
        var total = 0.0
        for length in lengths {
            guard length.isFinite, length > 0 else { return false }
            total += length
        }
        return total.isFinite
    }

    /// Whether shortest paths are well defined with these lengths: every edge length finite and > 0, and the sum of
    /// all lengths finite, so that no path length can overflow to +∞ (which would make a reached node look unreached).
    /// Callers check this once before any search; the searches themselves assume it.
    public func isSafe(for graph: Graph) -> Bool {
        _lengths(of: graph).map(Self._safe) ?? true
    }

    @inline(__always) func length(_ weight: Double) -> Double {
        switch self {
        case .hops: return 1
        case .weight: return weight
        case .inverseWeight: return 1 / weight
        }
    }
}

extension Graph {
    /// Single-source shortest paths from `source` following out-edges, filling `scratch`: distances, path
    /// counts, settled order and predecessor lists (Brandes 2001, phase 1). BFS for `.hops`, Dijkstra otherwise.
    /// Ties in weighted distances are compared exactly, as networkx does.
    ///
    /// The loops run over raw buffers: indexing arrays through slices would retain the shared CSR buffers on every
    /// call, and those atomic reference counts are what two threads then fight over.
    /// With `countingPaths: false` only distances and the settled order are filled (closeness, harmonic,
    /// eccentricity need nothing more), which saves the path counts and predecessor lists. With `recordingEdges`
    /// the edge from each predecessor is kept too (`predecessorEdges`), for edge betweenness.
    /// `lengths` are the edge lengths by edge index (`EdgeLength.lengths(of:)`), nil for breadth-first search.
    func shortestPaths(from source: Int, lengths: [Double]?, into s: inout PathScratch, countingPaths: Bool = true,
                       recordingEdges: Bool = false) {
        s.reset()
        s.distance[source] = 0
        s.sigma[source] = 1
        let isHops = lengths == nil
        let edgeLengths = lengths ?? []
        let recordEdges = countingPaths && recordingEdges
        s.orderCount = withUnsafeCSR { g in
        edgeLengths.withUnsafeBufferPointer { edgeLengths in
        s.withUnsafeBuffers { b in
            isHops ? Self._breadthFirst(g, b, from: source, countingPaths: countingPaths, recordingEdges: recordEdges)
                   : Self._dijkstra(g, b, lengths: edgeLengths, from: source, countingPaths: countingPaths, recordingEdges: recordEdges)
        }}}
    }

    /// Breadth-first search (every edge of length 1); returns the number of nodes reached (settled order).
    private static func _breadthFirst(_ g: RawCSR, _ b: PathBuffers, from source: Int, countingPaths: Bool, recordingEdges recordEdges: Bool) -> Int {
        let (offsets, targets, edgeIDs, predecessorOffsets) = (g.outOffsets, g.outTargets, g.outEdges, g.inOffsets)
        let (distance, sigma, order, predecessors, predecessorEdges, predecessorCount) =
            (b.distance, b.sigma, b.order, b.predecessors, b.predecessorEdges, b.predecessorCount)
        var orderCount = 0
        let queue = b.queue
        var head = 0, tail = 1
        queue[0] = Int32(source)
        while head < tail {
            let v = Int(queue[head]); head += 1
            order[orderCount] = Int32(v); orderCount += 1
            let next = distance[v] + 1
            let sigmaV = sigma[v]
            if !countingPaths {
                for k in offsets[v]..<offsets[v + 1] {
                    let w = Int(targets[k])
                    if distance[w] == .infinity {
                        distance[w] = next
                        queue[tail] = Int32(w); tail += 1
                    }
                }
                continue
            }
            for k in offsets[v]..<offsets[v + 1] {
                let w = Int(targets[k])
                if distance[w] == .infinity {
                    distance[w] = next
                    queue[tail] = Int32(w); tail += 1
                }
                if distance[w] == next {
                    sigma[w] += sigmaV
                    let slot = predecessorOffsets[w] + predecessorCount[w]
                    predecessors[slot] = Int32(v)
                    if recordEdges { predecessorEdges[slot] = edgeIDs[k] }
                    predecessorCount[w] += 1
                }
            }
        }
        return orderCount
    }

    /// Dijkstra's search with an indexed binary heap (nodes by distance, then index); returns the number of nodes
    /// settled. Over 80 lines: the heap's three operations are nested functions so that they inline over the
    /// search's own buffers.
    private static func _dijkstra(_ g: RawCSR, _ b: PathBuffers, lengths edgeLengths: UnsafeBufferPointer<Double>, from source: Int,
                                  countingPaths: Bool, recordingEdges recordEdges: Bool) -> Int {
        let (offsets, targets, edgeIDs, predecessorOffsets) = (g.outOffsets, g.outTargets, g.outEdges, g.inOffsets)
        let (distance, sigma, order, predecessors, predecessorEdges, predecessorCount) =
            (b.distance, b.sigma, b.order, b.predecessors, b.predecessorEdges, b.predecessorCount)
        var orderCount = 0
        let (heap, position) = (b.heap, b.heapPosition)
        @inline(__always) func less(_ a: Int32, _ b: Int32) -> Bool {
            let x = distance[Int(a)], y = distance[Int(b)]
            return x < y || (x == y && a < b)
        }
        @inline(__always) func siftUp(_ start: Int, _ node: Int32) {
            var i = start
            while i > 0 {
                let parent = (i - 1) / 2
                let p = heap[parent]
                if !less(node, p) { break }
                heap[i] = p
                position[Int(p)] = Int32(i)
                i = parent
            }
            heap[i] = node
            position[Int(node)] = Int32(i)
        }
        /// Puts `node` (the last of the heap) at the root and sifts it down among the first `count` slots.
        @inline(__always) func siftDown(_ node: Int32, count: Int) {
            var i = 0
            while true {
                let left = 2 * i + 1
                if left >= count { break }
                var child = left
                if left + 1 < count && less(heap[left + 1], heap[left]) { child = left + 1 }
                if !less(heap[child], node) { break }
                heap[i] = heap[child]
                position[Int(heap[i])] = Int32(i)
                i = child
            }
            heap[i] = node
            position[Int(node)] = Int32(i)
        }
        var count = 1
        heap[0] = Int32(source)
        position[source] = 0
        while count > 0 {
            let v32 = heap[0]
            let v = Int(v32)
            count -= 1
            if count > 0 { siftDown(heap[count], count: count) }
            position[v] = -2
            order[orderCount] = v32; orderCount += 1
            let d = distance[v]
            let sigmaV = sigma[v]
            for k in offsets[v]..<offsets[v + 1] {
                let w = Int(targets[k])
                let slot = position[w]
                if slot == -2 { continue }
                let alt = d + edgeLengths[Int(edgeIDs[k])]
                // An overflowed length is no path (callers refuse such weights: `EdgeLength.isSafe`);
                // never let it equal an unreached node's +∞ and count it as a second shortest path.
                guard alt < .infinity else { continue }
                if alt < distance[w] {
                    distance[w] = alt
                    if countingPaths {
                        sigma[w] = sigmaV
                        predecessors[predecessorOffsets[w]] = Int32(v)
                        if recordEdges { predecessorEdges[predecessorOffsets[w]] = edgeIDs[k] }
                        predecessorCount[w] = 1
                    }
                    if slot == -1 {
                        siftUp(count, Int32(w))
                        count += 1
                    } else {
                        siftUp(Int(slot), Int32(w))
                    }
                } else if countingPaths && alt == distance[w] {
                    sigma[w] += sigmaV
                    let slot = predecessorOffsets[w] + predecessorCount[w]
                    predecessors[slot] = Int32(v)
                    if recordEdges { predecessorEdges[slot] = edgeIDs[k] }
                    predecessorCount[w] += 1
                }
            }
        }
        for i in 0..<orderCount { position[Int(order[i])] = -1 }
        return orderCount
    }
}

