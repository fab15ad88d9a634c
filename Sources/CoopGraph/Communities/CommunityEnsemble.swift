import Dispatch
import Synchronization

/// Several runs of a community detection with different seeds, because one run of a randomised method is not
/// reproducible science: its spread says how much of the structure is real.
///
/// - Run i uses seed `SplitMix64(seed)`'s i-th output; runs are independent and spread over threads, so the result
///   does not depend on the thread count.
/// - `consensus`: the run that agrees most with all the others (largest mean NMI; ties: higher modularity, then
///   first run) — a partition that was actually found, not an average.
/// - `stability`: mean NMI over all pairs of runs (1: every run found the same partition).
/// - `nodeStability[v]`: share of runs where v's community has a Jaccard similarity ≥ 0.5 with its community in the
///   consensus (how firmly v belongs to its community).
public struct CommunityEnsemble: Sendable {
    /// Every run, in seed order.
    public let runs: [CommunityDetection]
    /// The seed of each run.
    public let seeds: [UInt64]
    /// Index in `runs` of the consensus.
    public let consensusRun: Int
    /// Mean NMI over all pairs of runs (nil with one run).
    public let stability: Double?
    /// For each node, the share of runs that put it with the same community as the consensus.
    public let nodeStability: [Double]
    /// The run that agrees most with all the others.
    public var consensus: CommunityDetection { runs[consensusRun] }

    /// Runs `count` detections with seeds drawn from `seed`, in parallel over runs.
    /// - Complexity: `count` runs of `CommunityDetection`, plus O(count² · n) for the agreements.
    public init(_ graph: Graph, method: CommunityDetection.Method = .leiden, resolution: Double = 1, runs count: Int = 20,
                seed: UInt64 = 0, weighted: Bool = true, threads: Int = defaultThreadCount) {
        precondition(count >= 1, "at least one run")
        var generator = SplitMix64(seed: seed)
        let seeds = (0..<count).map { _ in generator.next() }
        var results = [CommunityDetection?](repeating: nil, count: count)
        let next = Atomic<Int>(0)
        let workers = max(1, min(threads, count))
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            // Each worker writes only the runs it took from the counter.
            nonisolated(unsafe) let work = { () -> Void in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < count else { return }
                    output[i] = CommunityDetection(graph, method: method, resolution: resolution, seed: seeds[i], weighted: weighted)
                }
            }
            if workers == 1 { work() } else { DispatchQueue.concurrentPerform(iterations: workers) { _ in work() } }
        }
        let runs = results.map { $0! }
        self.runs = runs
        self.seeds = seeds
        var agreement = [[Double]](repeating: [Double](repeating: 1, count: count), count: count)
        var pairSum = 0.0
        for i in 0..<count {
            for j in (i + 1)..<max(i + 1, count) {
                let nmi = PartitionAgreement(runs[i].labels, runs[j].labels).nmi ?? 1
                agreement[i][j] = nmi
                agreement[j][i] = nmi
                pairSum += nmi
            }
        }
        stability = count > 1 ? pairSum / Double(count * (count - 1) / 2) : nil
        var best = 0
        var bestScore = -Double.infinity
        for i in 0..<count {
            let score = agreement[i].reduce(0, +)
            let better = score > bestScore + 1e-12
                || (abs(score - bestScore) <= 1e-12 && (runs[i].modularity ?? 0) > (runs[best].modularity ?? 0) + 1e-12)
            if better { best = i; bestScore = score }
        }
        consensusRun = best
        let reference = runs[best].labels
        var referenceSize = [Int](repeating: 0, count: runs[best].communityCount)
        for label in reference { referenceSize[label] += 1 }
        var firm = [Int](repeating: 0, count: graph.nodeCount)
        for run in runs {
            var size = [Int](repeating: 0, count: run.communityCount)
            var overlap: [Int64: Int] = [:]
            for (v, label) in run.labels.enumerated() {
                size[label] += 1
                overlap[Int64(label) << 32 | Int64(reference[v]), default: 0] += 1
            }
            for v in 0..<graph.nodeCount {
                let a = run.labels[v], b = reference[v]
                let shared = overlap[Int64(a) << 32 | Int64(b)]!
                if Double(shared) / Double(size[a] + referenceSize[b] - shared) >= 0.5 { firm[v] += 1 }
            }
        }
        nodeStability = firm.map { Double($0) / Double(count) }
    }
}
