import CoopGraph
import Foundation

/// "Does the GES or PTCE on paper match who works together?": communities found in the ties (an ensemble of
/// Louvain or Leiden runs, because one run of a randomised method is not reproducible science), set against the
/// formal groups and against a partition attribute (family by default).
public struct CommunityReport: Sendable {
    /// An actor, by id and name.
    public struct Member: Sendable, Codable, Equatable {
        /// The actor's id.
        public var id: String
        /// The actor's name.
        public var name: String
    }

    /// One community of the consensus run.
    public struct Community: Sendable, Codable {
        /// 1-based number, 1 the largest.
        public var number: Int
        /// Number of actors.
        public var size: Int
        /// Its actors, in graph order.
        public var members: [Member]
        /// Members by value of the compared attribute (family labels by default).
        public var composition: [String: Int]
        /// Ties between two of its actors.
        public var internalTies: Int
        /// Internal ties over possible ones (nil for a community of one).
        public var density: Double?
        /// The member with most ties inside the community.
        public var hub: Member?
    }

    /// One GES or PTCE against the communities: where do its members fall?
    public struct FormalMatch: Sendable, Codable {
        /// The group's id.
        public var id: String
        /// The group's name.
        public var name: String
        /// `ges` or `ptce`.
        public var kind: String
        /// Members present in the graph.
        public var members: Int
        /// Community (number) holding most of its members.
        public var mainCommunity: Int?
        /// The share of its members that community holds.
        public var mainShare: Double?
        /// Communities its members fall into.
        public var communitiesSpanned: Int
        /// Members without any tie in the view (each alone in its community).
        public var membersWithoutTies: Int
    }

    /// One actor's community.
    public struct ActorRow: Sendable, Codable {
        /// The actor's id.
        public var id: String
        /// The actor's name.
        public var name: String
        /// Its community's number (1: the largest).
        public var community: Int
        /// Share of runs where the actor's community matches its consensus community (Jaccard ≥ 0.5).
        public var stability: Double
    }

    /// Louvain or Leiden.
    public var method: CommunityDetection.Method
    /// The resolution γ of modularity.
    public var resolution: Double
    /// Runs of the ensemble.
    public var runs: Int
    /// Seed of the ensemble.
    public var seed: UInt64
    /// Index (0-based) of the run kept as consensus: the one agreeing most with the others.
    public var consensusRun: Int
    /// Whether tie weights were used.
    public var weighted: Bool
    /// The graph view (ties, co-membership, combined): with memberships as edges, agreement with formal groups is
    /// partly built in.
    public var view: ViewKind
    /// Actors in the view.
    public var actors: Int
    /// Ties (edges) in the view.
    public var ties: Int
    /// Modularity of the consensus partition.
    public var modularity: Double?
    /// Lowest modularity over the runs.
    public var modularityMin: Double?
    /// Highest modularity over the runs.
    public var modularityMax: Double?
    /// Mean NMI over pairs of runs (nil with one run).
    public var stability: Double?
    /// The consensus communities, largest first.
    public var communities: [Community]
    /// Actors without any tie in the view (each is a community of one).
    public var actorsWithoutTies: Int
    /// The attribute the communities are compared with.
    public var attribute: String
    /// NMI and adjusted Rand index between the communities and the attribute's partition.
    public var agreementWithAttribute: PartitionAgreement
    /// Each actor labelled by the smallest GES or PTCE it belongs to (actors in none left out).
    public var agreementWithFormalGroups: PartitionAgreement?
    /// Each GES and PTCE against the communities.
    public var formalGroups: [FormalMatch]
    /// One row per actor of the view.
    public var actorRows: [ActorRow]
    /// Seconds the runs took (`ptce communities --timings`; not in the JSON).
    public let detectionSeconds: Double

    /// The report of `network` seen through `view`: `runs` detections, the consensus, and the comparisons.
    /// - Complexity: `runs` community detections (`CommunityEnsemble`), then O(n + m).
    public init(network: Network, view: GraphViewOptions = GraphViewOptions(), method: CommunityDetection.Method = .leiden,
                resolution: Double = 1, runs: Int = 20, seed: UInt64 = 0, attribute: String = "family",
                taxonomy: Taxonomy = .standard, language: Language = .fr, threads: Int = defaultThreadCount) throws(CooperationReport.Failure) {
        let (networkGraph, partition) = try CooperationReport.graphAndPartition(network, view: view, attribute: attribute,
                                                                                taxonomy: taxonomy, language: language)
        let g = networkGraph.graph
        var timer = StepTimer()
        let ensemble = timer.time("detection") {
            CommunityEnsemble(g, method: method, resolution: resolution, runs: max(1, runs), seed: seed, weighted: view.weighted, threads: threads)
        }
        detectionSeconds = timer.timings.first?.1 ?? 0
        let labels = ensemble.consensus.labels
        self.method = method
        self.resolution = resolution
        self.runs = max(1, runs)
        self.seed = seed
        consensusRun = ensemble.consensusRun
        weighted = view.weighted
        self.view = view.view
        actors = g.nodeCount
        ties = g.edgeCount
        modularity = ensemble.consensus.modularity
        let qualities = ensemble.runs.compactMap(\.modularity)
        modularityMin = qualities.min()
        modularityMax = qualities.max()
        stability = ensemble.stability
        self.attribute = attribute
        actorsWithoutTies = (0..<g.nodeCount).filter { g.degree(of: $0) == 0 && g.inDegree(of: $0) == 0 }.count
        func member(_ v: Int) -> Member {
            let actor = network.actors[networkGraph.actorIndices[v]]
            return Member(id: actor.id, name: actor.name)
        }
        // Communities, largest first (labels are canonical).
        var nodesOf = [[Int]](repeating: [], count: ensemble.consensus.communityCount)
        for (v, label) in labels.enumerated() { nodesOf[label].append(v) }
        communities = nodesOf.enumerated().map { index, nodes in
            var composition: [String: Int] = [:]
            var insideDegree: [Int: Int] = [:]
            var internalTies = 0
            for v in nodes {
                let label = partition.labels[v]
                composition[label >= 0 ? partition.names[label] : "–", default: 0] += 1
                for w in g.neighbors(of: v) where labels[Int(w)] == index {
                    insideDegree[v, default: 0] += 1
                    if Int(w) > v || g.isDirected { internalTies += 1 }
                }
            }
            let k = Double(nodes.count)
            let hub = insideDegree.max { ($0.value, $1.key) < ($1.value, $0.key) }.map { member($0.key) }
            return Community(number: index + 1, size: nodes.count, members: nodes.map(member), composition: composition,
                             internalTies: internalTies,
                             density: nodes.count > 1 ? Double(internalTies) / (k * (k - 1) / (g.isDirected ? 1 : 2)) : nil, hub: hub)
        }
        agreementWithAttribute = PartitionAgreement(labels, partition.labels)
        let (matches, formalLabels) = Self.formalMatches(network, networkGraph, labels: labels, at: view.at)
        formalGroups = matches
        agreementWithFormalGroups = matches.isEmpty ? nil : PartitionAgreement(labels, formalLabels)
        actorRows = (0..<g.nodeCount).map { v in
            let m = member(v)
            return ActorRow(id: m.id, name: m.name, community: labels[v] + 1, stability: ensemble.nodeStability[v])
        }
    }

    /// Every GES and PTCE with members in the graph against the communities; and each node labelled by the smallest
    /// of them it belongs to (-1: none).
    private static func formalMatches(_ network: Network, _ networkGraph: NetworkGraph, labels: [Int], at year: Int?) -> ([FormalMatch], [Int]) {
        let g = networkGraph.graph
        var nodeOf: [String: Int] = [:]
        for (v, index) in networkGraph.actorIndices.enumerated() { nodeOf[network.actors[index].id] = v }
        let groupByID = Dictionary(network.groups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var matches: [FormalMatch] = []
        var smallest = [(size: Int, group: Int)?](repeating: nil, count: g.nodeCount)
        for (groupID, memberIDs) in NetworkGraph.groupMembers(network, at: year) {
            guard let group = groupByID[groupID], group.isGES || group.isPTCE else { continue }
            let nodes = Set(memberIDs.compactMap { nodeOf[$0] }).sorted()
            guard !nodes.isEmpty else { continue }
            var counts: [Int: Int] = [:]
            for v in nodes { counts[labels[v], default: 0] += 1 }
            let main = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!
            let groupIndex = matches.count
            matches.append(FormalMatch(id: group.id, name: group.name, kind: group.kind, members: nodes.count,
                                       mainCommunity: main.key + 1, mainShare: Double(main.value) / Double(nodes.count),
                                       communitiesSpanned: counts.count,
                                       membersWithoutTies: nodes.filter { g.degree(of: $0) == 0 && g.inDegree(of: $0) == 0 }.count))
            for v in nodes where smallest[v] == nil || smallest[v]!.size > nodes.count { smallest[v] = (nodes.count, groupIndex) }
        }
        return (matches, smallest.map { $0?.group ?? -1 })
    }

    /// The report as JSON, snake_case keys (described by `docs/communities.schema.json`).
    public func json() throws -> Data {
        let encoder = JSONOutput.encoder()
        return try encoder.encode(self)
    }

    /// Actor per row: id, name, community, stability.
    public func csv() -> String {
        var writer = CSVWriter()
        writer.row(["id", "name", "community", "stability"].map { .text($0) })
        for row in actorRows { writer.row([.text(row.id), .text(row.name), .integer(row.community), .number(row.stability)]) }
        return writer.output
    }

    /// A readable page: what was found, how firm it is, and how it matches the groups on paper.
    public func text(_ language: Language, top: Int = 10) -> String {
        let fr = language == .fr
        func number(_ value: Double?, _ digits: Int = 3) -> String { language.decimal(value, digits: digits) }
        func percent(_ value: Double?) -> String { language.percent(value) }
        var lines: [String] = []
        let name = method == .leiden ? "Leiden" : "Louvain"
        lines.append(fr ? "Communautés (\(name), résolution \(number(resolution, 2)), \(runs) exécutions, graine \(seed)) — \(actors) acteurs, \(ties) liens"
                        : "Communities (\(name), resolution \(number(resolution, 2)), \(runs) runs, seed \(seed)) — \(actors) actors, \(ties) ties")
        lines.append("")
        lines.append(fr ? "\(communities.count) communautés ; modularité \(number(modularity)) (de \(number(modularityMin)) à \(number(modularityMax)) selon les exécutions)."
                        : "\(communities.count) communities; modularity \(number(modularity)) (from \(number(modularityMin)) to \(number(modularityMax)) across runs).")
        if let stability {
            let reading = stability >= 0.9 ? (fr ? "les exécutions trouvent presque toutes le même découpage" : "runs almost all find the same split")
                : stability >= 0.7 ? (fr ? "le découpage est assez stable ; les frontières bougent un peu" : "the split is fairly stable; borders move a little")
                : (fr ? "le découpage change d'une exécution à l'autre : à lire avec prudence" : "the split changes from run to run: read with care")
            lines.append(fr ? "Stabilité (NMI moyenne entre exécutions) : \(number(stability)) — \(reading)."
                            : "Stability (mean NMI between runs): \(number(stability)) — \(reading).")
        }
        lines.append(fr ? "Accord avec « \(attribute) » : NMI \(number(agreementWithAttribute.nmi)), Rand ajusté \(number(agreementWithAttribute.adjustedRand)) (1 : identiques, 0 : sans rapport)."
                        : "Agreement with '\(attribute)': NMI \(number(agreementWithAttribute.nmi)), adjusted Rand \(number(agreementWithAttribute.adjustedRand)) (1: identical, 0: unrelated).")
        if let formal = agreementWithFormalGroups {
            lines.append(fr ? "Accord avec les GES et PTCE (\(formal.nodes) acteurs membres) : NMI \(number(formal.nmi)), Rand ajusté \(number(formal.adjustedRand))."
                            : "Agreement with GES and PTCE (\(formal.nodes) member actors): NMI \(number(formal.nmi)), adjusted Rand \(number(formal.adjustedRand)).")
            if view != .ties {
                lines.append(fr ? "  (Vue « \(view.rawValue) » : les adhésions y sont des liens, l'accord avec les groupes est en partie construit ; la vue ties le teste vraiment.)"
                                : "  (View '\(view.rawValue)': memberships are edges there, so agreement with the groups is partly built in; the ties view truly tests it.)")
            }
        }
        lines.append("")
        let shown = communities.filter { $0.size > 1 }
        let alone = communities.count - shown.count
        lines.append(fr ? "Communautés de plus d'un acteur (les \(min(top, shown.count)) plus grandes sur \(shown.count)) :"
                        : "Communities of more than one actor (the \(min(top, shown.count)) largest of \(shown.count)):")
        for community in shown.prefix(top) {
            let composition = community.composition.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let names = community.members.prefix(6).map(\.name).joined(separator: ", ") + (community.size > 6 ? "…" : "")
            lines.append("  \(community.number). \(community.size) " + (fr ? "acteurs" : "actors") + " [\(composition)]"
                         + (community.hub.map { fr ? " ; pivot : \($0.name)" : "; hub: \($0.name)" } ?? "") + " — \(names)")
        }
        if alone > 0 {
            lines.append(fr ? "  et \(alone) acteur\(alone > 1 ? "s seuls dans leur" : " seul dans sa") communauté, dont \(actorsWithoutTies) sans aucun lien dans cette vue."
                            : "  and \(alone) actor\(alone > 1 ? "s" : "") alone in a community, \(actorsWithoutTies) of them without any tie in this view.")
        }
        if !formalGroups.isEmpty {
            lines.append("")
            lines.append(fr ? "Groupes sur le papier et communautés :" : "Groups on paper and communities:")
            for match in formalGroups.sorted(by: { ($0.members, $1.name) > ($1.members, $0.name) }).prefix(top) {
                let where_ = match.membersWithoutTies == match.members
                    ? (fr ? "aucun membre n'a de lien dans cette vue" : "no member has a tie in this view")
                    : match.communitiesSpanned == 1
                    ? (fr ? "tous dans la communauté \(match.mainCommunity ?? 0)" : "all in community \(match.mainCommunity ?? 0)")
                    : (fr ? "\(percent(match.mainShare)) dans la communauté \(match.mainCommunity ?? 0), répartis sur \(match.communitiesSpanned) communautés"
                          : "\(percent(match.mainShare)) in community \(match.mainCommunity ?? 0), spread over \(match.communitiesSpanned) communities")
                lines.append("  \(match.name) (\(match.kind), \(match.members) " + (fr ? (match.members > 1 ? "membres" : "membre") : (match.members > 1 ? "members" : "member")) + (fr ? ") : " : "): ") + where_)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension CommunityReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case method, resolution, runs, seed, consensusRun, weighted, view, actors, ties, modularity, modularityMin, modularityMax
        case stability, communities, actorsWithoutTies, attribute, agreementWithAttribute, agreementWithFormalGroups, formalGroups
        case actorRows = "actorCommunities"
    }
}
