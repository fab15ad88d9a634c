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
            let family = Self.family(of: actor, taxonomy: taxonomy)
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
        let index = network.actorIndex()
        var usedTypes: [String] = []
        ties = network.ties.compactMap { tie in
            guard let (u, v) = Self.mapped(tie, index: index, at: input.at) else { return nil }
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
        ] : [
            "groups": "Groups", "ties": "Ties", "none": "no recorded tie", "since": "since", "until": "until",
            "allYears": "all years", "close": "Close", "kind": "Kind", "family": "Family",
        ]
    }

    /// An actor's family id (`unspecified` when its kind has none).
    static func family(of actor: Actor, taxonomy: Taxonomy) -> String {
        taxonomy.family(of: actor.kind)?.id ?? "unspecified"
    }

    /// The nodes of the aggregate map by family: their labels in order of first appearance in the actors (the order
    /// the diagram numbers them `value-N`), and each actor's node.
    static func familyNodes(_ input: ReportInput) -> (labels: [String], nodeOf: [Int]) {
        var labels: [String] = []
        var known: [String: Int] = [:]
        let nodeOf = input.network.actors.map { actor in
            let label = input.taxonomy.familyLabel(family(of: actor, taxonomy: input.taxonomy), input.language)
            if let node = known[label] { return node }
            known[label] = labels.count
            labels.append(label)
            return labels.count - 1
        }
        return (labels, nodeOf)
    }

    /// A tie's two actors as indices, nil for a tie to itself, to an unknown actor or inactive at `at`: the ties the
    /// map draws.
    static func mapped(_ tie: Partnership, index: [String: Int], at: Int?) -> (Int, Int)? {
        guard let u = index[tie.source], let v = index[tie.target], u != v else { return nil }
        if let at, !tie.isActive(in: at) { return nil }
        return (u, v)
    }

    /// A group kind in words: GES and PTCE as acronyms, the others by the taxonomy's label.
    static func groupKind(_ kind: String, taxonomy: Taxonomy, language: Language) -> String {
        if kind == "ges" || kind == "ptce" { return kind.uppercased() }
        return taxonomy.groupKinds.first { $0.id == kind }?.label(language) ?? kind.replacingOccurrences(of: "_", with: " ")
    }

    /// The JSON text for the data block.
    func json() -> String { dataBlockJSON(self) }
}

/// What the aggregate map's family cards show, computed here rather than in the page: for each family node, its
/// number of actors, its ties inside and towards each other family, and its best-connected actors. The page used to
/// receive every actor's card and every tie (`MapData`) and count them itself: 200 MB of JSON for a network of
/// 266,785 actors, which a browser does not open usefully, for 30 names per family.
struct AggregateData: Encodable {
    struct Family: Encodable {
        var label: String
        /// Its actors.
        var count: Int
        /// Ties between two of its actors.
        var inside: Int
        /// [other family node, ties towards it], most ties first (then by node).
        var towards: [[Int]]
        /// Its `shown` best-connected actors: most partners first, then by name (case and accents aside).
        var top: [Member]
    }

    struct Member: Encodable {
        var name: String
        /// Distinct actors it has a tie with.
        var partners: Int
    }

    /// Actors listed on a family's card.
    static let shown = 30

    var families: [Family]
    var words: [String: String]

    init(input: ReportInput) {
        let fr = input.language == .fr
        let actors = input.network.actors
        let (labels, nodeOf) = MapData.familyNodes(input)
        let index = input.network.actorIndex()
        var inside = [Int](repeating: 0, count: labels.count)
        var towards = [[Int: Int]](repeating: [:], count: labels.count)
        var pairs: [UInt64] = []
        for tie in input.network.ties {
            guard let (u, v) = MapData.mapped(tie, index: index, at: input.at) else { continue }
            let (a, b) = (nodeOf[u], nodeOf[v])
            if a == b { inside[a] += 1 } else { towards[a][b, default: 0] += 1; towards[b][a, default: 0] += 1 }
            pairs.append(UInt64(min(u, v)) << 32 | UInt64(max(u, v)))
        }
        pairs.sort()
        var partners = [Int](repeating: 0, count: actors.count)
        var previous: UInt64?
        for pair in pairs where pair != previous {
            partners[Int(pair >> 32)] += 1
            partners[Int(pair & 0xFFFF_FFFF)] += 1
            previous = pair
        }
        var members = [[Int]](repeating: [], count: labels.count)
        for (i, node) in nodeOf.enumerated() { members[node].append(i) }
        families = labels.indices.map { node in
            Family(label: labels[node], count: members[node].count, inside: inside[node],
                   towards: towards[node].sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { [$0.key, $0.value] },
                   top: Self.best(members[node], partners: partners, actors: actors).map { Member(name: actors[$0].name, partners: partners[$0]) })
        }
        words = fr ? ["actors": "acteurs", "actor": "acteur", "partners": "partenaires", "towards": "Liens vers les autres familles",
                      "inside": "liens internes", "more": "et %d autres", "close": "Fermer"]
                   : ["actors": "actors", "actor": "actor", "partners": "partners", "towards": "Ties to the other families",
                      "inside": "internal ties", "more": "and %d more", "close": "Close"]
    }

    /// The `shown` actors of `members` with most partners, then by name with case and accents aside, then by name and
    /// index (a total order: the same list every run). Names are compared only among the candidates that can make it.
    static func best(_ members: [Int], partners: [Int], actors: [Actor]) -> [Int] {
        guard !members.isEmpty else { return [] }
        let byPartners = members.sorted { (partners[$1], $0) < (partners[$0], $1) }
        let bar = partners[byPartners[min(shown, byPartners.count) - 1]]
        let candidates = byPartners.prefix { partners[$0] >= bar }
        let keys = Dictionary(uniqueKeysWithValues: candidates.map { ($0, Taxonomy.normalize(actors[$0].name)) })
        return Array(candidates.sorted { a, b in
            (partners[b], keys[a]!, actors[a].name, a) < (partners[a], keys[b]!, actors[b].name, b)
        }.prefix(shown))
    }

    /// The JSON text for the data block.
    func json() -> String { dataBlockJSON(self) }
}

/// The JSON text of a report data block: keys sorted (same bytes every run), every `<` written `\u003c` so that no
/// name can end the block.
func dataBlockJSON(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
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
