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
        ties: the view for national meetings); core:K (the k-core). In French too: entier, ego:ID, groupe:ID, \
        agrege:famille|nature|region|departement|groupe, coeur:K. An actor or a group may be given by its name.

        Size: --paper a4|a3|a2|a1|a0 (landscape; --orientation portrait) gives exactly the ISO page (A3: 1191 × 842 \
        pt); --slide a 1920 × 1080 PNG and a 960 × 540 pt PDF; --size any size with a unit. The drawing is fitted to \
        it; when its names would be under 8 pt there (16 px on a slide), the aggregate view by family is drawn \
        instead, with a note (--keep-view draws the asked view anyway). --each ges|ptce|actor writes one diagram per \
        GES, PTCE or actor into the --out folder (--format pdf by default), named after the ids.

        Encoding: fill colour and shape by family (Okabe–Ito palette, colour-blind safe), node size by --size-by, \
        edge colour and line style by tie type, width by weight, GES (or PTCE) as dashed frames, actors without any \
        tie in one frame beside the map; title, subtitle, date, legend of what is drawn, and the source line. SVG \
        nodes carry a tooltip and an id (actor-N). Layout: neato (force-directed) up to 300 actors, sfdp above; dot \
        on request. Map (--layout geo): actors at their coordinates, else their commune (GeoNames places of 500+         inhabitants, CC BY 4.0), else their département's chef-lieu, else their region; the overseas regions in insets;         the regional and departmental aggregates are drawn at their places. The same data and options give the same bytes (fixed layout seed; the date is \
        SOURCE_DATE_EPOCH when set). Style override: --style FILE (JSON with "families", "tieTypes", "fontName", \
        see docs/diagrams.md).
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output file: .svg, .png, .pdf or .dot; with --each, a folder.")
    var out: String

    @Option(help: "One diagram per GES, per PTCE (group view) or per actor (ego view), into the --out folder, named after the ids.")
    var each: Each?

    @Option(help: "Format of the --each diagrams: svg, png, pdf or dot.")
    var format: DiagramFormat = .pdf

    @Option(help: "View: whole (default), ego:ID[:RADIUS], group:ID, aggregate:family|kind|region|department|group, core:K.",
            transform: DiagramView.parseArgument)
    var view: DiagramView = .whole

    @Option(help: "Layout engine (default: neato, sfdp above 300 actors; dot draws the hierarchical picture; fdp and sfdp are laid out in a separate ptce process so that their bytes are reproducible).")
    var engine: LayoutEngine?

    @Option(help: "force: a force-directed picture (default); geo: a map, each actor at its place (coordinates, else commune, else département, else region; the others aside). aggregate:region and aggregate:department are drawn at their places unless --layout force.")
    var layout: DiagramOptions.Layout?

    @Option(help: "Fill colour by.")
    var colorBy: DiagramOptions.ColorBy = .family

    @Option(help: "Node size by a measure.")
    var sizeBy: Metric?

    @Option(help: "Frames around groups.")
    var clusters: DiagramOptions.Clusters = .ges

    @Option(help: "Title (default: the network's title).")
    var title: String?

    @Option(help: "Paper: the PDF, SVG and PNG are exactly this ISO page (A4 landscape: 842 × 595 pt; default a4).")
    var paper: Paper?

    @Option(help: "Orientation of the paper.")
    var orientation: Orientation = .landscape

    @Flag(help: "A 16:9 slide: a 1920 × 1080 px PNG, a 960 × 540 pt PDF page.")
    var slide = false

    @Option(help: ArgumentHelp("Any size, with a unit: 42x29.7cm, 16.5x11.7in, 1920x1080px.", valueName: "WxH"),
            transform: Render.parseSize)
    var size: DiagramTarget?

    @Flag(help: "Draw the asked view even when its names would be under 8 pt at the target size (else the aggregate view is drawn).")
    var keepView = false

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
        if [paper != nil, slide, size != nil].filter({ $0 }).count > 1 {
            throw ValidationError("--paper, --slide and --size are exclusive: give one target")
        }
    }

    static func parseSize(_ text: String) throws -> DiagramTarget {
        guard let target = DiagramTarget(size: text) else {
            throw ValidationError("--size \(text): write WIDTHxHEIGHT with a unit, e.g. 42x29.7cm, 16.5x11.7in or 1920x1080px (between 2 cm and 5 m a side)")
        }
        return target
    }

    var target: DiagramTarget {
        if slide { return .slide }
        if let size { return size }
        return .paper(paper ?? .a4, orientation)
    }

    func run() throws {
        let format: DiagramFormat
        if each != nil {
            format = self.format
        } else {
            guard let named = DiagramFormat(fileExtension: (out as NSString).pathExtension) else {
                throw fail("--out doit finir par .svg, .png, .pdf ou .dot (ou donnez --each pour un dossier)",
                           "--out must end in .svg, .png, .pdf or .dot (or give --each for a folder)", code: Exit.usage)
            }
            format = named
        }
        var options = try diagramOptions()
        let taxonomy = try input.loadTaxonomy()
        let network = try input.load(quietWarnings: true).network
        if let sizeBy { options.sizeValues = CentralityReport.column(sizeBy, network: network, at: at?.value, taxonomy: taxonomy) }
        let policy = OutputPolicy(inputs: [input.path, input.nodes, input.taxonomy, style], force: force, language: input.lang)
        guard let each else {
            try policy.check(file: out)
            options.view = try resolve(view, in: network)
            try draw(network, options, taxonomy, format, to: out, keepView: keepView)
            return
        }
        let views = Self.views(each, network)
        guard !views.isEmpty else {
            throw fail("aucun \(each.french) dans ce réseau : rien à dessiner", "no \(each.rawValue) in this network: nothing to draw")
        }
        let files = Self.fileNames(views.map(\.id), format: format)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try policy.check(folder: out, files: files)
        var written = 0
        for (view, file) in zip(views, files) {
            options.view = view.view
            // A group without actor members has nothing to draw: said, and the others are drawn.
            if case .group(let id) = view.view, Diagram.actorMembers(of: id, network).isEmpty {
                printError(input.lang == .fr ? "note : \(id) : aucun acteur membre, pas de diagramme" : "note: \(id): no actor member, no diagram")
                continue
            }
            // One diagram per group or actor, drawn as asked (a note when it is small at this size).
            try draw(network, options, taxonomy, format, to: (out as NSString).appendingPathComponent(file), keepView: true)
            written += 1
        }
        printError(input.lang == .fr ? "\(out) : \(written) diagrammes (un par \(each.french))" : "\(out): \(written) diagrams (one per \(each.rawValue))")
    }

    func fail(_ fr: String, _ en: String, code: ExitCode = Exit.dataError) -> ExitCode {
        printError((input.lang == .fr ? "erreur : " + fr : "error: " + en))
        return code
    }

    func diagramOptions() throws -> DiagramOptions {
        var options = DiagramOptions()
        if let engine { options.engine = engine }
        options.layout = layout
        options.colorBy = colorBy
        options.sizeBy = sizeBy
        options.clusters = clusters
        options.target = target
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
        return options
    }

    /// The view with its actor or group found by id or by name; an unknown one is an error listing the closest.
    func resolve(_ view: DiagramView, in network: Network) throws -> DiagramView {
        let found = view.resolved(in: network)
        if let note = found.note { printError((input.lang == .fr ? "avertissement : " : "warning: ") + note.text(input.lang)) }
        if let resolved = found.view { return resolved }
        let closest = found.candidates.joined(separator: ", ")
        switch view {
        case .group(let id):
            throw fail("groupe inconnu « \(id) » pour la vue groupe\n  conseil : les groupes les plus proches : \(closest)",
                       "unknown group '\(id)' for the group view\n  hint: the closest groups: \(closest)")
        case .ego(let id, _):
            throw fail("acteur inconnu « \(id) » pour la vue ego\n  conseil : les acteurs les plus proches : \(closest)",
                       "unknown actor '\(id)' for the ego view\n  hint: the closest actors: \(closest)")
        default:
            return view
        }
    }

    func draw(_ network: Network, _ options: DiagramOptions, _ taxonomy: Taxonomy, _ format: DiagramFormat,
              to path: String, keepView: Bool) throws {
        let fr = input.lang == .fr
        let drawn: ReadableDiagram
        do {
            drawn = try ReadableDiagram(network: network, options: options, taxonomy: taxonomy, formats: [format], keepView: keepView)
        } catch let error as Diagram.BuildError {
            switch error {
            case .unknownActor(let id): throw fail("acteur inconnu « \(id) » pour la vue ego", "unknown actor '\(id)' for the ego view")
            case .unknownGroup(let id): throw fail("groupe inconnu « \(id) » pour la vue groupe", "unknown group '\(id)' for the group view")
            case .emptyView: throw fail("\(path) : la vue ne contient aucun acteur", "\(path): the view has no actor")
            }
        } catch let error as RenderError {
            printError((fr ? "erreur : " : "error: ") + error.message + (error.hint.map { "\n  " + (fr ? "conseil : " : "hint: ") + $0 } ?? ""))
            throw Exit.software
        }
        let diagram = drawn.diagram
        for note in drawn.notes { printError((fr ? "note : " : "note: ") + note.text(input.lang)) }
        for warning in drawn.rendering.warnings { printError("graphviz: " + warning) }
        try writeOutput(drawn.rendering.data[0], to: URL(fileURLWithPath: path), language: input.lang)
        let counts = input.lang.count(diagram.nodeCount, "nœud", "node") + ", " + input.lang.count(diagram.edgeCount, "lien", "edge")
        printError(fr ? "\(path) : \(counts) (moteur \(diagram.engine.rawValue))" : "\(path): \(counts) (\(diagram.engine.rawValue) layout)")
    }

    /// One view per GES, per PTCE or per actor, with the id that names its file.
    static func views(_ each: Each, _ network: Network) -> [(id: String, view: DiagramView)] {
        switch each {
        case .ges, .ptce:
            return network.groups.filter { $0.kind == each.rawValue }.map { ($0.id, .group(id: $0.id)) }
        case .actor:
            return network.actors.map { ($0.id, .ego(id: $0.id, radius: 1)) }
        }
    }

    /// File names from ids: characters other than letters, digits, `-`, `_` and `.` become `_`; a name already
    /// taken (two ids that differ only there, or by case) gets `-2`, `-3`…
    static func fileNames(_ ids: [String], format: DiagramFormat) -> [String] {
        var taken = Set<String>(), names: [String] = []
        for id in ids {
            let safe = String(id.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
            }).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            let base = safe.isEmpty ? "sans-nom" : String(safe.prefix(100))
            var name = base, n = 1
            while !taken.insert(name.lowercased()).inserted { n += 1; name = "\(base)-\(n)" }
            names.append(name + "." + format.rawValue)
        }
        return names
    }

    enum Each: String, CaseIterable, ExpressibleByArgument {
        case ges, ptce, actor
        var french: String { self == .actor ? "acteur" : rawValue.uppercased() }
    }
}
