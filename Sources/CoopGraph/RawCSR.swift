/// The CSR arrays of a `Graph` as raw buffers, for the hot loops of the engine (searches, Brandes accumulation,
/// triangles, power iterations): one `withUnsafeCSR` call instead of a pyramid of `withUnsafeBufferPointer`
/// closures, and no array access that would retain the graph's shared buffers inside a loop (two threads would then
/// contend on their atomic reference counts).
///
/// Valid only inside `Graph.withUnsafeCSR`'s closure. Rows are sorted by neighbour: `outTargets[outOffsets[v] ..<
/// outOffsets[v + 1]]` are v's out-neighbours (both ways for an undirected graph), `outEdges` the matching edge ids;
/// the in-adjacency is the same arrays for an undirected graph.
struct RawCSR {
    let nodeCount: Int
    let outOffsets: UnsafeBufferPointer<Int>
    let outTargets: UnsafeBufferPointer<Int32>
    let outEdges: UnsafeBufferPointer<Int32>
    let inOffsets: UnsafeBufferPointer<Int>
    let inSources: UnsafeBufferPointer<Int32>
    let inEdges: UnsafeBufferPointer<Int32>
    /// Weight by edge id.
    let weights: UnsafeBufferPointer<Double>

    /// Slots of v's out-row in `outTargets` and `outEdges`.
    @inline(__always) func outSlots(_ v: Int) -> Range<Int> { outOffsets[v]..<outOffsets[v + 1] }
    /// Slots of v's in-row in `inSources` and `inEdges`.
    @inline(__always) func inSlots(_ v: Int) -> Range<Int> { inOffsets[v]..<inOffsets[v + 1] }
}

extension Graph {
    /// Calls `body` with the graph's CSR arrays as raw buffers. Every graph's invariants were checked when it was
    /// built (`_checkInvariants`, debug builds), so a hot loop never reads past a row because of a malformed graph.
    @inline(__always)
    func withUnsafeCSR<Result>(_ body: (RawCSR) throws -> Result) rethrows -> Result {
        try outOffsets.withUnsafeBufferPointer { outOffsets in
            try outTargets.withUnsafeBufferPointer { outTargets in
                try outEdges.withUnsafeBufferPointer { outEdges in
                    try inOffsets.withUnsafeBufferPointer { inOffsets in
                        try inSources.withUnsafeBufferPointer { inSources in
                            try inEdges.withUnsafeBufferPointer { inEdges in
                                try weights.withUnsafeBufferPointer { weights in
                                    try body(RawCSR(nodeCount: nodeCount, outOffsets: outOffsets, outTargets: outTargets,
                                                    outEdges: outEdges, inOffsets: inOffsets, inSources: inSources,
                                                    inEdges: inEdges, weights: weights))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The CSR invariants every algorithm relies on (in the style of swift-collections' `_checkInvariants`): offsets
    /// start at 0, never decrease and end at the slot count; every neighbour and edge id is in range; rows are sorted
    /// and hold no self-loop or repeated neighbour; each slot's edge joins the row's node and the slot's neighbour;
    /// the in-adjacency has as many slots as the out-adjacency. O(n + m); run by `init` in debug builds.
    func _checkInvariants() {
        func check(_ offsets: [Int], _ neighbours: [Int32], _ edges: [Int32], incoming: Bool) {
            precondition(offsets.count == nodeCount + 1 && offsets.first == 0, "CSR: offsets must have n + 1 entries from 0")
            precondition(offsets.last == neighbours.count && neighbours.count == edges.count, "CSR: offsets must end at the slot count")
            for v in 0..<nodeCount {
                precondition(offsets[v] <= offsets[v + 1], "CSR: offsets must not decrease (node \(v))")
                var previous: Int32 = -1
                for k in offsets[v]..<offsets[v + 1] {
                    let w = neighbours[k], e = Int(edges[k])
                    precondition(w > previous && Int(w) < nodeCount && Int(w) != v, "CSR: row \(v) must be sorted, in range, without self-loop")
                    precondition(e >= 0 && e < weights.count, "CSR: edge id out of range in row \(v)")
                    let (a, b) = (Int(edgeSources[e]), Int(edgeTargets[e]))
                    let joins = isDirected ? (incoming ? (a == Int(w) && b == v) : (a == v && b == Int(w)))
                                           : ((a == v && b == Int(w)) || (a == Int(w) && b == v))
                    precondition(joins, "CSR: edge \(e) in row \(v) does not join \(v) and \(w)")
                    previous = w
                }
            }
        }
        precondition(edgeSources.count == weights.count && edgeTargets.count == weights.count, "CSR: one source, target and weight per edge")
        check(outOffsets, outTargets, outEdges, incoming: false)
        if isDirected { check(inOffsets, inSources, inEdges, incoming: true) }
        precondition(inSources.count == outTargets.count, "CSR: in- and out-adjacency must have as many slots")
    }
}
