import ArgumentParser
import Foundation
import PTCEKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a network and report every problem as FILE:LINE:COLUMN with a hint.",
        discussion: """
        Errors: missing required column, duplicate id, tie or membership naming an unknown id, membership cycle, \
        unknown kind or tie type, non-numeric or non-positive weight, malformed or impossible date, until before \
        since, unterminated quote, empty or binary file. Warnings: isolated actor, duplicate tie, self-tie, GES \
        with a single component, date in the future, file not in UTF-8.

        Exits 0 when there is no error (warnings allowed), 65 when there is at least one, 66 when PATH does not exist. \
        Input files are only read, never written.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output: text (one line per problem) or json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        var options = LoadOptions(taxonomy: try input.loadTaxonomy(), keepTies: false, nodesPath: input.nodes)
        options.strictVocabulary = input.strict
        options = options.withReaders()
        let result = NetworkLoader.load(path: input.path, options: options)
        let notFound = result.diagnostics.contains { $0.code == "not-found" }
        switch format {
        case .text:
            for diagnostic in result.diagnostics { print(diagnostic.formatted(input.lang)) }
            let fr = input.lang == .fr
            let l = input.lang
            let counts = [l.count(result.network.actors.count, "acteur", "actor"), l.count(result.network.groups.count, "groupe", "group"),
                          l.count(result.network.memberships.count, "appartenance", "membership"), l.count(result.tieCount, "lien", "tie")].joined(separator: ", ")
            let warnings = l.count(result.warningCount, "avertissement", "warning"), errors = l.count(result.errorCount, "erreur", "error")
            if result.isValid {
                printError(fr ? "\(input.path) : valide (\(counts) ; \(warnings))" : "\(input.path): valid (\(counts); \(warnings))")
            } else if !notFound {
                printError(fr ? "\(input.path) : \(errors), \(warnings)" : "\(input.path): \(errors), \(warnings)")
            }
        case .json:
            struct Report: Encodable {
                let valid: Bool
                let errors: Int
                let warnings: Int
                let diagnostics: [Item]
            }
            struct Item: Encodable {
                let file: String, line: Int, column: Int, severity: String, code: String, message: String, hint: String?
            }
            let items = result.diagnostics.map {
                Item(file: $0.location.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue,
                     code: $0.code, message: $0.message.text(input.lang), hint: $0.hint?.text(input.lang))
            }
            let encoder = JSONOutput.encoder(snakeCaseKeys: false)
            let data = try encoder.encode(Report(valid: result.isValid, errors: result.errorCount, warnings: result.warningCount, diagnostics: items))
            print(String(decoding: data, as: UTF8.self))
        }
        if notFound { throw Exit.noInput }
        if !result.isValid { throw Exit.dataError }
    }
}
