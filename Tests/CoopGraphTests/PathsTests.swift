import Foundation
import Testing
@testable import CoopGraph

/// Shortest-path distances against networkx (networkx.algorithms.shortest_paths and distance_measures): diameter,
/// radius, average shortest path length; the one-pass distance profile equals the separate measures.
struct PathsTests {
    @Test(arguments: NetworkxReference.references)
    func distanceSummaryEqualsNetworkx(_ reference: NetworkxReference.Reference) {
        let graph = reference.build()
        let distances = distanceSummary(graph)
        #expect(distances?.componentSize == reference.graph.largest_component_size)
        #expect(distances?.diameter == reference.graph.diameter)
        #expect(distances?.radius == reference.graph.radius)
        #expect(NetworkxReference.close(distances?.averageShortestPathLength ?? -1, reference.graph.average_shortest_path_length))
        if let expected = reference.graph.average_shortest_path_length_weight_as_strength {
            #expect(NetworkxReference.close(distanceSummary(graph, length: .inverseWeight)?.averageShortestPathLength ?? -1, expected))
        }
    }

    @Test(arguments: NetworkxReference.references.filter { !$0.directed })
    func distanceProfileEqualsTheStandaloneMeasures(_ reference: NetworkxReference.Reference) {
        let graph = reference.build()
        for length in reference.weighted ? [EdgeLength.hops, .inverseWeight] : [.hops] {
            let profile = DistanceProfile(graph, length: length, threads: 2)
            #expect(profile.closeness() == closeness(graph, length: length))
            #expect(profile.closeness(perComponent: true) == closeness(graph, length: length, perComponent: true))
            #expect(profile.inverseDistanceSum == harmonic(graph, length: length))
            #expect(profile.eccentricity == eccentricity(graph, length: length))
            let components = connectedComponents(graph)
            #expect(profile.summary(componentLabels: components.labels, sizes: components.sizes) == distanceSummary(graph, length: length))
        }
    }

    /// A graph from (u, v, weight) triples.
    private static func graph(_ nodeCount: Int, _ edges: [(Int, Int, Double)]) -> Graph {
        var builder = GraphBuilder(nodeCount: nodeCount, weighted: true)
        for (u, v, weight) in edges { builder.addEdge(u, v, weight: weight) }
        return builder.build()
    }

    /// Each case: a graph whose exact path lengths (of the weights as read, or of their exact reciprocals) give the same
    /// shortest paths as a graph of small integer lengths, where doubles are exact. Float sums (networkx's) give other
    /// paths on each: 10¹⁶ + 1 rounds to 10¹⁶ (a false tie), (0.1 + 0.2) + 0.3 ≠ (0.2 + 0.1) + 0.3 and 10 × 0.1 < 1
    /// (false inequalities). In the six-cycle, 0.3 + 0.3 (pair 2–4) equals 0.2 + 0.1 + 0.2 + 0.1 only within the
    /// rounding of the decimals: exact double-double sums alone differ by 5.6e-17.
    @Test func pathLengthsAreComparedToTheRuleOfTheirKind() {
        let cases: [(String, Graph, EdgeLength, Graph, EdgeLength)] = [
            ("10^16 + 1 is longer than 10^16", Self.graph(3, [(0, 1, 1e16), (0, 2, 1e16), (1, 2, 1)]), .weight,
             Self.graph(3, [(0, 1, 1), (0, 2, 1), (1, 2, 1)]), .hops),
            ("10^16 + 1 + 1 equals 10^16 + 2", Self.graph(4, [(0, 1, 1e16), (1, 2, 1), (2, 3, 1), (0, 3, 1e16 + 2)]), .weight,
             Self.graph(4, [(0, 1, 5), (1, 2, 1), (2, 3, 1), (0, 3, 7)]), .weight),
            ("0.1 + 0.2 + 0.3 equals 0.2 + 0.1 + 0.3",
             Self.graph(6, [(0, 1, 0.1), (1, 2, 0.2), (2, 5, 0.3), (0, 3, 0.2), (3, 4, 0.1), (4, 5, 0.3)]), .weight,
             Self.graph(6, [(0, 1, 1), (1, 2, 2), (2, 5, 3), (0, 3, 2), (3, 4, 1), (4, 5, 3)]), .weight),
            ("strengths 3, 3, 3: 1/3 + 1/3 + 1/3 equals 1", Self.graph(4, [(0, 1, 3), (1, 2, 3), (2, 3, 3), (0, 3, 1)]), .inverseWeight,
             Self.graph(4, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (0, 3, 3)]), .weight),
            ("ten strengths 10 equal one strength 1", Self.graph(11, (0..<10).map { ($0, $0 + 1, 10.0) } + [(0, 10, 1)]), .inverseWeight,
             Self.graph(11, (0..<10).map { ($0, $0 + 1, 1.0) } + [(0, 10, 10)]), .weight),
        ]
        for (name, graph, length, exact, exactLength) in cases {
            let expected = betweenness(exact, length: exactLength)
            let measured = betweenness(graph, length: length)
            #expect(zip(measured, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(name): \(measured) ≠ \(expected)")
            let expectedEdges = edgeBetweenness(exact, length: exactLength)
            let measuredEdges = edgeBetweenness(graph, length: length)
            #expect(zip(measuredEdges, expectedEdges).allSatisfy { abs($0 - $1) < 1e-12 }, "\(name): edges")
        }
    }

    /// Exact decimals (what a double holds: integers, 0.5, 0.375, 10¹⁶) are not rounded; others are, by half a unit
    /// in the last place.
    @Test func roundingOfAWeightIsZeroOnlyForExactDecimals() {
        for exact in [1.0, 3, 0.5, 0.375, 1e16, 1e16 + 2, 1e300, 0.0009765625, 123.25] {
            #expect(EdgeLength.rounding(of: exact) == 0, "\(exact)")
        }
        for typed in [0.1, 0.2, 0.3, 1e-16, 123.456, 1.0 / 3, 0.30000000000000004] {
            #expect(EdgeLength.rounding(of: typed) == typed.ulp / 2, "\(typed)")
        }
    }
}
