import Foundation
import Testing
@testable import CoopGraph

/// Clustering, transitivity and core number against networkx (networkx.algorithms.cluster and core).
struct ClusteringTests {
    @Test(arguments: NetworkxReference.references.filter { !$0.directed })
    func equalNetworkx(_ reference: NetworkxReference.Reference) {
        // networkx's clustering of a DiGraph is the directed (Fagiolo) variant, not computed here.
        let graph = reference.build()
        NetworkxReference.compare("clustering", clustering(graph), reference)
        NetworkxReference.compare("core_number", coreNumber(graph).map(Double.init), reference)
        if let expected = reference.graph.transitivity { #expect(NetworkxReference.close(transitivity(graph), expected)) }
        if let expected = reference.graph.average_clustering { #expect(NetworkxReference.close(averageClustering(graph), expected)) }
    }
}
