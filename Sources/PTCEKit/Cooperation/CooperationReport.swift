import CoopGraph
import Foundation

/// Answers to "do ESS actors tie to the rest of the economy, who bridges which worlds, who should meet whom",
/// computed on a graph view of a network and a partition of its actors (family by default).
///
/// Sections: E-I index (network, per group, expected under random mixing, permutation p-value), attribute
/// assortativity and the mixing matrix; passerelle ties (between an ESS family and another); diversity of each
/// actor's partners (distinct families, Blau index, Shannon entropy); Burt's structural holes per actor; partner
/// suggestions (Adamic–Adar) with the shared partners as reason.
public struct CooperationReport: Sendable {
    public struct GroupRow: Sendable, Codable {
        public var name: String
        public var actors: Int
        public var internalTies: Int
        public var externalTies: Int
        public var eiIndex: Double?
        public var passerelleShare: Double?
    }

    public struct ActorRow: Sendable, Codable {
        public var id: String
        public var name: String
        public var group: String?
        public var partners: Int
        public var eiIndex: Double?
        public var distinctFamilies: Int
        public var blau: Double?
        public var shannon: Double?
        public var constraint: Double?
        public var effectiveSize: Double?
        public var efficiency: Double?
        public var hierarchy: Double?
    }

    public struct Suggestion: Sendable, Codable {
        public var source: String
        public var sourceName: String
        public var target: String
        public var targetName: String
        public var score: Double
        public var sharedPartners: [String]
        public var crossFamily: Bool
    }

    public var attribute: String
    public var actors: Int
    public var ties: Int
    public var eiIndex: Double?
    public var expectedEIIndex: Double?
    public var eiPValue: Double?
    public var permutations: Int
    public var seed: UInt64
    public var assortativity: Double?
    public var groupNames: [String]
    public var mixingMatrix: [[Int]]
    public var groups: [GroupRow]
    public var passerelleTies: Int
    public var passerelleShare: Double?
    public var actorRows: [ActorRow]
    public var suggestions: [Suggestion]

    public enum Failure: Error, Equatable, Sendable {
        case partition(Partition.Failure)
        case noTies
    }

    public init(network: Network, view: GraphViewOptions = GraphViewOptions(), attribute: String = "family", permutations: Int = 999,
                seed: UInt64 = 0, suggestions count: Int = 20, taxonomy: Taxonomy = .standard, language: Language = .fr) throws(Failure) {
        let networkGraph = NetworkGraph(network, options: view, taxonomy: taxonomy)
        let g = networkGraph.graph
        guard g.edgeCount > 0 else { throw .noTies }
        let partition: Partition
        do { partition = try Partition(network: network, graph: networkGraph, attribute: attribute, taxonomy: taxonomy, language: language) } catch {
            throw .partition(error)
        }
        self.attribute = attribute
        actors = g.nodeCount
        ties = g.edgeCount
        self.permutations = permutations
        self.seed = seed
        let mixing = Mixing(g, labels: partition.labels, groupCount: partition.names.count)
        eiIndex = mixing.eiIndex
        expectedEIIndex = Mixing.expectedEIIndex(groupSizes: partition.sizes)
        eiPValue = permutations > 0 ? Mixing.permutationTest(g, labels: partition.labels, groupCount: partition.names.count,
                                                              permutations: permutations, seed: seed)?.pValue : nil
        assortativity = mixing.assortativity
        groupNames = partition.names
        mixingMatrix = mixing.matrix
        // Passerelle ties: one end in an ESS family, the other not.
        let familyOf = networkGraph.actorIndices.map { taxonomy.family(of: network.actors[$0].kind) }
        func isESS(_ v: Int) -> Bool { familyOf[v]?.ess ?? false }
        var passerelle = 0
        var groupTies = [Int](repeating: 0, count: partition.names.count)
        var groupPasserelle = [Int](repeating: 0, count: partition.names.count)
        for e in 0..<g.edgeCount {
            let u = Int(g.edgeSources[e]), v = Int(g.edgeTargets[e])
            let crossing = isESS(u) != isESS(v)
            if crossing { passerelle += 1 }
            for label in Set([partition.labels[u], partition.labels[v]]) where label >= 0 {
                groupTies[label] += 1
                if crossing { groupPasserelle[label] += 1 }
            }
        }
        passerelleTies = passerelle
        passerelleShare = Double(passerelle) / Double(g.edgeCount)
        let groupEI = mixing.groupEIIndex()
        let sizes = partition.sizes
        groups = partition.names.indices.map { k in
            GroupRow(name: partition.names[k], actors: sizes[k], internalTies: mixing.matrix[k][k],
                     externalTies: (0..<partition.names.count).reduce(0) { $0 + ($1 == k ? 0 : mixing.matrix[k][$1]) },
                     eiIndex: groupEI[k], passerelleShare: groupTies[k] > 0 ? Double(groupPasserelle[k]) / Double(groupTies[k]) : nil)
        }
        // Per actor: E-I of its own ties, diversity of its partners' families, structural holes.
        let holes = StructuralHoles(g, weighted: view.weighted)
        var rows: [ActorRow] = []
        for v in 0..<g.nodeCount {
            let actor = network.actors[networkGraph.actorIndices[v]]
            var inside = 0, across = 0
            var familyCounts: [String: Int] = [:]
            for w32 in g.neighbors(of: v) {
                let w = Int(w32)
                if partition.labels[v] >= 0 && partition.labels[w] >= 0 {
                    if partition.labels[v] == partition.labels[w] { inside += 1 } else { across += 1 }
                }
                familyCounts[familyOf[w]?.id ?? "unspecified", default: 0] += 1
            }
            let partners = g.degree(of: v)
            let shares = familyCounts.values.map { Double($0) / Double(max(partners, 1)) }
            rows.append(ActorRow(
                id: actor.id, name: actor.name, group: partition.labels[v] >= 0 ? partition.names[partition.labels[v]] : nil,
                partners: partners, eiIndex: inside + across > 0 ? Double(across - inside) / Double(inside + across) : nil,
                distinctFamilies: familyCounts.count,
                blau: partners > 0 ? 1 - shares.reduce(0) { $0 + $1 * $1 } : nil,
                shannon: partners > 0 ? -shares.reduce(0) { $0 + $1 * log($1) } + 0 : nil,
                constraint: holes.constraint[v], effectiveSize: holes.effectiveSize[v], efficiency: holes.efficiency[v],
                hierarchy: holes.hierarchy[v]))
        }
        actorRows = rows
        let pairs = LinkPrediction.pairs(g).prefix(count)
        suggestions = pairs.map { pair in
            let a = network.actors[networkGraph.actorIndices[pair.u]], b = network.actors[networkGraph.actorIndices[pair.v]]
            return Suggestion(source: a.id, sourceName: a.name, target: b.id, targetName: b.name, score: pair.score,
                              sharedPartners: pair.through.prefix(5).map { network.actors[networkGraph.actorIndices[$0]].name },
                              crossFamily: familyOf[pair.u]?.id != familyOf[pair.v]?.id)
        }
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .throw  // never a NaN as a number: undefined values are null
        return try encoder.encode(Encoded(self))
    }

    private struct Encoded: Encodable {
        let attribute: String, actors: Int, ties: Int
        let eiIndex: Double?, expectedEiIndex: Double?, eiPValue: Double?, permutations: Int, seed: UInt64
        let assortativity: Double?
        let mixing: [String: [String: Int]]
        let groups: [GroupRow]
        let passerelleTies: Int, passerelleShare: Double?
        let actors_: [ActorRow]
        let suggestions: [Suggestion]

        init(_ r: CooperationReport) {
            attribute = r.attribute; actors = r.actors; ties = r.ties
            eiIndex = r.eiIndex; expectedEiIndex = r.expectedEIIndex; eiPValue = r.eiPValue; permutations = r.permutations; seed = r.seed
            assortativity = r.assortativity
            var mixing: [String: [String: Int]] = [:]
            for (a, name) in r.groupNames.enumerated() {
                mixing[name] = Dictionary(uniqueKeysWithValues: r.groupNames.enumerated().map { ($1, r.mixingMatrix[a][$0]) })
            }
            self.mixing = mixing
            groups = r.groups; passerelleTies = r.passerelleTies; passerelleShare = r.passerelleShare
            actors_ = r.actorRows; suggestions = r.suggestions
        }

        enum CodingKeys: String, CodingKey {
            case attribute, actors, ties, eiIndex, expectedEiIndex, eiPValue, permutations, seed, assortativity, mixing, groups
            case passerelleTies, passerelleShare, suggestions
            case actors_ = "actorMeasures"
        }
    }

    /// A readable page: the answers first, in plain words, then the tables.
    public func text(_ language: Language, top: Int = 10) -> String {
        let fr = language == .fr
        func number(_ value: Double?, _ digits: Int = 3) -> String {
            guard let value, value.isFinite else { return "–" }
            let text = String(format: "%.\(digits)f", value)
            return fr ? text.replacingOccurrences(of: ".", with: ",") : text
        }
        func percent(_ value: Double?) -> String {
            guard let value, value.isFinite else { return "–" }
            return (fr ? String(format: "%.0f %%", value * 100) : String(format: "%.0f%%", value * 100))
        }
        var lines: [String] = []
        lines.append(fr ? "Coopération entre mondes — partition : \(attribute) (\(groupNames.count) groupes, \(actors) acteurs, \(ties) liens)"
                        : "Cooperation across worlds — partition: \(attribute) (\(groupNames.count) groups, \(actors) actors, \(ties) ties)")
        lines.append("")
        let reading: String
        if let ei = eiIndex, let expected = expectedEIIndex {
            if fr {
                reading = ei < expected ? "les liens restent plus souvent à l'intérieur des groupes que le hasard ne le voudrait" : "les liens traversent les groupes au moins autant que le hasard ne le voudrait"
            } else {
                reading = ei < expected ? "ties stay inside groups more often than chance would have it" : "ties cross groups at least as often as chance would have it"
            }
            lines.append(fr ? "Indice E-I : \(number(ei)) (attendu au hasard : \(number(expected)) ; p = \(number(eiPValue)) sur \(permutations) permutations, graine \(seed)) — \(reading)."
                            : "E-I index: \(number(ei)) (expected by chance: \(number(expected)); p = \(number(eiPValue)) over \(permutations) permutations, seed \(seed)) — \(reading).")
        }
        lines.append(fr ? "Assortativité : \(number(assortativity)) (1 : entre-soi complet, 0 : mélange au hasard, négatif : liens surtout entre groupes différents)."
                        : "Assortativity: \(number(assortativity)) (1: complete homophily, 0: random mixing, negative: ties mostly across groups).")
        lines.append(fr ? "Liens passerelles (ESS ↔ hors ESS) : \(passerelleTies) sur \(ties), soit \(percent(passerelleShare))."
                        : "Passerelle ties (social economy ↔ the rest): \(passerelleTies) of \(ties), \(percent(passerelleShare)).")
        lines.append("")
        lines.append(fr ? "Par groupe (E-I : -1 tout à l'intérieur, +1 tout vers l'extérieur)" : "By group (E-I: -1 all inside, +1 all outside)")
        let width = groupNames.map(\.count).max() ?? 0
        for group in groups.sorted(by: { $0.actors > $1.actors }) {
            lines.append("  " + group.name.padding(toLength: width, withPad: " ", startingAt: 0)
                         + (fr ? "  \(group.actors) acteur(s), \(group.internalTies) liens internes, \(group.externalTies) externes, E-I \(number(group.eiIndex)), passerelles \(percent(group.passerelleShare))"
                               : "  \(group.actors) actors, \(group.internalTies) internal ties, \(group.externalTies) external, E-I \(number(group.eiIndex)), passerelles \(percent(group.passerelleShare))"))
        }
        lines.append("")
        lines.append(fr ? "Courtiers (taille effective la plus grande : partenaires qui ne se connaissent pas entre eux)"
                        : "Brokers (largest effective size: partners who do not know each other)")
        for row in actorRows.filter({ $0.effectiveSize != nil }).sorted(by: { ($0.effectiveSize!, $1.name) > ($1.effectiveSize!, $0.name) }).prefix(top) {
            lines.append("  \(row.name) — " + (fr ? "taille effective \(number(row.effectiveSize, 2)), contrainte \(number(row.constraint)), \(row.distinctFamilies) famille(s) de partenaires (Blau \(number(row.blau, 2)))"
                                                   : "effective size \(number(row.effectiveSize, 2)), constraint \(number(row.constraint)), \(row.distinctFamilies) partner families (Blau \(number(row.blau, 2)))"))
        }
        lines.append("")
        lines.append(fr ? "Rencontres suggérées (partenaires en commun, indice d'Adamic–Adar)" : "Suggested meetings (shared partners, Adamic–Adar index)")
        if suggestions.isEmpty { lines.append(fr ? "  aucune : aucun couple d'acteurs non liés n'a de partenaire en commun" : "  none: no untied pair shares a partner") }
        for s in suggestions.prefix(top) {
            lines.append("  \(s.sourceName) ↔ \(s.targetName) — " + (fr ? "partenaires communs : " : "shared partners: ") + s.sharedPartners.joined(separator: ", ")
                         + " (\(number(s.score, 2)))" + (s.crossFamily ? (fr ? " — entre familles différentes" : " — across families") : ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
