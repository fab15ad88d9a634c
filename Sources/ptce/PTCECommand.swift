import ArgumentParser
import Foundation
import PTCEKit
import PTCERender

@main
struct PTCECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ptce",
        abstract: "Map and analyse cooperation networks of PTCE (pôles territoriaux de coopération économique).",
        discussion: """
        PATH is a workbook (*.xlsx from Excel, *.ods from LibreOffice: sheets Acteurs, Liens, and optionally \
        Groupes, Adhésions), a network folder (actors.csv or acteurs.csv, ties.csv or liens.csv, optional \
        groups.csv and memberships.csv), a network JSON file (*.json), a plain edge list (*.csv: \
        source,target[,weight]), or a file of another tool: GraphML (*.graphml), GEXF (*.gexf), node-link JSON \
        (*.json), Pajek (*.net), DOT (*.dot, *.gv), GML (*.gml), UCINET DL (*.dl), GDF (*.gdf). Any other extension \
        is refused. See Datasets/README.md for the format and docs/interop.md for the others.

        Exit codes: 0 success; 64 bad command line; 65 invalid input data (every problem is printed as \
        FILE:LINE:COLUMN, or FILE[Sheet]!C12 in a workbook); 66 input not found; 73 cannot write the output; 70 \
        internal error.
        """,
        version: PTCEVersion.current,
        subcommands: [Validate.self, Template.self, Convert.self, Summarize.self, CentralityCommand.self, CooperationCommand.self, Communities.self, Suggest.self, Robustness.self, EvolutionCommand.self, Diff.self, Render.self, Analyze.self, SurveyCommand.self, Generate.self]
    )
}

enum PTCEVersion {
    static let current = "0.1.0"
}

/// Which ties of a surveyed network the commands use (`--ties`).
enum TieSelection: String, ExpressibleByArgument, CaseIterable {
    case declared, confirmed
}

/// Options every command that reads a network shares.
struct InputOptions: ParsableArguments {
    @Argument(help: "Network folder, network JSON file, or edge-list CSV.")
    var path: String

    @Option(help: "For an edge list: a CSV of nodes (column id, optional name and kind) adding isolated nodes.")
    var nodes: String?

    @Option(help: "A taxonomy JSON file replacing the bundled one (same shape as Sources/PTCEKit/Resources/taxonomy.json).")
    var taxonomy: String?

    @Option(help: "Language of messages and reports: fr or en.")
    var lang: Language = .fr

    @Flag(help: "Files of other tools (GraphML, GEXF, GML, node-link, Pajek, UCINET, GDF): refuse kinds and tie types outside the taxonomy, and weights that are not positive numbers, instead of reading them as 'unknown' / 'unspecified' with the value kept.")
    var strict = false

    @Option(help: "For a network from a survey (ptce survey merge): declared (every tie declared, default) or confirmed (ties one side declared or the two sides contradict left out; ties not from the survey kept).")
    var ties: TieSelection = .declared

    func loadTaxonomy() throws -> Taxonomy {
        guard let taxonomy else { return .standard }
        do { return try Taxonomy.load(from: URL(fileURLWithPath: taxonomy)) } catch let error as InputError {
            printError(error.diagnostic.formatted(lang))
            throw Exit.dataError
        }
    }

    /// Reads the network; prints every problem to stderr and fails with 65 (66 when the path does not exist).
    func load(keepTies: Bool = true, quietWarnings: Bool = false) throws -> LoadResult {
        var options = LoadOptions(taxonomy: try loadTaxonomy(), keepTies: keepTies, nodesPath: nodes)
        options.strictVocabulary = strict
        var result = try loadNetwork(path: path, options: options, language: lang, quietWarnings: quietWarnings)
        if ties == .confirmed {
            guard SurveyCollection.hasStatus(result.network) else {
                printError(lang == .fr ? "erreur : --ties confirmed : aucun lien de ce réseau ne vient d'une enquête (colonne status)\n  conseil : --ties confirmed s'applique au dossier écrit par « ptce survey merge »"
                                       : "error: --ties confirmed: no tie of this network comes from a survey (column status)\n  hint: --ties confirmed applies to the folder written by 'ptce survey merge'")
                throw Exit.usage
            }
            result.network = SurveyCollection.confirmedOnly(result.network)
        }
        return result
    }
}

/// Reads a network for a command: every problem to stderr, exit 66 when the path does not exist, 65 when invalid.
extension LoadOptions {
    /// The options with the readers that live outside PTCEKit (DOT, through Graphviz's parser).
    func withReaders() -> LoadOptions {
        var copy = self
        copy.dotReader = { DOTNetwork.load(path: $0, options: $1) }
        return copy
    }
}

func loadNetwork(path: String, options: LoadOptions, language: Language, quietWarnings: Bool = true) throws -> LoadResult {
    let result = NetworkLoader.load(path: path, options: options.withReaders())
    if result.diagnostics.contains(where: { $0.code == "not-found" }) {
        printError(result.diagnostics[0].formatted(language))
        throw Exit.noInput
    }
    if !result.isValid {
        for diagnostic in result.diagnostics where !quietWarnings || diagnostic.severity == .error {
            printError(diagnostic.formatted(language))
        }
        let errors = language.count(result.errorCount, "erreur", "error")
        printError(language == .fr ? "\(errors) : corrigez-les puis relancez `ptce validate \(path)`."
                                   : "\(errors): fix them, then run `ptce validate \(path)` again.")
        throw Exit.dataError
    }
    return result
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Makes a workbook (`make`) and writes it: a workbook's sheets go through temporary files (`XLSXWriter`), so a
/// temporary folder that cannot be written is said as such, exit 73, like any output that cannot be written.
func writeWorkbook(_ make: () throws -> Data, to url: URL, language: Language) throws {
    let data: Data
    do { data = try make() } catch {
        let folder = FileManager.default.temporaryDirectory.path
        printError(language == .fr
            ? "\(url.path): erreur : impossible de préparer le classeur dans le dossier temporaire \(folder)\n  conseil : ce dossier doit exister, être accessible en écriture et avoir de la place ; un autre se choisit par la variable TMPDIR"
            : "\(url.path): error: cannot prepare the workbook in the temporary folder \(folder) (\(error.localizedDescription))\n  hint: that folder must exist, be writable and have room; choose another with the TMPDIR variable")
        throw Exit.cannotCreate
    }
    try writeOutput(data, to: url, language: language)
}

func writeOutput(_ data: Data, to url: URL, language: Language) throws {
    do { try data.write(to: url, options: .atomic) } catch {
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        let reason: (fr: String, en: String)
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            reason = ("le dossier \(folder) n'existe pas : créez-le d'abord", "the folder \(folder) does not exist: create it first")
        } else if !isFolder.boolValue {
            reason = ("\(folder) n'est pas un dossier", "\(folder) is not a folder")
        } else if !FileManager.default.isWritableFile(atPath: folder) {
            reason = ("pas le droit d'écrire dans \(folder)", "no permission to write in \(folder)")
        } else {
            reason = (error.localizedDescription, error.localizedDescription)
        }
        printError(language == .fr ? "\(url.path): erreur : impossible d'écrire le fichier : \(reason.fr)"
                                   : "\(url.path): error: cannot write the file: \(reason.en)")
        throw Exit.cannotCreate
    }
}
