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

    @Flag(help: "Write the seconds of each step (loading, each measure, each file) to stderr as one JSON line.")
    var timings = false

    func run() throws {
        try OutputPolicy(inputs: [input.path, input.nodes, input.taxonomy], force: force, language: input.lang)
            .check(folder: out, files: Analyze.outputs)
        var timer = StepTimer()
        let result = try timer.time("load") { try input.load(quietWarnings: true) }
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
        let analysis = timer.time("analysis") { Analysis(network: result.network, taxonomy: taxonomy, options: options) }
        bar.finish()
        for note in analysis.notes { printError((input.lang == .fr ? "note : " : "note: ") + note.text(input.lang)) }
        let results = timer.time("files") { writeFiles(analysis: analysis, loaded: result, taxonomy: taxonomy, to: outURL) }
        if analysis.cooperation == nil, let failure = analysis.cooperationFailure {
            printError((input.lang == .fr ? "note : pas de cooperation.json : " : "note: no cooperation.json: ") + cooperationFailure(failure, language: input.lang))
        }
        for result in results {
            do {
                let produced = try result.get()
                for note in produced.notes { printError((input.lang == .fr ? "note : " : "note: ") + note.text(input.lang)) }
            } catch let error as Diagram.BuildError {
                printError((input.lang == .fr ? "erreur : " : "error: ") + "\(error)")
                throw Exit.dataError
            } catch let error as RenderError {
                printError((input.lang == .fr ? "erreur : " : "error: ") + error.description)
                throw Exit.software
            }
        }
        let reportURL = outURL.appendingPathComponent("report.html")
        let warnings = result.warningCount
        printError(input.lang == .fr
            ? "Résultats écrits dans \(outURL.path)/ : report.html (le rapport à ouvrir), resultats.xlsx (les chiffres pour Excel ou LibreOffice), summary.txt, summary.json, centrality.csv (pour les outils), cooperation.txt/json, network.svg/png/pdf (\(warnings) avertissement(s), détaillés dans le rapport)"
            : "Results written to \(outURL.path)/: report.html (the report to open), results.xlsx (the figures for Excel or LibreOffice), summary.txt, summary.json, centrality.csv (for tools), cooperation.txt/json, network.svg/png/pdf (\(warnings) warning(s), listed in the report)")
        print(reportURL.path)
        if timings {
            var object: [String: Double] = [:]
            let jobTimings = results.flatMap { (try? $0.get().timer.timings) ?? [] }
            for (name, seconds) in timer.timings + analysis.timings.map({ ("analysis: " + $0.0, $0.1) }) + jobTimings {
                object[name, default: 0] += seconds
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            printError(String(decoding: data, as: UTF8.self))
        }
    }

    /// Formats every file of the analysis as four jobs on the machine's cores (each job only reads the analysis) and
    /// writes each file as soon as it is made, so that a national network's large files are not all held in memory
    /// together. A failed write has been said when the results come back; the first failure is the command's.
    private func writeFiles(analysis: Analysis, loaded result: LoadResult, taxonomy: Taxonomy, to outURL: URL) -> [Result<Produced, any Error>] {
        let summary = analysis.summary, centrality = analysis.centrality, cooperation = analysis.cooperation
        let language = input.lang, network = result.network, title = self.title, year = at?.value, wantWhole = !noWholeDiagram
        let warningList = result.diagnostics.filter { $0.severity == .warning }
        let reportTitle = title ?? network.title ?? (language == .fr ? "Réseau de coopération" : "Cooperation network")
        let sourcePath = input.path, today = PartialDate.today.description
        let write = { (name: String, data: Data) throws -> Void in
            try writeOutput(data, to: outURL.appendingPathComponent(name), language: language)
        }
        let jobs: [() throws -> Produced] = [
            {
                var produced = Produced()
                let diagrams = try produced.time("diagrams") {
                    try AnalysisDiagrams(network: network, taxonomy: taxonomy, title: title, at: year, language: language, wantWhole: wantWhole)
                }
                for file in diagrams.files { try write("network.\(file.format.rawValue)", file.data) }
                produced.notes = diagrams.notes
                let reportInput = ReportInput(
                    analysis: analysis, title: reportTitle, warnings: warningList, wholeDiagram: diagrams.wholeSVG,
                    aggregateDiagram: diagrams.aggregateSVG, sourcePath: sourcePath, version: PTCEVersion.current,
                    graphvizVersion: GraphvizRenderer.version, date: today)
                try write("report.html", produced.time("report") { Data(HTMLReport.render(reportInput).utf8) })
                return produced
            },
            {
                // The same results as a workbook, for people who work in Excel or LibreOffice.
                var produced = Produced()
                let workbook = ResultsWorkbook(network: network, taxonomy: taxonomy, language: language, summary: summary,
                                               centrality: centrality, cooperation: cooperation, warnings: warningList, date: today)
                try produced.time("workbook") {
                    try writeWorkbook({ try workbook.data() }, to: outURL.appendingPathComponent(ResultsWorkbook.fileName(language)), language: language)
                }
                return produced
            },
            {
                var produced = Produced()
                if let cooperation {
                    try write("cooperation.json", try produced.time("cooperation files") { try cooperation.json() })
                    try write("cooperation.txt", produced.time("cooperation files") { Data(cooperation.text(language).utf8) })
                }
                return produced
            },
            {
                var produced = Produced()
                try write("summary.json", try produced.time("summary files") { try summary.json() })
                try write("summary.txt", Data(summary.text(language).utf8))
                try write("centrality.csv", produced.time("centrality.csv") { Data(centrality.csv().utf8) })
                return produced
            },
        ]
        return concurrently(jobs)
    }

    /// The files `analyze` writes in its folder.
    static let outputs = ["summary.json", "summary.txt", "centrality.csv", "cooperation.json", "cooperation.txt",
                          "network.svg", "network.png", "network.pdf", "report.html", "resultats.xlsx", "results.xlsx"]
}

/// What one of `analyze`'s jobs leaves once its files are written: notes, seconds.
private struct Produced {
    var notes: [Localized] = []
    var timer = StepTimer()

    mutating func time<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T { try timer.time(name, work) }
}
