import CoopGraph
import Foundation
import Testing
@testable import PTCEKit

/// The PTCE graph views give the graph networkx builds independently from the same CSV files
/// (`scripts/networkx_reference.py`, function `coorace_combined`), and the report carries its values.
struct CentralityReportTests {
    struct Reference: Decodable {
        let nodes: Int
        let edges: [[Double]]
        let measures: [String: [Double?]]
    }

    static func reference() throws -> Reference {
        let url = Repo.root.appendingPathComponent("Tests/CoopGraphTests/Fixtures/reference/coorace_combined.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-3)
    }

    @Test func combinedViewOfTheRealDatasetEqualsNetworkx() throws {
        let reference = try Self.reference()
        let network = load(Repo.path("Datasets/coorace")).network
        var view = GraphViewOptions()
        view.view = .combined
        view.weighted = true
        let graph = NetworkGraph(network, options: view).graph
        #expect(graph.nodeCount == reference.nodes)
        var edges: [[Double]] = []
        for e in 0..<graph.edgeCount {
            edges.append([Double(graph.edgeSources[e]), Double(graph.edgeTargets[e]), graph.weights[e]])
        }
        let order: ([Double], [Double]) -> Bool = { ($0[0], $0[1]) < ($1[0], $1[1]) }
        #expect(edges.sorted(by: order) == reference.edges.map { [min($0[0], $0[1]), max($0[0], $0[1]), $0[2]] }.sorted(by: order))
        var options = CentralityOptions()
        options.metrics = [.degree, .strength, .betweenness, .closeness, .harmonic, .pagerank, .clustering, .coreNumber]
        let report = CentralityReport(network: network, view: view, options: options)
        let expected: [(Metric, String)] = [(.degree, "degree"), (.strength, "strength"), (.betweenness, "betweenness_weight_as_strength"),
                                            (.harmonic, "harmonic_weight_as_strength"), (.pagerank, "pagerank"), (.clustering, "clustering"),
                                            (.coreNumber, "core_number")]
        for (metric, key) in expected {
            let values = try #require(reference.measures[key])
            for (v, row) in report.rows.enumerated() {
                #expect(Self.close(row.values[metric] ?? nil, values[v] ?? .nan), "\(row.id) \(metric.rawValue)")
            }
        }
    }

    @Test func dateFilterKeepsOnlyActiveTies() {
        let network = load(Repo.path("Datasets/coorace")).network
        var view = GraphViewOptions()
        view.at = 2016
        // Active in 2016: since ≤ 2016 (ADESSADOMICILE 2015, ANLCI 2015, La Poste 2014, the three FG2I co-founder
        // pairs 1995, MNCP 2016) or no since (ANSA, Uniformation, AFNOR, the two support ties).
        #expect(NetworkGraph(network, options: view).graph.edgeCount == 12)
        view.at = 1990
        #expect(NetworkGraph(network, options: view).graph.edgeCount == 5)
    }

    @Test func familyAndTypeFilters() {
        let network = load(Repo.path("Datasets/coorace")).network
        var view = GraphViewOptions()
        view.tieTypes = ["financing"]
        #expect(NetworkGraph(network, options: view).graph.edgeCount == 3)
        view = GraphViewOptions()
        view.families = ["network", "finance"]
        let filtered = NetworkGraph(network, options: view)
        #expect(filtered.actorIndices.allSatisfy { ["network", "finance"].contains(Taxonomy.standard.family(of: network.actors[$0].kind)?.id ?? "") })
        #expect(filtered.graph.edgeCount == 9)
    }

    @Test func jsonFollowsTheContract() throws {
        let network = load(Repo.path("Datasets/coorace")).network
        var options = CentralityOptions()
        options.katzAlpha = 2  // cannot converge: katz becomes null
        let report = CentralityReport(network: network, view: GraphViewOptions(), options: options)
        let object = try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        let graph = try #require(object["graph"] as? [String: Any])
        #expect(graph["nodes"] as? Int == 87)
        #expect(graph["edges"] as? Int == 26)
        #expect(graph["directed"] as? Bool == false)
        #expect(graph["weighted"] as? Bool == false)
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let coorace = try #require(nodes.first { $0["id"] as? String == "coorace" })
        #expect(coorace["name"] as? String == "COORACE (fédération nationale)")
        #expect(coorace["degree"] as? Int == 22)
        #expect(Self.close(coorace["degree_centrality"] as? Double, 22.0 / 86))
        #expect(coorace["katz"] is NSNull)
        for key in ["strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "clustering", "core_number", "eccentricity"] {
            #expect(coorace[key] is NSNumber, "\(key)")
        }
        #expect(report.notes.count == 2)
    }
}
