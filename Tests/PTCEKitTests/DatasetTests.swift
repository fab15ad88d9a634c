import Foundation
import Testing
@testable import PTCEKit

/// The real datasets shipped in Datasets/ validate, and every row names its source.
struct DatasetTests {
    @Test(arguments: ["Datasets/coorace", "Datasets/pole-sud"])
    func realDatasetsHaveNoError(_ path: String) {
        let result = load(Repo.path(path))
        #expect(result.errorCount == 0, "\(result.diagnostics.map { $0.formatted(.en) })")
        #expect(result.network.synthetic == false)
        #expect(result.network.actors.allSatisfy { !($0.reference ?? "").isEmpty })
        #expect(result.network.groups.allSatisfy { !($0.reference ?? "").isEmpty })
        #expect(result.network.memberships.allSatisfy { !($0.reference ?? "").isEmpty })
        #expect(result.network.ties.allSatisfy { !($0.reference ?? "").isEmpty })
    }

    @Test func coorraceDatasetHoldsTheSeedFacts() throws {
        let network = load(Repo.path("Datasets/coorace")).network
        let actors = Dictionary(uniqueKeysWithValues: network.actors.map { ($0.id, $0) })
        let defi = try #require(actors["defi-emploi"])
        #expect(defi.kind == "ai" && defi.department == "65" && defi.creationYear == 1984 && defi.fte == 24 && defi.revenue == 736_000)
        #expect(actors["tremplin-95"]?.fte == 28.5)
        let isa = network.memberships.filter { $0.group == "isa-groupe" }.map(\.member).sorted()
        #expect(isa == ["isa-groupe-aci", "isa-groupe-ai", "isa-groupe-ett-ess", "isa-groupe-etti"])
        let adessa = try #require(network.ties.first { $0.target == "adessadomicile" })
        #expect(adessa.type == "agreement" && adessa.since == PartialDate(year: 2015))
        #expect(network.groups.filter(\.isPTCE).count == 22)
        #expect(network.groups.filter { $0.kind == "regional_delegation" }.count == 14)
    }
}
