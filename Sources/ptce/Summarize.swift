import ArgumentParser
import Foundation
import PTCEKit

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Key figures: actors by kind and family, groups and their sizes, ties by type, density, components.",
        discussion: "Density and components are those of the partnership graph (undirected, parallel ties merged). Exits 65 on invalid input."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output: text or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let result = try input.load(quietWarnings: true)
        let summary = Summary(result.network, taxonomy: try input.loadTaxonomy(), language: input.lang)
        switch format {
        case .text:
            print(summary.text(input.lang), terminator: "")
            if input.ties == .confirmed {
                print(input.lang == .fr ? "\n(--ties confirmed : les liens déclarés d'un seul côté et les liens contradictoires sont écartés)"
                                        : "\n(--ties confirmed: ties declared by one side and contradictory ties are left out)")
            }
        case .json: print(String(decoding: try summary.json(), as: UTF8.self))
        }
    }
}
