import ArgumentParser
import Foundation
import PTCEKit
import PTCERender

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a network diagram (SVG, PNG, PDF or DOT) with Graphviz, in-process.",
        discussion: """
        Views (--view): whole; ego:ID[:RADIUS] (an actor and its partners); group:ID (a GES or PTCE, external \
        partners faded); aggregate:family|kind|region|department|group (one node per value, edge width = number of \
        ties: the view for national meetings); core:K (the k-core).

        Encoding: fill colour and shape by family (Okabe–Ito palette, colour-blind safe), node size by --size-by, \
        edge colour and line style by tie type, width by weight, GES (or PTCE) as dashed frames; title, subtitle, \
        date, legend of what is drawn, and the source line. SVG nodes carry a tooltip and an id (actor-N). Above \
        300 actors the layout switches from dot to sfdp with overlap removal; above 2,000 the aggregate view is suggested. \
        The same data and options give the same bytes (fixed layout seed; the date is SOURCE_DATE_EPOCH when set). \
        Style override: --style FILE (JSON with "families", "tieTypes", "fontName", see docs/diagrams.md).
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output file: .svg, .png, .pdf or .dot.")
    var out: String

    @Option(help: "View: whole (default), ego:ID[:RADIUS], group:ID, aggregate:family|kind|region|department|group, core:K.",
            transform: DiagramView.parseArgument)
    var view: DiagramView = .whole

    @Option(help: "Layout engine (default: dot, sfdp above 300 actors, neato for aggregates; fdp is not byte-reproducible).")
    var engine: LayoutEngine?

    @Option(help: "Fill colour by.")
    var colorBy: DiagramOptions.ColorBy = .family

    @Option(help: "Node size by a measure.")
    var sizeBy: Metric?

    @Option(help: "Frames around groups.")
    var clusters: DiagramOptions.Clusters = .ges

    @Option(help: "Title (default: the network's title).")
    var title: String?

    @Option(help: "Paper (landscape).")
    var paper: Paper = .a4

    @Option(help: "Resolution of PNG output, in dots per inch (default: Graphviz's 96).")
    var dpi: Int?

    @Option(help: ArgumentHelp("Keep only ties active this year (since ≤ YEAR ≤ until).", valueName: "year"), transform: Year.parse)
    var at: Year?

    @Option(help: "A JSON style file overriding colours, shapes and line styles.")
    var style: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        if let dpi, !(30...1200).contains(dpi) { throw ValidationError("--dpi must be between 30 and 1200") }
    }

    func run() throws {
        let fr = input.lang == .fr
        func fail(_ fr: String, _ en: String, code: ExitCode = Exit.dataError) -> ExitCode {
            printError((input.lang == .fr ? "erreur : " + fr : "error: " + en))
            return code
        }
        guard let format = DiagramFormat(fileExtension: (out as NSString).pathExtension) else {
            throw fail("--out doit finir par .svg, .png, .pdf ou .dot", "--out must end in .svg, .png, .pdf or .dot", code: Exit.usage)
        }
        try OutputPolicy(inputs: [input.path, input.nodes, input.taxonomy, style], force: force, language: input.lang).check(file: out)
        var options = DiagramOptions()
        options.view = view
        if let engine { options.engine = engine }
        options.colorBy = colorBy
        options.sizeBy = sizeBy
        options.clusters = clusters
        options.paper = paper
        options.dpi = dpi
        options.title = title
        options.at = at?.value
        options.language = input.lang
        if let style {
            do { options.style = try DiagramStyle.load(from: URL(fileURLWithPath: style)) } catch {
                let reason = DiagramStyle.problem(error)
                throw fail("\(style) : fichier de style illisible (\(reason.fr))", "\(style): unreadable style file (\(reason.en))")
            }
        }
        let taxonomy = try input.loadTaxonomy()
        let network = try input.load(quietWarnings: true).network
        if let sizeBy { options.sizeValues = CentralityReport.column(sizeBy, network: network, at: at?.value, taxonomy: taxonomy) }
        let diagram: Diagram
        do { diagram = try Diagram(network: network, options: options, taxonomy: taxonomy) } catch {
            switch error {
            case .unknownActor(let id): throw fail("acteur inconnu « \(id) » pour la vue ego", "unknown actor '\(id)' for the ego view")
            case .unknownGroup(let id): throw fail("groupe inconnu « \(id) » pour la vue group", "unknown group '\(id)' for the group view")
            case .emptyView: throw fail("la vue ne contient aucun acteur", "the view has no actor")
            }
        }
        for note in diagram.notes { printError((fr ? "note : " : "note: ") + note.text(input.lang)) }
        let rendered: (data: Data, warnings: [String])
        do { rendered = try diagram.render(format) } catch let error as RenderError {
            printError((fr ? "erreur : " : "error: ") + error.message + (error.hint.map { "\n  " + (fr ? "conseil : " : "hint: ") + $0 } ?? ""))
            throw Exit.software
        }
        for warning in rendered.warnings { printError("graphviz: " + warning) }
        try writeOutput(rendered.data, to: URL(fileURLWithPath: out), language: input.lang)
        printError(fr ? "\(out) : \(diagram.nodeCount) nœuds, \(diagram.edgeCount) liens (moteur \(diagram.engine.rawValue))"
                      : "\(out): \(diagram.nodeCount) nodes, \(diagram.edgeCount) edges (\(diagram.engine.rawValue) layout)")
    }
}
