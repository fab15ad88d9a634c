/// The columns ptce knows in each input file, with the header aliases French spreadsheets use.
///
/// Headers are compared after `Taxonomy.normalize` (case, accents, punctuation ignored): `Jusqu'à`, `jusqua` and
/// `JUSQU A` all name `until`. A column that matches nothing is kept as a free attribute.
package enum Columns {
    package struct Column: Sendable {
        package let name: String
        package let required: Bool
        package let aliases: [String]
    }

    static let actors: [Column] = [
        .init(name: "id", required: true, aliases: ["identifiant", "code", "actor", "acteur", "actor_id"]),
        .init(name: "name", required: true, aliases: ["nom", "raison sociale", "denomination", "libelle", "label"]),
        .init(name: "kind", required: true, aliases: ["type", "nature", "statut", "type de structure", "categorie"]),
        .init(name: "department", required: false, aliases: ["departement", "dept", "dep", "code departement", "territoire", "territory"]),
        .init(name: "commune", required: false, aliases: ["ville", "city", "localite", "localisation"]),
        .init(name: "region", required: false, aliases: []),
        .init(name: "latitude", required: false, aliases: ["lat"]),
        .init(name: "longitude", required: false, aliases: ["lon", "lng", "long"]),
        .init(name: "creation_year", required: false, aliases: ["created", "creation", "annee de creation", "date de creation", "annee creation", "founded"]),
        .init(name: "fte", required: false, aliases: ["etp", "nombre d etp", "equivalent temps plein"]),
        .init(name: "revenue", required: false, aliases: ["chiffre d affaires", "ca", "chiffre affaires", "turnover"]),
        .init(name: "certifications", required: false, aliases: ["certification", "labels", "label qualite", "qualite"]),
        .init(name: "website", required: false, aliases: ["site", "site web", "site internet", "url", "web"]),
        .init(name: "reference", required: false, aliases: ["source", "sources", "ref", "provenance"]),
        .init(name: "notes", required: false, aliases: ["note", "commentaire", "commentaires", "remarques", "comment"]),
    ]

    static let groups: [Column] = [
        .init(name: "id", required: true, aliases: ["identifiant", "code", "group", "groupe"]),
        .init(name: "name", required: true, aliases: ["nom", "denomination", "libelle", "label"]),
        .init(name: "kind", required: true, aliases: ["type", "nature", "categorie"]),
        .init(name: "department", required: false, aliases: ["departement", "dept", "dep", "territoire", "territory"]),
        .init(name: "commune", required: false, aliases: ["ville", "city", "localite"]),
        .init(name: "region", required: false, aliases: []),
        .init(name: "creation_year", required: false, aliases: ["created", "creation", "annee de creation", "date de creation", "founded"]),
        .init(name: "reference", required: false, aliases: ["source", "sources", "ref", "provenance"]),
        .init(name: "notes", required: false, aliases: ["note", "commentaire", "commentaires", "remarques", "comment"]),
    ]

    static let memberships: [Column] = [
        .init(name: "group", required: true, aliases: ["groupe", "group_id", "ges", "ptce"]),
        .init(name: "member", required: true, aliases: ["membre", "member_id", "actor", "acteur", "structure"]),
        .init(name: "role", required: false, aliases: ["fonction", "qualite"]),
        .init(name: "since", required: false, aliases: ["depuis", "debut", "date de debut", "from", "start"]),
        .init(name: "until", required: false, aliases: ["jusqu a", "jusqua", "fin", "date de fin", "to", "end"]),
        .init(name: "reference", required: false, aliases: ["source", "sources", "ref", "provenance"]),
        .init(name: "notes", required: false, aliases: ["note", "commentaire", "commentaires", "remarques", "comment"]),
    ]

    /// In `ties.csv`, `source` is the first actor; where the facts come from is `reference`.
    static let ties: [Column] = [
        .init(name: "source", required: true, aliases: ["from", "de", "acteur 1", "actor1", "source_id", "origine"]),
        .init(name: "target", required: true, aliases: ["to", "vers", "a", "acteur 2", "actor2", "target_id", "cible", "destination"]),
        .init(name: "type", required: false, aliases: ["nature", "type de lien", "type de partenariat", "relation"]),
        .init(name: "weight", required: false, aliases: ["poids", "intensite", "force"]),
        .init(name: "directed", required: false, aliases: ["oriente", "dirige", "sens unique"]),
        .init(name: "since", required: false, aliases: ["depuis", "debut", "date de debut", "start"]),
        .init(name: "until", required: false, aliases: ["jusqu a", "jusqua", "fin", "date de fin", "end"]),
        .init(name: "reference", required: false, aliases: ["ref", "provenance", "sources", "source du lien"]),
        .init(name: "notes", required: false, aliases: ["note", "commentaire", "commentaires", "remarques", "comment"]),
    ]

    /// Plain edge lists: `source,target[,weight]`.
    static let edgeList: [Column] = [
        .init(name: "source", required: true, aliases: ["from", "de", "u", "node1", "source_id"]),
        .init(name: "target", required: true, aliases: ["to", "vers", "v", "node2", "target_id"]),
        .init(name: "weight", required: false, aliases: ["poids", "w"]),
    ]

    /// `--nodes` file of an edge list: ids, optionally names and kinds.
    static let nodes: [Column] = [
        .init(name: "id", required: true, aliases: ["identifiant", "node", "noeud"]),
        .init(name: "name", required: false, aliases: ["nom", "label"]),
        .init(name: "kind", required: false, aliases: ["type"]),
    ]

    /// `columns` with the header wordings of `extra` (a taxonomy's `columns` entry for the table) added.
    static func merged(_ columns: [Column], _ extra: [String: [String]]?) -> [Column] {
        guard let extra else { return columns }
        return columns.map { column in
            Column(name: column.name, required: column.required, aliases: column.aliases + (extra[column.name] ?? []))
        }
    }
}
