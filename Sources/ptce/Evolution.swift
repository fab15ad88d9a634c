import ArgumentParser
import Foundation
import PTCEKit

struct EvolutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evolution",
        abstract: "The network year by year, from the ties' since/until dates (a tie is active in Y when since ≤ Y ≤ until).",
        discussion: "Per year: actors with a tie, ties, density among them, components (of two actors or more), largest component, mean degree, best-connected actor. Exits 65 when no tie has a date, 64 when the years are outside the data."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "First year (default: the first year in the data).")
    var from: Int?

    @Option(help: "Last year (default: the last year in the data).")
    var to: Int?

    @Option(help: "Output: table, csv or json.")
    var format: Format = .table

    enum Format: String, ExpressibleByArgument { case table, csv, json }

    func validate() throws {
        if let from, let to, from > to { throw ValidationError("--from (\(from)) must not be after --to (\(to))") }
        for year in [from, to].compactMap({ $0 }) where !(1000...9999).contains(year) {
            throw ValidationError("--from and --to are four-digit years, not \(year)")
        }
    }

    func run() throws {
        let fr = input.lang == .fr
        let network = try input.load(quietWarnings: true).network
        guard let span = Evolution.span(network) else {
            printError(fr ? "erreur : aucun lien n'a de date (colonnes since/until) : l'évolution ne peut pas être calculée"
                          : "error: no tie has a date (since/until columns): the evolution cannot be computed")
            throw Exit.dataError
        }
        let taxonomy = try input.loadTaxonomy()
        let rows: [Evolution.YearRow]
        do { rows = try Evolution.table(network, from: from ?? span.lowerBound, to: to ?? span.upperBound, taxonomy: taxonomy) } catch {
            if case .outside(let a, let b, let first, let last) = error {
                printError(fr ? "erreur : années \(a)–\(b) hors des données (les liens datés couvrent \(first)–\(last))"
                              : "error: years \(a)–\(b) are outside the data (dated ties cover \(first)–\(last))")
            }
            throw Exit.usage
        }
        switch format {
        case .json:
            let encoder = JSONOutput.encoder()
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        case .csv:
            var writer = CSVWriter()
            writer.row(["year", "active_actors", "ties", "density", "components", "largest_component", "mean_degree", "top_actor"].map { .text($0) })
            for r in rows {
                writer.row([.integer(r.year), .integer(r.activeActors), .integer(r.ties), .number(r.density), .integer(r.components),
                            .integer(r.largestComponent), .number(r.meanDegree), .text(r.topActor ?? "")])
            }
            print(writer.output, terminator: "")
        case .table:
            print(Evolution.text(rows, language: input.lang), terminator: "")
        }
    }
}
