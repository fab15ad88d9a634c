import Foundation
import Testing
@testable import PTCEKit

/// `ptce generate --profile national`: reproducible, valid, calibrated.
struct SyntheticTests {
    static func generated(scale: Double = 1, seed: UInt64 = 42) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-synthetic-\(UUID().uuidString)")
        try NetworkFolderWriter.write(NationalProfile(scale: scale, seed: seed).generate(), to: folder)
        return folder
    }

    static func files(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in ["actors.csv", "groups.csv", "memberships.csv", "ties.csv", "network.json"] {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    @Test func sameSeedGivesByteIdenticalFilesAndTheCommittedDataset() throws {
        let a = try Self.generated(), b = try Self.generated()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let first = try Self.files(a)
        #expect(first == (try Self.files(b)))
        // Datasets/synthetic-national is exactly `--scale 1 --seed 42`: regenerate it when the generator changes.
        #expect(first == (try Self.files(Repo.root.appendingPathComponent("Datasets/synthetic-national"))))
        let other = try Self.generated(seed: 7)
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(try Self.files(other)["ties.csv"] != first["ties.csv"])
    }

    @Test func generatedNetworkValidatesAndSaysItIsSynthetic() throws {
        let result = load(Repo.path("Datasets/synthetic-national"))
        #expect(result.errorCount == 0)
        #expect(result.warningCount == 0)
        let network = result.network
        #expect(network.synthetic)
        #expect(network.source?.hasPrefix("DONNÉES SYNTHÉTIQUES") == true)
        #expect(network.actors.allSatisfy { $0.reference?.hasPrefix("synthetic:") == true && $0.name.contains("synthétique") })
        #expect(network.ties.allSatisfy { $0.reference?.hasPrefix("synthetic:") == true })
    }

    @Test func calibrationFiguresHold() throws {
        let network = load(Repo.path("Datasets/synthetic-national")).network
        let members = Set(network.memberships.filter { $0.group == "reseau-national" && $0.role == "member" }.map(\.member))
        #expect(members.count == 543)
        var kinds: [String: Int] = [:]
        for actor in network.actors where members.contains(actor.id) { kinds[actor.kind, default: 0] += 1 }
        // Seed 002's 2017 split (284 AI, 108 ACI, 50 ETTI/ETT-ESS, 20 SAP, 28 EI, 24 others, of 514) scaled to 543.
        for (kind, share) in [("ai", 284.0), ("aci", 108), ("sap", 20), ("ei", 28)] {
            #expect(abs(Double(kinds[kind] ?? 0) - share / 514 * 543) <= 1, "\(kind)")
        }
        #expect(abs(Double((kinds["etti"] ?? 0) + (kinds["ett_ess"] ?? 0)) - 50.0 / 514 * 543) <= 2)
        let groups = Dictionary(uniqueKeysWithValues: network.groups.map { ($0.id, $0) })
        let ges = network.memberships.filter { groups[$0.group]?.isGES == true }
        #expect(Set(ges.map(\.group)).count == 25)
        #expect((55...65).contains(ges.count))
        let ptce = network.memberships.filter { groups[$0.group]?.isPTCE == true && groups[$0.member] == nil }
        let ptceCount = Set(ptce.map(\.group)).count
        #expect(ptceCount == 160)
        let mean = Double(ptce.count) / Double(ptceCount)
        #expect((7.0...9.0).contains(mean))
        let kindOf = Dictionary(uniqueKeysWithValues: network.actors.map { ($0.id, $0.kind) })
        let associations = ptce.filter { ["association", "ai", "aci"].contains(kindOf[$0.member] ?? "") }.count
        #expect(abs(Double(associations) / Double(ptce.count) - 0.57) < 0.05)
        let local = network.groups.filter { $0.isPTCE && $0.notes == "échelle infra-départementale" }.count
        #expect(abs(Double(local) / 160 - 0.79) < 0.08)
        #expect((9_000...14_000).contains(network.ties.count))
        let years = network.ties.compactMap { $0.since?.year }
        #expect(years.min() == 2012 && years.max() == 2024)
        #expect(years.filter { $0 >= 2020 }.count > years.filter { $0 < 2016 }.count)  // growth
    }

    @Test func degreesAreHeavyTailed() throws {
        let network = load(Repo.path("Datasets/synthetic-national")).network
        let graph = NetworkGraph(network).graph
        let degrees = (0..<graph.nodeCount).map { graph.degree(of: $0) }.sorted()
        let mean = Double(degrees.reduce(0, +)) / Double(degrees.count)
        #expect(Double(degrees.last!) > 8 * mean)
    }
}
