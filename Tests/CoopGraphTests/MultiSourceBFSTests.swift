import Testing
@testable import CoopGraph

/// The 64-at-a-time searches (`MultiSourceBFS`) give closeness, harmonic centrality, eccentricity and the distance
/// profile bit for bit equal to one search per node, on every reference graph and on graphs that exercise the
/// batches: sizes around 64, isolated nodes, several components, directed arcs, 1 and 2 threads.
struct MultiSourceBFSTests {
    static var graphs: [(String, Graph)] {
        var graphs = NetworkxReference.references.map { reference in (reference.name, reference.build()) }
        graphs.append(("BA 1,000", RandomGraphs.barabasiAlbert(nodes: 1_000, attach: 3, seed: 7)))
        graphs.append(("G(700, 900), many components", RandomGraphs.gnm(nodes: 700, edges: 900, seed: 3)))
        for n in [0, 1, 2, 63, 64, 65, 129] {
            var path = GraphBuilder(nodeCount: n)
            for v in 1..<max(1, n) where v % 17 != 0 { path.addEdge(v - 1, v) }  // pieces of a path, a few cut
            graphs.append(("path pieces of \(n)", path.build()))
        }
        var directed = GraphBuilder(nodeCount: 200, directed: true)
        var random = SplitMix64(seed: 11)
        for _ in 0..<500 {
            let u = Int(random.next() % 200), v = Int(random.next() % 200)
            if u != v { directed.addEdge(u, v) }
        }
        graphs.append(("directed G(200, 500)", directed.build()))
        return graphs
    }

    @Test func equalToOneSearchPerNode() {
        for (name, graph) in Self.graphs {
            let reversed = graph.reversed()
            let closenessReference = _closenessBySource(reversed, length: .hops, perComponent: false, threads: 1)
            let perComponentReference = _closenessBySource(reversed, length: .hops, perComponent: true, threads: 1)
            let harmonicReference = _harmonicBySource(reversed, length: .hops, threads: 1)
            let eccentricityReference = _eccentricityBySource(graph, length: .hops, threads: 1)
            for threads in [1, 2] {
                #expect(closeness(graph, threads: threads) == closenessReference, "\(name), \(threads) thread(s)")
                #expect(closeness(graph, perComponent: true, threads: threads) == perComponentReference, "\(name)")
                #expect(harmonic(graph, threads: threads) == harmonicReference, "\(name), \(threads) thread(s)")
                #expect(eccentricity(graph, threads: threads) == eccentricityReference, "\(name), \(threads) thread(s)")
                let profile = DistanceProfile(graph, threads: threads)
                #expect(profile.eccentricity == eccentricityReference, "\(name)")
                #expect(profile.inverseDistanceSum == _harmonicBySource(graph, length: .hops, threads: 1), "\(name)")
            }
        }
    }

    /// A search that reaches every node at a known distance: a path of 130 nodes (three batches, the last of two).
    @Test func aPathHasItsKnownNumbers() {
        var path = GraphBuilder(nodeCount: 130)
        for v in 1..<130 { path.addEdge(v - 1, v) }
        let searches = MultiSourceBFS(path.build(), threads: 2)
        #expect(searches.reached == [Int](repeating: 130, count: 130))
        #expect(searches.eccentricity[0] == 129 && searches.eccentricity[65] == 65 && searches.eccentricity[129] == 129)
        // Σ d from node k of a path of n nodes: k(k+1)/2 + (n−1−k)(n−k)/2.
        let expected: [Int] = (0..<130).map { (k: Int) -> Int in
            let before: Int = k * (k + 1) / 2
            let after: Int = (129 - k) * (130 - k) / 2
            return before + after
        }
        #expect(searches.distanceSum == expected)
    }
}

/// Unweighted betweenness with successor lists (`_hopBetweenness`) against the general path with predecessor lists
/// (networkx's order of additions): same graphs as the multi-source searches, directed and undirected, with and
/// without endpoints, normalised or not, sampled. The terms are the same, added in another order: equal within
/// 10⁻¹³ relative, and exactly equal across thread counts.
struct HopBetweennessTests {
    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in abs(x - y) <= 1e-13 * max(abs(x), abs(y), 1e-300) }
    }

    @Test func equalToPredecessorLists() {
        var differing = 0
        for (name, graph) in MultiSourceBFSTests.graphs {
            for endpoints in [false, true] {
                for normalized in [true, false] {
                    let reference = _betweenness(graph, length: .hops, normalized: normalized, endpoints: endpoints,
                                                 sample: nil, seed: 0, threads: 1, progress: nil, predecessorLists: true)
                    let one = betweenness(graph, normalized: normalized, endpoints: endpoints, threads: 1)
                    #expect(Self.close(one, reference), "\(name), endpoints \(endpoints), normalized \(normalized)")
                    #expect(betweenness(graph, normalized: normalized, endpoints: endpoints, threads: 2) == one, "\(name)")
                    differing += zip(one, reference).filter { $0 != $1 }.count
                }
            }
            let sample = max(1, graph.nodeCount / 3)
            let sampledReference = _betweenness(graph, length: .hops, normalized: true, endpoints: false, sample: sample,
                                                seed: 5, threads: 1, progress: nil, predecessorLists: true)
            #expect(Self.close(betweenness(graph, sample: sample, seed: 5), sampledReference), "\(name), sampled")
        }
        // The comparison is not vacuous: the order of additions does show in the last bits somewhere.
        #expect(differing > 0)
    }
}
