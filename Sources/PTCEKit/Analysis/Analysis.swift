import CoopGraph
import Foundation

/// Everything `ptce analyze` computes, computed once, here: every output (the text and JSON files, the CSV, the
/// results workbook, the diagrams, the report) only formats it.
///
/// The sampling rule: above `Options.exactLimit` actors, betweenness is estimated from 200 sources (seed 0);
/// closeness, harmonic and eccentricity are left out; eigenvector, Katz and PageRank stop at tolerance 1e-9; the
/// permutation test of the cooperation report is skipped; the robustness curve ranks actors by the sampled
/// betweenness. `notes` says so in words.
public struct Analysis: Sendable {
    /// What to compute and how.
    public struct Options: Sendable {
        /// The network as it was in this year (ties and memberships with since ≤ year ≤ until).
        public var at: Int?
        /// Above this many actors, the costly measures are estimated or left out (see the type's documentation).
        public var exactLimit = 20_000
        /// Removals drawn in the robustness curve.
        public var robustnessSteps = 20
        /// Years of the evolution table at most (from the first dated year).
        public var evolutionYears = 61
        /// Language of the labels inside the reports (family names, notes).
        public var language: Language = .fr
        /// Counts the sources done by the all-sources measures (a progress bar).
        public var progress: ProgressCounter?
        /// Exact measures up to 20,000 actors, the whole network, French.
        public init() {}
    }

    /// The network analysed.
    public let network: Network
    /// The vocabulary used.
    public let taxonomy: Taxonomy
    /// The options given.
    public let options: Options
    /// The graph view every measure runs on: ties, unweighted, undirected, at `options.at`.
    public let view: GraphViewOptions
    /// Key figures.
    public let summary: Summary
    /// Whether the network is above the exact limit (estimated measures).
    public let isSampled: Bool
    /// Every default measure of every actor (estimated or left out above the limit).
    public let centrality: CentralityReport
    /// nil when the view has no tie; `cooperationFailure` then says why.
    public let cooperation: CooperationReport?
    /// Why there is no cooperation report (nil when there is one).
    public let cooperationFailure: CooperationReport.Failure?
    /// nil when the view has no tie (nothing can break).
    public let robustness: RobustnessReport?
    /// The network year by year, when the ties' dates span more than one year.
    public let evolution: [Evolution.YearRow]?
    /// What was estimated or left out, for people.
    public let notes: [Localized]
    /// Seconds spent in each step (`ptce analyze --timings`).
    public let timings: [(String, Double)]

    /// Computes everything; the cost is that of the measures (see `CentralityReport`), the permutation test
    /// (999 recomputations of the E-I index) and the community runs.
    public init(network: Network, taxonomy: Taxonomy = .standard, options: Options = Options()) {
        self.network = network
        self.taxonomy = taxonomy
        self.options = options
        var view = GraphViewOptions()
        view.at = options.at
        self.view = view
        let isSampled = network.actors.count > options.exactLimit
        self.isSampled = isSampled
        var centralityOptions = CentralityOptions()
        var notes: [Localized] = []
        if isSampled {
            centralityOptions.metrics = Metric.defaults.filter { ![.closeness, .harmonic, .eccentricity].contains($0) }
            centralityOptions.sample = 200
            centralityOptions.iterativeTolerance = 1e-9
            notes.append(Localized(
                fr: "\(network.actors.count) acteurs : intermédiarité estimée sur 200 sources (graine 0) ; proximité, harmonique et excentricité omises ; vecteur propre, Katz et PageRank à la tolérance 1e-9",
                en: "\(network.actors.count) actors: betweenness estimated from 200 sources (seed 0); closeness, harmonic and eccentricity left out; eigenvector, Katz and PageRank to tolerance 1e-9"))
        }
        centralityOptions.progress = options.progress
        self.notes = notes
        // Three independent jobs at once (each reads only the network): the measures then the removal curve that
        // reuses their betweenness; the cooperation report; the key figures and the evolution table.
        let parts = concurrently([
            { () -> Part in
                var timer = StepTimer()
                let centrality = timer.time("centrality") {
                    CentralityReport(network: network, view: view, options: centralityOptions, taxonomy: taxonomy)
                }
                let robustness = timer.time("robustness") {
                    Self.robustness(network: network, view: view, taxonomy: taxonomy, steps: options.robustnessSteps, betweenness: centrality)
                }
                return .measures(centrality, robustness, timer)
            },
            { () -> Part in
                var timer = StepTimer()
                let result = timer.time("cooperation") {
                    Result<CooperationReport, CooperationReport.Failure> { () throws(CooperationReport.Failure) in
                        try CooperationReport(network: network, view: view, attribute: "family", permutations: isSampled ? 0 : 999,
                                              taxonomy: taxonomy, language: options.language)
                    }
                }
                return .cooperation(result, timer)
            },
            { () -> Part in
                var timer = StepTimer()
                let summary = timer.time("summary") { Summary(network, taxonomy: taxonomy, language: options.language) }
                let evolution = timer.time("evolution") { () -> [Evolution.YearRow]? in
                    guard let span = Evolution.span(network), span.count > 1 else { return nil }
                    return try? Evolution.table(network, from: span.lowerBound,
                                                to: min(span.upperBound, span.lowerBound + options.evolutionYears - 1), taxonomy: taxonomy)
                }
                return .figures(summary, evolution, timer)
            },
        ])
        guard case .measures(let centrality, let robustness, let measuresTimer) = parts[0],
              case .cooperation(let cooperationResult, let cooperationTimer) = parts[1],
              case .figures(let summary, let evolution, let figuresTimer) = parts[2] else { preconditionFailure("jobs out of order") }
        self.centrality = centrality
        self.robustness = robustness
        self.summary = summary
        self.evolution = evolution
        switch cooperationResult {
        case .success(let report): cooperation = report; cooperationFailure = nil
        case .failure(let error): cooperation = nil; cooperationFailure = error
        }
        timings = figuresTimer.timings + measuresTimer.timings + cooperationTimer.timings
    }

    /// What each of the three jobs of `init` computed.
    private enum Part {
        case measures(CentralityReport, RobustnessReport?, StepTimer)
        case cooperation(Result<CooperationReport, CooperationReport.Failure>, StepTimer)
        case figures(Summary, [Evolution.YearRow]?, StepTimer)
    }

    /// The removal curve by decreasing betweenness: the centrality report's (exact, or estimated above the limit),
    /// never computed a second time.
    static func robustness(network: Network, view: GraphViewOptions, taxonomy: Taxonomy, steps: Int,
                           betweenness report: CentralityReport?) -> RobustnessReport? {
        let networkGraph = NetworkGraph(network, options: view, taxonomy: taxonomy)
        guard networkGraph.graph.edgeCount > 0 else { return nil }
        var scores: [Double]?
        if let report, report.metrics.contains(.betweenness) {
            let byID = Dictionary(report.rows.map { ($0.id, ($0.values[.betweenness] ?? nil) ?? 0) }, uniquingKeysWith: { a, _ in a })
            scores = networkGraph.actorIndices.map { byID[network.actors[$0].id] ?? 0 }
        }
        return try? RobustnessReport(network: network, view: view, taxonomy: taxonomy, order: .betweenness,
                                     steps: min(steps, networkGraph.graph.nodeCount), scores: scores)
    }
}
