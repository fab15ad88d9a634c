import ArgumentParser
import Foundation
import PTCEKit
import PTCERender
import PTCEReport

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The main job: analyse a network and write the results into a folder.",
        discussion: """
        Writes into --out: report.html (one self-contained page to open in any browser, print on A4 and send: key \
        figures, the map, who holds the network together, bridges between worlds, GES and PTCE, fragility, evolution, \
        suggested meetings, data quality, method; French by default, --lang en); resultats.xlsx (results.xlsx with \
        --lang en: the same figures for Excel or LibreOffice — Synthèse, Acteurs, Définitions, Liens, Groupes, \
        Rencontres suggérées, Qualité des données); summary.json and summary.txt (key figures); cooperation.json and cooperation.txt \
        (`ptce cooperation` by family); centrality.csv (every measure of \
        `ptce centrality` for every actor, partnership view, unweighted; above --exact-limit actors, betweenness is \
        sampled from 200 sources (seed 0), eigenvector, Katz and PageRank stop at tolerance 1e-9, and closeness, harmonic and eccentricity are left out, as the output says); \
        network.svg, network.png, network.pdf (the whole network, or the aggregate view by family when it has more \
        than 2,000 actors or with --no-whole-diagram). Input files are never written. \
        Exits 65 on invalid input, 73 when the output folder cannot be written.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output folder (created when missing).")
    var out: String

    @Flag(help: "Draw only the aggregate diagram (by family), not the whole network.")
    var noWholeDiagram = false

    @Option(help: "Above this many actors, all-pairs measures are sampled or left out (they take O(n·m)).")
    var exactLimit: Int = 20_000

    @Option(help: "Title of the report and the diagrams (default: the network's title).")
    var title: String?

    @Option(help: ArgumentHelp("Analyse the network as it was in this year: ties and memberships active then (since ≤ YEAR ≤ until).", valueName: "year"), transform: Year.parse)
    var at: Year?

    @Flag(help: "Replace the files of an earlier analysis in the output folder.")
    var force = false

    func run() throws {
        try OutputPolicy(inputs: [input.path, input.nodes, input.taxonomy], force: force, language: input.lang)
            .check(folder: out, files: Analyze.outputs)
        let result = try input.load(quietWarnings: true)
        try ViewOptions.checkYear(at?.value, in: result.network, language: input.lang)
        let outURL = URL(fileURLWithPath: out, isDirectory: true)
        do { try FileManager.default.createDirectory(at: outURL, withIntermediateDirectories: true) } catch {
            printError("\(out): error: cannot create the folder (\(error.localizedDescription))")
            throw Exit.cannotCreate
        }
        let taxonomy = try input.loadTaxonomy()
        var options = Analysis.Options()
        options.at = at?.value
        options.exactLimit = exactLimit
        options.language = input.lang
        let bar = ProgressBar(label: input.lang == .fr ? "Mesures" : "Measures")
        options.progress = bar.counter
        let analysis = Analysis(network: result.network, taxonomy: taxonomy, options: options)
        bar.finish()
        for note in analysis.notes { printError((input.lang == .fr ? "note : " : "note: ") + note.text(input.lang)) }
        let summary = analysis.summary, centrality = analysis.centrality, cooperation = analysis.cooperation
        try writeOutput(try summary.json(), to: outURL.appendingPathComponent("summary.json"), language: input.lang)
        try writeOutput(Data(summary.text(input.lang).utf8), to: outURL.appendingPathComponent("summary.txt"), language: input.lang)
        try writeOutput(Data(centrality.csv().utf8), to: outURL.appendingPathComponent("centrality.csv"), language: input.lang)
        if let cooperation {
            try writeOutput(try cooperation.json(), to: outURL.appendingPathComponent("cooperation.json"), language: input.lang)
            try writeOutput(Data(cooperation.text(input.lang).utf8), to: outURL.appendingPathComponent("cooperation.txt"), language: input.lang)
        } else if let failure = analysis.cooperationFailure {
            printError((input.lang == .fr ? "note : pas de cooperation.json : " : "note: no cooperation.json: ") + cooperationFailure(failure, language: input.lang))
        }
        let diagrams: AnalysisDiagrams
        do {
            diagrams = try AnalysisDiagrams(network: result.network, taxonomy: taxonomy, title: title, at: at?.value,
                                            language: input.lang, wantWhole: !noWholeDiagram)
            for file in diagrams.files {
                try writeOutput(file.data, to: outURL.appendingPathComponent("network.\(file.format.rawValue)"), language: input.lang)
            }
            for note in diagrams.notes { printError((input.lang == .fr ? "note : " : "note: ") + note.text(input.lang)) }
        } catch let error as Diagram.BuildError {
            printError((input.lang == .fr ? "erreur : " : "error: ") + "\(error)")
            throw Exit.dataError
        } catch let error as RenderError {
            printError((input.lang == .fr ? "erreur : " : "error: ") + error.description)
            throw Exit.software
        }
        let reportInput = ReportInput(
            analysis: analysis, title: title ?? result.network.title ?? (input.lang == .fr ? "Réseau de coopération" : "Cooperation network"),
            warnings: result.diagnostics.filter { $0.severity == .warning }, wholeDiagram: diagrams.wholeSVG, aggregateDiagram: diagrams.aggregateSVG,
            sourcePath: input.path, version: PTCEVersion.current, graphvizVersion: GraphvizRenderer.version,
            date: PartialDate.today.description)
        // The same results as a workbook, for people who work in Excel or LibreOffice.
        let workbook = ResultsWorkbook(network: result.network, taxonomy: taxonomy, language: input.lang, summary: summary,
                                       centrality: centrality, cooperation: cooperation,
                                       warnings: result.diagnostics.filter { $0.severity == .warning }, date: PartialDate.today.description)
        try writeOutput(try workbook.data(), to: outURL.appendingPathComponent(ResultsWorkbook.fileName(input.lang)), language: input.lang)
        let reportURL = outURL.appendingPathComponent("report.html")
        try writeOutput(Data(HTMLReport.render(reportInput).utf8), to: reportURL, language: input.lang)
        let warnings = result.warningCount
        printError(input.lang == .fr
            ? "Résultats écrits dans \(outURL.path)/ : report.html (le rapport à ouvrir), resultats.xlsx (les chiffres pour Excel ou LibreOffice), summary.txt, summary.json, centrality.csv (pour les outils), cooperation.txt/json, network.svg/png/pdf (\(warnings) avertissement(s), détaillés dans le rapport)"
            : "Results written to \(outURL.path)/: report.html (the report to open), results.xlsx (the figures for Excel or LibreOffice), summary.txt, summary.json, centrality.csv (for tools), cooperation.txt/json, network.svg/png/pdf (\(warnings) warning(s), listed in the report)")
        print(reportURL.path)
    }

    /// The files `analyze` writes in its folder.
    static let outputs = ["summary.json", "summary.txt", "centrality.csv", "cooperation.json", "cooperation.txt",
                          "network.svg", "network.png", "network.pdf", "report.html", "resultats.xlsx", "results.xlsx"]
}
