import Foundation
import Testing
@testable import CoopGraph

/// Components, cut structure and the removal curve against networkx (networkx.algorithms.components and bridges).
struct StructureTests {
    @Test(arguments: NetworkxReference.references)
    func equalNetworkx(_ reference: NetworkxReference.Reference) {
        let graph = reference.build()
        let cut = cutStructure(graph)
        #expect(cut.articulationPoints == reference.graph.articulation_points)
        #expect(cut.bridges == reference.graph.bridges)
        #expect(stronglyConnectedComponents(graph).sizes.sorted(by: >) == reference.graph.strong_component_sizes)
    }

    @Test func curveMatchesComponentSearchAfterEachRemoval() {
        let graph = RandomGraphs.barabasiAlbert(nodes: 300, attach: 2, seed: 4)
        let order = Array(betweenness(graph).enumerated().sorted { ($0.element, -$0.offset) > ($1.element, -$1.offset) }.map(\.offset).prefix(40))
        let curve = removalCurve(graph, order: order)
        for k in [0, 1, 5, 20, 40] {
            var keep = [Bool](repeating: true, count: graph.nodeCount)
            for v in order.prefix(k) { keep[v] = false }
            let (sub, _) = graph.induced(by: keep)
            #expect(curve[k] == (connectedComponents(sub).sizes.max() ?? 0), "k = \(k)")
        }
        #expect(curve[0] == 300)
    }

    @Test func starFallsApartWithItsCentre() {
        var builder = GraphBuilder(nodeCount: 5)
        for leaf in 1..<5 { builder.addEdge(0, leaf) }
        #expect(removalCurve(builder.build(), order: [0, 1]) == [5, 1, 1])
    }
}

/// Brokerage roles on small graphs worked by hand.
