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

/// `limit` keeps exactly the first pairs of the whole ordering, whatever the graph and the filter.
struct LinkPredictionLimitTests {
    @Test(arguments: NetworkxReference.references.filter { !$0.directed })
    func limitIsThePrefixOfTheWholeOrder(_ reference: NetworkxReference.Reference) {
        let graph = reference.build()
        for score in LinkPrediction.Score.allCases {
            let all = LinkPrediction.pairs(graph, score: score)
            let odd = LinkPrediction.pairs(graph, score: score) { u, v in (u + v) % 2 == 1 }
            for limit in [0, 1, 5, 20, all.count + 3] {
                #expect(LinkPrediction.pairs(graph, score: score, limit: limit) == Array(all.prefix(limit)), "\(reference.name) \(score) \(limit)")
                #expect(LinkPrediction.pairs(graph, score: score, limit: limit) { u, v in (u + v) % 2 == 1 } == Array(odd.prefix(limit)))
            }
        }
    }
}
