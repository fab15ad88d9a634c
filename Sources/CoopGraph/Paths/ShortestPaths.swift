import Foundation

/// Reusable scratch buffers for single-source shortest paths (one per worker, reused across sources).
struct PathScratch {
    /// Distance from the source; `.infinity` when unreached. With lengths, the high part of a double-double sum.
    var distance: [Double]
    /// The low part of the distance (double-double: `distance + distanceLow` carries about 32 digits), so that a
    /// length too small to change a 16-digit sum still counts (10¹⁶ + 1 > 10¹⁶). Zero for breadth-first search.
    var distanceLow: [Double]
    /// How much the rounding of the lengths added along the recorded shortest path may have moved `distance`
    /// (`EdgeLengths.rounding`); two path lengths closer than their roundings are equal.
    var distanceRounding: [Double]
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
        distanceLow = [Double](repeating: 0, count: nodeCount)
        distanceRounding = [Double](repeating: 0, count: nodeCount)
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
          try distanceLow.withUnsafeMutableBufferPointer { distanceLow in
           try distanceRounding.withUnsafeMutableBufferPointer { distanceRounding in
            try sigma.withUnsafeMutableBufferPointer { sigma in
                try order.withUnsafeMutableBufferPointer { order in
                    try predecessors.withUnsafeMutableBufferPointer { predecessors in
                        try predecessorEdges.withUnsafeMutableBufferPointer { predecessorEdges in
                            try predecessorCount.withUnsafeMutableBufferPointer { predecessorCount in
                                try queue.withUnsafeMutableBufferPointer { queue in
                                    try heap.withUnsafeMutableBufferPointer { heap in
                                        try heapPosition.withUnsafeMutableBufferPointer { heapPosition in
                                            try body(PathBuffers(distance: distance, distanceLow: distanceLow,
                                                                 distanceRounding: distanceRounding, sigma: sigma, order: order, predecessors: predecessors,
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
        }
    }

    /// Resets only the nodes the previous search reached.
    mutating func reset() {
        for i in 0..<orderCount {
            let v = Int(order[i])
            distance[v] = .infinity
            distanceLow[v] = 0
            distanceRounding[v] = 0
            sigma[v] = 0
            predecessorCount[v] = 0
        }
        orderCount = 0
    }
}

/// `PathScratch`'s arrays as raw buffers, valid inside `PathScratch.withUnsafeBuffers`.
struct PathBuffers {
    let distance: UnsafeMutableBufferPointer<Double>
    let distanceLow: UnsafeMutableBufferPointer<Double>
    let distanceRounding: UnsafeMutableBufferPointer<Double>
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

    /// The length of every edge, by edge index, computed once per algorithm call (nil for hops), with how much each
    /// may have been rounded.
    /// - Precondition: the lengths are safe (`isSafe(for:)`): the public entry points check it before any search.
    func lengths(of graph: Graph) -> EdgeLengths? {
        guard let lengths = _lengths(of: graph) else { return nil }
        precondition(Self._safe(lengths), "edge lengths must be finite, > 0, with a finite sum (check EdgeLength.isSafe first)")
        let rounding: [Double]
        switch self {
        case .hops: rounding = []
        case .weight: rounding = graph.weights.map(Self.rounding(of:))
        case .inverseWeight:
            // 1/w is exact when w is a power of two; w's own rounding moves 1/w by the same fraction.
            rounding = zip(graph.weights, lengths).map { weight, length in
                (weight.significandWidth == 0 ? 0 : length.ulp / 2) + Self.rounding(of: weight) / weight * length
            }
        }
        return EdgeLengths(values: lengths, rounding: rounding)
    }

    /// How far `x` may lie from the number that was written: 0 when `x` is exactly a decimal of at most 17 significant
    /// digits (an integer, 0.5, 0.375, 10¹⁶ — what one types and what a double holds), else half a unit in its last
    /// place (0.1, 1e-16: the double nearest to what was typed).
    ///
    /// x = M · 2⁻ʲ with M odd has the decimal expansion M · 5ʲ / 10ʲ, whose significant digits are those of M · 5ʲ.
    static func rounding(of x: Double) -> Double {
        guard x.isFinite, x != 0, x != x.rounded() else { return 0 }
        let fractionalBits = x.significandWidth - Int(x.exponent)
        let odd = Double(sign: .plus, exponent: x.significandWidth, significand: x.significand)
        let digits = log10(odd) + Double(fractionalBits) * log10(5.0)
        return digits < 17 ? 0 : x.ulp / 2
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

/// Edge lengths by edge index, and how much each may differ from the length meant (`EdgeLength.rounding(of:)`).
///
/// The rule for ties: path lengths are summed in double-double arithmetic (106 bits, about 32 digits) and two are
/// equal when they differ by no more than the sum of the roundings of the lengths added along both (plus 2⁻¹⁰⁰ of
/// their value, the double-double rounding). Integers and other exact decimals add no rounding, so 10¹⁶ + 1 is longer
/// than 10¹⁶ (float sums, networkx's, round it to 10¹⁶: a false tie); decimals such as 0.1 and reciprocals such as 1/3
/// add half a unit in their last place, so 0.3 + 0.3 equals 0.2 + 0.1 + 0.2 + 0.1 and 1/3 + 1/3 + 1/3 equals 1
/// (float sums give 0.6000000000000001 ≠ 0.6, and 10 × 0.1 = 0.9999999999999999 < 1: false inequalities).
struct EdgeLengths {
    let values: [Double]
    let rounding: [Double]
}

extension Graph {
    /// Single-source shortest paths from `source` following out-edges, filling `scratch`: distances, path
    /// counts, settled order and predecessor lists (Brandes 2001, phase 1). BFS for `.hops`, Dijkstra otherwise.
    /// Weighted distances are summed in double-double arithmetic and two sums are equal within the rounding of their
    /// lengths (`EdgeLengths` states the rule).
    ///
    /// The loops run over raw buffers: indexing arrays through slices would retain the shared CSR buffers on every
    /// call, and those atomic reference counts are what two threads then fight over.
    /// With `countingPaths: false` only distances and the settled order are filled (closeness, harmonic,
    /// eccentricity need nothing more), which saves the path counts and predecessor lists. With `recordingEdges`
    /// the edge from each predecessor is kept too (`predecessorEdges`), for edge betweenness.
    /// `lengths` are the edge lengths by edge index (`EdgeLength.lengths(of:)`), nil for breadth-first search.
    func shortestPaths(from source: Int, lengths: EdgeLengths?, into s: inout PathScratch, countingPaths: Bool = true,
                       recordingEdges: Bool = false) {
        s.reset()
        s.distance[source] = 0
        s.sigma[source] = 1
        let isHops = lengths == nil
        let edgeLengths = lengths?.values ?? []
        let edgeRounding = lengths?.rounding ?? []
        let recordEdges = countingPaths && recordingEdges
        s.orderCount = withUnsafeCSR { g in
        edgeLengths.withUnsafeBufferPointer { edgeLengths in
        edgeRounding.withUnsafeBufferPointer { edgeRounding in
        s.withUnsafeBuffers { b in
            isHops ? Self._breadthFirst(g, b, from: source, countingPaths: countingPaths, recordingEdges: recordEdges)
                   : Self._dijkstra(g, b, lengths: edgeLengths, rounding: edgeRounding, from: source,
                                           countingPaths: countingPaths, recordingEdges: recordEdges)
        }}}}
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
    /// settled. When counting paths, distances are double-double sums (`distance` + `distanceLow`, Knuth's TwoSum
    /// then a renormalisation): a tentative distance replaces the recorded one when it is shorter by more than both
    /// paths' roundings, and adds a shortest path when within them (`EdgeLengths`); distances alone are float sums.
    /// Over 80 lines: the heap's three operations are nested functions so that they inline over the search's buffers.
    private static func _dijkstra(_ g: RawCSR, _ b: PathBuffers, lengths edgeLengths: UnsafeBufferPointer<Double>,
                                  rounding edgeRounding: UnsafeBufferPointer<Double>,
                                  from source: Int, countingPaths: Bool, recordingEdges recordEdges: Bool) -> Int {
        let (offsets, targets, edgeIDs, predecessorOffsets) = (g.outOffsets, g.outTargets, g.outEdges, g.inOffsets)
        let distanceRounding = b.distanceRounding
        let (distance, distanceLow, sigma, order, predecessors, predecessorEdges, predecessorCount) =
            (b.distance, b.distanceLow, b.sigma, b.order, b.predecessors, b.predecessorEdges, b.predecessorCount)
        var orderCount = 0
        let (heap, position) = (b.heap, b.heapPosition)
        @inline(__always) func less(_ a: Int32, _ b: Int32) -> Bool {
            let x = distance[Int(a)], y = distance[Int(b)]
            if x != y { return x < y }
            let xLow = distanceLow[Int(a)], yLow = distanceLow[Int(b)]
            return xLow < yLow || (xLow == yLow && a < b)
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
            let (d, dLow, dRounding) = (distance[v], distanceLow[v], distanceRounding[v])
            let sigmaV = sigma[v]
            for k in offsets[v]..<offsets[v + 1] {
                let w = Int(targets[k])
                let slot = position[w]
                if slot == -2 { continue }
                let edge = Int(edgeIDs[k])
                let length = edgeLengths[edge]
                // (alt, altLow) = (d, dLow) + length: TwoSum gives d + length exactly as sum + error. Distances
                // alone (closeness, eccentricity) are float sums, networkx's: only path counts need the ties right.
                let sum = d + length
                var (alt, altLow) = (sum, 0.0)
                if countingPaths {
                    let lengthPart = sum - d
                    let error = (d - (sum - lengthPart)) + (length - lengthPart) + dLow
                    alt = sum + error
                    altLow = error - (alt - sum)
                }
                // An overflowed length is no path (callers refuse such weights: `EdgeLength.isSafe`);
                // never let it equal an unreached node's +∞ and count it as a second shortest path.
                guard alt < .infinity else { continue }
                // alt − distance[w] to about 32 digits: −∞ for an unreached w.
                let difference = (alt - distance[w]) + (altLow - distanceLow[w])
                // Ties matter only to path counts: distances alone take the shorter sum.
                let altRounding = countingPaths ? dRounding + edgeRounding[edge] : 0
                let margin = countingPaths ? altRounding + distanceRounding[w] + 0x1p-100 * alt : 0
                if difference < -margin {
                    distance[w] = alt
                    distanceLow[w] = altLow
                    if countingPaths { distanceRounding[w] = altRounding }
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
                } else if countingPaths && difference <= margin {
                    distanceRounding[w] = max(distanceRounding[w], altRounding)
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

