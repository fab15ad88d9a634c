import Foundation
import Testing
@testable import CoopGraph

/// Attribute assortativity against networkx (networkx.algorithms.assortativity).
struct MixingTests {
    @Test(arguments: NetworkxReference.references)
    func assortativityEqualsNetworkx(_ reference: NetworkxReference.Reference) {
        let graph = reference.build()
        let labels = (0..<reference.nodes).map { $0 % 3 }
        #expect(NetworkxReference.close(Mixing(graph, labels: labels, groupCount: 3).assortativity ?? .nan, reference.graph.assortativity_mod3))
    }
}
