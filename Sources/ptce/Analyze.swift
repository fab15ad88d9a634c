import ArgumentParser
import Foundation
import PTCEKit

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The main job: analyse a network and write the results into a folder.",
        discussion: """
        Writes into --out: summary.json and summary.txt (key figures), centrality.csv (every measure of \
        `ptce centrality` for every actor, partnership view, unweighted). Input files are never written. \
        Exits 65 on invalid input, 73 when the output folder cannot be written.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output folder (created when missing).")
    var out: String

    func run() throws {
        let result = try input.load(quietWarnings: true)
        let outURL = URL(fileURLWithPath: out, isDirectory: true)
        if try isInsideInput(outURL) {
            printError(input.lang == .fr ? "\(out): erreur : le dossier de sortie ne peut pas être le dossier des données"
                                         : "\(out): error: the output folder cannot be the input folder")
            throw Exit.cannotCreate
        }
        do { try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true) } catch {
            printError("\(out): error: cannot create the folder (\(error.localizedDescription))")
            throw Exit.cannotCreate
        }
        let summary = Summary(result.network, taxonomy: try input.loadTaxonomy(), language: input.lang)
        try writeOutput(try summary.json(), to: outURL.appendingPathComponent("summary.json"), language: input.lang)
        try writeOutput(Data(summary.text(input.lang).utf8), to: outURL.appendingPathComponent("summary.txt"), language: input.lang)
        let centrality = CentralityReport(network: result.network, view: GraphViewOptions(), options: CentralityOptions(),
                                          taxonomy: try input.loadTaxonomy())
        try writeOutput(Data(centrality.csv().utf8), to: outURL.appendingPathComponent("centrality.csv"), language: input.lang)
        let warnings = result.warningCount
        printError(input.lang == .fr
            ? "Résultats écrits dans \(outURL.path)/ : summary.txt, summary.json, centrality.csv (\(warnings) avertissement(s) : `ptce validate \(input.path)` les détaille)"
            : "Results written to \(outURL.path)/: summary.txt, summary.json, centrality.csv (\(warnings) warning(s): `ptce validate \(input.path)` lists them)")
    }

    private func isInsideInput(_ outURL: URL) throws -> Bool {
        let input = URL(fileURLWithPath: self.input.path).standardizedFileURL.resolvingSymlinksInPath().path
        let output = outURL.standardizedFileURL.resolvingSymlinksInPath().path
        return output == input
    }
}
