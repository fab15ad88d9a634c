import Foundation

/// Reads a network from a path, whatever its form:
/// - a **network folder** with `actors.csv`, `ties.csv` and optional `groups.csv`, `memberships.csv`;
/// - a **network JSON** file (`*.json`, described by `docs/network.schema.json`);
/// - a plain **edge list** (`*.csv`/`*.tsv`/`*.txt`: `source,target[,weight]`), with an optional nodes file;
/// - an interchange file: GraphML (`*.graphml`), GEXF (`*.gexf`), node-link JSON (`*.json` with `nodes` and
///   `edges`/`links`), Pajek (`*.net`), DOT (`*.dot`, `*.gv`, through `LoadOptions.dotReader`).
///
/// Reading never stops at the first problem: every problem is in `LoadResult.diagnostics`.
public enum NetworkLoader {
    /// Reads the network at `path`: the form is told by what the path is (a folder) or its extension, and for `.json`
    /// by the content. A path that does not exist gives one `not-found` error. O(size of the input).
    public static func load(path: String, options: LoadOptions = LoadOptions()) -> LoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let builder = NetworkBuilder(options: options)
            builder.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), code: "not-found",
                Localized(fr: "chemin introuvable", en: "no such file or folder"),
                hint: Localized(fr: "donnez un dossier réseau (actors.csv, ties.csv…), un fichier .json ou une liste de liens .csv",
                                en: "give a network folder (actors.csv, ties.csv…), a .json file or an edge-list .csv")))
            return builder.result()
        }
        if isDirectory.boolValue { return loadFolder(path, options: options) }
        switch NetworkFormat(path: path) {
        case .json, .nodeLink: return NetworkJSON.load(path: path, options: options)  // node-link is detected inside
        case .graphml: return GraphML.load(path: path, options: options)
        case .gexf: return GEXF.load(path: path, options: options)
        case .pajek: return Pajek.load(path: path, options: options)
        case .workbook: return loadWorkbook(path, options: options)
        case .dot:
            if let reader = options.dotReader { return reader(path, options) }
            return PropertyGraph.failure(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), code: "no-dot-reader",
                Localized(fr: "lecture DOT indisponible ici", en: "DOT reading is not available here")), options: options)
        case .gml: return GML.load(path: path, options: options)
        case .ucinet: return UCINET.load(path: path, options: options)
        case .gdf: return GDF.load(path: path, options: options)
        case .unsupported:
            let ext = (path as NSString).pathExtension
            return PropertyGraph.failure(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), code: "unsupported-format",
                Localized(fr: ext.isEmpty ? "fichier sans extension : format inconnu" : "format « .\(ext) » non pris en charge",
                          en: ext.isEmpty ? "file without an extension: unknown format" : "format '.\(ext)' not supported"),
                hint: Localized(fr: "ptce lit : \(NetworkFormat.readableExtensions) (une liste de liens est un .csv, .tsv ou .txt) ; donnez au fichier l'extension de son format",
                                en: "ptce reads: \(NetworkFormat.readableExtensions) (an edge list is a .csv, .tsv or .txt); give the file the extension of its format")), options: options)
        case .edgeList, .folder: return loadEdgeList(path, options: options)
        }
    }

    static func loadFolder(_ folder: String, options: LoadOptions) -> LoadResult {
        let url = URL(fileURLWithPath: folder)
        let listing = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        if let gephi = loadGephiTables(folder, listing: listing, options: options) { return gephi }
        let builder = NetworkBuilder(options: options)
        func read(_ role: TableRole, required: Bool, add: (RecordSource) -> Void) {
            let name = role.fileName
            // The file by its English or French name, case and accents ignored (Acteurs.csv, liens.csv, adhésions.csv…).
            let wanted = Set([name] + role.frenchFileNames).map { Taxonomy.normalize($0) }
            let matches = listing.filter { wanted.contains(Taxonomy.normalize($0)) }
            guard let found = matches.first(where: { $0 == name }) ?? matches.first else {
                if required {
                    let csv = listing.filter { ["csv", "tsv", "txt"].contains(($0 as NSString).pathExtension.lowercased()) }
                    let workbooks = listing.filter { ["xlsx", "ods"].contains(($0 as NSString).pathExtension.lowercased()) }
                    var hintFr = "un dossier réseau contient actors.csv (ou acteurs.csv) et ties.csv (ou liens.csv) ; groups.csv et memberships.csv sont facultatifs"
                    var hintEn = "a network folder holds actors.csv (or acteurs.csv) and ties.csv (or liens.csv); groups.csv and memberships.csv are optional"
                    if let workbook = workbooks.first {
                        hintFr = "pour lire le classeur, donnez son chemin : \((folder as NSString).appendingPathComponent(workbook))"
                        hintEn = "to read the workbook, give its path: \((folder as NSString).appendingPathComponent(workbook))"
                    }
                    let foundFr = csv.isEmpty ? "aucun fichier CSV dans le dossier" : "fichiers trouvés : \(csv.joined(separator: ", "))"
                    let foundEn = csv.isEmpty ? "no CSV file in the folder" : "files found: \(csv.joined(separator: ", "))"
                    builder.diagnostics.append(Diagnostic(.error, SourceLocation(file: (folder as NSString).appendingPathComponent(name), line: 1, column: 1),
                        code: "missing-file",
                        Localized(fr: "fichier \(name) absent du dossier (\(foundFr))", en: "file \(name) is missing from the folder (\(foundEn))"),
                        hint: Localized(fr: hintFr, en: hintEn)))
                }
                return
            }
            if matches.count > 1 {
                builder.diagnostics.append(Diagnostic(.warning, SourceLocation(file: (folder as NSString).appendingPathComponent(found), line: 1, column: 1),
                    code: "several-files",
                    Localized(fr: "plusieurs fichiers pour la même table (\(matches.joined(separator: ", "))) : seul \(found) est lu",
                              en: "several files for the same table (\(matches.joined(separator: ", "))): only \(found) is read")))
            }
            let path = url.appendingPathComponent(found).path
            let display = (folder as NSString).appendingPathComponent(found)
            if !readTable(path: path, display: display, columns: role.columns(options.taxonomy), builder: builder, add: add), role == .actors {
                builder.actorsUnreadable = true
            }
        }
        read(.actors, required: true, add: builder.addActor)
        read(.groups, required: false, add: builder.addGroup)
        read(.memberships, required: false, add: builder.addMembership)
        read(.ties, required: true, add: builder.addTie)
        if let metadata = try? Data(contentsOf: url.appendingPathComponent("network.json")),
           let object = try? JSONSerialization.jsonObject(with: metadata) as? [String: Any] {
            builder.network.title = object["title"] as? String
            builder.network.source = object["source"] as? String
            builder.network.synthetic = object["synthetic"] as? Bool ?? false
        }
        builder.finish()
        return builder.result()
    }

    /// A folder holding Gephi's table export (Data Laboratory → Export table: `edges.csv` with Source, Target, Type,
    /// Weight… and `nodes.csv` with Id, Label…) and no table of a network folder: read as the edge list `edges.csv`
    /// with the nodes file `nodes.csv` (`ptce … edges.csv --nodes nodes.csv`), said in a warning. Nil for any other
    /// folder.
    static func loadGephiTables(_ folder: String, listing: [String], options: LoadOptions) -> LoadResult? {
        func file(_ names: [String]) -> String? { listing.first { names.map(Taxonomy.normalize).contains(Taxonomy.normalize($0)) } }
        let tables = TableRole.allCases.flatMap { [$0.fileName] + $0.frenchFileNames }.map { Taxonomy.normalize($0) }
        guard !listing.contains(where: { tables.contains(Taxonomy.normalize($0)) }),
              let edges = file(["edges.csv", "edges table.csv", "aretes.csv"]) else { return nil }
        let nodes = file(["nodes.csv", "nodes table.csv", "noeuds.csv"])
        var edgeOptions = options
        if let nodes { edgeOptions.nodesPath = (folder as NSString).appendingPathComponent(nodes) }
        let edgesPath = (folder as NSString).appendingPathComponent(edges)
        var result = loadEdgeList(edgesPath, options: edgeOptions)
        let equivalent = edges + (nodes.map { " --nodes \($0)" } ?? "")
        result.diagnostics.insert(Diagnostic(.warning, SourceLocation(file: edgesPath, line: 1, column: 1), code: "gephi-tables",
            Localized(fr: "dossier lu comme les tables exportées par Gephi : \(edges) (liens)\(nodes.map { " et \($0) (acteurs)" } ?? "")",
                      en: "folder read as tables exported by Gephi: \(edges) (ties)\(nodes.map { " and \($0) (actors)" } ?? "")"),
            hint: Localized(fr: "même lecture que `ptce … \(equivalent)` ; pour un dossier réseau ptce, nommez les tables actors.csv et ties.csv",
                            en: "same reading as `ptce … \(equivalent)`; for a ptce network folder, name the tables actors.csv and ties.csv")), at: 0)
        return result
    }

    static func loadEdgeList(_ path: String, options: LoadOptions) -> LoadResult {
        let builder = NetworkBuilder(options: options)
        if let nodes = options.nodesPath {
            readTable(path: nodes, display: nodes, columns: Columns.nodes, builder: builder, add: builder.addNodeRecord)
        }
        // An edge list may have no header: then the first line is data.
        do {
            let probe = try CSVReader(path: path)
            let first = try probe.nextRecord() ?? []
            let names = Set(first.map { Taxonomy.normalize($0.text) })
            let hasHeader = names.contains("source") || names.contains("from") || names.contains("target") || names.contains("u")
            // A table of a network folder given alone (actors.csv saved by itself): say which table it is.
            if !hasHeader, !ForgivingReader.isHeader(first, TableRole.ties.columns(options.taxonomy)),
               let role = [TableRole.memberships, .actors].first(where: { ForgivingReader.isHeader(first, $0.columns(options.taxonomy)) }) {
                let folder = (path as NSString).deletingLastPathComponent
                builder.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: 1, column: 1), code: "table-alone",
                    Localized(fr: "ce fichier est la table des \(role.label.fr) d'un réseau (colonnes \(role.columns.filter(\.required).map(\.name).joined(separator: ", "))) : il manque la table des liens",
                              en: "this file is the \(role.label.en) table of a network (columns \(role.columns.filter(\.required).map(\.name).joined(separator: ", "))): the ties table is missing"),
                    hint: Localized(fr: "mettez-le avec liens.csv (source, target) dans un dossier et donnez le dossier (\(folder.isEmpty ? "." : folder)), ou réunissez les tables dans un classeur .xlsx",
                                    en: "put it with ties.csv (source, target) in a folder and give the folder (\(folder.isEmpty ? "." : folder)), or gather the tables in an .xlsx workbook")))
                return builder.result()
            }
            if !hasHeader {
                let reader = try CSVReader(path: path)
                while let fields = try reader.nextRecord() {
                    if fields.count < 2 {
                        builder.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: fields[0].line, column: fields[0].column),
                            code: "edge-fields", Localized(fr: "une ligne de liste de liens a besoin de deux identifiants : source et cible",
                                                           en: "an edge-list line needs two ids: source and target")))
                        continue
                    }
                    builder.addEdge(HeaderlessEdge(fields: fields, file: path))
                }
                if let warning = reader.encodingWarning { builder.diagnostics.append(warning) }
                builder.finish(checkIsolated: false)
                return builder.result()
            }
        } catch {
            builder.diagnostics.append(error.diagnostic)
            return builder.result()
        }
        readTable(path: path, display: path, columns: Columns.edgeList, builder: builder, add: builder.addEdge)
        builder.finish(checkIsolated: false)
        return builder.result()
    }

    /// Reads every row of a CSV file into `add`; false when the file could not be read to its end.
    @discardableResult
    static func readTable(path: String, display: String, columns: [Columns.Column], builder: NetworkBuilder, add: (RecordSource) -> Void) -> Bool {
        var table: Table?
        defer { if let table { builder.diagnostics += table.diagnostics } }
        do {
            table = try Table(reader: try CSVReader(path: path, displayName: display), columns: columns)
            if table!.missingRequired { return false }
            while let row = try table!.next() { add(row) }
            return true
        } catch {
            builder.diagnostics.append(error.diagnostic)
            return false
        }
    }
}

/// A line of an edge list without header: fields are source, target and optionally weight.
private struct HeaderlessEdge: RecordSource {
    let fields: [CSVField]
    let file: String
    var line: Int { fields[0].line }
    private static let order = ["source": 0, "target": 1, "weight": 2]

    func value(_ column: String) -> CSVField? {
        guard let index = Self.order[column], index < fields.count else { return nil }
        var field = fields[index]
        field.text = field.text.trimmingCharacters(in: .whitespaces)
        return field.text.isEmpty ? nil : field
    }

    func location(_ column: String) -> SourceLocation {
        let index = Self.order[column].flatMap { $0 < fields.count ? $0 : nil } ?? 0
        return SourceLocation(file: file, line: fields[index].line, column: index + 1, cell: true)
    }

    var attributes: [Attribute] { [] }

    var cells: [(text: String, location: SourceLocation)] {
        fields.enumerated().map { ($1.text, SourceLocation(file: file, line: $1.line, column: $0 + 1, cell: true)) }
    }
}
