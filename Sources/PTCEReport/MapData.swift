import Foundation
import PTCEKit

/// What the report's interactive map needs, beside Graphviz's SVG: each actor (index = `actor-N` in the SVG) with
/// its card in plain words, each tie (its SVG element by `tieElementID`) with its type and years, the groups, the
/// families and tie types for the filters. Written as a JSON data block (`<script type="application/json">`, never
/// run), every `<` escaped so that no name can end the block; read by the report's constant script.
struct MapData: Encodable {
    struct ActorCard: Encodable {
        var name: String
        var kind: String
        var family: String
        var familyLabel: String
        /// Indices in `groups`.
        var groups: [Int]
        /// Plain sentences: partners, go-between rank, influence.
        var measures: [String]
    }

    struct TieItem: Encodable {
        var u: Int
        var v: Int
        var element: String
        var type: String
        var typeLabel: String
        var since: Int?
        var until: Int?
    }

    struct GroupItem: Encodable {
        var name: String
        var kind: String
    }

    struct Choice: Encodable {
        var id: String
        var label: String
    }

    /// The nodes of the aggregate map by family (`value-N` in its SVG, in the order the diagram gives them: first
    /// appearance in the actors), each with its actors' indices.
    struct FamilyNode: Encodable {
        var label: String
        var actors: [Int]
    }

    var aggregate: [FamilyNode]
    var actors: [ActorCard]
    var ties: [TieItem]
    var groups: [GroupItem]
    var families: [Choice]
    var types: [Choice]
    /// The first and last year a tie is dated, nil when no tie is dated.
    var years: [Int]?
    /// The interface's words in the report's language.
    var words: [String: String]

    init(input: ReportInput) {
        let language = input.language, fr = language == .fr
        let taxonomy = input.taxonomy
        let network = input.network
        var groupIndex: [String: Int] = [:]
        groups = []
        for group in network.groups {
            groupIndex[group.id] = groups.count
            groups.append(GroupItem(name: group.name, kind: Self.groupKind(group.kind, taxonomy: taxonomy, language: language)))
        }
        var groupsOf: [String: [Int]] = [:]
        for membership in network.memberships { if let g = groupIndex[membership.group] { groupsOf[membership.member, default: []].append(g) } }
        let rows = Dictionary(input.centrality.rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let betweennessRank = Dictionary(input.centrality.ranked(by: .betweenness).enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        let total = network.actors.count
        actors = network.actors.map { actor in
            let family = taxonomy.family(of: actor.kind)?.id ?? "unspecified"
            var measures: [String] = []
            let row = rows[actor.id]
            let degree = Int(((row?.values[.degree]) ?? nil) ?? 0)
            measures.append(degree == 0 ? (fr ? "aucun partenaire renseigné" : "no recorded partner")
                                        : language.count(degree, "partenaire", "partner") + (fr ? " direct" + (degree >= 2 ? "s" : "") : " directly tied"))
            if let value = (row?.values[.betweenness]) ?? nil, value > 0, let rank = betweennessRank[actor.id] {
                let share = value < 0.005 ? (fr ? "moins de 1 %" : "under 1%") : language.percent(value)
                measures.append(fr ? "passeur : \(rank)\(rank == 1 ? "er" : "e") sur \(total) (part des plus courts chemins qui passent par lui : \(share))"
                                   : "go-between: #\(rank) of \(total) (share of shortest paths through it: \(share))")
            }
            if let value = (row?.values[.eigenvector]) ?? nil, value > 0 {
                measures.append(fr ? "influence par les relations : \(language.decimal(value, digits: 2)) (1 pour le plus influent)"
                                   : "influence through relations: \(language.decimal(value, digits: 2)) (1 for the most influential)")
            }
            let kind = taxonomy.kinds.first { $0.id == actor.kind }?.label(language) ?? actor.kind
            return ActorCard(name: actor.name, kind: kind, family: family, familyLabel: taxonomy.familyLabel(family, language),
                             groups: groupsOf[actor.id] ?? [], measures: measures)
        }
        var nodes: [FamilyNode] = []
        var nodeOf: [String: Int] = [:]
        for (i, actor) in actors.enumerated() {
            if nodeOf[actor.familyLabel] == nil { nodeOf[actor.familyLabel] = nodes.count; nodes.append(FamilyNode(label: actor.familyLabel, actors: [])) }
            nodes[nodeOf[actor.familyLabel]!].actors.append(i)
        }
        aggregate = nodes
        let index = network.actorIndex()
        var usedTypes: [String] = []
        ties = network.ties.compactMap { tie in
            guard let u = index[tie.source], let v = index[tie.target], u != v else { return nil }
            if let at = input.at, !tie.isActive(in: at) { return nil }
            if !usedTypes.contains(tie.type) { usedTypes.append(tie.type) }
            let label = tie.type.isEmpty ? (fr ? "lien (sans type)" : "tie (untyped)") : taxonomy.tieTypes.first { $0.id == tie.type }?.label(language) ?? tie.type
            return TieItem(u: u, v: v, element: tieElementID(u, v, type: tie.type), type: tie.type, typeLabel: label,
                           since: tie.since?.year, until: tie.until?.year)
        }
        let typeOrder = taxonomy.tieTypes.map(\.id)
        let allTies = ties
        types = usedTypes.sorted { (typeOrder.firstIndex(of: $0) ?? 99, $0) < (typeOrder.firstIndex(of: $1) ?? 99, $1) }.map { type in
            Choice(id: type, label: allTies.first { $0.type == type }!.typeLabel)
        }
        let familyOrder = taxonomy.families.map(\.id)
        let allActors = actors
        families = Set(allActors.map(\.family)).sorted { (familyOrder.firstIndex(of: $0) ?? 99, $0) < (familyOrder.firstIndex(of: $1) ?? 99, $1) }
            .map { Choice(id: $0, label: taxonomy.familyLabel($0, language)) }
        let dated = allTies.flatMap { [$0.since, $0.until].compactMap { $0 } }
        years = dated.isEmpty ? nil : [dated.min()!, dated.max()!]
        words = fr ? [
            "groups": "Groupes", "ties": "Liens", "none": "aucun lien renseigné", "since": "depuis", "until": "jusqu'en",
            "allYears": "toutes les années", "close": "Fermer", "kind": "Nature", "family": "Famille",
            "actors": "acteurs", "actor": "acteur", "partners": "partenaires", "towards": "Liens vers les autres familles",
            "inside": "liens internes", "more": "et %d autres",
        ] : [
            "groups": "Groups", "ties": "Ties", "none": "no recorded tie", "since": "since", "until": "until",
            "allYears": "all years", "close": "Close", "kind": "Kind", "family": "Family",
            "actors": "actors", "actor": "actor", "partners": "partners", "towards": "Ties to the other families",
            "inside": "internal ties", "more": "and %d more",
        ]
    }

    /// A group kind in words: GES and PTCE as acronyms, the others by the taxonomy's label.
    static func groupKind(_ kind: String, taxonomy: Taxonomy, language: Language) -> String {
        if kind == "ges" || kind == "ptce" { return kind.uppercased() }
        return taxonomy.groupKinds.first { $0.id == kind }?.label(language) ?? kind.replacingOccurrences(of: "_", with: " ")
    }

    /// The JSON text for a data block: keys sorted (same bytes every run), every `<` written `\u003c`.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        // Byte by byte: `<` is one byte in UTF-8 and never part of another character's bytes.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + 64)
        data.withUnsafeBytes { raw in
            for byte in raw {
                if byte == UInt8(ascii: "<") { bytes.append(contentsOf: "\\u003c".utf8) } else { bytes.append(byte) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
