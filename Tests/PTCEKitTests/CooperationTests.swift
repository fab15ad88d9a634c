import CoopGraph
import Foundation
import Testing
@testable import PTCEKit

/// Cooperation measures on graphs worked by hand.
struct CooperationTests {
    /// Two groups, A = {0, 1, 2} and B = {3, 4, 5}; ties 0–1, 1–2, 3–4 inside, 2–3 and 0–5 across.
    static func twoGroups() -> Graph {
        var builder = GraphBuilder(nodeCount: 6)
        for (u, v) in [(0, 1), (1, 2), (3, 4), (2, 3), (0, 5)] { builder.addEdge(u, v) }
        return builder.build()
    }

    @Test func eiIndexWorkedByHand() {
        let mixing = Mixing(Self.twoGroups(), labels: [0, 0, 0, 1, 1, 1], groupCount: 2)
        // I = 3 ties inside, E = 2 across: (2 − 3) / 5.
        #expect(mixing.eiIndex == -0.2)
        // Group A: 2 inside, 2 across → 0; group B: 1 inside, 2 across → 1/3.
        #expect(mixing.groupEIIndex()[0] == 0)
        #expect(abs(mixing.groupEIIndex()[1]! - 1.0 / 3) < 1e-15)
        // Random mixing: 12 of the 30 ordered pairs are inside a group, π = 0.4, expected 1 − 2π = 0.2.
        #expect(abs(Mixing.expectedEIIndex(groupSizes: [3, 3])! - 0.2) < 1e-15)
        #expect(mixing.matrix == [[2, 2], [2, 1]])
    }

    @Test func permutationTestIsReproducible() throws {
        let graph = Self.twoGroups()
        let a = try #require(Mixing.permutationTest(graph, labels: [0, 0, 0, 1, 1, 1], groupCount: 2, permutations: 200, seed: 3))
        let b = try #require(Mixing.permutationTest(graph, labels: [0, 0, 0, 1, 1, 1], groupCount: 2, permutations: 200, seed: 3))
        #expect(a.observed == -0.2 && a.pValue == b.pValue)
        #expect(a.pValue > 0 && a.pValue <= 1)
    }

    @Test func diversityWorkedByHand() throws {
        // An AI tied to two AI and a bank: families {iae: 2, finance: 1}.
        let network = Network(
            actors: [Actor(id: "a", name: "A", kind: "ai"), Actor(id: "b", name: "B", kind: "ai"), Actor(id: "c", name: "C", kind: "aci"),
                     Actor(id: "d", name: "D", kind: "bank")],
            ties: [Partnership(source: "a", target: "b", type: "pooling"), Partnership(source: "a", target: "c", type: "pooling"),
                   Partnership(source: "a", target: "d", type: "financing")])
        let report = try CooperationReport(network: network, permutations: 0)
        let a = try #require(report.actorRows.first { $0.id == "a" })
        #expect(a.partners == 3 && a.distinctFamilies == 2)
        #expect(abs(a.blau! - 4.0 / 9) < 1e-15)
        #expect(abs(a.shannon! - -(2.0 / 3 * log(2.0 / 3) + 1.0 / 3 * log(1.0 / 3))) < 1e-15)
        // One passerelle tie (the bank is not ESS) out of three.
        #expect(report.passerelleTies == 1)
        #expect(abs(report.passerelleShare! - 1.0 / 3) < 1e-15)
        // b and c share a: the first suggestion, with a as the reason.
        #expect(report.suggestions.first.map { [$0.source, $0.target, $0.sharedPartners[0]] } == ["b", "c", "A"])
    }

    @Test func failuresAreClear() {
        let network = load(Repo.path("Datasets/coorace")).network
        #expect(throws: CooperationReport.Failure.partition(.unknownAttribute("colour", available: ["family", "kind", "department", "region", "commune"]))) {
            try CooperationReport(network: network, attribute: "colour", permutations: 0)
        }
        var view = GraphViewOptions()
        view.tieTypes = ["passerelle"]  // no such tie in the real dataset
        #expect(throws: CooperationReport.Failure.noTies) { try CooperationReport(network: network, view: view, permutations: 0) }
        let noCommune = Network(actors: [Actor(id: "a", name: "A", kind: "ai"), Actor(id: "b", name: "B", kind: "ai")],
                                ties: [Partnership(source: "a", target: "b", type: "")])
        #expect(throws: CooperationReport.Failure.partition(.empty("commune"))) { try CooperationReport(network: noCommune, attribute: "commune", permutations: 0) }
    }

    /// The actor rows encoded by chunks and spliced (what keeps a national network's JSON within memory) give the
    /// same bytes as one encoding, whatever the chunk size, on the real dataset and on a synthetic one.
    @Test func jsonByChunksIsTheSameBytes() throws {
        let synthetic = NationalProfile(scale: 0.3, seed: 3).generate()
        for network in [load(Repo.path("Datasets/coorace")).network, synthetic] {
            let report = try CooperationReport(network: network, permutations: 0, communityRuns: 2)
            let whole = try report.json(rowsPerChunk: .max)
            for size in [1, 7, 64, 1_000] {
                #expect(try report.json(rowsPerChunk: size) == whole, "chunks of \(size), \(network.actors.count) actors")
            }
        }
    }

    @Test func realDatasetJSONHasNoNaN() throws {
        let report = try CooperationReport(network: load(Repo.path("Datasets/coorace")).network, permutations: 99)
        let object = try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        #expect(object["ties"] as? Int == 26)
        #expect(object["attribute"] as? String == "family")
        #expect((object["actor_measures"] as? [Any])?.count == 87)
        #expect(object["ei_index"] is NSNumber && object["assortativity"] is NSNumber)
    }
}

struct FormalGroupTests {
    @Test func groupOnPaperAgainstActualTies() throws {
        // Partnership view of the real dataset: ISA GROUPE's four structures have no tie recorded between them.
        let report = try CooperationReport(network: load(Repo.path("Datasets/coorace")).network, permutations: 0)
        let isa = try #require(report.formalGroups.first { $0.id == "isa-groupe" })
        #expect(isa.members == 4 && isa.internalTies == 0 && isa.density == 0)
        #expect(isa.membersWithoutInternalTie.count == 4)
        let ulisse = try #require(report.formalGroups.first { $0.id == "ulisse" })
        #expect(ulisse.externalTies == 1 && ulisse.externalPartnersByFamily == ["Non précisé": 1])  // ANSA, whose kind no source gives
    }

    @Test func territorialAnchoringAndOverlap() throws {
        // Paris (48.8566, 2.3522) – Lyon (45.7640, 4.8357): about 392 km.
        let network = Network(
            actors: [Actor(id: "p", name: "P", kind: "ai", department: "75", region: "IDF", latitude: 48.8566, longitude: 2.3522),
                     Actor(id: "q", name: "Q", kind: "ai", department: "75", region: "IDF", latitude: 48.8566, longitude: 2.3522),
                     Actor(id: "l", name: "L", kind: "aci", department: "69", region: "ARA", latitude: 45.7640, longitude: 4.8357)],
            groups: [Group(id: "x", name: "X", kind: "ptce"), Group(id: "y", name: "Y", kind: "ptce")],
            memberships: [Membership(group: "x", member: "p"), Membership(group: "x", member: "q"), Membership(group: "y", member: "q"),
                          Membership(group: "y", member: "l")],
            ties: [Partnership(source: "p", target: "q", type: "pooling"), Partnership(source: "q", target: "l", type: "pooling")])
        let report = try CooperationReport(network: network, permutations: 0)
        #expect(report.sameDepartmentShare == 0.5 && report.sameRegionShare == 0.5)
        #expect(abs(report.meanTieLengthKm! - 391.5 / 2) < 1)
        #expect(report.overlaps.count == 1)
        #expect(report.overlaps[0].sharedMembers == 1 && abs(report.overlaps[0].jaccard - 1.0 / 3) < 1e-15)
    }
}

struct EvolutionTests {
    @Test func yearsOfTheRealDataset() throws {
        let network = load(Repo.path("Datasets/coorace")).network
        #expect(Evolution.span(network) == 1995...2023)
        let rows = try Evolution.table(network, from: 2016, to: 2021)
        // 2016: the 12 ties since 2016 or earlier or undated; 2017: 11 more (the 2017 report); 2018: TZCLD; 2021: DG Trésor.
        #expect(rows.map(\.ties) == [12, 23, 24, 24, 24, 25])
        #expect(rows.allSatisfy { $0.topActor == "COORACE (fédération nationale)" })
        #expect(throws: Evolution.Failure.outside(from: 1900, to: 1901, first: 1995, last: 2023)) { try Evolution.table(network, from: 1900, to: 1901) }
        #expect(throws: Evolution.Failure.noDates) { try Evolution.table(load(Repo.path("Datasets/pole-sud")).network, from: 2020, to: 2021) }
    }

    @Test func diffBetweenTwoYears() {
        let network = load(Repo.path("Datasets/coorace")).network
        let diff = NetworkDiff(before: NetworkDiff.snapshot(network, at: 2016), after: NetworkDiff.snapshot(network, at: 2021))
        #expect(diff.tiesGained.count == 13 && diff.tiesLost.isEmpty)
        #expect(diff.tiesGained.contains("coorace – dg-tresor (governance)"))
        #expect(diff.rankChanges.first { $0.id == "ansa" }.map { [$0.before, $0.after] } == [8, 3])
    }
}
