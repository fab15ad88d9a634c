import Foundation

/// The rows of one sheet as records for `Table`: every row has a field for each column up to its last filled cell
/// (empty cells are empty fields), so that columns line up with the header. Rows above the header and totals rows
/// are taken away by `ForgivingReader`, as for CSV files.
final class SheetReader: RecordReader {
    let displayName: String
    let sheet: String
    private var rows: ArraySlice<(number: Int, cells: [(column: Int, text: String)])>

    init(file: String, sheet: Workbook.Sheet) {
        displayName = file
        self.sheet = sheet.name
        rows = sheet.rows[...]
    }

    func nextRecord() throws(InputError) -> [CSVField]? {
        while let row = rows.popFirst() {
            var fields: [CSVField] = []
            let last = row.cells.last?.column ?? 0
            var cells = row.cells[...]
            for column in 1...max(last, 1) {
                if let cell = cells.first, cell.column == column {
                    fields.append(CSVField(text: cell.text, line: row.number, column: column))
                    cells = cells.dropFirst()
                } else {
                    fields.append(CSVField(text: "", line: row.number, column: column))
                }
            }
            return fields
        }
        return nil
    }

    var encodingWarning: Diagnostic? { nil }

    var extraFieldHint: Localized {
        Localized(fr: "cette cellule n'a pas d'en-tête : nommez la colonne dans la ligne d'en-tête, ou videz la cellule",
                  en: "this cell has no header: name the column in the header row, or empty the cell")
    }

    func location(line: Int, column: Int) -> SourceLocation { SourceLocation(file: displayName, line: line, column: column, sheet: sheet) }
    func cellLocation(line: Int, column: Int) -> SourceLocation { location(line: line, column: column) }
}

extension NetworkLoader {
    /// The tables of a network folder, by role, with the words that name their sheet in a workbook (after
    /// `Taxonomy.normalize`) and the file name in a folder.
    enum TableRole: CaseIterable {
        case actors, groups, memberships, ties

        /// The columns with the header wordings of `taxonomy`.
        func columns(_ taxonomy: Taxonomy) -> [Columns.Column] {
            Columns.merged(columns, taxonomy.columns?[key])
        }

        /// The table's key in a taxonomy's `columns`.
        var key: String {
            switch self {
            case .actors: "actors"
            case .groups: "groups"
            case .memberships: "memberships"
            case .ties: "ties"
            }
        }

        var columns: [Columns.Column] {
            switch self {
            case .actors: Columns.actors
            case .groups: Columns.groups
            case .memberships: Columns.memberships
            case .ties: Columns.ties
            }
        }

        var sheetNames: Set<String> {
            switch self {
            case .actors: ["acteurs", "actors", "acteur", "actor", "structures", "organisations", "organizations"]
            case .groups: ["groupes", "groups", "groupe", "group"]
            case .memberships: ["adhesions", "appartenances", "memberships", "adhesion", "appartenance", "membership", "membres des groupes"]
            case .ties: ["liens", "ties", "lien", "tie", "partenariats", "partnerships", "partenariat", "relations", "cooperations"]
            }
        }

        /// The file of this table in a network folder.
        var fileName: String {
            switch self {
            case .actors: "actors.csv"
            case .groups: "groups.csv"
            case .memberships: "memberships.csv"
            case .ties: "ties.csv"
            }
        }

        /// French (and other everyday) file names accepted for the table.
        var frenchFileNames: [String] {
            switch self {
            case .actors: ["acteurs.csv", "structures.csv"]
            case .groups: ["groupes.csv"]
            case .memberships: ["adhesions.csv", "appartenances.csv"]
            case .ties: ["liens.csv", "partenariats.csv"]
            }
        }

        var label: Localized {
            switch self {
            case .actors: Localized(fr: "acteurs", en: "actors")
            case .groups: Localized(fr: "groupes", en: "groups")
            case .memberships: Localized(fr: "adhésions", en: "memberships")
            case .ties: Localized(fr: "liens", en: "ties")
            }
        }

        /// Whether a row names every required column of this table.
        func isHeader(_ cells: [(column: Int, text: String)], _ taxonomy: Taxonomy) -> Bool {
            ForgivingReader.isHeader(cells.map { CSVField(text: $0.text, line: 0, column: $0.column) }, columns(taxonomy))
        }
    }

    /// Sheets that explain rather than hold data: left out without a word.
    static let explanatorySheets: Set<String> = ["a lire", "lisez moi", "read me", "readme", "notice", "mode d emploi", "listes", "lists", "aide", "help"]

    /// A workbook (`.xlsx`, `.ods`): one network, its tables in sheets recognised by name (French or English, case
    /// and accents ignored) or, for a sheet named otherwise, by its header row. Rows above the header (a title, notes)
    /// and totals rows are skipped with a warning; hidden sheets are left out with a warning.
    static func loadWorkbook(_ path: String, options: LoadOptions) -> LoadResult {
        let builder = NetworkBuilder(options: options)
        let workbook: Workbook
        do { workbook = try Workbook.read(path: path, display: path) } catch {
            builder.diagnostics.append(error.diagnostic)
            return builder.result()
        }
        func warn(_ location: SourceLocation, _ code: String, _ fr: String, _ en: String) {
            builder.diagnostics.append(Diagnostic(.warning, location, code: code, Localized(fr: fr, en: en)))
        }
        let assigned = assignSheets(workbook, path: path, builder: builder, taxonomy: options.taxonomy)
        for role in [TableRole.actors, .ties] where assigned[role] == nil {
            let found = workbook.sheets.map { "« \($0.name) »" }.joined(separator: ", ")
            let foundEn = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
            builder.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), code: "missing-sheet",
                Localized(fr: "pas de feuille des \(role.label.fr) dans le classeur (feuilles : \(found.isEmpty ? "aucune" : found))",
                          en: "no \(role.label.en) sheet in the workbook (sheets: \(foundEn.isEmpty ? "none" : foundEn))"),
                hint: Localized(fr: "nommez la feuille « \(role == .actors ? "Acteurs" : "Liens") », ou donnez-lui les en-têtes \(role.columns.filter(\.required).map(\.name).joined(separator: ", "))",
                                en: "name the sheet '\(role == .actors ? "Actors" : "Ties")', or give it the headers \(role.columns.filter(\.required).map(\.name).joined(separator: ", "))")))
            if role == .actors { builder.actorsUnreadable = true }
        }
        let adders: [TableRole: (RecordSource) -> Void] = [.actors: builder.addActor, .groups: builder.addGroup,
                                                           .memberships: builder.addMembership, .ties: builder.addTie]
        for role in [TableRole.actors, .groups, .memberships, .ties] {
            guard let sheet = assigned[role] else { continue }
            for area in sheet.mergedDown.prefix(20) {
                warn(SourceLocation(file: path, line: 1, column: 1, sheet: sheet.name), "merged-cells",
                     "cellules fusionnées \(area) : la valeur de la première est reprise dans chacune",
                     "merged cells \(area): the first one's value is repeated in each")
            }
            let reader = SheetReader(file: path, sheet: sheet)
            var table: Table?
            do {
                table = try Table(reader: reader, columns: role.columns(options.taxonomy))
                if !table!.missingRequired {
                    while let row = try table!.next() { adders[role]!(row) }
                } else if role == .actors {
                    builder.actorsUnreadable = true
                }
            } catch {
                builder.diagnostics.append(error.diagnostic)
            }
            if let table { builder.diagnostics += table.diagnostics }
        }
        builder.network.title = builder.network.title ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        builder.finish()
        return builder.result()
    }

    /// Which sheet holds which table: by name first (French or English, case and accents ignored), then, for sheets
    /// named otherwise, by their header (ties and memberships have distinctive columns; a sheet of ids, names and
    /// kinds is the actors' when there is none yet). Reads the metadata sheet ("Réseau") into the network; hidden
    /// sheets are left out with a warning, explanatory ones silently.
    private static func assignSheets(_ workbook: Workbook, path: String, builder: NetworkBuilder,
                                     taxonomy: Taxonomy) -> [TableRole: Workbook.Sheet] {
        func warn(_ location: SourceLocation, _ code: String, _ fr: String, _ en: String) {
            builder.diagnostics.append(Diagnostic(.warning, location, code: code, Localized(fr: fr, en: en)))
        }
        var assigned: [TableRole: Workbook.Sheet] = [:]
        var unassigned: [Workbook.Sheet] = []
        for sheet in workbook.sheets {
            let here = SourceLocation(file: path, line: 1, column: 1, sheet: sheet.name)
            let key = Taxonomy.normalize(sheet.name)
            if sheet.hidden {
                if !sheet.rows.isEmpty {
                    warn(here, "hidden-sheet", "feuille masquée « \(sheet.name) » ignorée", "hidden sheet '\(sheet.name)' left out")
                }
                continue
            }
            if explanatorySheets.contains(key) || sheet.rows.isEmpty { continue }
            // The network's own facts, as `ptce convert` writes them: rows "title", "source", "synthetic" and a value.
            if ["reseau", "network", "metadonnees", "metadata"].contains(key) {
                for row in sheet.rows {
                    guard row.cells.count >= 2, row.cells[0].column == 1, row.cells[1].column == 2 else { continue }
                    let value = row.cells[1].text
                    switch Taxonomy.normalize(row.cells[0].text) {
                    case "title", "titre": builder.network.title = value
                    case "source": builder.network.source = value
                    case "synthetic", "synthetique": builder.network.synthetic = Values.bool(value) ?? false
                    default: break
                    }
                }
                continue
            }
            if let role = TableRole.allCases.first(where: { $0.sheetNames.contains(key) }), assigned[role] == nil {
                assigned[role] = sheet
            } else {
                unassigned.append(sheet)
            }
        }
        for sheet in unassigned {
            let here = SourceLocation(file: path, line: 1, column: 1, sheet: sheet.name)
            let top = sheet.rows.prefix(20)
            let role = [TableRole.ties, .memberships, .actors, .groups].first { role in
                assigned[role] == nil && top.contains { role.isHeader($0.cells, taxonomy) }
            }
            if let role {
                assigned[role] = sheet
                warn(here, "sheet-recognised", "feuille « \(sheet.name) » lue comme la feuille des \(role.label.fr) (d'après ses en-têtes)",
                     "sheet '\(sheet.name)' read as the \(role.label.en) sheet (from its headers)")
            } else {
                warn(here, "sheet-ignored", "feuille « \(sheet.name) » ignorée : ni son nom ni ses en-têtes ne sont ceux d'un tableau du réseau",
                     "sheet '\(sheet.name)' left out: neither its name nor its headers are those of a network table")
            }
        }
        return assigned
    }
}
