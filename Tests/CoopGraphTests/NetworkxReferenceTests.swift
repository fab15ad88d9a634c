import Foundation
import Testing
@testable import CoopGraph

/// Every measure equals networkx's on every reference graph of `scripts/networkx_reference.py`, to 1e-9 relative.
struct NetworkxReferenceTests {
    struct Reference: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let directed: Bool
        let weighted: Bool
        let nodes: Int
        let edges: [[Double]]
        let measures: [String: [Double?]]
        let graph: GraphLevel
        var testDescription: String { name }

        struct GraphLevel: Decodable, Sendable {
            let density: Double
            let transitivity: Double?
            let average_clustering: Double?
            let katz_alpha: Double
            let assortativity_mod3: Double
            let adamic_adar_top: [[Double]]
            let articulation_points: [Int]
            let bridges: [Int]
            let strong_component_sizes: [Int]
            let largest_component_size: Int
            let diameter: Double
            let radius: Double
            let average_shortest_path_length: Double
            let average_shortest_path_length_weight_as_strength: Double?
            let degree_centralization: Double?
            let betweenness_centralization: Double?
            let closeness_centralization: Double?
            let communities: Communities
        }

        struct Communities: Decodable, Sendable {
            let modularity_mod3: Double
            let modularity_mod3_resolution_half: Double
            let louvain_labels: [Int]?
            let louvain_modularity: Double?
            let louvain_modularity_resolution_half: Double?
            let nmi_mod3_louvain: Double?
            let ari_mod3_louvain: Double?
        }

        func build() -> Graph {
            var builder = GraphBuilder(nodeCount: nodes, directed: directed, weighted: weighted)
            for edge in edges { builder.addEdge(Int(edge[0]), Int(edge[1]), weight: edge[2]) }
            return builder.build()
        }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/reference")

    static let references: [Reference] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { file in
            try? JSONDecoder().decode(Reference.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
        }
    }()

    /// Relative tolerance 1e-9; values below 1e-12 in magnitude compare absolutely.
    static func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-3)
    }

    static func compare(_ name: String, _ ours: [Double], _ reference: Reference, tolerance: Double = 1e-9) {
        compare(name, ours.map { Optional($0) }, reference, tolerance: tolerance)
    }

    /// Compares values where nil (networkx's nan) must match nil.
    static func compare(_ name: String, _ ours: [Double?], _ reference: Reference, tolerance: Double = 1e-9) {
        guard let expected = reference.measures[name] else { return }
        #expect(ours.count == expected.count, "\(reference.name) \(name): count")
        let worst = zip(ours, expected).enumerated().first { item in
            switch (item.element.0, item.element.1) {
            case let (a?, b?): return !close(a, b, tolerance: tolerance)
            case (nil, nil): return false
            default: return true
            }
        }
        #expect(worst == nil, "\(reference.name) \(name): node \(worst?.offset ?? -1) ours \(String(describing: worst?.element.0)) networkx \(String(describing: worst?.element.1))")
    }

    @Test func fixturesArePresent() {
        #expect(Self.references.map(\.name).sorted() ==
            ["barabasi_albert", "coorace_combined", "directed_gnp", "disconnected", "florentine", "karate", "watts_strogatz", "weighted_sbm"])
    }

    @Test(arguments: references)
    func measuresEqualNetworkx(_ reference: Reference) {
        let graph = reference.build()
        #expect(graph.edgeCount == reference.edges.count)
        Self.compare("degree", degree(graph).map(Double.init), reference)
        Self.compare("degree_centrality", degreeCentrality(graph), reference)
        Self.compare("strength", strength(graph), reference)
        Self.compare("betweenness", betweenness(graph), reference)
        Self.compare("betweenness_raw", betweenness(graph, normalized: false), reference)
        Self.compare("betweenness_endpoints", betweenness(graph, endpoints: true), reference)
        Self.compare("closeness", closeness(graph), reference)
        Self.compare("closeness_per_component", closeness(graph, perComponent: true), reference)
        Self.compare("harmonic", harmonic(graph), reference)
        // networkx's pagerank and eigenvector were run to tol=1e-15; ours stops at 1e-14 and 1e-13 per node.
        Self.compare("pagerank", pagerank(graph, weighted: reference.weighted), reference)
        Self.compare("eigenvector", eigenvector(graph, weighted: reference.weighted), reference)
        if !reference.directed {
            // networkx's clustering of a DiGraph is the directed (Fagiolo) variant, not computed here.
            Self.compare("clustering", clustering(graph), reference)
            Self.compare("core_number", coreNumber(graph).map(Double.init), reference)
            if let expected = reference.graph.transitivity { #expect(Self.close(transitivity(graph), expected)) }
            if let expected = reference.graph.average_clustering { #expect(Self.close(averageClustering(graph), expected)) }
        }
        if reference.weighted {
            Self.compare("betweenness_weight_as_distance", betweenness(graph, length: .weight), reference)
            Self.compare("betweenness_weight_as_strength", betweenness(graph, length: .inverseWeight), reference)
            Self.compare("closeness_weight_as_distance", closeness(graph, length: .weight), reference)
            Self.compare("harmonic_weight_as_strength", harmonic(graph, length: .inverseWeight), reference)
        }
        #expect(Self.close(graph.density, reference.graph.density))
        if let values = katz(graph, alpha: reference.graph.katz_alpha, weighted: reference.weighted) {
            Self.compare("katz", values, reference)
        } else {
            Issue.record("\(reference.name): katz did not converge with alpha \(reference.graph.katz_alpha)")
        }
        let (hubs, authorities) = hits(graph, weighted: reference.weighted)
        // networkx computes HITS by sparse SVD (ARPACK, tol 1e-15): agreement to 1e-8 relative.
        Self.compare("hits_hubs", hubs, reference, tolerance: 1e-8)
        Self.compare("hits_authorities", authorities, reference, tolerance: 1e-8)
        Self.compare("edge_betweenness", edgeBetweenness(graph), reference)
        let holes = StructuralHoles(graph)
        Self.compare("constraint", holes.constraint, reference)
        if reference.directed {
            // networkx's per-node path gives nan to a node without successors even when it has partners (incoming
            // ties); ptce computes it from the mutual ties. Compared where networkx gives a value.
            let expected = reference.measures["effective_size"] ?? []
            for (v, value) in expected.enumerated() {
                if let value { #expect(Self.close(holes.effectiveSize[v] ?? .nan, value), "directed effective size node \(v)") }
            }
        } else {
            Self.compare("effective_size", holes.effectiveSize, reference)
        }
        if reference.weighted {
            let weightedHoles = StructuralHoles(graph, weighted: true)
            Self.compare("constraint_weighted", weightedHoles.constraint, reference)
            Self.compare("effective_size_weighted", weightedHoles.effectiveSize, reference)
        }
        let labels = (0..<reference.nodes).map { $0 % 3 }
        #expect(Self.close(Mixing(graph, labels: labels, groupCount: 3).assortativity ?? .nan, reference.graph.assortativity_mod3))
        if !reference.directed {
            let ours = LinkPrediction.pairs(graph)
            let scores = Dictionary(uniqueKeysWithValues: ours.map { ([$0.u, $0.v], $0.score) })
            // Pairs without a common partner score 0 and are not listed by ptce.
            for pair in reference.graph.adamic_adar_top where pair[2] > 0 {
                #expect(Self.close(scores[[Int(pair[0]), Int(pair[1])]] ?? -1, pair[2]), "\(reference.name) adamic-adar \(pair)")
            }
            #expect(zip(ours.prefix(10), reference.graph.adamic_adar_top.filter { $0[2] > 0 }).allSatisfy { Self.close($0.score, $1[2]) })
        }
        let cut = cutStructure(graph)
        #expect(cut.articulationPoints == reference.graph.articulation_points)
        #expect(cut.bridges == reference.graph.bridges)
        #expect(stronglyConnectedComponents(graph).sizes.sorted(by: >) == reference.graph.strong_component_sizes)
        let distances = distanceSummary(graph)
        #expect(distances?.componentSize == reference.graph.largest_component_size)
        #expect(distances?.diameter == reference.graph.diameter)
        #expect(distances?.radius == reference.graph.radius)
        #expect(Self.close(distances?.averageShortestPathLength ?? -1, reference.graph.average_shortest_path_length))
        if let expected = reference.graph.average_shortest_path_length_weight_as_strength {
            #expect(Self.close(distanceSummary(graph, length: .inverseWeight)?.averageShortestPathLength ?? -1, expected))
        }
        if let expected = reference.graph.degree_centralization {
            #expect(Self.close(Centralization.degree(degreeCentrality(graph)) ?? -1, expected))
            #expect(Self.close(Centralization.betweenness(betweenness(graph)) ?? -1, reference.graph.betweenness_centralization ?? 0))
            #expect(Self.close(Centralization.closeness(closeness(graph)) ?? -1, reference.graph.closeness_centralization ?? 0))
        }
    }

    @Test(arguments: references.filter { !$0.directed })
    func distanceProfileEqualsTheStandaloneMeasures(_ reference: Reference) {
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

    @Test func sampledBetweennessWithEverySourceIsExact() throws {
        for reference in Self.references {
            let graph = reference.build()
            Self.compare("betweenness", betweenness(graph, sample: reference.nodes, seed: 7), reference)
        }
    }

    @Test func sampledBetweennessIsReproducibleAndClose() throws {
        let reference = try #require(Self.references.first { $0.name == "barabasi_albert" })
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
        #expect(Self.close(Centralization.degree(degreeCentrality(s))!, 1))
        #expect(Self.close(Centralization.betweenness(betweenness(s))!, 1))
        #expect(Self.close(Centralization.closeness(closeness(s))!, 1))
        var complete = GraphBuilder(nodeCount: 5)
        for u in 0..<5 { for v in (u + 1)..<5 { complete.addEdge(u, v) } }
        #expect(Centralization.degree(degreeCentrality(complete.build())) == 0)
    }

    @Test(arguments: references)
    func resultsDoNotDependOnTheThreadCount(_ reference: Reference) {
        let graph = reference.build()
        let length: EdgeLength = reference.weighted ? .inverseWeight : .hops
        #expect(betweenness(graph, length: length, threads: 1) == betweenness(graph, length: length, threads: 2))
        #expect(closeness(graph, length: length, threads: 1) == closeness(graph, length: length, threads: 3))
        #expect(harmonic(graph, length: length, threads: 1) == harmonic(graph, length: length, threads: 2))
    }

    @Test func iterativeMeasuresDoNotDependOnTheThreadCount() {
        // Large enough (> 4096 nodes) for the node ranges to be split between workers.
        let graph = RandomGraphs.gnm(nodes: 20_000, edges: 60_000, seed: 9)
        #expect(pagerank(graph, threads: 1) == pagerank(graph, threads: 2))
        #expect(eigenvector(graph, threads: 1) == eigenvector(graph, threads: 2))
    }

    @Test func relabellingNodesPermutesResults() throws {
        let reference = try #require(Self.references.first { $0.name == "karate" })
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
            #expect(Self.close(before[v], after[permutation[v]]))
            #expect(Self.close(closeBefore[v], closeAfter[permutation[v]]))
        }
    }
}
