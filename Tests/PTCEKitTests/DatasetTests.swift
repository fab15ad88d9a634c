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
        #expect(network.groups.filter(\.isPTCE).count == 31)
        #expect(network.groups.filter { $0.kind == "regional_delegation" }.count == 14)
    }

    /// The seed files `Datasets/README.md` lists as sources (`000_292f33cae6fc5829.txt`…).
    static let seedFiles: [String] = {
        let readme = (try? String(contentsOfFile: Repo.path("Datasets/README.md"), encoding: .utf8)) ?? ""
        return Set(readme.matches(of: /`(\d{3}_[0-9a-f]{16}\.txt)`/).map { String($0.1) }).sorted()
    }()

    /// Letters and digits only, lower case: quotes are compared without the PDF's line breaks, hyphenation, broken
    /// ligatures (« fi nancement ») and punctuation.
    static func comparable(_ text: String) -> String {
        String(text.precomposedStringWithCanonicalMapping.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Every row's `reference` names a seed file listed in Datasets/README.md or `public-facts.md`; every quotation
    /// « … » in it (parts between ellipses) is in the sources it names, when `../shared` is beside the project.
    @Test(arguments: ["Datasets/coorace", "Datasets/pole-sud"])
    func everyRowQuotesTheSourceItNames(_ path: String) throws {
        #expect(Self.seedFiles.count == 5)
        let network = load(Repo.path(path)).network
        let references: [(String, String?)] = network.actors.map { ("actor \($0.id)", $0.reference) }
            + network.groups.map { ("group \($0.id)", $0.reference) }
            + network.memberships.map { ("membership \($0.group) → \($0.member)", $0.reference) }
            + network.ties.map { ("tie \($0.source) – \($0.target)", $0.reference) }
        let shared = Repo.root.deletingLastPathComponent().appendingPathComponent("shared")
        let sources: [String: String] = Dictionary(uniqueKeysWithValues: (Self.seedFiles + ["public-facts.md"]).compactMap { name in
            let url = name.hasSuffix(".txt") ? shared.appendingPathComponent("seeds/" + name) : shared.appendingPathComponent(name)
            return (try? String(contentsOf: url, encoding: .utf8)).map { (name, Self.comparable($0)) }
        })
        if sources.isEmpty { print("skipped: quotes not checked, ../shared/seeds is not beside the project") }
        var quotes = 0
        for (row, reference) in references {
            let reference = reference ?? ""
            let named = (Self.seedFiles + ["public-facts.md"]).filter { reference.contains($0) }
            #expect(!named.isEmpty, "\(path) \(row): the reference names no seed file nor public-facts.md: \(reference)")
            guard !sources.isEmpty else { continue }
            for quote in reference.matches(of: /« (.+?) »/) {
                for part in quote.1.split(separator: "…").map({ Self.comparable(String($0)) }) where !part.isEmpty {
                    quotes += 1
                    #expect(named.contains { sources[$0]?.contains(part) == true }, "\(path) \(row): « \(part) » is not in \(named)")
                }
            }
        }
        if !sources.isEmpty { #expect(quotes > (path.hasSuffix("coorace") ? 200 : 10)) }
    }

    /// The review's fixes (issue 20) hold: no membership the sources do not state, ties typed as the sources say.
    @Test func coorraceDatasetSaysWhatTheSourcesSay() throws {
        let network = load(Repo.path("Datasets/coorace")).network
        let members = Set(network.memberships.filter { $0.group == "reseau-coorace" && $0.role == "member" }.map(\.member))
        for certified in ["aser", "entraide-travail-emploi", "isa", "respire", "defi-emploi", "orchis", "irisse", "interm-aide"] {
            #expect(!members.contains(certified), "\(certified) is not called a COORACE member by the sources")
        }
        #expect(network.memberships.filter { $0.group == "cedre-cvdl" && $0.role == "participant" }.count == 7)
        #expect(network.memberships.first { $0.group == "fg2i" && $0.member == "tremplin-73" }?.role == "represented")
        let tie = { (a: String, b: String) in network.ties.first { Set([$0.source, $0.target]) == Set([a, b]) } }
        #expect(tie("coorace", "cnidff")?.type == "intention")
        #expect(tie("coorace", "credit-cooperatif")?.type == "joint_project" && tie("credit-cooperatif", "france-active")?.type == "joint_project")
        #expect(tie("macif", "coorace")?.directed == true)
        #expect(network.groups.first { $0.id == "parcours-gardien" }?.creationYear == nil)
        #expect(network.actors.first { $0.id == "cnidff" }?.kind == "unknown")
        let pole = load(Repo.path("Datasets/pole-sud")).network
        #expect(pole.memberships.filter { $0.role == "tenant_or_partner" }.count == 4)
        #expect(pole.groups.first { $0.id == "groupe-archer" }?.creationYear == nil)
    }
}
