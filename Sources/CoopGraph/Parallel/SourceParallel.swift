import Dispatch
import Synchronization

/// Runs `body` over every source node, on `threads` workers, and sums the per-chunk results in a fixed order.
///
/// Sources are split into a fixed number of chunks that does not depend on the thread count; each chunk
/// accumulates into its own array and chunks are added in chunk order. So results are bit-identical for 1 or N
/// threads (floating-point addition is not associative, so a per-thread sum would not be).
/// - Parameters:
///   - sources: the source nodes, in order.
///   - width: length of the result array.
///   - threads: number of workers (at least 1).
///   - makeScratch: per-worker scratch buffers, reused across sources.
///   - body: adds the contribution of one source into the accumulator.
func accumulateOverSources<Scratch>(
    sources: [Int], width: Int, threads: Int, progress: ProgressCounter? = nil,
    makeScratch: @escaping () -> Scratch,
    body: @escaping (Int, inout Scratch, inout [Double]) -> Void
) -> [Double] {
    let chunkCount = max(1, min(16, sources.count))
    let chunkSize = (sources.count + chunkCount - 1) / max(chunkCount, 1)
    var partials = [[Double]](repeating: [], count: chunkCount)
    progress?.expect(sources.count)
    let next = Atomic<Int>(0)
    let workers = max(1, min(threads, chunkCount))
    partials.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let output = buffer
        // Each worker writes only the chunks it took from the counter: no two workers touch the same slot.
        nonisolated(unsafe) let work = { () -> Void in
            var scratch = makeScratch()
            while true {
                let chunk = next.add(1, ordering: .relaxed).oldValue
                if chunk >= chunkCount { break }
                var accumulator = [Double](repeating: 0, count: width)
                let start = chunk * chunkSize, end = min(sources.count, start + chunkSize)
                if start < end {
                    for s in start..<end {
                        body(sources[s], &scratch, &accumulator)
                        progress?.advance()
                    }
                }
                output[chunk] = accumulator
            }
        }
        if workers == 1 { work() } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
        }
    }
    var total = [Double](repeating: 0, count: width)
    for partial in partials where !partial.isEmpty {
        for i in 0..<width { total[i] += partial[i] }
    }
    return total
}

/// Runs `body` over contiguous ranges covering `0..<count`, on up to `threads` workers. Each index belongs to one
/// range, so a body writing only at its own indices gives the same result for any thread count. A second worker
/// starts only from `minimumPerWorker` indices (cheap bodies are not worth a thread below that).
func parallelRanges(count: Int, threads: Int, minimumPerWorker: Int = 4096, body: (Range<Int>) -> Void) {
    let workers = max(1, min(threads, count / minimumPerWorker + (minimumPerWorker == 1 ? 0 : 1)))
    if workers == 1 { body(0..<count); return }
    let size = (count + workers - 1) / workers
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let run = body
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * size
            if start < count { run(start..<min(count, start + size)) }
        }
    }
}
