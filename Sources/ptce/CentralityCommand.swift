import ArgumentParser
import CoopGraph
import Foundation
import PTCEKit

struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Centrality of every actor: who holds the network together, who is peripheral, who brokers.",
        discussion: """
        Metrics (--metrics, comma-separated; default: all but hits): degree (number of partners), degree_centrality \
        (degree/(n−1)), strength (sum of tie weights), betweenness (Brandes, normalised as networkx), closeness \
        (Wasserman–Faust corrected, as networkx), harmonic, eigenvector, katz (alpha 0.1), pagerank (0.85), \
        clustering, core_number, eccentricity (within the actor's component), hits_hub, hits_authority, and Burt's \
        constraint, effective_size, efficiency, hierarchy (as networkx's constraint and effective_size).

        Weights: without --weighted every edge weighs 1. With --weighted, strength, eigenvector, katz and pagerank use \
        the weights as intensities; shortest-path measures (betweenness, closeness, harmonic, eccentricity) read them \
        as --weight-as says: strength (default: length = 1/weight, a strong tie is a short path) or distance \
        (length = weight, as networkx's weight="weight"); HITS and Burt's measures use them too; clustering, \
        transitivity and core_number never do. See docs/weights.md.

        Directed (--directed): degree and strength count in + out; betweenness, closeness (distances to the actor), \
        eigenvector, katz, pagerank and hits follow the arcs as networkx; clustering, transitivity and core_number \
        read the undirected view. Graph figures: components are weak (as summary), strong_components added; \
        diameter, radius and average path length are those of the largest strongly connected component (none \
        without a cycle). Eigenvector and HITS give no value, with a note, when undefined (no cycle, no tie, no \
        convergence). Centralisations are Freeman's: 0 to 1 on undirected unweighted graphs, up to 2 for degree on \
        a directed star, above 1 possible for weighted closeness. Every convention, with its test: \
        docs/conventions.md.

        --format json prints {"graph": {...}, "nodes": [{"id", "name", "degree", ...}]}: snake_case keys, numbers \
        as numbers, undefined values as null. Exits 65 on invalid input, unknown metric, --at not a year, or an \
        empty graph.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var viewOptions: ViewOptions

    @Option(help: "Comma-separated metrics (see above).")
    var metrics: String?

    @Option(help: "Show the N actors ranked first by the first metric listed (0: all).")
    var top: Int = 0

    @Option(help: "Output: table, csv or json.")
    var format: Format = .table

    @Option(help: "Worker threads for betweenness, closeness, harmonic (default: every core).")
    var threads: Int = defaultThreadCount

    @Option(help: "Sampled betweenness: number of source actors (for very large graphs).")
    var sample: Int?

    @Option(help: "Seed of the betweenness sample.")
    var seed: UInt64 = 0

    @Flag(help: "Betweenness counts path endpoints (networkx endpoints=True).")
    var endpoints = false

    @Option(help: "Katz attenuation alpha (must be below 1/λmax).")
    var katzAlpha: Double = 0.1

    @Flag(help: "Write load and per-measure seconds to stderr as one JSON line.")
    var timings = false

    enum Format: String, ExpressibleByArgument { case table, csv, json }

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        if top < 0 { throw ValidationError("--top must be 0 or more") }
        if let sample, sample < 1 { throw ValidationError("--sample must be at least 1") }
        if !(katzAlpha > 0) { throw ValidationError("--katz-alpha must be greater than 0") }
    }

    func parsedMetrics() throws -> [Metric] {
        guard let metrics else { return Metric.defaults }
        return try metrics.split(separator: ",").map { raw in
            let name = raw.trimmingCharacters(in: .whitespaces)
            if let metric = Metric(rawValue: name) { return metric }
            let near = Metric.allCases.min { editDistance(name, $0.rawValue) < editDistance(name, $1.rawValue) }!
            printError(input.lang == .fr
                ? "erreur : mesure inconnue « \(name) » ; vouliez-vous dire « \(near.rawValue) » ? (mesures : \(Metric.allCases.map(\.rawValue).joined(separator: ", ")))"
                : "error: unknown metric '\(name)'; did you mean '\(near.rawValue)'? (metrics: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")))")
            throw Exit.usage
        }
    }

    func run() throws {
        let metricList = try parsedMetrics()
        let loadStart = Date()
        let loaded = try viewOptions.load(input)
        let loadSeconds = Date().timeIntervalSince(loadStart)
        var options = CentralityOptions()
        options.metrics = metricList
        options.threads = threads
        options.sample = sample
        options.seed = seed
        options.endpoints = endpoints
        options.katzAlpha = katzAlpha
        let bar = ProgressBar(label: input.lang == .fr ? "Calcul" : "Computing")
        options.progress = bar.counter
        let report = CentralityReport(network: loaded.network, view: loaded.view, options: options, taxonomy: loaded.taxonomy)
        bar.finish()
        guard !report.rows.isEmpty else {
            // Name only the filters that were given: an empty file is not a filter's fault.
            let used = [viewOptions.families.map { _ in "--families" }, viewOptions.types.map { _ in "--types" }, viewOptions.at.map { _ in "--at" }].compactMap { $0 }
            let fr = input.lang == .fr
            if loaded.network.actors.isEmpty {
                printError(fr ? "\(input.path): erreur : le réseau n'a aucun acteur (fichier vide ?)" : "\(input.path): error: the network has no actor (an empty file?)")
            } else {
                printError(fr ? "\(input.path): erreur : aucun acteur ne passe les filtres \(used.joined(separator: ", "))" : "\(input.path): error: no actor passes the filters \(used.joined(separator: ", "))")
            }
            throw Exit.dataError
        }
        for note in report.notes { printError((input.lang == .fr ? "note : " : "note: ") + note.text(input.lang)) }
        let ranked = report.ranked(by: metricList[0])
        let shown = top > 0 ? Array(ranked.prefix(top)) : (format == .table ? ranked : report.rows)
        switch format {
        case .json: print(String(decoding: try report.json(rows: top > 0 ? shown : nil), as: UTF8.self))
        case .csv: print(report.csv(rows: top > 0 ? shown : nil), terminator: "")
        case .table: print(report.table(rows: shown, language: input.lang), terminator: "")
        }
        if timings {
            var object: [String: Double] = ["load": loadSeconds]
            for (name, seconds) in report.timings { object[name, default: 0] += seconds }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            printError(String(decoding: data, as: UTF8.self))
        }
    }
}
