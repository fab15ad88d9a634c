import Foundation
import Testing
@testable import CoopGraph

/// Adamic–Adar scores against networkx (networkx.algorithms.link_prediction).
struct LinkPredictionTests {
    @Test(arguments: NetworkxReference.references.filter { !$0.directed })
    func adamicAdarEqualsNetworkx(_ reference: NetworkxReference.Reference) {
        let graph = reference.build()
        let ours = LinkPrediction.pairs(graph)
        let scores = Dictionary(uniqueKeysWithValues: ours.map { ([$0.u, $0.v], $0.score) })
        // Pairs without a common partner score 0 and are not listed by ptce.
        for pair in reference.graph.adamic_adar_top where pair[2] > 0 {
            #expect(NetworkxReference.close(scores[[Int(pair[0]), Int(pair[1])]] ?? -1, pair[2]), "\(reference.name) adamic-adar \(pair)")
        }
        #expect(zip(ours.prefix(10), reference.graph.adamic_adar_top.filter { $0[2] > 0 }).allSatisfy { NetworkxReference.close($0.score, $1[2]) })
    }
}
