/// Breadth-first searches from 64 sources at once, one bit per source (M. Then, M. Kaufmann, F. Chirigati,
/// T.-A. Hoang-Vu, K. Pham, A. Kemper, T. Neumann, H. T. Vo, "The More the Merrier: Efficient Multi-Source Graph
/// Traversal", PVLDB 8(4), 2014): each arc is read once per level for the 64 searches instead of once per search.
///
/// Gives, for every source, what closeness, harmonic centrality and eccentricity need, equal to the single-source
/// searches bit for bit: the number of nodes reached, the sum of their distances (integers, exact), the sum of
/// 1/d added one node at a time in increasing distance (the order of the single-source search: within a level
/// every term is the same number, so the order inside a level cannot change the sum), and the largest distance.
/// Unweighted searches only (every arc of length 1), along the out-arcs of `graph`.
struct MultiSourceBFS {
    /// Per source: nodes reached, itself included.
    var reached: [Int]
    /// Per source: Σ d over the nodes reached.
    var distanceSum: [Int]
    /// Per source: Σ 1/d over the other nodes reached, in increasing d.
    var inverseDistanceSum: [Double]
    /// Per source: the largest distance reached (0 for a node that reaches nothing).
    var eccentricity: [Int]

    /// Searches from every node, batches of 64 sources spread over `threads` workers (each source's numbers are
    /// written by the batch that holds it: the same for any thread count).
    init(_ graph: Graph, threads: Int, progress: ProgressCounter? = nil) {
        let n = graph.nodeCount
        progress?.expect(n)
        let batchCount = (n + 63) / 64
        var reached = [Int](repeating: 0, count: n)
        var distanceSum = [Int](repeating: 0, count: n)
        var inverseDistanceSum = [Double](repeating: 0, count: n)
        var eccentricity = [Int](repeating: 0, count: n)
        reached.withUnsafeMutableBufferPointer { reachedOut in
            distanceSum.withUnsafeMutableBufferPointer { distanceOut in
                inverseDistanceSum.withUnsafeMutableBufferPointer { inverseOut in
                    eccentricity.withUnsafeMutableBufferPointer { eccentricityOut in
                        nonisolated(unsafe) let outputs = (reachedOut, distanceOut, inverseOut, eccentricityOut)
                        graph.withUnsafeCSR { csr in
                            nonisolated(unsafe) let csr = csr
                            parallelRanges(count: batchCount, threads: threads, minimumPerWorker: 1) { batches in
                                var scratch = Scratch(nodeCount: n)
                                for batch in batches {
                                    let first = batch * 64
                                    let sources = first..<min(n, first + 64)
                                    var counts = Batch()
                                    Self.search(csr, sources: sources, scratch: &scratch, into: &counts)
                                    for (lane, source) in sources.enumerated() {
                                        outputs.0[source] = counts.reached[lane]
                                        outputs.1[source] = counts.distanceSum[lane]
                                        outputs.2[source] = counts.inverseDistanceSum[lane]
                                        outputs.3[source] = counts.eccentricity[lane]
                                    }
                                    progress?.advance(sources.count)
                                }
                            }
                        }
                    }
                }
            }
        }
        self.reached = reached
        self.distanceSum = distanceSum
        self.inverseDistanceSum = inverseDistanceSum
        self.eccentricity = eccentricity
    }

    /// A worker's bit sets (one word per node) and frontier lists, reused from batch to batch.
    private struct Scratch {
        var seen: [UInt64]
        var visit: [UInt64]
        var next: [UInt64]
        var frontier: [Int32] = []
        var nextFrontier: [Int32] = []

        init(nodeCount n: Int) {
            seen = [UInt64](repeating: 0, count: n)
            visit = [UInt64](repeating: 0, count: n)
            next = [UInt64](repeating: 0, count: n)
        }
    }

    /// The numbers of the 64 lanes of one batch.
    private struct Batch {
        var reached = [Int](repeating: 0, count: 64)
        var distanceSum = [Int](repeating: 0, count: 64)
        var inverseDistanceSum = [Double](repeating: 0, count: 64)
        var eccentricity = [Int](repeating: 0, count: 64)
    }

    /// One batch: lane i searches from `sources.lowerBound + i`. Leaves the scratch's bit sets all zero.
    private static func search(_ csr: RawCSR, sources: Range<Int>, scratch s: inout Scratch, into counts: inout Batch) {
        s.frontier.removeAll(keepingCapacity: true)
        for (lane, source) in sources.enumerated() {
            let bit = UInt64(1) << UInt64(lane)
            s.seen[source] |= bit
            s.visit[source] |= bit
            s.frontier.append(Int32(source))
            counts.reached[lane] = 1
        }
        var touched = s.frontier  // every node whose `seen` word is set, to clear it after the batch
        var level = 0
        while !s.frontier.isEmpty {
            level += 1
            let inverse = 1 / Double(level)
            s.nextFrontier.removeAll(keepingCapacity: true)
            for v32 in s.frontier {
                let v = Int(v32)
                let bits = s.visit[v]
                for slot in csr.outSlots(v) {
                    let w = Int(csr.outTargets[slot])
                    let fresh = bits & ~s.seen[w]
                    if fresh != 0 {
                        if s.next[w] == 0 { s.nextFrontier.append(Int32(w)) }
                        s.next[w] |= fresh
                    }
                }
            }
            for v32 in s.frontier { s.visit[Int(v32)] = 0 }
            for w32 in s.nextFrontier {
                let w = Int(w32)
                let fresh = s.next[w]
                s.next[w] = 0
                if s.seen[w] == 0 { touched.append(w32) }
                s.seen[w] |= fresh
                s.visit[w] = fresh
                var lanes = fresh
                while lanes != 0 {
                    let lane = lanes.trailingZeroBitCount
                    lanes &= lanes - 1
                    counts.reached[lane] += 1
                    counts.distanceSum[lane] += level
                    counts.inverseDistanceSum[lane] += inverse
                    counts.eccentricity[lane] = level
                }
            }
            swap(&s.frontier, &s.nextFrontier)
        }
        for v32 in touched { s.seen[Int(v32)] = 0 }
    }
}
