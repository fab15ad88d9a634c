import ArgumentParser
import Foundation
import PTCEKit
import PTCERender

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a network between formats: folder, JSON, GraphML, GEXF, node-link JSON, Pajek, DOT.",
        discussion: """
        Formats come from the extensions (a path without one is a network folder; .json is ptce's network JSON: \
        use --to node-link for networkx/D3's node-link JSON) or from --from/--to: folder, json, node-link, graphml, \
        gexf, pajek, dot (edge-list is read only). Folder, JSON, node-link, GraphML and GEXF keep everything (actors, \
        groups, memberships, ties, every field and free column; see docs/interop.md for the convention); Pajek and \
        DOT keep less, and the command says what is left out. GEXF carries the diagrams' colours by family, a size \
        by number of partners, positions from a Graphviz layout (--no-layout to skip) and the ties' dates as spells \
        for Gephi's timeline. The input is checked like any input (exit 65 with FILE:LINE:COLUMN on a problem) and \
        never modified; an existing output is replaced only with --force.
        """
    )

    @Argument(help: "Input: a network folder or a file.")
    var input: String

    @Argument(help: "Output: a folder or a file (.json, .graphml, .gexf, .net, .dot).")
    var output: String

    @Option(help: "Input format (default: from the path).")
    var from: NetworkFormat?

    @Option(help: "Output format (default: from the extension).")
    var to: NetworkFormat?

    @Option(help: "A taxonomy JSON file replacing the bundled one.")
    var taxonomy: String?

    @Option(help: "Language of messages: fr or en.")
    var lang: Language = .fr

    @Flag(help: "GEXF: no Graphviz layout (no viz:position).")
    var noLayout = false

    @Flag(help: "Replace the output if it exists.")
    var force = false

    func run() throws {
        let fr = lang == .fr
        let target = to ?? NetworkFormat(path: output)
        guard target.isWritable else {
            printError(fr ? "erreur : le format \(target.rawValue) ne s'écrit pas (choisissez --to folder, workbook, json, node-link, graphml, gexf, pajek ou dot)"
                          : "error: format \(target.rawValue) cannot be written (choose --to folder, workbook, json, node-link, graphml, gexf, pajek or dot)")
            throw Exit.usage
        }
        let policy = OutputPolicy(inputs: [input, taxonomy], force: force, language: lang)
        if target == .folder {
            try policy.check(folder: output, files: [])
        }
        try policy.check(file: output)
        var taxonomyValue = Taxonomy.standard
        if let taxonomy {
            do { taxonomyValue = try Taxonomy.load(from: URL(fileURLWithPath: taxonomy)) } catch let error as InputError {
                printError(error.diagnostic.formatted(lang))
                throw Exit.dataError
            }
        }
        var options = LoadOptions(taxonomy: taxonomyValue)
        if let from, from != NetworkFormat(path: input), !(from == .nodeLink && NetworkFormat(path: input) == .json) {
            // Read through a link with the extension the format expects.
            let link = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-convert-\(ProcessInfo.processInfo.processIdentifier).\(from.fileExtension)")
            try? FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: URL(fileURLWithPath: input).path)
            defer { try? FileManager.default.removeItem(at: link) }
            options.nodesPath = nil
            let network = try loadNetwork(path: link.path, options: options, language: lang).network
            try write(network, as: target, taxonomy: taxonomyValue)
            return
        }
        let network = try loadNetwork(path: input, options: options, language: lang).network
        try write(network, as: target, taxonomy: taxonomyValue)
    }

    func write(_ network: Network, as format: NetworkFormat, taxonomy: Taxonomy) throws {
        let fr = lang == .fr
        let url = URL(fileURLWithPath: output)
        if format == .folder {
            do { try NetworkFolderWriter.write(network, to: url) } catch {
                printError(fr ? "\(output): erreur : impossible d'écrire le dossier (\(error.localizedDescription))" : "\(output): error: cannot write the folder (\(error.localizedDescription))")
                throw Exit.cannotCreate
            }
            report(network, format)
            return
        }
        if format == .workbook && (output as NSString).pathExtension.lowercased() != "xlsx" {
            printError(fr ? "erreur : ptce écrit les classeurs au format .xlsx (LibreOffice l'ouvre aussi)" : "error: ptce writes workbooks as .xlsx (LibreOffice opens it too)")
            throw Exit.usage
        }
        let data = try NetworkExport.data(network, as: format, taxonomy: taxonomy, layout: !noLayout, language: lang, creator: "ptce \(PTCEVersion.current)")
        try writeOutput(data, to: url, language: lang)
        report(network, format)
    }

    func report(_ network: Network, _ format: NetworkFormat) {
        let fr = lang == .fr
        printError(fr ? "\(output) : écrit (\(format.rawValue) ; \(network.actors.count) acteurs, \(network.groups.count) groupes, \(network.memberships.count) appartenances, \(network.ties.count) liens)"
                      : "\(output): written (\(format.rawValue); \(network.actors.count) actors, \(network.groups.count) groups, \(network.memberships.count) memberships, \(network.ties.count) ties)")
        if let note = format.lossNote(for: network) { printError((fr ? "note : " : "note: ") + note.text(lang)) }
    }
}
