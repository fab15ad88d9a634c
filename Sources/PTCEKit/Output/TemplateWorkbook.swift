import Foundation

/// The workbook to start a network from (`ptce template`): an "À lire" sheet explaining each column with an example,
/// the four table sheets with their headers (headers ptce reads as they are), a "Listes" sheet with the labels of
/// kinds, tie types, group kinds and roles, and drop-down lists on the columns that take them. Empty, it validates;
/// filled in, it is read as it is.
public enum TemplateWorkbook {
    /// Rows a drop-down list covers below the header.
    static let listRows = 2_000

    struct Column {
        let header: (fr: String, en: String)
        let help: (fr: String, en: String)
        let example: String
        let list: String?
        let width: Double
    }

    static let actors: [Column] = [
        .init(header: ("Identifiant", "Id"), help: ("Un code court et unique, sans espace (il sert dans les liens).", "A short unique code without spaces (used in the ties)."), example: "ales-services", list: nil, width: 20),
        .init(header: ("Nom", "Name"), help: ("Le nom de la structure, tel qu'on l'écrit.", "The structure's name, as people write it."), example: "Alès Services Emploi", list: nil, width: 36),
        .init(header: ("Type", "Kind"), help: ("Le type de structure, choisi dans la liste (ACI, AI, commune, entreprise…).", "The kind of structure, chosen in the list (ACI, AI, municipality, business…)."), example: "Atelier et chantier d'insertion (ACI)", list: "kinds", width: 34),
        .init(header: ("Département", "Department"), help: ("Numéro du département (30, 2A…).", "Department number (30, 2A…)."), example: "30", list: nil, width: 12),
        .init(header: ("Commune", "Commune"), help: ("La commune du siège.", "The municipality of the head office."), example: "Alès", list: nil, width: 18),
        .init(header: ("Région", "Region"), help: ("La région.", "The region."), example: "Occitanie", list: nil, width: 18),
        .init(header: ("Année de création", "Creation year"), help: ("L'année de création.", "The year it was created."), example: "1994", list: nil, width: 12),
        .init(header: ("ETP", "FTE"), help: ("Salariés en équivalents temps plein.", "Employees in full-time equivalents."), example: "42", list: nil, width: 8),
        .init(header: ("Référence", "Reference"), help: ("D'où vient l'information (document, date).", "Where the information comes from (document, date)."), example: "Rapport d'activité 2023", list: nil, width: 30),
        .init(header: ("Notes", "Notes"), help: ("Tout ce qui aide à comprendre.", "Anything that helps understand."), example: "", list: nil, width: 30),
    ]

    static let ties: [Column] = [
        .init(header: ("Structure 1", "Source"), help: ("Une des deux structures : son identifiant ou son nom exact.", "One of the two structures: its id or its exact name."), example: "ales-services", list: nil, width: 24),
        .init(header: ("Structure 2", "Target"), help: ("L'autre structure.", "The other structure."), example: "Mairie d'Alès", list: nil, width: 24),
        .init(header: ("Type de lien", "Type"), help: ("La nature du partenariat, choisie dans la liste.", "The kind of partnership, chosen in the list."), example: "Mutualisation de moyens", list: "tieTypes", width: 30),
        .init(header: ("Poids", "Weight"), help: ("L'intensité du lien, un nombre positif (1 si vide).", "The tie's intensity, a positive number (1 when empty)."), example: "2", list: nil, width: 8),
        .init(header: ("Depuis", "Since"), help: ("Année (ou date) de début.", "Year (or date) it started."), example: "2019", list: nil, width: 10),
        .init(header: ("Jusqu'au", "Until"), help: ("Année (ou date) de fin, vide s'il continue ; « 2022 » compte pendant 2022.", "Year (or date) it ended, empty if it goes on; \"2022\" counts during 2022."), example: "", list: nil, width: 10),
        .init(header: ("Référence", "Reference"), help: ("D'où vient l'information.", "Where the information comes from."), example: "Convention du 12/03/2019", list: nil, width: 30),
        .init(header: ("Notes", "Notes"), help: ("Précisions.", "Details."), example: "", list: nil, width: 30),
    ]

    static let groups: [Column] = [
        .init(header: ("Identifiant", "Id"), help: ("Un code court et unique pour le GES, le PTCE ou le réseau.", "A short unique code for the GES, PTCE or network."), example: "ptce-cevennes", list: nil, width: 20),
        .init(header: ("Nom", "Name"), help: ("Son nom.", "Its name."), example: "PTCE des Cévennes", list: nil, width: 34),
        .init(header: ("Type", "Kind"), help: ("GES, PTCE, réseau…, choisi dans la liste.", "GES, PTCE, network…, chosen in the list."), example: "Pôle territorial de coopération économique (PTCE)", list: "groupKinds", width: 34),
        .init(header: ("Département", "Department"), help: ("Numéro du département.", "Department number."), example: "30", list: nil, width: 12),
        .init(header: ("Année de création", "Creation year"), help: ("L'année de création.", "The year it was created."), example: "2015", list: nil, width: 12),
        .init(header: ("Référence", "Reference"), help: ("D'où vient l'information.", "Where the information comes from."), example: "", list: nil, width: 30),
    ]

    static let memberships: [Column] = [
        .init(header: ("Groupe", "Group"), help: ("Le groupe : son identifiant ou son nom.", "The group: its id or its name."), example: "ptce-cevennes", list: nil, width: 22),
        .init(header: ("Membre", "Member"), help: ("La structure (ou le groupe) membre : identifiant ou nom.", "The member structure (or group): id or name."), example: "ales-services", list: nil, width: 22),
        .init(header: ("Rôle", "Role"), help: ("Son rôle, choisi dans la liste (membre si vide).", "Its role, chosen in the list (member when empty)."), example: "Membre fondateur", list: "roles", width: 30),
        .init(header: ("Depuis", "Since"), help: ("Année d'entrée.", "Year it joined."), example: "2015", list: nil, width: 10),
        .init(header: ("Jusqu'au", "Until"), help: ("Année de sortie, vide s'il est toujours membre.", "Year it left, empty if still a member."), example: "", list: nil, width: 10),
        .init(header: ("Référence", "Reference"), help: ("D'où vient l'information.", "Where the information comes from."), example: "", list: nil, width: 30),
    ]

    /// The template `.xlsx` (`ptce template`), headers and drop-down lists in `language`.
    public static func data(language: Language, taxonomy: Taxonomy = .standard) throws -> Data {
        let fr = language == .fr
        let tables: [(name: String, columns: [Column])] = [
            (fr ? "Acteurs" : "Actors", actors), (fr ? "Liens" : "Ties", ties),
            (fr ? "Groupes" : "Groups", groups), (fr ? "Adhésions" : "Memberships", memberships),
        ]
        let vocabularies: [(key: String, title: String, terms: [Taxonomy.Term])] = [
            ("kinds", fr ? "Types de structure" : "Kinds of structure", taxonomy.kinds),
            ("tieTypes", fr ? "Types de lien" : "Tie types", taxonomy.tieTypes),
            ("groupKinds", fr ? "Types de groupe" : "Group kinds", taxonomy.groupKinds),
            ("roles", fr ? "Rôles" : "Roles", taxonomy.roles),
        ]
        let listsName = fr ? "Listes" : "Lists"
        var lists = SheetData(name: listsName, rows: [vocabularies.map { .text($0.title) }], widths: vocabularies.map { _ in 50 })
        let longest = vocabularies.map(\.terms.count).max() ?? 0
        for index in 0..<longest {
            lists.rows.append(vocabularies.map { index < $0.terms.count ? .text($0.terms[index].label(language)) : .empty })
        }
        var reading = SheetData(name: fr ? "À lire" : "Read me",
                                rows: [[.text(fr ? "Feuille" : "Sheet"), .text(fr ? "Colonne" : "Column"),
                                        .text(fr ? "Ce qu'on y écrit" : "What goes there"), .text(fr ? "Exemple" : "Example")]],
                                widths: [14, 22, 80, 40])
        reading.rows.append([.text(fr ? "(toutes)" : "(all)"), .empty,
                             .text(fr ? "Une ligne par structure (Acteurs), par partenariat (Liens), par GES ou PTCE (Groupes), par appartenance (Adhésions). Les colonnes en gras de la première ligne ne se renomment pas ; les feuilles Groupes et Adhésions peuvent rester vides. Vérifiez avec : ptce validate ce-fichier.xlsx"
                                       : "One row per structure (Actors), per partnership (Ties), per GES or PTCE (Groups), per membership (Memberships). Keep the bold headers of the first row; the Groups and Memberships sheets may stay empty. Check with: ptce validate this-file.xlsx"),
                             .empty])
        var sheets: [SheetData] = []
        for table in tables {
            var sheet = SheetData(name: table.name, rows: [table.columns.map { .text(fr ? $0.header.fr : $0.header.en) }], widths: table.columns.map(\.width))
            for (index, column) in table.columns.enumerated() {
                reading.rows.append([.text(table.name), .text(fr ? column.header.fr : column.header.en),
                                     .text(fr ? column.help.fr : column.help.en), column.example.isEmpty ? .empty : .text(column.example)])
                guard let key = column.list, let position = vocabularies.firstIndex(where: { $0.key == key }) else { continue }
                let letter = SourceLocation.columnLetters(index + 1)
                let listLetter = SourceLocation.columnLetters(position + 1)
                let count = vocabularies[position].terms.count
                sheet.lists.append((range: "\(letter)2:\(letter)\(listRows + 1)",
                                    list: "'\(listsName)'!$\(listLetter)$2:$\(listLetter)$\(count + 1)"))
            }
            sheets.append(sheet)
        }
        return try XLSXWriter.write([reading] + sheets + [lists])
    }
}
