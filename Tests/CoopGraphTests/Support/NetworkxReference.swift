import Foundation
import Testing
@testable import CoopGraph

/// The reference graphs of `scripts/networkx_reference.py` and networkx's values on them: every family of measures
/// (`CentralityTests`, `PathsTests`…) compares against them, to 1e-9 relative.
enum NetworkxReference {
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
            /// Whether HITS has a unique answer (the two largest singular values of A differ); no reference otherwise.
            let hits_unique: Bool?
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

        /// Whether the fixture must hold networkx's values of `measure`. The absences are by design of
        /// scripts/networkx_reference.py: weighted variants only on weighted graphs, core number only undirected
        /// (networkx refuses it on graphs with self-loops or directed ones here), eigenvector only on (strongly)
        /// connected graphs (networkx's power iteration does not converge to a unique vector otherwise).
        func expects(_ measure: String) -> Bool {
            if measure.contains("weight") { return weighted }
            if measure.hasPrefix("hits_") { return graph.hits_unique ?? true }
            if measure == "core_number" { return !directed }
            if measure == "eigenvector" {
                let graph = build()
                return (directed ? stronglyConnectedComponents(graph).sizes.count : connectedComponents(graph).sizes.count) == 1
            }
            return true
        }

        func build() -> Graph {
            var builder = GraphBuilder(nodeCount: nodes, directed: directed, weighted: weighted)
            for edge in edges { builder.addEdge(Int(edge[0]), Int(edge[1]), weight: edge[2]) }
            return builder.build()
        }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/reference")

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
        guard let expected = reference.measures[name] else {
            #expect(!reference.expects(name), "\(reference.name): networkx's \(name) is missing from the fixture (rerun scripts/networkx_reference.py)")
            return
        }
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
}
