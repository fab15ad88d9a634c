import Foundation

/// A returned questionnaire, read back (`.xlsx`, `.ods`, or the sheet "Questionnaire" saved as CSV): the respondent
/// from the pre-filled identity cell, the answers row by row, the partners proposed. Every problem names its cell;
/// a structure that was edited (a header renamed, a column inserted, an id changed) is refused at that cell, since
/// answers could then be read in the wrong column.
public struct SurveyReturn: Sendable {
    public var file: String
    public var respondent: String
    public var wave: String
    public var language: Language
    /// The questionnaire asked the trust and value ratings.
    public var indicators: Bool
    /// Answers of rows with something written, in row order.
    public var answers: [Survey.Answer]
    public var proposed: [Survey.ProposedPartner]
    /// When the file was last saved (to keep the newest of two returns of one respondent).
    public var modified: Date?

    /// Nothing answered: every row and every "not listed" row empty.
    public var isEmpty: Bool { answers.allSatisfy(\.isEmpty) && proposed.isEmpty }

    /// The cells of one sheet, by row number then column number (1-based), and how to name a cell in messages.
    struct Grid {
        var rows: [(number: Int, cells: [Int: String])]
        var file: String
        var sheet: String?

        func location(_ row: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: row, column: column, sheet: sheet, cell: sheet == nil ? true : nil)
        }
    }

    /// Reads the file at `path` (`display` names it in messages) against `network`; nil with errors in
    /// `diagnostics` when it cannot be used. Warnings (an answer read in its one plausible way) are added too.
    public static func read(path: String, display: String? = nil, network: Network, taxonomy: Taxonomy = .standard,
                            diagnostics: inout [Diagnostic]) -> SurveyReturn? {
        let display = display ?? path
        let grids: [Grid]
        do { grids = try Self.grids(path: path, display: display) } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
        // The sheet with the identity block: "Identifiant du répondant" (or "Respondent id") in column A.
        for grid in grids {
            for row in grid.rows.prefix(12) {
                let label = Taxonomy.normalize(row.cells[1] ?? "")
                for language in [Language.fr, .en] where label == Taxonomy.normalize(Survey.respondentLabel(language)) {
                    var reader = Reader(grid: grid, network: network, taxonomy: taxonomy, language: language)
                    let result = reader.read(identityRow: row.number)
                    diagnostics += reader.diagnostics
                    guard var result, !reader.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
                    result.modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
                    return result
                }
            }
        }
        diagnostics.append(Diagnostic(.error, SourceLocation(file: display, line: 1, column: 1), code: "not-a-questionnaire",
            Localized(fr: "ce fichier n'est pas un questionnaire de ptce : aucune cellule « \(Survey.respondentLabel(.fr)) » en colonne A",
                      en: "this file is not a ptce questionnaire: no cell '\(Survey.respondentLabel(.en))' in column A"),
            hint: Localized(fr: "les questionnaires sont écrits par « ptce survey create » ; retirez ce fichier de la liste des réponses",
                            en: "questionnaires are written by 'ptce survey create'; take this file out of the list of answers")))
        return nil
    }

    /// The sheets of a workbook, or the one table of a CSV file.
    static func grids(path: String, display: String) throws(InputError) -> [Grid] {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["csv", "tsv", "txt"].contains(ext) {
            let reader = try CSVReader(path: path, displayName: display)
            var rows: [(number: Int, cells: [Int: String])] = []
            while let record = try reader.nextRecord() {
                var cells: [Int: String] = [:]
                for (index, field) in record.enumerated() where !field.text.trimmingCharacters(in: .whitespaces).isEmpty {
                    cells[index + 1] = field.text
                }
                if !cells.isEmpty { rows.append((record.first?.line ?? 0, cells)) }
            }
            return [Grid(rows: rows, file: display, sheet: nil)]
        }
        let workbook = try Workbook.read(path: path, display: display)
        return workbook.sheets.map { sheet in
            Grid(rows: sheet.rows.map { row in
                (row.number, Dictionary(row.cells.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }.map { ($0.column, $0.text) },
                                        uniquingKeysWith: { a, _ in a }))
            }, file: display, sheet: sheet.name)
        }
    }

    /// Reads one questionnaire sheet.
    struct Reader {
        let grid: Grid
        let network: Network
        let taxonomy: Taxonomy
        let language: Language
        var diagnostics: [Diagnostic] = []

        init(grid: Grid, network: Network, taxonomy: Taxonomy, language: Language) {
            self.grid = grid
            self.network = network
            self.taxonomy = taxonomy
            self.language = language
        }

        mutating func error(_ row: Int, _ column: Int, _ code: String, fr: String, en: String, hintFr: String, hintEn: String) {
            diagnostics.append(Diagnostic(.error, grid.location(row, column), code: code, Localized(fr: fr, en: en),
                                          hint: Localized(fr: hintFr, en: hintEn)))
        }

        mutating func edited(_ row: Int, _ column: Int, expected: String, found: String) {
            error(row, column, "questionnaire-edited",
                  fr: "la structure du questionnaire a été modifiée : cette cellule devrait contenir « \(expected) »\(found.isEmpty ? " et elle est vide" : " et contient « \(found) »")",
                  en: "the questionnaire's layout was changed: this cell should read '\(expected)'\(found.isEmpty ? " and it is empty" : " and reads '\(found)'")",
                  hintFr: "remettez le texte d'origine (ou recopiez les réponses dans un questionnaire neuf) : sans lui, les réponses pourraient être lues dans la mauvaise colonne",
                  hintEn: "put the original text back (or copy the answers into a fresh questionnaire): without it, answers could be read in the wrong column")
        }

        mutating func read(identityRow: Int) -> SurveyReturn? {
            let l = language
            let rows = grid.rows
            guard let identityIndex = rows.firstIndex(where: { $0.number == identityRow }) else { return nil }
            let respondent = (rows[identityIndex].cells[2] ?? "").trimmingCharacters(in: .whitespaces)
            let ids = Set(network.actors.map(\.id))
            guard !respondent.isEmpty else {
                error(identityRow, 2, "questionnaire-edited", fr: "l'identifiant du répondant a été effacé", en: "the respondent's id was erased",
                      hintFr: "remettez l'identifiant écrit par ptce survey create (le nom du fichier donne la structure)",
                      hintEn: "put back the id written by ptce survey create (the file name gives the organisation)")
                return nil
            }
            guard ids.contains(respondent) else {
                let close = closestIDs(respondent)
                error(identityRow, 2, "unknown-respondent",
                      fr: "répondant « \(respondent) » inconnu du réseau", en: "respondent '\(respondent)' is not in the network",
                      hintFr: close.isEmpty ? "ce questionnaire vient d'un autre réseau, ou l'identifiant a été modifié" : "identifiants proches : \(close.joined(separator: ", "))",
                      hintEn: close.isEmpty ? "this questionnaire comes from another network, or the id was changed" : "close ids: \(close.joined(separator: ", "))")
                return nil
            }
            var wave = ""
            for row in rows[identityIndex...].prefix(6) where Taxonomy.normalize(row.cells[1] ?? "") == Taxonomy.normalize(Survey.waveLabel(l)) {
                wave = (row.cells[2] ?? "").trimmingCharacters(in: .whitespaces)
            }

            // The partners table's header: "Structure", "Famille" in A and B.
            let base = Survey.partnerHeaders(l, indicators: false)
            let (first, second) = (Taxonomy.normalize(base[0]), Taxonomy.normalize(base[1]))
            guard let headerIndex = rows[identityIndex...].firstIndex(where: {
                Taxonomy.normalize($0.cells[1] ?? "") == first && Taxonomy.normalize($0.cells[2] ?? "") == second
            }) else {
                error(identityRow, 1, "questionnaire-edited",
                      fr: "la structure du questionnaire a été modifiée : la ligne d'en-tête du tableau (« \(Survey.partnerHeaders(.fr, indicators: false).prefix(4).joined(separator: " », « ")) »…) est introuvable",
                      en: "the questionnaire's layout was changed: the table's header row ('\(Survey.partnerHeaders(.en, indicators: false).prefix(4).joined(separator: "', '"))'…) is missing",
                      hintFr: "recopiez les réponses dans un questionnaire neuf (ptce survey create)", hintEn: "copy the answers into a fresh questionnaire (ptce survey create)")
                return nil
            }
            let header = rows[headerIndex]
            let withIndicators = Taxonomy.normalize(header.cells[8] ?? "") == Taxonomy.normalize(Survey.partnerHeaders(l, indicators: true)[7])
            let expected = Survey.partnerHeaders(l, indicators: withIndicators)
            for (index, text) in expected.enumerated() where Taxonomy.normalize(header.cells[index + 1] ?? "") != Taxonomy.normalize(text) {
                edited(header.number, index + 1, expected: text, found: header.cells[index + 1] ?? "")
                return nil
            }
            if let extra = header.cells.keys.filter({ $0 > expected.count }).min() {
                edited(header.number, extra, expected: "", found: header.cells[extra] ?? "")
                return nil
            }
            let idColumn = expected.count

            var index = headerIndex + 1
            let answers = partnerRows(&index, idColumn: idColumn, respondent: respondent, indicators: withIndicators)
            guard let proposed = unlistedRows(&index) else { return nil }
            return SurveyReturn(file: grid.file, respondent: respondent, wave: wave, language: l, indicators: withIndicators,
                                answers: answers, proposed: proposed, modified: nil)
        }

        /// The partners table's rows from `index` to the title of the "not listed" rows (left at `index`).
        mutating func partnerRows(_ index: inout Int, idColumn: Int, respondent: String, indicators withIndicators: Bool) -> [Survey.Answer] {
            let l = language
            let rows = grid.rows
            let ids = Set(network.actors.map(\.id))
            // Partners, until the title of the "not listed" rows.
            let unlistedTitle = Taxonomy.normalize(Survey.unlistedTitle(l))
            var answers: [Survey.Answer] = []
            var seen: [String: Int] = [:]
            while index < rows.count, Taxonomy.normalize(rows[index].cells[1] ?? "") != unlistedTitle {
                let row = rows[index]
                index += 1
                let id = (row.cells[idColumn] ?? "").trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty else {
                    let column = row.cells.keys.min() ?? 1
                    let letter = SourceLocation.columnLetters(idColumn)
                    error(row.number, idColumn, "questionnaire-edited",
                          fr: "ligne sans identifiant de structure (elle est remplie à partir de la colonne \(SourceLocation.columnLetters(column)) mais la colonne \(letter) est vide)",
                          en: "row without an organisation id (it is filled from column \(SourceLocation.columnLetters(column)) but column \(letter) is empty)",
                          hintFr: "remettez l'identifiant de la ligne, ou écrivez ce partenaire sous « \(Survey.unlistedTitle(.fr)) »",
                          hintEn: "put the row's id back, or write this partner under '\(Survey.unlistedTitle(.en))'")
                    continue
                }
                guard ids.contains(id), id != respondent else {
                    let close = closestIDs(id)
                    error(row.number, idColumn, "questionnaire-edited",
                          fr: id == respondent ? "la structure répondante figure parmi ses propres partenaires" : "« \(id) » n'est pas un identifiant du réseau : la liste des structures a été modifiée",
                          en: id == respondent ? "the respondent is listed among its own partners" : "'\(id)' is not an id of the network: the list of organisations was changed",
                          hintFr: close.isEmpty ? "remettez l'identifiant d'origine ; un partenaire absent de la liste s'écrit sous « \(Survey.unlistedTitle(.fr)) »" : "identifiants proches : \(close.joined(separator: ", "))",
                          hintEn: close.isEmpty ? "put the original id back; a partner missing from the list goes under '\(Survey.unlistedTitle(.en))'" : "close ids: \(close.joined(separator: ", "))")
                    continue
                }
                if let first = seen[id] {
                    error(row.number, idColumn, "questionnaire-edited",
                          fr: "« \(id) » figure deux fois (déjà en ligne \(first))", en: "'\(id)' appears twice (already on row \(first))",
                          hintFr: "gardez une seule ligne par structure", hintEn: "keep one row per organisation")
                    continue
                }
                seen[id] = row.number
                if let answer = answer(row, partner: id, indicators: withIndicators) { answers.append(answer) }
            }

            return answers
        }

        /// The "not listed" rows after their title (at `index`): nil when their header was edited.
        mutating func unlistedRows(_ index: inout Int) -> [Survey.ProposedPartner]? {
            let l = language
            let rows = grid.rows
            // Partners not listed: after the title, its header, then rows with a name.
            var proposed: [Survey.ProposedPartner] = []
            if index < rows.count {
                index += 1
                let expectedUnlisted = Survey.unlistedHeaders(l)
                if index < rows.count, Taxonomy.normalize(rows[index].cells[1] ?? "") == Taxonomy.normalize(expectedUnlisted[0]) {
                    let unlistedHeader = rows[index]
                    for (column, text) in expectedUnlisted.enumerated() where Taxonomy.normalize(unlistedHeader.cells[column + 1] ?? "") != Taxonomy.normalize(text) {
                        edited(unlistedHeader.number, column + 1, expected: text, found: unlistedHeader.cells[column + 1] ?? "")
                        return nil
                    }
                    index += 1
                }
                while index < rows.count {
                    let row = rows[index]
                    index += 1
                    if let partner = unlisted(row) { proposed.append(partner) }
                }
            }
            return proposed
        }

        /// Ids of the network close to `id` (at most three), for hints.
        func closestIDs(_ id: String) -> [String] {
            let key = Taxonomy.normalize(id)
            let limit = max(2, key.count / 3)
            let distances: [(id: String, distance: Int)] = network.actors.map { ($0.id, editDistance(key, Taxonomy.normalize($0.id))) }
            let close = distances.filter { $0.distance <= limit }
            return close.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.id < $1.id }.prefix(3).map(\.id)
        }

        mutating func types(_ text: String?, row: Int, column: Int) -> [String] {
            guard let text else { return [] }
            let vocabulary = Vocabulary.of(taxonomy.tieTypes)
            var ids: [String] = []
            for part in text.split(whereSeparator: { $0 == ";" || $0.isNewline }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                if let id = vocabulary.resolve(part) {
                    if !ids.contains(id) { ids.append(id) }
                } else {
                    let near = vocabulary.nearest(to: part)
                    error(row, column, "survey-answer",
                          fr: "type de coopération inconnu « \(part) »", en: "unknown kind of cooperation '\(part)'",
                          hintFr: (near.map { "vouliez-vous dire « \($0.fr) » ? " } ?? "") + "choisissez dans la liste ; pour plusieurs types, séparez-les par « ; »",
                          hintEn: (near.map { "did you mean '\($0.en)'? " } ?? "") + "choose from the list; for several kinds, separate them with ';'")
                }
            }
            return ids
        }

        mutating func year(_ text: String?, row: Int, column: Int) -> Int? {
            guard let text else { return nil }
            if case .success(let date) = PartialDate.parse(text), (1900...2100).contains(date.year) { return date.year }
            if let number = Values.number(text), number == number.rounded(), (1900...2100).contains(number) { return Int(number) }
            error(row, column, "survey-answer", fr: "« \(text) » n'est pas une année", en: "'\(text)' is not a year",
                  hintFr: "écrivez l'année où la coopération a commencé, par exemple 2019 (ou laissez vide)",
                  hintEn: "write the year the cooperation started, for example 2019 (or leave it empty)")
            return nil
        }

        mutating func rating(_ text: String?, row: Int, column: Int) -> Int? {
            guard let text else { return nil }
            if let number = Values.number(text), number == number.rounded(), (1...4).contains(number) { return Int(number) }
            error(row, column, "survey-answer", fr: "« \(text) » n'est pas une note de 1 à 4", en: "'\(text)' is not a rating from 1 to 4",
                  hintFr: "écrivez 1, 2, 3 ou 4 (ou laissez vide)", hintEn: "write 1, 2, 3 or 4 (or leave it empty)")
            return nil
        }

        mutating func answer(_ row: (number: Int, cells: [Int: String]), partner: String, indicators: Bool) -> Survey.Answer? {
            let n = row.number
            var answer = Survey.Answer(partner: partner)
            answer.location = grid.location(n, 3).description
            if let text = row.cells[3] {
                if let value = Values.bool(text) { answer.worksTogether = value } else {
                    error(n, 3, "survey-answer", fr: "« \(text) » n'est ni oui ni non", en: "'\(text)' is neither yes nor no",
                          hintFr: "choisissez oui ou non dans la liste (ou laissez vide)", hintEn: "choose yes or no in the list (or leave it empty)")
                }
            }
            answer.types = types(row.cells[4], row: n, column: 4)
            answer.since = year(row.cells[5], row: n, column: 5)
            if let text = row.cells[6] {
                if let frequency = Survey.Frequency.read(text) { answer.frequency = frequency } else {
                    error(n, 6, "survey-answer", fr: "fréquence inconnue « \(text) »", en: "unknown frequency '\(text)'",
                          hintFr: "choisissez dans la liste : \(Survey.Frequency.allCases.map { $0.label(.fr) }.joined(separator: ", "))",
                          hintEn: "choose from the list: \(Survey.Frequency.allCases.map { $0.label(.en) }.joined(separator: ", "))")
                }
            }
            answer.intensity = rating(row.cells[7], row: n, column: 7)
            var column = 8
            if indicators {
                for indicator in Survey.Indicator.allCases {
                    if let value = rating(row.cells[column], row: n, column: column) { answer.ratings[indicator] = value }
                    column += 1
                }
            }
            answer.comment = row.cells[column]?.trimmingCharacters(in: .whitespacesAndNewlines)
            let details = !answer.types.isEmpty || answer.since != nil || answer.intensity != nil
                || (answer.frequency.map { $0 != .never } ?? false)
            if answer.worksTogether == false && details {
                error(n, 3, "survey-contradictory-row",
                      fr: "« non » à « \(Survey.partnerHeaders(.fr, indicators: false)[2]) », mais la ligne décrit une coopération (type, année, fréquence ou intensité)",
                      en: "'no' to '\(Survey.partnerHeaders(.en, indicators: false)[2])', but the row describes a cooperation (kind, year, frequency or intensity)",
                      hintFr: "demandez au répondant laquelle est juste : corrigez « non » en « oui », ou videz le reste de la ligne",
                      hintEn: "ask the respondent which is right: change 'no' to 'yes', or empty the rest of the row")
            } else if answer.worksTogether == nil && details {
                answer.worksTogether = true
                diagnostics.append(Diagnostic(.warning, grid.location(n, 3), code: "survey-read-as-yes",
                    Localized(fr: "« \(Survey.partnerHeaders(.fr, indicators: false)[2]) » est vide mais la ligne décrit une coopération : lu comme « oui »",
                              en: "'\(Survey.partnerHeaders(.en, indicators: false)[2])' is empty but the row describes a cooperation: read as 'yes'")))
            }
            return answer.isEmpty ? nil : answer
        }

        mutating func unlisted(_ row: (number: Int, cells: [Int: String])) -> Survey.ProposedPartner? {
            let n = row.number
            let name = (row.cells[1] ?? "").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                if let column = row.cells.keys.min() {
                    error(n, 1, "survey-answer", fr: "partenaire non listé sans nom (la ligne est remplie à partir de la colonne \(SourceLocation.columnLetters(column)))",
                          en: "partner not listed without a name (the row is filled from column \(SourceLocation.columnLetters(column)))",
                          hintFr: "écrivez le nom de la structure en colonne A, ou videz la ligne", hintEn: "write the organisation's name in column A, or empty the row")
                }
                return nil
            }
            var partner = Survey.ProposedPartner(name: name)
            partner.location = grid.location(n, 1).description
            if let kind = row.cells[2] { partner.kind = Vocabulary.of(taxonomy.kinds).resolve(kind) ?? kind.trimmingCharacters(in: .whitespaces) }
            partner.commune = row.cells[3]?.trimmingCharacters(in: .whitespaces)
            partner.types = types(row.cells[4], row: n, column: 4)
            partner.since = year(row.cells[5], row: n, column: 5)
            return partner
        }
    }
}
