import Foundation

/// The questionnaire workbook of one respondent (`ptce survey create`): a sheet that explains it, the sheet
/// "Questionnaire" — the respondent's identity (protected), one row per other actor grouped by family and sorted by
/// name, answer cells with drop-down lists and number checks, rows for partners not listed — and a sheet of lists.
///
/// Layout of the sheet "Questionnaire" (what `SurveyReturn` reads back): A1 the title; A2:B5 the identity block
/// (respondent id, organisation, network, wave); row 7 the header of the partners table; one row per partner from row
/// 8 (name and family, the answer cells, a comment, the partner's id last); after an empty row, the title "Autres
/// partenaires non listés", its header and `Survey.unlistedRows` empty rows.
public struct Questionnaire {
    public var respondent: Actor
    public var network: Network
    public var wave: String
    public var language: Language = .fr
    /// Ask the six trust and value ratings.
    public var indicators = false
    /// Last wave's answers of this respondent, by partner id, written in the answer cells.
    public var previous: [String: Survey.Answer] = [:]
    /// The wave those answers come from, said on the explanation sheet.
    public var previousWave: String?
    public var taxonomy: Taxonomy = .standard

    public init(respondent: Actor, network: Network, wave: String) {
        self.respondent = respondent
        self.network = network
        self.wave = wave
    }

    /// Row (0-based) of the partners table's header.
    static let headerRow = 6

    /// The other actors in the order of the questionnaire: by family (the taxonomy's order), then by name.
    public func partners() -> [Actor] {
        let familyOrder = Dictionary(taxonomy.families.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func rank(_ actor: Actor) -> Int { taxonomy.family(of: actor.kind).flatMap { familyOrder[$0.id] } ?? familyOrder.count }
        return network.actors.filter { $0.id != respondent.id }.sorted {
            let (a, b) = (rank($0), rank($1))
            if a != b { return a < b }
            let (x, y) = (Taxonomy.normalize($0.name), Taxonomy.normalize($1.name))
            return x != y ? x < y : $0.id < $1.id
        }
    }

    /// The `.xlsx` bytes.
    public func workbook() throws -> Data {
        let (lists, list) = listsSheet()
        let partners = partners()
        return try XLSXWriter.write([explanation(partners: partners.count), answerSheet(partners: partners, list: list), lists])
    }

    /// The sheet of the lists the drop-downs offer (yes/no, kinds of cooperation, frequencies, kinds of
    /// organisation), and the reference of each list by its column.
    func listsSheet() -> (SheetData, (Int) -> String) {
        let l = language
        func t(_ fr: String, _ en: String) -> String { Survey.text(l, fr, en) }
        let listsName = t("Listes", "Lists")
        var lists = SheetData(name: listsName, rows: [[.text(t("Oui / non", "Yes / no")), .text(t("Types de coopération", "Kinds of cooperation")),
                                                       .text(t("Fréquences", "Frequencies")), .text(t("Types de structure", "Kinds of organisation"))]],
                              widths: [12, 44, 16, 50])
        let columns = [[Survey.yes(l), Survey.no(l)], taxonomy.tieTypes.map { $0.label(l) }, Survey.Frequency.allCases.map { $0.label(l) },
                       taxonomy.kinds.map { $0.label(l) }]
        for index in 0..<(columns.map(\.count).max() ?? 0) {
            lists.rows.append(columns.map { index < $0.count ? .text($0[index]) : .empty })
        }
        return (lists, { column in
            let letter = SourceLocation.columnLetters(column + 1)
            return "'\(listsName)'!$\(letter)$2:$\(letter)$\(columns[column].count + 1)"
        })
    }

    /// One partner's row: name, family, the answer cells (last wave's answers when given), comment, id.
    func partnerRow(_ partner: Actor) -> [SheetData.Cell] {
        let l = language
        var row: [SheetData.Cell] = [.text(partner.name), .text(taxonomy.family(of: partner.kind).map { taxonomy.familyLabel($0.id, l) } ?? "")]
        let answer = previous[partner.id]
        row.append(answer?.worksTogether.map { .text($0 ? Survey.yes(l) : Survey.no(l)) } ?? .empty)
        let labels = (answer?.types ?? []).map { id in taxonomy.tieTypes.first { $0.id == id }?.label(l) ?? id }
        row.append(labels.isEmpty ? .empty : .text(labels.joined(separator: " ; ")))
        row.append(answer?.since.map { .number(Double($0), .integer) } ?? .empty)
        row.append(answer?.frequency.map { .text($0.label(l)) } ?? .empty)
        row.append(answer?.intensity.map { .number(Double($0), .integer) } ?? .empty)
        if indicators {
            for indicator in Survey.Indicator.allCases {
                row.append(answer?.ratings[indicator].map { .number(Double($0), .integer) } ?? .empty)
            }
        }
        row.append(answer?.comment.map { .text($0) } ?? .empty)
        row.append(.text(partner.id))
        return row
    }

    /// The sheet "Questionnaire": identity block, partners table, rows for partners not listed; protected but for
    /// the answer cells, which offer lists (`list`: a column of the lists sheet) and check numbers.
    func answerSheet(partners: [Actor], list: (Int) -> String) -> SheetData {
        let l = language
        func t(_ fr: String, _ en: String) -> String { Survey.text(l, fr, en) }
        let headers = Survey.partnerHeaders(l, indicators: indicators)
        var sheet = SheetData(name: Survey.sheetName(l), rows: [], header: false)
        sheet.rows.append([.text(Survey.title(l) + (network.title.map { " – \($0)" } ?? ""))])
        sheet.rows.append([.text(Survey.respondentLabel(l)), .text(respondent.id)])
        sheet.rows.append([.text(Survey.organisationLabel(l)), .text(respondent.name)])
        sheet.rows.append([.text(Survey.networkLabel(l)), network.title.map { .text($0) } ?? .empty])
        sheet.rows.append([.text(Survey.waveLabel(l)), .text(wave)])
        sheet.rows.append([])
        sheet.rows.append(headers.map { .text($0) })
        sheet.rows += partners.map(partnerRow)
        let firstPartner = Self.headerRow + 1
        let lastPartner = Self.headerRow + max(partners.count, 1)
        sheet.rows.append([])
        let unlistedTitle = sheet.rows.count
        sheet.rows.append([.text(Survey.unlistedTitle(l))])
        sheet.rows.append(Survey.unlistedHeaders(l).map { .text($0) })
        let firstUnlisted = sheet.rows.count
        let lastUnlisted = firstUnlisted + Survey.unlistedRows - 1

        sheet.titleRows = [0, unlistedTitle]
        sheet.boldRows = [Self.headerRow, unlistedTitle + 1]
        sheet.rowHeights = [Self.headerRow: 58, unlistedTitle + 1: 30]
        sheet.frozenRows = Self.headerRow + 1
        sheet.printTitleRow = Self.headerRow
        sheet.protected = true
        let commentColumn = headers.count - 2
        if !partners.isEmpty { sheet.editable.append((rows: firstPartner...lastPartner, columns: 2...commentColumn)) }
        sheet.editable.append((rows: firstUnlisted...lastUnlisted, columns: 0...4))
        sheet.frozenColumns = 1
        sheet.widths = [36, 18, 11, 28, 8, 13, 9] + (indicators ? Array(repeating: 12, count: 6) : []) + [24, 14]
        func range(_ column: Int, _ first: Int, _ last: Int) -> String {
            let letter = SourceLocation.columnLetters(column + 1)
            return "\(letter)\(first + 1):\(letter)\(last + 1)"
        }
        let rating = t("un nombre entier de 1 à 4", "a whole number from 1 to 4")
        let year = t("une année, par exemple 2019", "a year, for example 2019")
        if !partners.isEmpty {
            sheet.lists += [(range(2, firstPartner, lastPartner), list(0)), (range(3, firstPartner, lastPartner), list(1)),
                            (range(5, firstPartner, lastPartner), list(2))]
            sheet.wholeNumbers.append((range(4, firstPartner, lastPartner), 1900, 2100, year))
            for column in 6...(indicators ? 12 : 6) {
                sheet.wholeNumbers.append((range(column, firstPartner, lastPartner), 1, 4, rating))
            }
        }
        sheet.lists += [(range(1, firstUnlisted, lastUnlisted), list(3)), (range(3, firstUnlisted, lastUnlisted), list(1))]
        sheet.wholeNumbers.append((range(4, firstUnlisted, lastUnlisted), 1900, 2100, year))
        return sheet
    }

    /// The first sheet: what the questionnaire asks and how to fill it, in plain words.
    func explanation(partners: Int) -> SheetData {
        let l = language
        func t(_ fr: String, _ en: String) -> String { Survey.text(l, fr, en) }
        var lines: [String] = [
            Survey.title(l) + (network.title.map { " – \($0)" } ?? ""),
            t("Ce questionnaire est adressé à \(respondent.name). Il demande avec quelles structures du réseau vous travaillez, et comment. Il prend une vingtaine de minutes.",
              "This questionnaire is for \(respondent.name). It asks which organisations of the network you work with, and how. It takes about twenty minutes."),
            t("1. Ouvrez la feuille « Questionnaire ». Elle a une ligne par structure du réseau (\(partners) structures), regroupées par famille puis rangées par nom.",
              "1. Open the sheet \"Questionnaire\". It has one row per organisation of the network (\(partners) organisations), grouped by family and sorted by name."),
            t("2. Colonne « Travaillez-vous ensemble ? » : choisissez oui ou non. Une ligne laissée vide compte comme « pas de réponse ».",
              "2. Column \"Do you work together?\": choose yes or no. A row left empty counts as \"no answer\"."),
            t("3. Si oui : le ou les types de coopération (choisis dans la liste ; pour en donner plusieurs, séparez-les par « ; »), l'année où la coopération a commencé, sa fréquence (jamais, annuelle, trimestrielle, mensuelle, hebdomadaire) et son intensité.",
              "3. If yes: the kind(s) of cooperation (chosen in the list; to give several, separate them with \";\"), the year the cooperation started, how often (never, yearly, quarterly, monthly, weekly) and its intensity."),
            t("   Intensité : 1 = échanges ponctuels ; 2 = coopération régulière ; 3 = coopération forte ; 4 = coopération stratégique (projet, moyens ou gouvernance en commun).",
              "   Intensity: 1 = occasional exchanges; 2 = regular cooperation; 3 = strong cooperation; 4 = strategic cooperation (shared project, resources or governance)."),
        ]
        if indicators {
            lines.append(t("4. Pour chaque partenaire, six notes de 1 (pas du tout) à 4 (tout à fait) :", "4. For each partner, six ratings from 1 (not at all) to 4 (fully):"))
            for indicator in Survey.Indicator.allCases {
                lines.append("   \(indicator.label(l)) : \(indicator.question(l))".replacingOccurrences(of: " : ", with: l == .fr ? " : " : ": "))
            }
        }
        lines += [
            t("\(indicators ? 5 : 4). Vous travaillez avec une structure absente de la liste ? Ajoutez-la en bas, sous « Autres partenaires non listés » (nom, type, commune, type de coopération, année). L'animation du pôle vérifiera avant de l'ajouter.",
              "\(indicators ? 5 : 4). You work with an organisation missing from the list? Add it at the bottom, under \"Other partners not listed\" (name, kind, municipality, kind of cooperation, year). The cluster's team will check before adding it."),
            t("Seules les cellules jaunes se remplissent. Les noms, les familles, l'ordre des colonnes et la dernière colonne (l'identifiant, qui permet de rassembler les réponses de tous les membres) ne se modifient pas.",
              "Only the yellow cells are filled in. Names, families, the order of the columns and the last column (the id, which is how everyone's answers are put together) stay as they are."),
            t("Enregistrez le fichier tel quel (Excel .xlsx ou LibreOffice .ods) et renvoyez-le à l'animation du pôle.",
              "Save the file as it is (Excel .xlsx or LibreOffice .ods) and send it back to the cluster's team."),
            t("Ce que deviennent vos réponses : elles dessinent la carte des coopérations du pôle. Un lien que vous êtes seul à déclarer apparaît comme « déclaré d'un seul côté » jusqu'à ce que l'autre structure le déclare aussi ; si vos réponses diffèrent (type ou année), l'animation vous demandera de les accorder.",
              "What your answers become: they draw the map of the cluster's cooperation. A tie only you declare shows as \"declared by one side\" until the other organisation declares it too; if your answers differ (kind or year), the cluster's team will ask you to agree on them."),
        ]
        if let previousWave {
            lines.insert(t("Vos réponses de la vague \(previousWave) sont déjà remplies : corrigez seulement ce qui a changé.",
                           "Your answers of wave \(previousWave) are already filled in: only correct what has changed."), at: 2)
        }
        var sheet = SheetData(name: t("À lire", "Read me"), rows: lines.map { [.text($0)] }, header: false, widths: [100])
        sheet.titleRows = [0]
        // About 95 characters a line at this width: each row as tall as its text.
        for (index, line) in lines.enumerated() where index > 0 {
            sheet.rowHeights[index] = 15 * Double((line.count + 94) / 95)
        }
        return sheet
    }
}
