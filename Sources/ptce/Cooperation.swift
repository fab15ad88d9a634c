import ArgumentParser
import Foundation
import CoopGraph
import PTCEKit

/// Messages for the failures of cooperation measures, shared by the commands that compute them.
func cooperationFailure(_ failure: CooperationReport.Failure, language: Language) -> String {
    let fr = language == .fr
    switch failure {
    case .noTies:
        return fr ? "erreur : le réseau n'a aucun lien dans cette vue : les mesures de coopération portent sur les liens (vérifiez --view, --at, --types)"
                  : "error: the network has no tie in this view: cooperation measures are about ties (check --view, --at, --types)"
    case .partition(.unknownAttribute(let name, let available)):
        return fr ? "erreur : attribut « \(name) » inconnu ; attributs possibles : \(available.joined(separator: ", "))"
                  : "error: unknown attribute '\(name)'; possible attributes: \(available.joined(separator: ", "))"
    case .partition(.empty(let name)):
        return fr ? "erreur : aucun acteur n'a de valeur pour « \(name) » : la partition est vide"
                  : "error: no actor has a value for '\(name)': the partition is empty"
    }
}

struct CooperationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cooperation",
        abstract: "Do ESS actors tie to the rest of the economy? Who bridges worlds? Who should meet whom?",
        discussion: """
        One report on a partition of the actors (--by: family by default, or kind, department, region, commune, or \
        any column of actors.csv): the E-I index (Krackhardt & Stern) of the network and of each group, with its \
        expected value under random mixing and a permutation test (--permutations, --seed); attribute assortativity \
        (as networkx) and the mixing matrix; passerelle ties between ESS families and the others; per actor, the \
        diversity of partners (distinct families, Blau, Shannon) and Burt's structural holes (constraint, effective \
        size, efficiency, hierarchy); partner suggestions (Adamic–Adar) with their shared partners; communities \
        (Leiden, --runs seeds) against the GES and PTCE on paper. --format json \
        gives every figure (undefined values as null). Exits 65 on invalid input, unknown attribute, empty partition, \
        or a view without ties.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var viewOptions: ViewOptions

    @Option(help: "Partition attribute: family, kind, department, region, commune, or a column of actors.csv.")
    var by: String = "family"

    @Option(help: "Output: text or json.")
    var format: Format = .text

    @Option(help: "Permutations of the E-I test (0: no test).")
    var permutations: Int = 999

    @Option(help: "Seed of the permutations.")
    var seed: UInt64 = 0

    @Option(help: "Number of suggestions and of brokers shown.")
    var top: Int = 10

    @Option(help: "Runs of the community detection (0: no communities section); see `ptce communities`.")
    var runs: Int = 10

    @Option(help: "Community method: leiden or louvain.")
    var method: CommunityDetection.Method = .leiden

    enum Format: String, ExpressibleByArgument { case text, json }

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations must be 0 or more") }
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if runs < 0 || runs > 10_000 { throw ValidationError("--runs must be between 0 and 10000") }
    }

    func run() throws {
        let loaded = try viewOptions.load(input)
        let (network, view, taxonomy) = (loaded.network, loaded.view, loaded.taxonomy)
        let report: CooperationReport
        do {
            report = try CooperationReport(network: network, view: view, attribute: by, permutations: permutations, seed: seed,
                                           suggestions: max(top, 20), communityRuns: runs, communityMethod: method,
                                           taxonomy: taxonomy, language: input.lang)
        } catch {
            printError(cooperationFailure(error, language: input.lang))
            throw Exit.dataError
        }
        switch format {
        case .text: print(report.text(input.lang, top: top), terminator: "")
        case .json: print(String(decoding: try report.json(), as: UTF8.self))
        }
    }
}
