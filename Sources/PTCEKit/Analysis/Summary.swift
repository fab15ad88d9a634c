import CoopGraph
import Foundation

/// Key figures of a network: what animators check first and what every report opens with.
public struct Summary: Sendable, Codable {
    /// How many of one value (a family, a kind, a tie type).
    public struct Count: Sendable, Codable, Hashable {
        /// The taxonomy id.
        public var id: String
        /// Its label in the summary's language.
        public var label: String
        /// How many.
        public var count: Int
    }

    /// A group and its number of direct members.
    public struct GroupSize: Sendable, Codable, Hashable {
        /// The group's id.
        public var id: String
        /// The group's name.
        public var name: String
        /// Its group kind (`ges`, `ptce`…).
        public var kind: String
        /// Direct members (actors and groups).
        public var members: Int
    }

    /// The network's title.
    public var title: String?
    /// Whether the data is synthetic (`ptce generate`).
    public var synthetic: Bool
    /// Number of actors.
    public var actors: Int
    /// Number of groups.
    public var groups: Int
    /// Number of memberships.
    public var memberships: Int
    /// Number of ties (partnerships) as listed.
    public var ties: Int
    /// Actors by family, largest first.
    public var actorsByFamily: [Count]
    /// Actors by kind, largest first.
    public var actorsByKind: [Count]
    /// Groups by group kind, largest first.
    public var groupsByKind: [Count]
    /// Every group with its size, largest first (equal sizes by name).
    public var groupSizes: [GroupSize]
    /// Ties by type, largest first.
    public var tiesByType: [Count]
    /// Of the partnership graph (undirected, parallel ties merged): edges over possible edges.
    public var density: Double
    /// Edges of the partnership graph (parallel ties merged, self-ties dropped).
    public var edges: Int
    /// Connected components of the partnership graph (an actor without a tie is one).
    public var components: Int
    /// Actors in the largest component.
    public var largestComponent: Int
    /// Actors without any tie.
    public var isolatedActors: Int
    /// The partnership survey's figures, for a network from `ptce survey merge` (nil otherwise).
    public var survey: SurveyCollection?

    /// The figures of `network`, labels in `language`. O(n + m).
    public init(_ network: Network, taxonomy: Taxonomy = .standard, language: Language = .fr) {
        title = network.title
        synthetic = network.synthetic
        actors = network.actors.count
        groups = network.groups.count
        memberships = network.memberships.count
        ties = network.ties.count
        func counts(_ ids: [String], label: (String) -> String) -> [Count] {
            var tally: [String: Int] = [:]
            for id in ids { tally[id, default: 0] += 1 }
            return tally.map { Count(id: $0.key, label: label($0.key), count: $0.value) }
                .sorted { ($1.count, $0.id) < ($0.count, $1.id) }
        }
        let kindTerms = Dictionary(taxonomy.kinds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let groupTerms = Dictionary(taxonomy.groupKinds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let tieTerms = Dictionary(taxonomy.tieTypes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        actorsByFamily = counts(network.actors.map { taxonomy.family(of: $0.kind)?.id ?? "unspecified" }) { taxonomy.familyLabel($0, language) }
        actorsByKind = counts(network.actors.map(\.kind)) { kindTerms[$0]?.label(language) ?? $0 }
        groupsByKind = counts(network.groups.map(\.kind)) { groupTerms[$0]?.label(language) ?? $0 }
        tiesByType = counts(network.ties.map(\.type)) {
            $0.isEmpty ? (language == .fr ? "(sans type)" : "(untyped)") : tieTerms[$0]?.label(language) ?? $0
        }
        var sizes: [String: Int] = [:]
        for membership in network.memberships { sizes[membership.group, default: 0] += 1 }
        groupSizes = network.groups.map { GroupSize(id: $0.id, name: $0.name, kind: $0.kind, members: sizes[$0.id] ?? 0) }
            .sorted { ($1.members, $0.name) < ($0.members, $1.name) }
        let graph = NetworkGraph(network).graph
        density = graph.density
        edges = graph.edgeCount
        let (labels, componentSizes) = connectedComponents(graph)
        _ = labels
        components = componentSizes.count
        largestComponent = componentSizes.max() ?? 0
        isolatedActors = (0..<graph.nodeCount).filter { graph.degree(of: $0) == 0 }.count
        survey = SurveyCollection(network: network)
    }

    /// A plain-text page for a terminal or an e-mail.
    /// The summary as `ptce summary` prints it.
    public func text(_ language: Language) -> String {
        let fr = language == .fr
        var lines: [String] = []
        lines.append(title ?? (fr ? "Réseau" : "Network"))
        if synthetic { lines.append(fr ? "(données synthétiques, générées : pas un réseau réel)" : "(synthetic, generated data: not a real network)") }
        lines.append("")
        lines.append(fr ? "Acteurs : \(actors)   Groupes : \(groups)   Appartenances : \(memberships)   Liens : \(ties)"
                        : "Actors: \(actors)   Groups: \(groups)   Memberships: \(memberships)   Ties: \(ties)")
        lines.append(fr ? "Densité : \((fr ? Language.fr : .en).decimal(density, digits: 4))   Composantes : \(components) (la plus grande : \(largestComponent) acteurs)   Acteurs sans lien : \(isolatedActors)"
                        : "Density: \((fr ? Language.fr : .en).decimal(density, digits: 4))   Components: \(components) (largest: \(largestComponent) actors)   Actors without ties: \(isolatedActors)")
        if let survey {
            let l = fr ? Language.fr : .en
            lines.append(fr ? "Enquête\(survey.wave.isEmpty ? "" : " \(survey.wave)") : \(survey.answered) réponses sur \(survey.asked) (\(l.percent(survey.responseRate)))   Paires déclarées : \(survey.declaredPairs) – confirmées \(survey.confirmed), d'un seul côté \(survey.oneSided) (\(l.percent(survey.oneSidedShare))), contradictoires \(survey.contradictions)"
                            : "Survey\(survey.wave.isEmpty ? "" : " \(survey.wave)"): \(survey.answered) answers of \(survey.asked) (\(l.percent(survey.responseRate)))   Pairs declared: \(survey.declaredPairs) – confirmed \(survey.confirmed), one-sided \(survey.oneSided) (\(l.percent(survey.oneSidedShare))), contradictory \(survey.contradictions)")
        }
        func section(_ title: String, _ rows: [Count]) {
            guard !rows.isEmpty else { return }
            lines.append("")
            lines.append(title)
            let width = rows.map(\.label.count).max() ?? 0
            for row in rows { lines.append("  " + row.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(row.count)) }
        }
        section(fr ? "Acteurs par famille" : "Actors by family", actorsByFamily)
        section(fr ? "Acteurs par type" : "Actors by kind", actorsByKind)
        section(fr ? "Groupes par type" : "Groups by kind", groupsByKind)
        section(fr ? "Liens par type" : "Ties by type", tiesByType)
        if !groupSizes.isEmpty {
            lines.append("")
            lines.append(fr ? "Groupes (membres directs)" : "Groups (direct members)")
            let width = groupSizes.map(\.name.count).max() ?? 0
            for group in groupSizes {
                lines.append("  " + group.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(group.kind.uppercased().padding(toLength: 20, withPad: " ", startingAt: 0))  \(group.members)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary as JSON, snake_case keys (`summary.json`).
    public func json() throws -> Data {
        let encoder = JSONOutput.encoder()
        return try encoder.encode(self)
    }
}
