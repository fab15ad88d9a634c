import Foundation
import Testing
@testable import CoopGraph

/// Brokerage against networkx (networkx.algorithms.structuralholes: constraint, effective size) and Gould and
/// Fernandez's roles worked by hand.
struct BrokerageTests {
    @Test(arguments: NetworkxReference.references)
    func structuralHolesEqualNetworkx(_ reference: NetworkxReference.Reference) {
        let graph = reference.build()
        let holes = StructuralHoles(graph)
        NetworkxReference.compare("constraint", holes.constraint, reference)
        if reference.directed {
            // networkx's per-node path gives nan to a node without successors even when it has partners (incoming
            // ties); ptce computes it from the mutual ties. Compared where networkx gives a value.
            let expected = reference.measures["effective_size"] ?? []
            #expect(!expected.isEmpty)
            for (v, value) in expected.enumerated() {
                if let value { #expect(NetworkxReference.close(holes.effectiveSize[v] ?? .nan, value), "directed effective size node \(v)") }
            }
        } else {
            NetworkxReference.compare("effective_size", holes.effectiveSize, reference)
        }
        if reference.weighted {
            let weightedHoles = StructuralHoles(graph, weighted: true)
            NetworkxReference.compare("constraint_weighted", weightedHoles.constraint, reference)
            NetworkxReference.compare("effective_size_weighted", weightedHoles.effectiveSize, reference)
        }
    }


    /// Weights 1e200 against 1: a share's square underflows to 0, and Burt's hierarchy stays a number (x·log x → 0),
    /// equal to the same graph's in units 1e200 times smaller (the measure does not depend on the unit).
    @Test func hierarchyWithExtremeWeightsIsANumber() throws {
        func star(_ scale: Double) -> StructuralHoles {
            var builder = GraphBuilder(nodeCount: 4)
            builder.addEdge(0, 1, weight: 1e200 * scale)
            builder.addEdge(0, 2, weight: 1 * scale)
            builder.addEdge(0, 3, weight: 1e200 * scale)
            builder.addEdge(1, 2, weight: 1 * scale)
            return StructuralHoles(builder.build(), weighted: true)
        }
        let huge = star(1), small = star(1e-200)
        let value = try #require(huge.hierarchy[0])
        #expect(value.isFinite)
        #expect(abs(value - (try #require(small.hierarchy[0]))) < 1e-12)
        for v in 0..<4 { #expect(huge.constraint[v].map(\.isFinite) ?? true) }
    }

    @Test func directedRolesWorkedByHand() {
        // b = 1 in group A (label 0). Two-paths through 1: 0→1→2, 0→1→3, 4→1→2, 4→1→3, none closed.
        // Groups: 0 A, 1 A, 2 A, 3 B, 4 B.
        // 0→1→2: A A A coordinator; 0→1→3: A A B representative; 4→1→2: B A A gatekeeper; 4→1→3: B A B itinerant.
        var builder = GraphBuilder(nodeCount: 5, directed: true)
        for (u, v) in [(0, 1), (4, 1), (1, 2), (1, 3)] { builder.addEdge(u, v) }
        let roles = BrokerageRoles(builder.build(), labels: [0, 0, 0, 1, 1])
        #expect(roles.counts[1] == [.coordinator: 1, .representative: 1, .gatekeeper: 1, .itinerant: 1, .liaison: 0])
        #expect(roles.counts[0].values.reduce(0, +) == 0)
    }

    @Test func closedPathsAreNotBrokerage() {
        // 0→1→2 with 0→2: closed, so no brokerage.
        var builder = GraphBuilder(nodeCount: 3, directed: true)
        for (u, v) in [(0, 1), (1, 2), (0, 2)] { builder.addEdge(u, v) }
        #expect(BrokerageRoles(builder.build(), labels: [0, 1, 2]).counts[1][.liaison] == 0)
    }

    @Test func liaisonAndUndirectedReduction() {
        // Star centred on 0 (group 0) with leaves in groups 1, 1, 2: pairs {1,2} itinerant (both group 1),
        // {1,3} and {2,3} liaison.
        var builder = GraphBuilder(nodeCount: 4)
        for leaf in 1..<4 { builder.addEdge(0, leaf) }
        let roles = BrokerageRoles(builder.build(), labels: [0, 1, 1, 2])
        #expect(roles.counts[0] == [.coordinator: 0, .itinerant: 1, .liaison: 2, .boundarySpanner: 0])
        // Expectation for the centre: 3 pairs from the 3 others (group sizes 2 and 1 besides its own, which has no
        // other member): itinerant probability 2·1 / (3·2) = 1/3 → expected 1, observed 1.
        #expect(roles.normalized[0][.itinerant]! == 1)
        // Boundary spanner: a leaf of the centre's group.
        var second = GraphBuilder(nodeCount: 3)
        second.addEdge(0, 1)
        second.addEdge(0, 2)
        #expect(BrokerageRoles(second.build(), labels: [0, 0, 1]).counts[0][.boundarySpanner] == 1)
    }
}
