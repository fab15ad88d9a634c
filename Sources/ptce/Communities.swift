import ArgumentParser
import CoopGraph
import Foundation
import PTCEKit


struct Communities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Does the GES or PTCE on paper match who works together? Communities found in the ties.",
        discussion: """
        Runs Louvain or Leiden (--method, Leiden by default: its communities are always connected) --runs times with \
        seeds drawn from --seed, keeps as consensus the run that agrees most with the others, and reports: the \
        modularity (as networkx's, at --resolution), the stability (mean NMI between runs: 1 means every run found the \
        same split), each community with its composition, where each GES and PTCE falls, and the agreement (NMI, \
        adjusted Rand) with the formal groups and with a partition attribute (--by, family by default). Same seed, \
        same result, whatever the number of threads. Exits 65 on invalid input, unknown attribute, or a view \
        without ties.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var viewOptions: ViewOptions

    @Option(help: "Method: leiden or louvain.")
    var method: CommunityDetection.Method = .leiden

    @Option(help: "Number of runs (different seeds) in the ensemble.")
    var runs: Int = 20

    @Option(help: "Seed of the ensemble.")
    var seed: UInt64 = 0

    @Option(help: "Resolution γ of modularity: above 1, smaller communities; below 1, larger ones.")
    var resolution: Double = 1

    @Option(help: "Attribute the communities are compared with: family, kind, department, region, commune, or a column of actors.csv.")
    var by: String = "family"

    @Option(help: "Output: text, json, or csv (one row per actor: community and stability).")
    var format: Format = .text

    @Option(help: "Number of communities and groups shown in the text output.")
    var top: Int = 10

    @Option(help: "Worker threads for the runs (default: every core); the result does not depend on it.")
    var threads: Int = defaultThreadCount

    @Flag(help: "Write the seconds of loading, of the community runs alone (detection) and of the whole report (communities) to stderr as one JSON line.")
    var timings = false

    enum Format: String, ExpressibleByArgument { case text, json, csv }

    func validate() throws {
        if runs < 1 || runs > 10_000 { throw ValidationError("--runs must be between 1 and 10000") }
        if !(resolution > 0) || !resolution.isFinite { throw ValidationError("--resolution must be a positive number") }
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        var timer = StepTimer()
        let loaded = try timer.time("load") { try viewOptions.load(input) }
        let (network, view, taxonomy) = (loaded.network, loaded.view, loaded.taxonomy)
        let report: CommunityReport
        do {
            report = try timer.time("communities") { () throws(CooperationReport.Failure) -> CommunityReport in
                try CommunityReport(network: network, view: view, method: method, resolution: resolution, runs: runs, seed: seed,
                                    attribute: by, taxonomy: taxonomy, language: input.lang, threads: threads)
            }
        } catch {
            printError(cooperationFailure(error, language: input.lang))
            throw Exit.dataError
        }
        switch format {
        case .text: print(report.text(input.lang, top: top), terminator: "")
        case .json: print(String(decoding: try report.json(), as: UTF8.self))
        case .csv: print(report.csv(), terminator: "")
        }
        if timings {
            let steps = timer.timings + [("detection", report.detectionSeconds)]
            let data = try JSONSerialization.data(withJSONObject: Dictionary(steps, uniquingKeysWith: +), options: [.sortedKeys])
            printError(String(decoding: data, as: UTF8.self))
        }
    }
}
