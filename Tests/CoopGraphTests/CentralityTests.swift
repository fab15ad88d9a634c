import Foundation
import Testing
@testable import CoopGraph

/// Centrality measures against networkx (networkx.algorithms.centrality): degree, strength, betweenness and edge
/// betweenness, closeness, harmonic, eigenvector, Katz, centralisation; sampling, threads, relabelling.
struct CentralityTests {
    @Test func fixturesArePresent() {
        #expect(NetworkxReference.references.map(\.name).sorted() ==
            ["barabasi_albert", "coorace_combined", "directed_gnp", "disconnected", "florentine", "karate", "watts_strogatz", "weighted_sbm"])
    }

    @Test(arguments: NetworkxReference.references)
    func equalNetworkx(_ reference: NetworkxReference.Reference) {
        let graph = reference.build()
        #expect(graph.edgeCount == reference.edges.count)
        #expect(NetworkxReference.close(graph.density, reference.graph.density))
        NetworkxReference.compare("degree", degree(graph).map(Double.init), reference)
        NetworkxReference.compare("degree_centrality", degreeCentrality(graph), reference)
        NetworkxReference.compare("strength", strength(graph), reference)
        NetworkxReference.compare("betweenness", betweenness(graph), reference)
        NetworkxReference.compare("betweenness_raw", betweenness(graph, normalized: false), reference)
        NetworkxReference.compare("betweenness_endpoints", betweenness(graph, endpoints: true), reference)
        NetworkxReference.compare("edge_betweenness", edgeBetweenness(graph), reference)
        NetworkxReference.compare("closeness", closeness(graph), reference)
        NetworkxReference.compare("closeness_per_component", closeness(graph, perComponent: true), reference)
        NetworkxReference.compare("harmonic", harmonic(graph), reference)
        // networkx's eigenvector was run to tol=1e-15; ours stops at 1e-13 per node.
        NetworkxReference.compare("eigenvector", eigenvector(graph, weighted: reference.weighted), reference)
        if reference.weighted {
            NetworkxReference.compare("betweenness_weight_as_distance", betweenness(graph, length: .weight), reference)
            NetworkxReference.compare("betweenness_weight_as_strength", betweenness(graph, length: .inverseWeight), reference)
            NetworkxReference.compare("closeness_weight_as_distance", closeness(graph, length: .weight), reference)
            NetworkxReference.compare("harmonic_weight_as_strength", harmonic(graph, length: .inverseWeight), reference)
        }
        if let values = katz(graph, alpha: reference.graph.katz_alpha, weighted: reference.weighted) {
            NetworkxReference.compare("katz", values, reference)
        } else {
            Issue.record("\(reference.name): katz did not converge with alpha \(reference.graph.katz_alpha)")
        }
        if let expected = reference.graph.degree_centralization {
            #expect(NetworkxReference.close(Centralization.degree(degreeCentrality(graph)) ?? -1, expected))
            #expect(NetworkxReference.close(Centralization.betweenness(betweenness(graph)) ?? -1, reference.graph.betweenness_centralization ?? 0))
            #expect(NetworkxReference.close(Centralization.closeness(closeness(graph)) ?? -1, reference.graph.closeness_centralization ?? 0))
        }
    }

    @Test func sampledBetweennessWithEverySourceIsExact() throws {
        for reference in NetworkxReference.references {
            let graph = reference.build()
            NetworkxReference.compare("betweenness", betweenness(graph, sample: reference.nodes, seed: 7), reference)
        }
    }

    @Test func sampledBetweennessIsReproducibleAndClose() throws {
        let reference = try #require(NetworkxReference.references.first { $0.name == "barabasi_albert" })
        let graph = reference.build()
        let a = betweenness(graph, sample: 100, seed: 42), b = betweenness(graph, sample: 100, seed: 42)
        #expect(a == b)
        let exact = reference.measures["betweenness"]!.map { $0 ?? 0 }
        // The hub (node of largest exact betweenness) stays on top with half the sources.
        #expect(a.indices.max { a[$0] < a[$1] } == exact.indices.max { exact[$0] < exact[$1] })
    }

    @Test func centralizationOfAStarIsOneAndOfACompleteGraphZero() {
        var star = GraphBuilder(nodeCount: 6)
        for leaf in 1..<6 { star.addEdge(0, leaf) }
        let s = star.build()
        #expect(NetworkxReference.close(Centralization.degree(degreeCentrality(s))!, 1))
        #expect(NetworkxReference.close(Centralization.betweenness(betweenness(s))!, 1))
        #expect(NetworkxReference.close(Centralization.closeness(closeness(s))!, 1))
        var complete = GraphBuilder(nodeCount: 5)
        for u in 0..<5 { for v in (u + 1)..<5 { complete.addEdge(u, v) } }
        #expect(Centralization.degree(degreeCentrality(complete.build())) == 0)
    }

    @Test(arguments: NetworkxReference.references)
    func resultsDoNotDependOnTheThreadCount(_ reference: NetworkxReference.Reference) {
        let graph = reference.build()
        let length: EdgeLength = reference.weighted ? .inverseWeight : .hops
        #expect(betweenness(graph, length: length, threads: 1) == betweenness(graph, length: length, threads: 2))
        #expect(closeness(graph, length: length, threads: 1) == closeness(graph, length: length, threads: 3))
        #expect(harmonic(graph, length: length, threads: 1) == harmonic(graph, length: length, threads: 2))
    }

    @Test func relabellingNodesPermutesResults() throws {
        let reference = try #require(NetworkxReference.references.first { $0.name == "karate" })
        let n = reference.nodes
        var permutation = Array(0..<n)
        var generator = SystemRandomNumberGenerator()
        permutation.shuffle(using: &generator)
        var builder = GraphBuilder(nodeCount: n)
        for edge in reference.edges.reversed() { builder.addEdge(permutation[Int(edge[0])], permutation[Int(edge[1])]) }
        let relabelled = builder.build()
        let original = reference.build()
        let before = betweenness(original), after = betweenness(relabelled)
        let closeBefore = closeness(original), closeAfter = closeness(relabelled)
        for v in 0..<n {
            #expect(NetworkxReference.close(before[v], after[permutation[v]]))
            #expect(NetworkxReference.close(closeBefore[v], closeAfter[permutation[v]]))
        }
    }
}
