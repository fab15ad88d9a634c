import Benchmark
import CoopGraph

// Graphs of the centrality issue, built once (seeded) before the benchmarks run.
nonisolated(unsafe) let barabasiAlbert = RandomGraphs.barabasiAlbert(nodes: 10_000, attach: 3, seed: 1)
nonisolated(unsafe) let blockModel = RandomGraphs.stochasticBlockModel(nodes: 5_000, blocks: 20, pIn: 0.1, pOut: 0.002, weighted: true, seed: 2)
nonisolated(unsafe) let randomGraph = RandomGraphs.gnm(nodes: 200_000, edges: 1_000_000, seed: 3)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 3)

    for threads in [1, 2] {
        Benchmark("betweenness BA 10k m=3, \(threads) thread(s)") { _ in
            blackHole(betweenness(barabasiAlbert, threads: threads))
        }
        Benchmark("closeness BA 10k m=3, \(threads) thread(s)") { _ in
            blackHole(closeness(barabasiAlbert, threads: threads))
        }
        Benchmark("harmonic BA 10k m=3, \(threads) thread(s)") { _ in
            blackHole(harmonic(barabasiAlbert, threads: threads))
        }
        Benchmark("edge betweenness BA 10k m=3, \(threads) thread(s)") { _ in
            blackHole(edgeBetweenness(barabasiAlbert, threads: threads))
        }
        Benchmark("betweenness weighted SBM 5k/20, \(threads) thread(s)") { _ in
            blackHole(betweenness(blockModel, length: .inverseWeight, threads: threads))
        }
        Benchmark("closeness weighted SBM 5k/20, \(threads) thread(s)") { _ in
            blackHole(closeness(blockModel, length: .inverseWeight, threads: threads))
        }
        Benchmark("harmonic weighted SBM 5k/20, \(threads) thread(s)") { _ in
            blackHole(harmonic(blockModel, length: .inverseWeight, threads: threads))
        }
    }
    Benchmark("pagerank G(200k, 1M)") { _ in blackHole(pagerank(randomGraph)) }
    Benchmark("eigenvector G(200k, 1M)") { _ in blackHole(eigenvector(randomGraph)) }
    Benchmark("clustering G(200k, 1M)") { _ in blackHole(clustering(randomGraph)) }
    Benchmark("components G(200k, 1M)") { _ in blackHole(connectedComponents(randomGraph)) }
    Benchmark("core number G(200k, 1M)") { _ in blackHole(coreNumber(randomGraph)) }
}
