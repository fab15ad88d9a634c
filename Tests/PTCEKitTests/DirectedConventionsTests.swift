import CoopGraph
import Foundation
import Testing
@testable import PTCEKit

/// `cooperation`, `suggest` and `robustness` on directed views against networkx (issue 22): every arc counts once, in
/// and out alike; partners are the actors tied either way. Reference values: `scripts/networkx_directed_reference.py`
/// from the fixtures' CSV files (Tests/PTCEKitTests/Fixtures/directed/README.md).
struct DirectedConventionsTests {
    struct Reference: Decodable {
        struct Group: Decodable { let internal_ties: Int, external_ties: Int, ei_index: Double? }
        struct Actor: Decodable {
            let partners: Int, distinct_families: Int, ei_index: Double?, effective_size: Double?, constraint: Double?
        }
        struct Formal: Decodable { let members: Int, internal_ties: Int, external_ties: Int, density: Double }
        let ei_index: Double
        let groups: [String: Group]
        let actors: [String: Actor]
        let formal_group: Formal
        let common_partners: [String: Int]
        let degree_order: [String]
        let adaptive_betweenness_order: [String]
        let strength_order: [String]
        let degree_curve: [Int]
        let is_dag: Bool
        let weak_components: Int
        let strong_components: Int
        let largest_strong_component: Int
        let strong_diameter: Double?
        let undirected_clustering: [String: Double]
        let undirected_core_number: [String: Int]
        let undirected_transitivity: Double
    }

    static func fixture(_ name: String) throws -> (Network, Reference) {
        let folder = Repo.fixture("directed/" + name)
        let loaded = load(folder)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/reference.json"))
        return (loaded.network, try JSONDecoder().decode(Reference.self, from: data))
    }

    static var directed: GraphViewOptions {
        var view = GraphViewOptions()
        view.directed = true
        return view
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return abs(x - y) <= 1e-12 * max(1, abs(y))
        default: return false
        }
    }

    @Test(arguments: ["dag", "reciprocal"])
    func cooperationCountsInAndOutArcs(_ name: String) throws {
        let (network, reference) = try Self.fixture(name)
        let report = try CooperationReport(network: network, view: Self.directed, permutations: 0, communityRuns: 0)
        #expect(Self.close(report.eiIndex, reference.ei_index))
        #expect(report.groups.count == reference.groups.count)
        for (family, expected) in reference.groups {
            let label = Taxonomy.standard.familyLabel(family, .fr)
            let row = try #require(report.groups.first { $0.name == label }, "group \(label)")
            #expect(row.internalTies == expected.internal_ties, "\(family) internal")
            #expect(row.externalTies == expected.external_ties, "\(family) external")
            #expect(Self.close(row.eiIndex, expected.ei_index), "\(family) E-I \(String(describing: row.eiIndex))")
        }
        for (id, expected) in reference.actors {
            let row = try #require(report.actorRows.first { $0.id == id })
            #expect(row.partners == expected.partners, "\(id) partners")
            #expect(row.distinctFamilies == expected.distinct_families, "\(id) families")
            #expect(Self.close(row.eiIndex, expected.ei_index), "\(id) E-I \(String(describing: row.eiIndex))")
            #expect(Self.close(row.effectiveSize, expected.effective_size), "\(id) effective size")
            #expect(Self.close(row.constraint, expected.constraint), "\(id) constraint")
        }
        let formal = try #require(report.formalGroups.first { $0.id == "ges-1" })
        #expect(formal.members == reference.formal_group.members)
        #expect(formal.internalTies == reference.formal_group.internal_ties)
        #expect(formal.externalTies == reference.formal_group.external_ties)
        #expect(Self.close(formal.density, reference.formal_group.density))
    }

    @Test(arguments: ["dag", "reciprocal"])
    func suggestionsUseTheUndirectedView(_ name: String) throws {
        let (network, reference) = try Self.fixture(name)
        let report = try CooperationReport(network: network, view: Self.directed, permutations: 0, suggestions: 100, communityRuns: 0)
        var found: [String: Int] = [:]
        for suggestion in report.suggestions {
            let pair = [suggestion.source, suggestion.target].sorted().joined(separator: "|")
            found[pair] = suggestion.sharedPartnerCount
        }
        #expect(found == reference.common_partners)
    }

    @Test(arguments: ["dag", "reciprocal"])
    func robustnessByDegreeCountsInAndOut(_ name: String) throws {
        let (network, reference) = try Self.fixture(name)
        let report = try RobustnessReport(network: network, view: Self.directed, order: .degree, steps: reference.degree_order.count)
        #expect(report.removed.map { report.ids[$0] } == reference.degree_order)
        #expect(report.curve == reference.degree_curve)
    }

    @Test(arguments: ["dag", "reciprocal"])
    func recomputedOrderFollowsWhatIsLeft(_ name: String) throws {
        let (network, reference) = try Self.fixture(name)
        let report = try RobustnessReport(network: network, view: Self.directed, order: .betweenness,
                                          steps: reference.adaptive_betweenness_order.count, recompute: true)
        #expect(report.recomputed)
        #expect(report.removed.map { report.ids[$0] } == reference.adaptive_betweenness_order)
    }

    @Test(arguments: ["dag", "reciprocal"])
    func weightedDegreeOrderIsByStrength(_ name: String) throws {
        let (network, reference) = try Self.fixture(name)
        var view = Self.directed
        view.weighted = true
        let report = try RobustnessReport(network: network, view: view, order: .degree, steps: reference.strength_order.count)
        #expect(report.removed.map { report.ids[$0] } == reference.strength_order)
        #expect(reference.strength_order != reference.degree_order, "the fixture tells strength from degree")
    }

    /// `components` counts weak components as `summary` does; distances come from the largest strongly connected
    /// component, and a network without a cycle has none (a note says why) — not a diameter of 0.
    @Test(arguments: ["dag", "reciprocal"])
    func graphFiguresOfADirectedView(_ name: String) throws {
        let (network, reference) = try Self.fixture(name)
        var options = CentralityOptions()
        options.threads = 1
        let report = CentralityReport(network: network, view: Self.directed, options: options)
        func figure(_ key: String) -> CentralityReport.GraphValue? { report.graph.first { $0.0 == key }?.1 }
        guard case .integer(let weak) = figure("components"), case .integer(let strong) = figure("strong_components"),
              case .integer(let largest) = figure("largest_strong_component"), case .number(let diameter) = figure("diameter") else {
            Issue.record("figures missing: \(report.graph.map(\.0))")
            return
        }
        #expect(weak == reference.weak_components)
        #expect(strong == reference.strong_components)
        #expect(largest == reference.largest_strong_component)
        #expect(diameter == reference.strong_diameter)
        #expect(report.notes.contains { $0.en.contains(reference.is_dag ? "without a cycle" : "not strongly connected") } == true)
        // Clustering, transitivity and core number read the undirected view (docs/conventions.md).
        if case .number(let transitivity) = figure("transitivity") { #expect(Self.close(transitivity, reference.undirected_transitivity)) }
        for row in report.rows {
            #expect(Self.close(row.values[.clustering] ?? nil, reference.undirected_clustering[row.id]), "\(row.id) clustering")
            #expect((row.values[.coreNumber] ?? nil) == reference.undirected_core_number[row.id].map(Double.init), "\(row.id) core number")
        }
    }
}
