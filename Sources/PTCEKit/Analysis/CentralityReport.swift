import CoopGraph
import Foundation

/// The per-actor measures `ptce centrality` knows, by their JSON key.
///
/// Each is CoopGraph's function of the same name, with networkx's convention (see its documentation).
public enum Metric: String, CaseIterable, Sendable, Codable {
    /// Number of partners (`degree`).
    case degree
    /// Partners over n − 1 (`degreeCentrality`).
    case degreeCentrality = "degree_centrality"
    /// Sum of tie weights (`strength`).
    case strength
    /// Share of shortest paths through the actor, normalised (`betweenness`).
    case betweenness
    /// Inverse mean distance, Wasserman–Faust corrected (`closeness`).
    case closeness
    /// Sum of inverse distances (`harmonic`).
    case harmonic
    /// Eigenvector centrality, unit norm (`eigenvector`).
    case eigenvector
    /// Katz centrality (`katz`).
    case katz
    /// PageRank, α = 0.85 (`pagerank`).
    case pagerank
    /// Local clustering coefficient (`clustering`).
    case clustering
    /// k-core number (`coreNumber`).
    case coreNumber = "core_number"
    /// Largest distance within the actor's component (`eccentricity`).
    case eccentricity
    /// HITS hub score (`hits`).
    case hitsHub = "hits_hub"
    /// HITS authority score (`hits`).
    case hitsAuthority = "hits_authority"
    /// Burt's constraint (`StructuralHoles`).
    case constraint
    /// Burt's effective size (`StructuralHoles`).
    case effectiveSize = "effective_size"
    /// Effective size per partner (`StructuralHoles`).
    case efficiency
    /// Burt's hierarchy (`StructuralHoles`).
    case hierarchy

    /// Computed when `--metrics` is not given.
    public static let defaults: [Metric] = [.degree, .degreeCentrality, .strength, .betweenness, .closeness, .harmonic,
                                            .eigenvector, .katz, .pagerank, .clustering, .coreNumber, .eccentricity]

    /// The column title people read.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.degree, .fr): return "Partenaires"
        case (.degree, .en): return "Partners"
        case (.degreeCentrality, .fr): return "Degré norm."
        case (.degreeCentrality, .en): return "Degree cent."
        case (.strength, .fr): return "Force"
        case (.strength, .en): return "Strength"
        case (.betweenness, .fr): return "Intermédiarité"
        case (.betweenness, .en): return "Betweenness"
        case (.closeness, .fr): return "Proximité"
        case (.closeness, .en): return "Closeness"
        case (.harmonic, .fr): return "Harmonique"
        case (.harmonic, .en): return "Harmonic"
        case (.eigenvector, .fr): return "Vecteur propre"
        case (.eigenvector, .en): return "Eigenvector"
        case (.katz, _): return "Katz"
        case (.pagerank, _): return "PageRank"
        case (.clustering, .fr): return "Clustering"
        case (.clustering, .en): return "Clustering"
        case (.coreNumber, .fr): return "k-cœur"
        case (.coreNumber, .en): return "k-core"
        case (.eccentricity, .fr): return "Excentricité"
        case (.eccentricity, .en): return "Eccentricity"
        case (.hitsHub, _): return "HITS hub"
        case (.hitsAuthority, .fr): return "HITS autorité"
        case (.hitsAuthority, .en): return "HITS authority"
        case (.constraint, .fr): return "Contrainte"
        case (.constraint, .en): return "Constraint"
        case (.effectiveSize, .fr): return "Taille effective"
        case (.effectiveSize, .en): return "Effective size"
        case (.efficiency, .fr): return "Efficacité"
        case (.efficiency, .en): return "Efficiency"
        case (.hierarchy, .fr): return "Hiérarchie"
        case (.hierarchy, .en): return "Hierarchy"
        }
    }

    /// Whether values are whole numbers (printed without decimals).
    public var isCount: Bool { self == .degree || self == .coreNumber }
}

/// Options of a centrality computation beyond the graph view.
public struct CentralityOptions: Sendable {
    /// The measures to compute, in column order (the first ranks the table).
    public var metrics: [Metric] = Metric.defaults
    /// Workers of the all-sources measures (results do not depend on it).
    public var threads: Int = defaultThreadCount
    /// Sampled betweenness: number of sources (nil: exact).
    public var sample: Int?
    /// Seed of the sample.
    public var seed: UInt64 = 0
    /// Betweenness counts the endpoints of paths (networkx's `endpoints=True`).
    public var endpoints = false
    /// Katz's attenuation α (must be below 1/λmax to converge).
    public var katzAlpha = 0.1
    /// Stopping tolerance of eigenvector, Katz and PageRank per node (nil: the functions' tight defaults, which
    /// agree with networkx to 1e-9).
    public var iterativeTolerance: Double?
    /// Counts the sources done (a progress bar), or nil.
    public var progress: ProgressCounter?

    /// Every default measure, exact, on every core.
    public init() {}
}

/// Centrality of every actor of a network view, with graph-level figures, ready for table, CSV and JSON output.
public struct CentralityReport: Sendable {
    /// One actor's values.
    public struct Row: Sendable {
        /// The actor's id.
        public var id: String
        /// The actor's name.
        public var name: String
        /// Its kind id.
        public var kind: String
        /// Its family id (`unspecified` when the kind has none).
        public var family: String
        /// Values by metric; nil when undefined (e.g. Katz without convergence).
        public var values: [Metric: Double?]
        /// From a partnership survey with ratings (`ptce survey create --trust-value`): the mean trust and value
        /// ratings the other actors gave this one (`trust_score`, `value_score`); nil when not rated.
        public var trust: Double? = nil
        public var value: Double? = nil
    }

    /// Whether some actor carries survey ratings: the outputs then add `trust_score` and `value_score` columns.
    public var hasRatings: Bool { rows.contains { $0.trust != nil || $0.value != nil } }

    /// One row per actor of the view, in the network's order.
    public var rows: [Row]
    /// The measures computed, in column order.
    public var metrics: [Metric]
    /// Graph-level figures by snake_case key, in output order; nil values are undefined.
    public var graph: [(String, GraphValue)]
    /// Seconds per step (`load` is added by the caller).
    public var timings: [(String, Double)]
    /// Things the user should know (non-convergence, per-component figures).
    public var notes: [Localized]

    /// A graph-level figure: a number (nil: undefined), a count, a yes/no or a text.
    public enum GraphValue: Sendable {
        /// A number; nil when undefined.
        case number(Double?)
        /// A count.
        case integer(Int)
        /// Yes or no.
        case bool(Bool)
        /// A text; nil when absent.
        case text(String?)
    }

    /// Computes `options.metrics` for every actor of `network` seen through `view`, and the graph-level figures.
    /// - Complexity: that of the measures asked for (betweenness and the distance measures O(n·m), or O(k·m)
    ///   sampled; the others O(n + m) or O(m) per iteration).
    public init(network: Network, view: GraphViewOptions, options: CentralityOptions, taxonomy: Taxonomy = .standard) {
        var timer = StepTimer()
        var notes: [Localized] = []
        let networkGraph = timer.time("build") { NetworkGraph(network, options: view, taxonomy: taxonomy) }
        let g = networkGraph.graph
        let length: EdgeLength = view.weighted ? (view.weightAs == .strength ? .inverseWeight : .weight) : .hops
        let (columns, profile) = Self.columns(g, view: view, options: options, length: length, timer: &timer, notes: &notes)
        rows = networkGraph.actorIndices.enumerated().map { v, index in
            let actor = network.actors[index]
            func score(_ name: String) -> Double? { actor.attributes.first { $0.name == name }.flatMap { Double($0.value) } }
            return Row(id: actor.id, name: actor.name, kind: actor.kind, family: taxonomy.family(of: actor.kind)?.id ?? "unspecified",
                       values: Dictionary(uniqueKeysWithValues: options.metrics.map { ($0, columns[$0]![v]) }),
                       trust: score("trust_score"), value: score("value_score"))
        }
        metrics = options.metrics
        graph = Self.graphFigures(g, view: view, options: options, length: length, columns: columns, profile: profile,
                                  timer: &timer, notes: &notes)
        timings = timer.timings
        self.notes = notes
    }

    /// Measures that need all-pairs distances; on an undirected graph they come from one pass (`DistanceProfile`).
    static let distanceMetrics: Set<Metric> = [.closeness, .harmonic, .eccentricity]

    /// One column of values per metric asked for, by graph index, and the distance profile when one pass gave them.
    private static func columns(_ g: Graph, view: GraphViewOptions, options: CentralityOptions, length: EdgeLength,
                                timer: inout StepTimer, notes: inout [Localized]) -> ([Metric: [Double?]], DistanceProfile?) {
        let threads = options.threads
        var profile: DistanceProfile?
        if !g.isDirected, !distanceMetrics.isDisjoint(with: options.metrics) {
            profile = timer.time("distances") { DistanceProfile(g, length: length, threads: threads, progress: options.progress) }
        }
        var columns: [Metric: [Double?]] = [:]
        for metric in options.metrics where columns[metric] == nil {
            switch metric {
            case .degree: columns[metric] = timer.time("degree") { CoopGraph.degree(g).map(Double.init) }
            case .degreeCentrality: columns[metric] = timer.time("degree_centrality") { degreeCentrality(g) }
            case .strength: columns[metric] = timer.time("strength") { CoopGraph.strength(g) }
            case .betweenness:
                columns[metric] = timer.time("betweenness") {
                    CoopGraph.betweenness(g, length: length, endpoints: options.endpoints, sample: options.sample, seed: options.seed,
                                          threads: threads, progress: options.progress)
                }
            case .closeness:
                columns[metric] = profile?.closeness() ?? timer.time("closeness") { CoopGraph.closeness(g, length: length, threads: threads) }
            case .harmonic:
                columns[metric] = profile?.inverseDistanceSum ?? timer.time("harmonic") { CoopGraph.harmonic(g, length: length, threads: threads) }
            case .eigenvector:
                columns[metric] = timer.time("eigenvector") { Self.eigenvectorColumn(g, view: view, options: options, notes: &notes) }
            case .katz:
                let values = timer.time("katz") {
                    options.iterativeTolerance.map { CoopGraph.katz(g, alpha: options.katzAlpha, weighted: view.weighted, tolerance: $0) }
                        ?? CoopGraph.katz(g, alpha: options.katzAlpha, weighted: view.weighted)
                }
                if values == nil {
                    notes.append(Localized(
                        fr: "Katz n'a pas convergé avec alpha = \(options.katzAlpha) : alpha doit être inférieur à 1/λmax ; essayez --katz-alpha \(options.katzAlpha / 10)",
                        en: "Katz did not converge with alpha = \(options.katzAlpha): alpha must be below 1/λmax; try --katz-alpha \(options.katzAlpha / 10)"))
                }
                columns[metric] = values ?? [Double?](repeating: nil, count: g.nodeCount)
            case .pagerank:
                columns[metric] = timer.time("pagerank") {
                    options.iterativeTolerance.map { CoopGraph.pagerank(g, weighted: view.weighted, tolerance: $0) } ?? CoopGraph.pagerank(g, weighted: view.weighted)
                }
            case .clustering: columns[metric] = timer.time("clustering") { CoopGraph.clustering(g) }
            case .coreNumber: columns[metric] = timer.time("core_number") { CoopGraph.coreNumber(g).map(Double.init) }
            case .eccentricity:
                columns[metric] = profile?.eccentricity ?? timer.time("eccentricity") { CoopGraph.eccentricity(g, length: length, threads: threads) }
            case .constraint, .effectiveSize, .efficiency, .hierarchy:
                let holes = timer.time("structural_holes") { StructuralHoles(g, weighted: view.weighted) }
                columns[.constraint] = holes.constraint
                columns[.effectiveSize] = holes.effectiveSize
                columns[.efficiency] = holes.efficiency
                columns[.hierarchy] = holes.hierarchy
            case .hitsHub, .hitsAuthority:
                let (hubs, authorities) = timer.time("hits") { Self.hitsColumns(g, view: view, notes: &notes) }
                columns[.hitsHub] = hubs
                columns[.hitsAuthority] = authorities
            }
        }
        return (columns, profile)
    }

    /// The graph-level figures: size, density, components, transitivity, distances, centralisations.
    private static func graphFigures(_ g: Graph, view: GraphViewOptions, options: CentralityOptions, length: EdgeLength,
                                     columns: [Metric: [Double?]], profile: DistanceProfile?,
                                     timer: inout StepTimer, notes: inout [Localized]) -> [(String, GraphValue)] {
        let threads = options.threads
        var graph: [(String, GraphValue)] = [
            ("nodes", .integer(g.nodeCount)), ("edges", .integer(g.edgeCount)), ("directed", .bool(g.isDirected)),
            ("weighted", .bool(view.weighted)), ("weight_as", .text(view.weighted ? view.weightAs.rawValue : nil)),
            ("view", .text(view.view.rawValue)), ("at", .number(view.at.map(Double.init))), ("density", .number(g.density)),
        ]
        // Components as `summary` counts them (weak ones when directed); distances need paths both ways, so a directed
        // graph's distance figures are those of its largest strongly connected component.
        let components = timer.time("components") { g.isDirected ? stronglyConnectedComponents(g) : connectedComponents(g) }
        let weak = g.isDirected ? timer.time("weak components") { connectedComponents(g) } : components
        graph.append(("components", .integer(weak.sizes.count)))
        graph.append(("largest_component", .integer(weak.sizes.max() ?? 0)))
        if g.isDirected {
            graph.append(("strong_components", .integer(components.sizes.count)))
            graph.append(("largest_strong_component", .integer(components.sizes.max() ?? 0)))
        }
        graph.append(("transitivity", .number(timer.time("transitivity") { transitivity(g) })))
        graph.append(("average_clustering", .number(columns[.clustering].map { values in
            values.isEmpty ? 0 : values.reduce(0) { $0 + ($1 ?? 0) } / Double(values.count)
        } ?? averageClustering(g))))
        // Distance figures need all-pairs searches: given when a distance measure was asked for (the default).
        var distances: DistanceSummary?
        if let profile {
            distances = profile.summary(componentLabels: components.labels, sizes: components.sizes)
        } else if !distanceMetrics.isDisjoint(with: options.metrics) {
            distances = timer.time("distances") { distanceSummary(g, length: length, threads: threads) }
        }
        if g.isDirected, let summary = distances, summary.componentSize < 2 {
            // No two actors reach each other both ways (a network without a cycle): a diameter of 0 would say
            // "everyone is close"; networkx refuses these figures.
            distances = nil
            notes.append(Localized(
                fr: "Réseau orienté sans cycle : aucun couple d'acteurs ne s'atteint dans les deux sens ; diamètre, rayon et longueur moyenne des chemins ne sont pas définis (l'excentricité d'un acteur compte les acteurs qu'il atteint).",
                en: "Directed network without a cycle: no two actors reach each other both ways; diameter, radius and average path length are not defined (an actor's eccentricity counts the actors it reaches)."))
        }
        graph.append(("diameter", .number(distances?.diameter)))
        graph.append(("radius", .number(distances?.radius)))
        graph.append(("average_shortest_path_length", .number(distances?.averageShortestPathLength)))
        graph.append(("distance_component_nodes", .integer(distances?.componentSize ?? 0)))
        if let distances, distances.componentSize < g.nodeCount, g.isDirected {
            notes.append(Localized(
                fr: "Réseau orienté non fortement connexe : diamètre, rayon et longueur moyenne des chemins sont ceux de la plus grande composante fortement connexe (\(distances.componentSize) acteurs sur \(g.nodeCount), où chacun atteint chacun) ; l'excentricité d'un acteur compte les acteurs qu'il atteint.",
                en: "Directed network not strongly connected: diameter, radius and average path length are those of the largest strongly connected component (\(distances.componentSize) of \(g.nodeCount) actors, each reaching each); an actor's eccentricity counts the actors it reaches."))
        } else if let distances, distances.componentSize < g.nodeCount {
            notes.append(Localized(
                fr: "Le réseau n'est pas connexe : diamètre, rayon et longueur moyenne des chemins sont ceux de la plus grande composante (\(distances.componentSize) acteurs sur \(g.nodeCount)) ; l'excentricité d'un acteur est mesurée dans sa composante.",
                en: "The network is not connected: diameter, radius and average path length are those of the largest component (\(distances.componentSize) of \(g.nodeCount) actors); an actor's eccentricity is measured within its component."))
        }
        let degreeValues = columns[.degreeCentrality].map { $0.map { $0 ?? 0 } } ?? degreeCentrality(g)
        graph.append(("degree_centralization", .number(Centralization.degree(degreeValues))))
        if let values = columns[.betweenness], options.sample == nil, !options.endpoints {
            graph.append(("betweenness_centralization", .number(Centralization.betweenness(values.map { $0 ?? 0 }))))
        }
        if let values = columns[.closeness] {
            graph.append(("closeness_centralization", .number(Centralization.closeness(values.map { $0 ?? 0 }))))
        }
        if let sample = options.sample { graph.append(("betweenness_sample", .integer(sample))) }
        return graph
    }

    /// Eigenvector centrality, or nothing with the reason: a directed graph without a cycle has no eigenvector (networkx
    /// refuses it too), an iteration that did not converge gives no number; on several components a note says where
    /// the values go (networkx's convention).
    static func eigenvectorColumn(_ g: Graph, view: GraphViewOptions, options: CentralityOptions, notes: inout [Localized]) -> [Double?] {
        let none = [Double?](repeating: nil, count: g.nodeCount)
        guard g.edgeCount > 0 else {
            notes.append(Localized(fr: "vecteur propre : aucun lien, aucune valeur", en: "eigenvector: no tie, no value"))
            return none
        }
        if g.isDirected, stronglyConnectedComponents(g).sizes.allSatisfy({ $0 == 1 }), !(0..<g.nodeCount).contains(where: { v in g.neighbors(of: v).contains(Int32(v)) }) {
            notes.append(Localized(fr: "vecteur propre : le graphe orienté n'a aucun cycle, il n'a donc pas de vecteur propre utile (toutes les valeurs seraient 0) : aucune valeur ; utilisez PageRank ou Katz, ou calculez sans --directed",
                                   en: "eigenvector: the directed graph has no cycle, so it has no useful eigenvector (every value would be 0): no value; use PageRank or Katz, or compute without --directed"))
            return none
        }
        let result = options.iterativeTolerance.map { eigenvectorIteration(g, weighted: view.weighted, tolerance: $0) } ?? eigenvectorIteration(g, weighted: view.weighted)
        guard result.converged else {
            notes.append(Localized(fr: "vecteur propre : le calcul n'a pas convergé (100 000 itérations) : aucune valeur ; essayez sans --weighted",
                                   en: "eigenvector: the computation did not converge (100,000 iterations): no value; try without --weighted"))
            return none
        }
        let parts = g.isDirected ? stronglyConnectedComponents(g).sizes.filter { $0 > 1 }.count : connectedComponents(g).sizes.filter { $0 > 1 }.count
        if parts > 1 {
            notes.append(Localized(fr: "vecteur propre : le réseau a \(parts) morceaux reliés ; les valeurs se concentrent sur celui de plus grande valeur propre, les autres valent 0 (convention de networkx)",
                                   en: "eigenvector: the network has \(parts) connected pieces; values concentrate on the one with the largest eigenvalue, the others are 0 (networkx's convention)"))
        }
        return result.values
    }

    /// HITS hubs and authorities, or nothing with the reason; the cases without a unique answer are said.
    static func hitsColumns(_ g: Graph, view: GraphViewOptions, notes: inout [Localized]) -> ([Double?], [Double?]) {
        let result = hitsIteration(g, weighted: view.weighted)
        guard g.edgeCount > 0 else {
            notes.append(Localized(fr: "HITS : aucun lien, tous les scores valent 0", en: "HITS: no tie, every score is 0"))
            return (result.hubs, result.authorities)
        }
        guard result.converged else {
            notes.append(Localized(fr: "HITS : le calcul n'a pas convergé : aucune valeur", en: "HITS: the computation did not converge: no value"))
            let none = [Double?](repeating: nil, count: g.nodeCount)
            return (none, none)
        }
        // Parts of the network without a tie between them that share the largest singular value (two 7-member
        // GES, say) share the scores in proportions the computation's start decides: the iteration from equal scores
        // leaves several parts with a share of the total where a unique answer would leave one.
        let components = connectedComponents(g)
        var shares = [Double](repeating: 0, count: components.sizes.count)
        for v in 0..<g.nodeCount { shares[components.labels[v]] += result.hubs[v] }
        if shares.filter({ $0 > 1e-6 }).count > 1 {
            notes.append(Localized(fr: "HITS : plusieurs parties du réseau, sans lien entre elles, ont la même structure dominante : hubs et autorités n'ont pas de solution unique ; les valeurs données partagent le score entre elles, d'autres partages seraient aussi justes",
                                   en: "HITS: several parts of the network, without ties between them, have the same dominant structure: hubs and authorities have no unique solution; the values given share the score between them, other shares would be as right"))
        }
        if !g.isDirected && isBipartite(g) {
            notes.append(Localized(fr: "HITS : sur un graphe non orienté biparti (un arbre, une étoile), hubs et autorités n'ont pas de solution unique : les valeurs données dépendent du point de départ du calcul, d'autres seraient aussi justes",
                                   en: "HITS: on an undirected bipartite graph (a tree, a star), hubs and authorities have no unique solution: the values given depend on where the computation starts, others would be as right"))
        }
        return (result.hubs, result.authorities)
    }

    /// Rows sorted by a metric, largest first (ties by name), nil values last.
    public func ranked(by metric: Metric) -> [Row] {
        // The values read once (a dictionary lookup per comparison was most of the sort at 27,000 actors); the same
        // order as comparing the rows: greater value first, values before none, then by name, stable.
        let values = rows.map { $0.values[metric] ?? nil }
        let order = rows.indices.sorted { i, j in
            switch (values[i], values[j]) {
            case let (x?, y?): return x != y ? x > y : rows[i].name < rows[j].name
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return rows[i].name < rows[j].name
            }
        }
        return order.map { rows[$0] }
    }

    /// The JSON contract: `{"graph": {...}, "nodes": [{"id", "name", metric keys...}]}`, numbers as numbers,
    /// non-finite or undefined values as null.
    public func json(rows selected: [Row]? = nil) throws -> Data {
        func number(_ value: Double?) -> Any {
            guard let value, value.isFinite else { return NSNull() }
            return value
        }
        var graphObject: [String: Any] = [:]
        for (key, value) in graph {
            switch value {
            case .number(let x): graphObject[key] = number(x)
            case .integer(let x): graphObject[key] = x
            case .bool(let x): graphObject[key] = x
            case .text(let x): graphObject[key] = x ?? NSNull()
            }
        }
        let nodes: [[String: Any]] = (selected ?? rows).map { row in
            var object: [String: Any] = ["id": row.id, "name": row.name, "kind": row.kind, "family": row.family]
            for metric in metrics {
                let value = row.values[metric] ?? nil
                object[metric.rawValue] = metric.isCount ? (value.map { Int($0) } as Any? ?? NSNull()) : number(value)
            }
            if hasRatings {
                object["trust_score"] = number(row.trust)
                object["value_score"] = number(row.value)
            }
            return object
        }
        return try JSONSerialization.data(withJSONObject: ["graph": graphObject, "nodes": nodes], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}

extension CentralityReport {
    /// One measure of every actor, by actor id (undefined values as 0), on the ties active at `year`: the node sizes
    /// of a diagram (`DiagramOptions.sizeValues`).
    public static func column(_ metric: Metric, network: Network, at year: Int? = nil, taxonomy: Taxonomy = .standard) -> [String: Double] {
        var options = CentralityOptions()
        options.metrics = [metric]
        var view = GraphViewOptions()
        view.at = year
        let report = CentralityReport(network: network, view: view, options: options, taxonomy: taxonomy)
        return Dictionary(report.rows.map { ($0.id, ($0.values[metric] ?? nil) ?? 0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The rows as a text table for a terminal: rank, name (cut at 40 characters), one column per measure, then the
    /// graph's size and density.
    public func table(rows: [Row], language: Language) -> String {
        let report = self
        let fr = language == .fr
        let nameHeader = fr ? "Acteur" : "Actor"
        let ratingHeaders = report.hasRatings ? [fr ? "Confiance" : "Trust", fr ? "Valeur" : "Value"] : []
        var lines: [[String]] = [["#", nameHeader] + report.metrics.map { $0.label(language) } + ratingHeaders]
        for (rank, row) in rows.enumerated() {
            lines.append(["\(rank + 1)", row.name] + report.metrics.map { metric in
                guard let value = row.values[metric] ?? nil, value.isFinite else { return "–" }
                return metric.isCount ? String(Int(value)) : language.decimal(value, digits: 4)
            } + (report.hasRatings ? [row.trust.map { language.decimal($0, digits: 2) } ?? "–", row.value.map { language.decimal($0, digits: 2) } ?? "–"] : []))
        }
        let headers = report.metrics.map { $0.label(language) } + ratingHeaders
        let nameWidth = min(40, lines.map { $0[1].count }.max() ?? 0)
        var output = ""
        for line in lines {
            var name = line[1]
            if name.count > nameWidth { name = String(name.prefix(nameWidth - 1)) + "…" }
            var text = line[0].leftPad(3) + "  " + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            for (index, cell) in line.dropFirst(2).enumerated() {
                text += "  " + cell.leftPad(max(headers[index].count, 8))
            }
            output += text + "\n"
        }
        let graph = Dictionary(report.graph.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        if case .integer(let n)? = graph["nodes"], case .integer(let m)? = graph["edges"], case .number(let density)? = graph["density"] {
            output += "\n" + (fr ? "\(n) acteurs, \(m) liens, densité \(language.decimal(density ?? 0, digits: 4))"
                                 : "\(n) actors, \(m) edges, density \(language.decimal(density ?? 0, digits: 4))") + "\n"
        }
        return output
    }
}

/// Seconds spent in each step of a computation, in the order the steps ran (`ptce centrality --timings`,
/// `ptce analyze --timings`).
public struct StepTimer: Sendable {
    private let clock = ContinuousClock()
    /// Each step's name and seconds, in the order they ran.
    public private(set) var timings: [(String, Double)] = []

    /// No step yet.
    public init() {}

    /// Runs `work` and records its wall-clock seconds under `name`.
    public mutating func time<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        let start = clock.now
        let result = try work()
        let elapsed = start.duration(to: clock.now)
        timings.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
        return result
    }
}
