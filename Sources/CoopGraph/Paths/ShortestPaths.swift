/// Reusable scratch buffers for single-source shortest paths (one per worker, reused across sources).
struct PathScratch {
    /// Distance from the source; `.infinity` when unreached.
    var distance: [Double]
    /// Number of shortest paths from the source.
    var sigma: [Double]
    /// Nodes in order of non-decreasing distance (settled order).
    var order: [Int32]
    var orderCount = 0
    /// Predecessors on shortest paths, as CSR over `order` built during the search.
    var predecessors: [Int32]
    var predecessorStart: [Int]
    var predecessorCount: [Int]
    var queue: [Int32]
    var heap: [(Double, Int32)]

    init(nodeCount: Int, slotCount: Int) {
        distance = [Double](repeating: .infinity, count: nodeCount)
        sigma = [Double](repeating: 0, count: nodeCount)
        order = [Int32](repeating: 0, count: nodeCount)
        predecessors = [Int32](repeating: 0, count: max(slotCount, 1))
        predecessorStart = [Int](repeating: 0, count: nodeCount)
        predecessorCount = [Int](repeating: 0, count: nodeCount)
        queue = [Int32](repeating: 0, count: nodeCount)
        heap = []
        heap.reserveCapacity(nodeCount)
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

/// How edge weights become lengths for shortest paths.
public enum EdgeLength: Sendable {
    /// Every edge has length 1 (breadth-first search).
    case hops
    /// Length = weight (networkx's `weight="weight"`).
    case weight
    /// Length = 1 / weight: a stronger tie is a shorter path.
    case inverseWeight

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
    /// eccentricity need nothing more), which saves the path counts and predecessor lists.
    func shortestPaths(from source: Int, length: EdgeLength, into s: inout PathScratch, countingPaths: Bool = true) {
        s.reset()
        s.distance[source] = 0
        s.sigma[source] = 1
        let isHops: Bool
        if case .hops = length { isHops = true } else { isHops = false }
        outOffsets.withUnsafeBufferPointer { offsets in
        outTargets.withUnsafeBufferPointer { targets in
        outEdges.withUnsafeBufferPointer { edgeIDs in
        inOffsets.withUnsafeBufferPointer { predecessorOffsets in
        weights.withUnsafeBufferPointer { weights in
        s.distance.withUnsafeMutableBufferPointer { distance in
        s.sigma.withUnsafeMutableBufferPointer { sigma in
        s.order.withUnsafeMutableBufferPointer { order in
        s.predecessors.withUnsafeMutableBufferPointer { predecessors in
        s.predecessorCount.withUnsafeMutableBufferPointer { predecessorCount in
        s.predecessorStart.withUnsafeMutableBufferPointer { settled in
            var orderCount = 0
            if isHops {
                s.queue.withUnsafeMutableBufferPointer { queue in
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
                                predecessors[predecessorOffsets[w] + predecessorCount[w]] = Int32(v)
                                predecessorCount[w] += 1
                            }
                        }
                    }
                }
            } else {
                // Dijkstra with a binary heap of (distance, node); stale entries skipped. `settled` reuses
                // predecessorStart, otherwise unused (predecessor slots start at the in-offsets).
                s.heap.removeAll(keepingCapacity: true)
                heapPush(&s.heap, (0, Int32(source)))
                while let (d, v32) = heapPop(&s.heap) {
                    let v = Int(v32)
                    if d > distance[v] || settled[v] == 1 { continue }
                    order[orderCount] = v32; orderCount += 1
                    settled[v] = 1
                    let sigmaV = sigma[v]
                    for k in offsets[v]..<offsets[v + 1] {
                        let w = Int(targets[k])
                        if settled[w] == 1 { continue }
                        let alt = d + length.length(weights[Int(edgeIDs[k])])
                        if alt < distance[w] {
                            distance[w] = alt
                            sigma[w] = sigmaV
                            predecessors[predecessorOffsets[w]] = Int32(v)
                            predecessorCount[w] = 1
                            heapPush(&s.heap, (alt, Int32(w)))
                        } else if alt == distance[w] {
                            sigma[w] += sigmaV
                            predecessors[predecessorOffsets[w] + predecessorCount[w]] = Int32(v)
                            predecessorCount[w] += 1
                        }
                    }
                }
                for i in 0..<orderCount { settled[Int(order[i])] = 0 }
            }
            s.orderCount = orderCount
        }}}}}}}}}}}
    }
}

@inline(__always) func heapPush(_ heap: inout [(Double, Int32)], _ item: (Double, Int32)) {
    heap.append(item)
    var child = heap.count - 1
    while child > 0 {
        let parent = (child - 1) / 2
        if heap[parent].0 < item.0 || (heap[parent].0 == item.0 && heap[parent].1 <= item.1) { break }
        heap[child] = heap[parent]
        child = parent
    }
    heap[child] = item
}

@inline(__always) func heapPop(_ heap: inout [(Double, Int32)]) -> (Double, Int32)? {
    guard let last = heap.popLast() else { return nil }
    if heap.isEmpty { return last }
    let top = heap[0]
    var parent = 0
    let count = heap.count
    while true {
        var child = 2 * parent + 1
        if child >= count { break }
        if child + 1 < count && (heap[child + 1].0 < heap[child].0 || (heap[child + 1].0 == heap[child].0 && heap[child + 1].1 < heap[child].1)) { child += 1 }
        if last.0 < heap[child].0 || (last.0 == heap[child].0 && last.1 <= heap[child].1) { break }
        heap[parent] = heap[child]
        parent = child
    }
    heap[parent] = last
    return top
}
