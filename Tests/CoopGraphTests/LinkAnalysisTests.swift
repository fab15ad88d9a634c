import Foundation
import Testing
@testable import CoopGraph

/// PageRank and HITS against networkx (networkx.algorithms.link_analysis).
struct LinkAnalysisTests {
    @Test(arguments: NetworkxReference.references)
    func equalNetworkx(_ reference: NetworkxReference.Reference) {
        let graph = reference.build()
        // networkx's pagerank was run to tol=1e-15; ours stops at 1e-14 per node.
        NetworkxReference.compare("pagerank", pagerank(graph, weighted: reference.weighted), reference)
        let (hubs, authorities) = hits(graph, weighted: reference.weighted)
        // networkx computes HITS by sparse SVD (ARPACK, tol 1e-15): agreement to 1e-8 relative.
        NetworkxReference.compare("hits_hubs", hubs, reference, tolerance: 1e-8)
        NetworkxReference.compare("hits_authorities", authorities, reference, tolerance: 1e-8)
    }

    @Test func iterativeMeasuresDoNotDependOnTheThreadCount() {
        // Large enough (> 4096 nodes) for the node ranges to be split between workers.
        let graph = RandomGraphs.gnm(nodes: 20_000, edges: 60_000, seed: 9)
        #expect(pagerank(graph, threads: 1) == pagerank(graph, threads: 2))
        #expect(eigenvector(graph, threads: 1) == eigenvector(graph, threads: 2))
    }
}
