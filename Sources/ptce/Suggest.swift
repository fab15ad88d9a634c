import ArgumentParser
import Foundation
import CoopGraph
import PTCEKit

struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who should meet whom: pairs not yet tied, scored by their shared partners, with the reason.",
        discussion: """
        Scores (--score): adamic-adar (default: a shared partner counts more when it has few partners), common \
        (number of shared partners), resource-allocation. Equal to networkx's indices. --cross-family keeps pairs of \
        different families (bridges between worlds), --same-territory pairs in the same département.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var viewOptions: ViewOptions

    @Option(help: "Number of suggestions.")
    var top: Int = 20

    @Option(help: "How untied pairs are scored from their shared partners: adamic-adar (a partner shared by few counts more), common (their number) or resource-allocation.")
    var score: PartnerSuggestions.Score = .adamicAdar

    @Flag(help: "Only pairs of actors of different families.")
    var crossFamily = false

    @Flag(help: "Only pairs in the same département.")
    var sameTerritory = false

    @Option(help: "Output: table, csv or json.")
    var format: Format = .table

    enum Format: String, ExpressibleByArgument { case table, csv, json }

    func run() throws {
        let fr = input.lang == .fr
        let loaded = try viewOptions.load(input)
        let (network, view, taxonomy) = (loaded.network, loaded.view, loaded.taxonomy)
        let suggestions = PartnerSuggestions.compute(network: network, view: view, score: score, crossFamily: crossFamily,
                                                     sameTerritory: sameTerritory, top: top, taxonomy: taxonomy)
        switch format {
        case .json:
            let encoder = JSONOutput.encoder()
            print(String(decoding: try encoder.encode(suggestions), as: UTF8.self))
        case .csv:
            var writer = CSVWriter()
            writer.row(["source", "source_name", "target", "target_name", "score", "shared_partners", "shared_partner_count", "cross_family"].map { .text($0) })
            for s in suggestions {
                writer.row([.text(s.source), .text(s.sourceName), .text(s.target), .text(s.targetName), .number(s.score),
                            .text(s.sharedPartners.joined(separator: " | ")), .integer(s.sharedPartnerCount), .text(s.crossFamily ? "yes" : "no")])
            }
            print(writer.output, terminator: "")
        case .table:
            if suggestions.isEmpty { printError(fr ? "aucune suggestion : aucun couple non lié n'a de partenaire en commun" : "no suggestion: no untied pair shares a partner") }
            for (rank, s) in suggestions.enumerated() {
                print("\(rank + 1). \(s.sourceName) ↔ \(s.targetName) (\(input.lang.decimal(s.score))) — "
                      + (fr ? "partenaires communs : " : "shared partners: ") + s.sharedPartnersText(input.lang))
            }
        }
    }
}
