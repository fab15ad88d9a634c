import Foundation
import Testing
import CoopGraph
@testable import PTCEKit

/// Issue 22: iterative measures converge whatever the unit of the weights, or say why they give no number.
struct IterativeMeasuresTests {
    /// A tree weighted in euros (a bipartite graph: the power iteration's slowest case).
    static let euros: [(String, String, Double)] = [("a", "b", 120_000), ("a", "c", 45_000), ("a", "d", 80_000), ("b", "e", 300_000),
                                                    ("b", "f", 15_000), ("c", "g", 60_000), ("d", "h", 5_000), ("h", "i", 250_000)]

    static func network(_ edges: [(String, String, Double)], directed: Bool = false) -> Network {
        let ids = Array(Set(edges.flatMap { [$0.0, $0.1] })).sorted()
        return Network(title: nil, source: nil, synthetic: true, actors: ids.map { Actor(id: $0, name: $0, kind: "association") }, groups: [],
                       memberships: [], ties: edges.map { Partnership(source: $0.0, target: $0.1, type: "", weight: $0.2, directed: directed) })
    }

    static func report(_ network: Network, _ metrics: [Metric], weighted: Bool = true, directed: Bool = false) -> CentralityReport {
        var view = GraphViewOptions()
        view.weighted = weighted
        view.directed = directed
        var options = CentralityOptions()
        options.metrics = metrics
        return CentralityReport(network: network, view: view, options: options)
    }

    static func values(_ report: CentralityReport, _ metric: Metric) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: report.rows.compactMap { row in (row.values[metric] ?? nil).map { (row.id, $0) } })
    }

    /// The same tree in euros and in k€ gives the same eigenvector, equal to networkx's `eigenvector_centrality_numpy`
    /// (networkx 3.6.1, computed by ARPACK, not by iteration) to 1e-9.
    @Test func eigenvectorDoesNotDependOnTheUnit() throws {
        let inEuros = Self.values(Self.report(Self.network(Self.euros), [.eigenvector]), .eigenvector)
        let inThousands = Self.values(Self.report(Self.network(Self.euros.map { ($0.0, $0.1, $0.2 / 1000) }), [.eigenvector]), .eigenvector)
        let numpy: [String: Double] = ["a": 0.281700088332, "b": 0.702543600143, "c": 0.040328453687, "d": 0.069297321866, "e": 0.647714576992,
                                       "f": 0.03238572885, "g": 0.007436215294, "h": 0.002598895033, "i": 0.001996723283]
        for (id, expected) in numpy {
            let a = try #require(inEuros[id]), b = try #require(inThousands[id])
            #expect(abs(a - b) < 1e-9, "\(id): \(a) in euros, \(b) in k€")
            #expect(abs(a - expected) < 1e-9, "\(id): \(a), networkx \(expected)")
        }
    }

    @Test func aDirectedGraphWithoutCycleHasNoEigenvector() {
        let report = Self.report(Self.network([("a", "b", 1), ("b", "c", 1), ("a", "c", 1)], directed: true), [.eigenvector], weighted: false, directed: true)
        #expect(report.rows.allSatisfy { ($0.values[.eigenvector] ?? nil) == nil })
        #expect(report.notes.map(\.en).contains { $0.hasPrefix("eigenvector: the directed graph has no cycle") })
    }

    /// Two components: networkx's convention (the values on the component of the largest eigenvalue), said, and the
    /// other component's residues written 0.
    @Test func disconnectedGraphsSayWhereTheValuesGo() {
        let triangle = [("a", "b", 1.0), ("b", "c", 1), ("a", "c", 1)], pair = [("x", "y", 1.0)]
        let report = Self.report(Self.network(triangle + pair), [.eigenvector], weighted: false)
        let values = Self.values(report, .eigenvector)
        #expect(values["x"] == 0 && values["y"] == 0)
        #expect(abs((values["a"] ?? 0) - 1 / 3.0.squareRoot()) < 1e-12)
        #expect(report.notes.map(\.en).contains { $0.hasPrefix("eigenvector: the network has 2 connected pieces") })
    }

    @Test func hitsSaysWhenThereIsNoAnswerOrNoUniqueOne() {
        let star = Self.report(Self.network([("a", "b", 1), ("a", "c", 1), ("a", "d", 1)]), [.hitsHub, .hitsAuthority], weighted: false)
        #expect(star.notes.map(\.en).contains { $0.hasPrefix("HITS: on an undirected bipartite graph") })
        var lonely = Self.network([("a", "b", 1)])
        lonely.ties = []
        let none = Self.report(lonely, [.hitsHub, .hitsAuthority], weighted: false)
        #expect(none.rows.allSatisfy { ($0.values[.hitsHub] ?? nil) == 0 && ($0.values[.hitsAuthority] ?? nil) == 0 })
        #expect(none.notes.map(\.en).contains("HITS: no tie, every score is 0"))
        let triangle = Self.report(Self.network([("a", "b", 1), ("b", "c", 1), ("a", "c", 1)]), [.hitsHub], weighted: false)
        #expect(!triangle.notes.map(\.en).contains { $0.hasPrefix("HITS") })
        // Two triangles without a tie between them: the same largest singular value, no unique answer (the COORACE
        // network's two 7-member groups, Cap Emploi Services and Royans-Vercors, in the combined view).
        let twoTriangles = Self.report(Self.network([("a", "b", 1), ("b", "c", 1), ("a", "c", 1), ("d", "e", 1), ("e", "f", 1), ("d", "f", 1)]),
                                       [.hitsHub], weighted: false)
        #expect(twoTriangles.notes.map(\.en).contains { $0.hasPrefix("HITS: several parts of the network, without ties between them") })
        // A triangle and a lone pair: the triangle dominates (2 > 1), the pair's share vanishes: a unique answer.
        let triangleAndPair = Self.report(Self.network([("a", "b", 1), ("b", "c", 1), ("a", "c", 1), ("d", "e", 1)]), [.hitsHub], weighted: false)
        #expect(!triangleAndPair.notes.map(\.en).contains { $0.hasPrefix("HITS: several parts") })
        #expect(triangleAndPair.rows.filter { ["d", "e"].contains($0.id) }.allSatisfy { abs(($0.values[.hitsHub] ?? nil) ?? 1) < 1e-9 })
    }

    @Test func bipartiteTest() {
        func graph(_ edges: [(Int, Int)], n: Int) -> Graph {
            var builder = GraphBuilder(nodeCount: n, directed: false)
            for (a, b) in edges { builder.addEdge(a, b) }
            return builder.build()
        }
        #expect(isBipartite(graph([(0, 1), (1, 2), (2, 3)], n: 4)))
        #expect(!isBipartite(graph([(0, 1), (1, 2), (2, 0)], n: 3)))
        #expect(isBipartite(graph([], n: 2)))
    }
}

/// Issue 22: a suggestion lists five shared partners at most and says how many more there are.
struct SharedPartnersTests {
    @Test func moreThanFiveSharedPartnersAreCounted() throws {
        let hubs = (1...7).map { "p\($0)" }
        let edges = hubs.flatMap { [("a", $0, 1.0), ("b", $0, 1.0)] }
        let suggestions = PartnerSuggestions.compute(network: IterativeMeasuresTests.network(edges), top: 1)
        let first = try #require(suggestions.first)
        #expect(Set([first.source, first.target]) == ["a", "b"])
        #expect(first.sharedPartners.count == 5 && first.sharedPartnerCount == 7)
        #expect(first.sharedPartnersText(.fr).hasSuffix(" (+2 autres)") && first.sharedPartnersText(.en).hasSuffix(" (+2 more)"))
    }
}
