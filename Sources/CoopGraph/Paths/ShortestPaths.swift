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
    func shortestPaths(from source: Int, length: EdgeLength, into s: inout PathScratch) {
        s.reset()
        // Predecessor slots: node v may have up to inDegree(v) predecessors; lay them out by in-offsets.
        s.distance[source] = 0
        s.sigma[source] = 1
        if case .hops = length {
            var head = 0, tail = 1
            s.queue[0] = Int32(source)
            while head < tail {
                let v = Int(s.queue[head]); head += 1
                s.order[s.orderCount] = Int32(v); s.orderCount += 1
                let dv = s.distance[v]
                for w32 in neighbors(of: v) {
                    let w = Int(w32)
                    if s.distance[w] == .infinity {
                        s.distance[w] = dv + 1
                        s.queue[tail] = w32; tail += 1
                    }
                    if s.distance[w] == dv + 1 {
                        s.sigma[w] += s.sigma[v]
                        s.predecessors[inOffsets[w] + s.predecessorCount[w]] = Int32(v)
                        s.predecessorCount[w] += 1
                    }
                }
            }
            return
        }
        // Dijkstra with a binary heap of (distance, node); stale entries skipped.
        s.heap.removeAll(keepingCapacity: true)
        heapPush(&s.heap, (0, Int32(source)))
        while let (d, v32) = heapPop(&s.heap) {
            let v = Int(v32)
            if d > s.distance[v] || isSettled(v, s) { continue }
            s.order[s.orderCount] = v32; s.orderCount += 1
            markSettled(v, &s)
            let edges = incidentEdges(of: v)
            var k = edges.startIndex
            for w32 in neighbors(of: v) {
                let w = Int(w32)
                let alt = d + length.length(weights[Int(edges[k])])
                k += 1
                if isSettled(w, s) { continue }
                if alt < s.distance[w] {
                    s.distance[w] = alt
                    s.sigma[w] = s.sigma[v]
                    s.predecessors[inOffsets[w]] = Int32(v)
                    s.predecessorCount[w] = 1
                    heapPush(&s.heap, (alt, w32))
                } else if alt == s.distance[w] {
                    s.sigma[w] += s.sigma[v]
                    s.predecessors[inOffsets[w] + s.predecessorCount[w]] = Int32(v)
                    s.predecessorCount[w] += 1
                }
            }
        }
        for i in 0..<s.orderCount { unmarkSettled(Int(s.order[i]), &s) }
    }
}

// Settled marks live in predecessorStart (otherwise unused: predecessor slots start at inOffsets), to avoid another buffer.
@inline(__always) private func isSettled(_ v: Int, _ s: PathScratch) -> Bool { s.predecessorStart[v] == 1 }
@inline(__always) private func markSettled(_ v: Int, _ s: inout PathScratch) { s.predecessorStart[v] = 1 }
@inline(__always) private func unmarkSettled(_ v: Int, _ s: inout PathScratch) { s.predecessorStart[v] = 0 }

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
