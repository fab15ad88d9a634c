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
}
