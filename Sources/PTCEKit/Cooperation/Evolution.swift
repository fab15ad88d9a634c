import CoopGraph
import Foundation

/// The network year by year, from the ties' since/until dates: what changed, who rose.
public enum Evolution {
    /// The network in one year: the ties active that year (since ≤ year ≤ until).
    public struct YearRow: Sendable, Codable {
        /// The year.
        public var year: Int
        /// Actors with at least one tie active that year.
        public var activeActors: Int
        /// Ties active that year.
        public var ties: Int
        /// Density of the graph of active ties over the actors with one.
        public var density: Double
        /// Its connected components.
        public var components: Int
        /// Actors in the largest one.
        public var largestComponent: Int
        /// Mean number of partners.
        public var meanDegree: Double
        /// The actor with most partners that year (nil: none).
        public var topActor: String?
    }

    /// Why there is no evolution.
    public enum Failure: Error, Equatable, Sendable {
        /// No tie has a date, so years cannot be told apart.
        case noDates
        /// The requested years are outside the dates of the data.
        case outside(from: Int, to: Int, first: Int, last: Int)
    }

    /// Years covered by the ties' dates (first since to last until − 1, or last since).
    public static func span(_ network: Network) -> ClosedRange<Int>? {
        let years = network.ties.flatMap { [$0.since?.year, $0.until.map { $0.year }].compactMap { $0 } }
        guard let first = years.min(), let last = years.max() else { return nil }
        return first...last
    }

    /// One row per year from `from` to `to`. O(years · (n + m)).
    public static func table(_ network: Network, from: Int, to: Int, taxonomy: Taxonomy = .standard) throws(Failure) -> [YearRow] {
        guard let span = span(network) else { throw .noDates }
        guard from <= to, from <= span.upperBound, to >= span.lowerBound else {
            throw .outside(from: from, to: to, first: span.lowerBound, last: span.upperBound)
        }
        return (from...to).map { year in
            var view = GraphViewOptions()
            view.at = year
            let networkGraph = NetworkGraph(network, options: view, taxonomy: taxonomy)
            let g = networkGraph.graph
            let degrees = (0..<g.nodeCount).map { g.degree(of: $0) }
            let active = degrees.filter { $0 > 0 }.count
            let (_, sizes) = connectedComponents(g)
            let nonTrivial = sizes.filter { $0 > 1 }
            let top = degrees.indices.max { (degrees[$0], networkGraph.actorIndices[$1]) < (degrees[$1], networkGraph.actorIndices[$0]) }
            return YearRow(year: year, activeActors: active, ties: g.edgeCount,
                           density: active > 1 ? Double(g.edgeCount) / (Double(active) * Double(active - 1) / 2) : 0,
                           components: nonTrivial.count, largestComponent: sizes.max() ?? 0,
                           meanDegree: active > 0 ? Double(2 * g.edgeCount) / Double(active) : 0,
                           topActor: top.flatMap { degrees[$0] > 0 ? network.actors[networkGraph.actorIndices[$0]].name : nil })
        }
    }
}

/// What changed between two networks (two years of one network, or two datasets): actors and ties gained and lost,
/// and how the best-connected actors moved.
public struct NetworkDiff: Sendable, Codable {
    /// An actor's rank by number of partners before and after.
    public struct RankChange: Sendable, Codable {
        /// The actor's id.
        public var id: String
        /// The actor's name.
        public var name: String
        /// Its rank before (1: most partners; nil: absent).
        public var before: Int?
        /// Its rank after.
        public var after: Int?
    }

    /// Ids of the actors only in the later network.
    public var actorsGained: [String]
    /// Ids of the actors only in the earlier network.
    public var actorsLost: [String]
    /// Ties as "source – target (type)", undirected pairs written in id order.
    public var tiesGained: [String]
    /// Ties only in the earlier network, written as `tiesGained`.
    public var tiesLost: [String]
    /// Rank by degree (1 = most partners) of the top actors of either network.
    public var rankChanges: [RankChange]

    /// A tie gained or lost, with the actors' names, for people.
    public struct TieChange: Sendable, Codable, Hashable {
        public var source: String
        public var target: String
        public var type: String
        public var sourceName: String
        public var targetName: String
    }
    /// The ties of `tiesGained`, in the same order, with names.
    public var tiesGainedDetail: [TieChange]
    /// The ties of `tiesLost`, in the same order, with names.
    public var tiesLostDetail: [TieChange]

    /// Between two waves of a partnership survey (`ptce survey merge`): the figures of each, and the pairs declared by
    /// one side (or contradictory) in the first that both sides confirm in the second.
    public struct SurveyChange: Sendable, Codable {
        public var before: SurveyCollection
        public var after: SurveyCollection
        public var nowConfirmed: [TieChange]
    }
    /// nil unless both networks come from a survey.
    public var survey: SurveyChange?

    /// Compares two networks; `top` actors of each by number of partners are ranked.
    public init(before: Network, after: Network, top: Int = 10) {
        let beforeActors = Set(before.actors.map(\.id)), afterActors = Set(after.actors.map(\.id))
        actorsGained = after.actors.map(\.id).filter { !beforeActors.contains($0) }
        actorsLost = before.actors.map(\.id).filter { !afterActors.contains($0) }
        func key(_ tie: Partnership) -> String {
            let (a, b) = tie.directed || tie.source < tie.target ? (tie.source, tie.target) : (tie.target, tie.source)
            return "\(a) – \(b)" + (tie.type.isEmpty ? "" : " (\(tie.type))")
        }
        let beforeTies = Set(before.ties.map(key)), afterTies = Set(after.ties.map(key))
        let allNames = Dictionary((before.actors + after.actors).map { ($0.id, $0.name) }, uniquingKeysWith: { _, new in new })
        func change(_ tie: Partnership) -> TieChange {
            let (a, b) = tie.directed || tie.source < tie.target ? (tie.source, tie.target) : (tie.target, tie.source)
            return TieChange(source: a, target: b, type: tie.type, sourceName: allNames[a] ?? a, targetName: allNames[b] ?? b)
        }
        var gained = Set<String>(), lost = Set<String>()
        let gainedTies = after.ties.filter { !beforeTies.contains(key($0)) && gained.insert(key($0)).inserted }
        let lostTies = before.ties.filter { !afterTies.contains(key($0)) && lost.insert(key($0)).inserted }
        tiesGained = gainedTies.map(key)
        tiesLost = lostTies.map(key)
        tiesGainedDetail = gainedTies.map(change)
        tiesLostDetail = lostTies.map(change)
        if let first = SurveyCollection(network: before), let second = SurveyCollection(network: after) {
            func status(_ network: Network) -> [[String]: String] {
                var result: [[String]: String] = [:]
                for tie in network.ties {
                    guard let value = tie.attributes.first(where: { $0.name == "status" })?.value else { continue }
                    result[[tie.source, tie.target].sorted()] = value
                }
                return result
            }
            let was = status(before), now = status(after)
            let confirmedNow = now.filter { $0.value == "confirmed" && (was[$0.key].map { $0 != "confirmed" } ?? false) }.keys
                .sorted { $0.lexicographicallyPrecedes($1) }
                .map { TieChange(source: $0[0], target: $0[1], type: "", sourceName: allNames[$0[0]] ?? $0[0], targetName: allNames[$0[1]] ?? $0[1]) }
            survey = SurveyChange(before: first, after: second, nowConfirmed: confirmedNow)
        }
        func ranks(_ network: Network) -> [String: Int] {
            let networkGraph = NetworkGraph(network)
            let degrees = (0..<networkGraph.graph.nodeCount).map { networkGraph.graph.degree(of: $0) }
            let ids = networkGraph.actorIndices.map { network.actors[$0].id }
            let order = ids.indices.filter { degrees[$0] > 0 }.sorted { (degrees[$0], ids[$1]) > (degrees[$1], ids[$0]) }
            return Dictionary(uniqueKeysWithValues: order.enumerated().map { (ids[$1], $0 + 1) })
        }
        let rankBefore = ranks(before), rankAfter = ranks(after)
        let names = Dictionary((before.actors + after.actors).map { ($0.id, $0.name) }, uniquingKeysWith: { _, new in new })
        let topIDs = (rankBefore.filter { $0.value <= top }.map(\.key) + rankAfter.filter { $0.value <= top }.map(\.key))
        var seen = Set<String>()
        rankChanges = topIDs.filter { seen.insert($0).inserted }
            .map { RankChange(id: $0, name: names[$0] ?? $0, before: rankBefore[$0], after: rankAfter[$0]) }
            .sorted { ($0.after ?? Int.max, $0.before ?? Int.max, $0.id) < ($1.after ?? Int.max, $1.before ?? Int.max, $1.id) }
    }

    /// A network as it was in `year`: the ties active then, every actor (absent actors have no tie).
    public static func snapshot(_ network: Network, at year: Int) -> Network {
        var copy = network
        copy.ties = network.ties.filter { $0.isActive(in: year) }
        return copy
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

extension Evolution {
    /// The rows as a text table for a terminal, one line per year.
    public static func text(_ rows: [YearRow], language: Language) -> String {
        var lines = [language == .fr ? "Année  Acteurs liés  Liens  Densité  Composantes  Plus grande  Degré moyen  Le plus relié"
                                     : "Year   Tied actors   Ties   Density  Components   Largest      Mean degree  Best connected"]
        for r in rows {
            let cells = [String(r.year).leftPad(4), String(r.activeActors).leftPad(12), String(r.ties).leftPad(6),
                         language.decimal(r.density, digits: 4).leftPad(8), String(r.components).leftPad(12),
                         String(r.largestComponent).leftPad(11), language.decimal(r.meanDegree, digits: 2).leftPad(12)]
            lines.append(cells.joined(separator: " ") + "  " + (r.topActor ?? "–"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
