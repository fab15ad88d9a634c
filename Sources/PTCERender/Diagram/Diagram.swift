import CoopGraph
import Foundation
import PTCEKit

/// A network diagram: the DOT text ptce writes for a view of a network, and its rendering through Graphviz.
///
/// Encoding (see `DiagramStyle`): fill colour and shape by family, node size by a measure, edge colour and line
/// style by tie type, edge width by weight, GES (or PTCE) as labelled frames; a title block with subtitle, date,
/// legend (only what is drawn) and source line. Texts in French by default. The same network and options give
/// the same DOT and the same SVG bytes (fixed layout seed, nodes and edges in input order).
public struct Diagram: Sendable {
    public let dot: String
    public let engine: LayoutEngine
    public let nodeCount: Int
    public let edgeCount: Int
    /// Things to tell the user (engine switched, view too large to read, clusters dropped).
    public let notes: [Localized]
    private let dpi: Int?
    private let date: String
    /// The page or screen the drawing is fitted to.
    public let target: DiagramTarget
    /// The view drawn.
    public let view: DiagramView
    /// The smallest text in the DOT (node labels, legend, source line, edge labels), in points before fitting.
    public static let smallestFont = 10.0

    /// A diagram above this many actors is unreadable as a whole: the aggregate view is suggested.
    public static let readableLimit = 2000
    /// Up to this many actors sfdp computes exact forces (reproducible bytes); above, its faster approximation.
    public static let exactForcesLimit = 3000

    public enum BuildError: Error, Equatable, Sendable {
        case unknownActor(String)
        case unknownGroup(String)
        case emptyView
    }

    public init(network: Network, options: DiagramOptions, taxonomy: Taxonomy = .standard) throws(BuildError) {
        var builder = _Builder(network: network, options: options, taxonomy: taxonomy)
        try builder.build()
        dot = builder.output
        engine = builder.engine
        nodeCount = builder.drawnNodes
        edgeCount = builder.drawnEdges
        notes = builder.notes
        dpi = options.dpi
        date = options.date
        target = options.target
        view = options.view
    }

    /// The ids of the actors of a group, directly or through member groups.
    public static func actorMembers(of groupID: String, _ network: Network) -> [String] {
        _Builder.actorMembers(of: groupID, network)
    }

    /// How much a drawing may be enlarged to fill its target: twice (a 5-actor network on A0 stays a small drawing
    /// in the middle of the page rather than 30 cm boxes).
    public static let maximumScale = 2.0

    var page: PageFit {
        PageFit(width: target.points.width, height: target.points.height, maximumScale: Self.maximumScale)
    }

    /// Renders with Graphviz. PNG uses the options' DPI.
    /// Where the layout puts each drawn actor, by index in `network.actors` (points, y up).
    public func actorPositions() throws -> [Int: (x: Double, y: Double)] {
        var out: [Int: (x: Double, y: Double)] = [:]
        for (name, position) in try GraphvizRenderer.positions(dot: dot, engine: engine) where name.hasPrefix("a") {
            if let index = Int(name.dropFirst()) { out[index] = position }
        }
        return out
    }

    public func render(_ format: DiagramFormat) throws -> (data: Data, warnings: [String]) {
        let result = try render([format])
        return (result.data[0], result.warnings)
    }

    /// Renders several formats from one layout (PNG at the options' DPI, else the target's), so they show the same
    /// picture, each fitted to the target. `scale` says how large the smallest text ends up:
    /// `Diagram.smallestFont × scale` points at the target's size.
    public func render(_ formats: [DiagramFormat]) throws -> Rendering {
        var result = try _render(formats)
        for (i, format) in formats.enumerated() where format == .pdf { result.data[i] = Self.stampPDF(result.data[i], date: date) }
        return result
    }

    /// The size of the smallest text at the target, in points, once laid out (without rendering a file).
    public func smallestTextAtTarget() throws -> Double {
        Self.smallestFont * (try GraphvizRenderer.render(dot: dot, engine: engine, formats: [], page: page).scale)
    }

    /// Cairo 1.16 (Debian 12) writes the current time as the PDF's `/CreationDate` and ignores SOURCE_DATE_EPOCH;
    /// the digits are replaced by the diagram's date at 00:00:00, same length, so the PDF's byte offsets stay valid
    /// and a PDF made twice from the same data the same day is the same file.
    static func stampPDF(_ pdf: Data, date: String) -> Data {
        let marker = Array("/CreationDate (D:".utf8)
        let digits = Array((date.replacingOccurrences(of: "-", with: "") + "000000").utf8)
        guard digits.count == 14, let range = pdf.firstRange(of: marker), range.upperBound + 14 <= pdf.count else { return pdf }
        var stamped = pdf
        stamped.replaceSubrange(range.upperBound..<(range.upperBound + 14), with: digits)
        return stamped
    }

    private func _render(_ formats: [DiagramFormat]) throws -> Rendering {
        // Graphviz's `dpi` also scales SVG and PDF pages and must be set before layout: a PNG at another resolution
        // than 72 gets its own layout (the same DOT, so the same picture); the other formats share one layout.
        let pngDPI = dpi ?? target.pngDPI
        let vector = formats.filter { $0 != .png }
        var result = Rendering(data: [Data](repeating: Data(), count: formats.count), warnings: [], scale: 1)
        if !vector.isEmpty {
            let rendered = try GraphvizRenderer.render(dot: dot, engine: engine, formats: vector, page: page)
            var next = 0
            for (i, format) in formats.enumerated() where format != .png { result.data[i] = rendered.data[next]; next += 1 }
            result.warnings += rendered.warnings
            result.scale = rendered.scale
        }
        if formats.contains(.png) {
            let text = dot.replacingOccurrences(of: "\n  graph [charset=", with: "\n  graph [dpi=\(pngDPI), charset=")
            let rendered = try GraphvizRenderer.render(dot: text, engine: engine, formats: [.png], page: page)
            for (i, format) in formats.enumerated() where format == .png { result.data[i] = rendered.data[0] }
            result.warnings += rendered.warnings
            result.scale = rendered.scale
        }
        return result
    }
}

private struct _Builder {
    let network: Network
    let options: DiagramOptions
    let taxonomy: Taxonomy
    let fr: Bool
    var output = ""
    var engine: LayoutEngine = .fdp
    var drawnNodes = 0
    var drawnEdges = 0
    var notes: [Localized] = []
    /// Drawn at places (`--layout geo`, the regional and departmental aggregates): the map's credit goes with the
    /// source, and `mapLegend` says what the places were read from.
    var onMap = false
    var mapLegend: String?

    init(network: Network, options: DiagramOptions, taxonomy: Taxonomy) {
        self.network = network
        self.options = options
        self.taxonomy = taxonomy
        fr = options.language == .fr
    }

    /// "0 lien", "1 lien", "2 liens" (French: singular below 2); "0 ties", "1 tie", "2 ties".
    static func count(_ n: Int, _ french: String, _ english: String, fr: Bool) -> String {
        fr ? "\(n) \(french)\(n >= 2 ? "s" : "")" : "\(n) \(english)\(n == 1 ? "" : "s")"
    }

    var isAggregate: Bool {
        if case .aggregate = options.view { return true }
        return false
    }

    func familyOf(_ actor: Actor) -> String { taxonomy.family(of: actor.kind)?.id ?? "unspecified" }

    func kindLabel(_ kind: String) -> String {
        taxonomy.kinds.first { $0.id == kind }?.label(options.language) ?? kind
    }

    func tieLabel(_ type: String) -> String {
        if type.isEmpty { return fr ? "Lien (sans type)" : "Tie (untyped)" }
        return taxonomy.tieTypes.first { $0.id == type }?.label(options.language) ?? type
    }

    /// Ties kept by the date filter, as (source index, target index, tie).
    func activeTies(_ index: [String: Int]) -> [(Int, Int, Partnership)] {
        network.ties.compactMap { tie in
            if let year = options.at, !tie.isActive(in: year) { return nil }
            guard let u = index[tie.source], let v = index[tie.target], u != v else { return nil }
            return (u, v, tie)
        }
    }

    /// Which actors a view draws, which of them are faded (external partners of a group), what the view is called,
    /// and everyone's partners among the active ties.
    struct Selection {
        var keep: [Bool]
        var faded: [Bool]
        var text: String
        var adjacency: [[Int]]
        var drawn: [Int] { keep.indices.filter { keep[$0] } }
    }

    /// One edge per (pair, type) among the drawn actors, weights summed, in first-seen order.
    struct MergedEdges {
        var order: [String] = []
        var edges: [String: (u: Int, v: Int, type: String, weight: Double, since: Int?)] = [:]
        /// Tie types drawn, in the taxonomy's order.
        var types: [String] = []
    }

    mutating func build() throws(Diagram.BuildError) {
        let index = network.actorIndex()
        let ties = activeTies(index)
        if case .aggregate(let attribute) = options.view {
            try buildAggregate(attribute, ties: ties)
            return
        }
        let selection = try select(ties: ties, index: index)
        let drawn = selection.drawn
        guard !drawn.isEmpty else { throw .emptyView }
        drawnNodes = drawn.count
        chooseEngine(drawnCount: drawn.count)
        let geoMap = options.layout == .geo ? placeActors(drawn) : nil
        let (sizes, labelled) = nodeSizes(drawn: drawn, adjacency: selection.adjacency)
        let (colorKeys, usedColors) = colors(drawn: drawn)
        let (clusterOf, clusterGroups) = clusters(selection, index: index)
        let merged = mergeEdges(ties, keep: selection.keep)
        drawnEdges = merged.order.count
        let subtitle = (network.synthetic ? (fr ? "DONNÉES SYNTHÉTIQUES — " : "SYNTHETIC DATA — ") : "")
            + "\(selection.text) — " + Self.count(drawn.count, "acteur", "actor", fr: fr) + ", " + Self.count(merged.order.count, "lien", "tie", fr: fr)
            + (options.at.map { fr ? " — liens actifs en \($0)" : " — ties active in \($0)" } ?? "")
        header(subtitle: subtitle, colors: usedColors, types: merged.types, clusters: clusterGroups.isEmpty ? nil : options.clusters)
        var linked = Set<Int>()
        for key in merged.order { linked.insert(merged.edges[key]!.u); linked.insert(merged.edges[key]!.v) }
        writeNodes(drawn: drawn, selection: selection, sizes: sizes, labelled: labelled, colorKeys: colorKeys,
                   clusterOf: clusterOf, clusterGroups: clusterGroups, linked: linked, geoMap: geoMap)
        writeEdges(merged, faded: selection.faded, geoMap: geoMap)
        output += "}\n"
    }

    /// The actors of the view (whole, ego, group with its faded partners, k-core).
    func select(ties: [(Int, Int, Partnership)], index: [String: Int]) throws(Diagram.BuildError) -> Selection {
        let n = network.actors.count
        var keep = [Bool](repeating: false, count: n)
        var faded = [Bool](repeating: false, count: n)
        var viewText = ""
        var adjacency = [[Int]](repeating: [], count: n)
        for (u, v, _) in ties { adjacency[u].append(v); adjacency[v].append(u) }
        switch options.view {
        case .whole:
            keep = [Bool](repeating: true, count: n)
            viewText = fr ? "réseau entier" : "whole network"
        case .ego(let id, let radius):
            guard let start = index[id] else { throw .unknownActor(id) }
            var frontier = [start]
            keep[start] = true
            // A radius beyond the network's size adds nothing: stop when the frontier is empty.
            var step = 0
            while step < radius && !frontier.isEmpty {
                step += 1
                var next: [Int] = []
                for u in frontier { for v in adjacency[u] where !keep[v] { keep[v] = true; next.append(v) } }
                frontier = next
            }
            viewText = fr ? "partenaires de \(network.actors[start].name) (rayon \(radius))" : "partners of \(network.actors[start].name) (radius \(radius))"
        case .group(let id):
            guard let group = network.groups.first(where: { $0.id == id }) else { throw .unknownGroup(id) }
            for member in Self.actorMembers(of: id, network) { if let i = index[member] { keep[i] = true } }
            let inside = keep
            for u in network.actors.indices where inside[u] { for v in adjacency[u] where !inside[v] { keep[v] = true; faded[v] = true } }
            viewText = "\(group.name)" + (fr ? " et ses partenaires extérieurs (estompés)" : " and its external partners (faded)")
        case .core(let k):
            var builder = GraphBuilder(nodeCount: n)
            for (u, v, _) in ties { builder.addEdge(u, v) }
            let cores = coreNumber(builder.build())
            for i in cores.indices where cores[i] >= k { keep[i] = true }
            viewText = fr ? "\(k)-cœur (acteurs ayant au moins \(k) partenaires dans le cœur)" : "\(k)-core (actors with at least \(k) partners inside it)"
        case .aggregate:
            break
        }
        return Selection(keep: keep, faded: faded, text: viewText, adjacency: adjacency)
    }

    /// neato (stress majorisation, overlap removal) reads like a map and is reproducible; frames and the actors without
    /// a tie are composed on its layout (`Composition`). sfdp above 300 actors. dot (hierarchical) only when asked
    /// for; fdp only when asked for.
    mutating func chooseEngine(drawnCount: Int) {
        if options.layout == .geo {
            // A map: every placed actor pinned, neato only removes overlaps.
            if let asked = options.engine, asked != .neato {
                notes.append(Localized(fr: "carte (--layout geo) : les acteurs sont à leur place, la disposition \(asked.rawValue) n'est pas utilisée",
                                       en: "map (--layout geo): actors are at their places, the \(asked.rawValue) layout is not used"))
            }
            engine = .neato
            return
        }
        engine = options.engine ?? (drawnCount > 300 ? .sfdp : .neato)
        if options.engine == nil && drawnCount > 300 {
            notes.append(Localized(fr: "\(drawnCount) acteurs : disposition sfdp avec suppression des chevauchements",
                                   en: "\(drawnCount) actors: sfdp layout with overlap removal"))
        }
        if drawnCount > Diagram.readableLimit {
            notes.append(Localized(fr: "\(drawnCount) acteurs : le dessin entier sera peu lisible ; essayez --view aggregate:family",
                                   en: "\(drawnCount) actors: the whole drawing will be hard to read; try --view aggregate:family"))
        }
    }

    /// The drawn actors at their places (`Gazetteer.place`), projected on a map whose side grows with their number;
    /// what the places were read from goes into the legend and the notes.
    mutating func placeActors(_ drawn: [Int]) -> GeoMap {
        let gazetteer = Gazetteer.bundled
        var points: [(key: Int, point: GeoPoint, overseas: String?)] = []
        var counts = [Placement.Basis: Int]()
        var ambiguous: [String] = []
        for i in drawn {
            guard let placement = gazetteer.place(of: network.actors[i]) else { continue }
            points.append((i, placement.point, placement.overseasRegion))
            counts[placement.basis, default: 0] += 1
            if let commune = placement.ambiguousCommune, !ambiguous.contains(commune) { ambiguous.append(commune) }
        }
        onMap = true
        let names: [Placement.Basis: (String, String)] = [
            .coordinates: ("coordonnées", "coordinates"), .commune: ("commune", "commune"),
            .department: ("chef-lieu du département", "département's chef-lieu"), .region: ("région", "region"),
        ]
        let parts = Placement.Basis.allCases.compactMap { basis in counts[basis].map { (fr ? names[basis]!.0 : names[basis]!.1) + " (\($0))" } }
        mapLegend = (fr ? "placés par : " : "placed by: ") + (parts.isEmpty ? (fr ? "aucun lieu connu" : "no known place") : parts.joined(separator: ", "))
        if counts[.department, default: 0] + counts[.region, default: 0] > 0 {
            notes.append(Localized(fr: "carte : \(counts[.department, default: 0] + counts[.region, default: 0]) acteurs sont placés au chef-lieu de leur département ou au centre de leur région (commune absente, inconnue ou de nom partagé) : leur place est approximative",
                                   en: "map: \(counts[.department, default: 0] + counts[.region, default: 0]) actors are placed at their département's chef-lieu or their region's centre (commune missing, unknown or shared by several places): their place is approximate"))
        }
        if !ambiguous.isEmpty {
            let list = ambiguous.prefix(5).joined(separator: ", ") + (ambiguous.count > 5 ? "…" : "")
            notes.append(Localized(fr: "carte : plusieurs communes portent le nom \(list) dans la même région ; donnez la latitude et la longitude pour les placer exactement",
                                   en: "map: several communes are called \(list) in the same region; give latitude and longitude to place them exactly"))
        }
        if points.count < drawn.count {
            notes.append(Localized(fr: "carte : \(drawn.count - points.count) acteurs sans commune, département ni région reconnus sont dessinés à part",
                                   en: "map: \(drawn.count - points.count) actors without a known commune, département or region are drawn aside"))
        }
        let side = min(2400, max(600, 90 * Double(drawn.count).squareRoot()))
        return GeoMap(points: points, side: side, gazetteer: gazetteer)
    }

    /// Node sizes (the caller's `sizeValues` scaled to the largest, 0…1) and the actors that carry a label: all up to
    /// 150 drawn, else the 40 largest (or best connected); all keep their tooltip.
    func nodeSizes(drawn: [Int], adjacency: [[Int]]) -> (sizes: [Double], labelled: Set<Int>) {
        var sizes = [Double](repeating: 0, count: network.actors.count)
        if options.sizeBy != nil {
            let values = network.actors.map { options.sizeValues[$0.id] ?? 0 }
            let top = values.max() ?? 0
            for i in values.indices { sizes[i] = top > 0 ? values[i] / top : 0 }
        }
        guard drawn.count > 150 else { return (sizes, Set(drawn)) }
        let score = options.sizeBy == nil ? drawn.map { Double(adjacency[$0].count) } : drawn.map { sizes[$0] }
        return (sizes, Set(zip(drawn, score).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(40).map(\.0)))
    }

    /// Each drawn actor's fill colour, and the colours used for the legend (families in the taxonomy's order).
    func colors(drawn: [Int]) -> ([String], [(key: String, label: String, color: String, shape: String?)]) {
        var colorKeys = [String](repeating: "", count: network.actors.count)
        var usedColors: [(key: String, label: String, color: String, shape: String?)] = []
        var colorIndex: [String: Int] = [:]
        let extraPalette = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
                            "#332288", "#88CCEE", "#44AA99", "#117733", "#DDCC77", "#CC6677", "#AA4499", "#882255"]
        for i in drawn {
            let actor = network.actors[i]
            let family = familyOf(actor)
            let key: String, label: String, color: String
            var shape: String? = options.style.node(family).shape
            switch options.colorBy {
            case .family:
                key = family; label = taxonomy.familyLabel(family, options.language); color = options.style.node(family).color
            case .kind:
                key = actor.kind; label = kindLabel(actor.kind); color = extraPalette[(colorIndex[key] ?? colorIndex.count) % extraPalette.count]; shape = nil
            case .region:
                key = actor.region ?? "?"; label = actor.region ?? (fr ? "Région non précisée" : "Region not given")
                color = extraPalette[(colorIndex[key] ?? colorIndex.count) % extraPalette.count]; shape = nil
            }
            colorKeys[i] = color
            if colorIndex[key] == nil {
                colorIndex[key] = colorIndex.count
                usedColors.append((key, label, color, shape))
            }
        }
        if options.colorBy == .family {
            let order = taxonomy.families.map(\.id)
            usedColors.sort { (order.firstIndex(of: $0.key) ?? 99) < (order.firstIndex(of: $1.key) ?? 99) }
        }
        return (colorKeys, usedColors)
    }

    /// The GES (or PTCE) frames: each drawn, unfaded actor in the first group of the kind that holds it; none when the
    /// engine ignores clusters (with a note).
    mutating func clusters(_ selection: Selection, index: [String: Int]) -> (clusterOf: [Int], groups: [Group]) {
        var clusterOf = [Int](repeating: -1, count: network.actors.count)
        var clusterGroups: [Group] = []
        guard options.clusters != .none else { return (clusterOf, clusterGroups) }
        let kind = options.clusters == .ges ? "ges" : "ptce"
        if options.layout == .geo {
            if network.groups.contains(where: { $0.kind == kind }) {
                notes.append(Localized(fr: "carte : les membres d'un groupe sont à leur place, sans cadre autour d'eux",
                                       en: "map: group members are at their places, without a frame around them"))
            }
            return (clusterOf, clusterGroups)
        }
        for group in network.groups where group.kind == kind {
            let members = Self.actorMembers(of: group.id, network).compactMap { index[$0] }
                .filter { selection.keep[$0] && !selection.faded[$0] && clusterOf[$0] < 0 }
            guard !members.isEmpty else { continue }
            for m in members { clusterOf[m] = clusterGroups.count }
            clusterGroups.append(group)
        }
        if !clusterGroups.isEmpty && !(engine == .dot || engine == .fdp || engine == .neato) {
            notes.append(Localized(fr: "la disposition \(engine.rawValue) ne dessine pas les cadres des groupes",
                                   en: "the \(engine.rawValue) layout does not draw group frames"))
            return ([Int](repeating: -1, count: network.actors.count), [])
        }
        return (clusterOf, clusterGroups)
    }

    /// One edge per (pair, type) between kept actors, weights summed.
    func mergeEdges(_ ties: [(Int, Int, Partnership)], keep: [Bool]) -> MergedEdges {
        var merged = MergedEdges()
        for (u, v, tie) in ties where keep[u] && keep[v] {
            let (a, b) = u < v ? (u, v) : (v, u)
            let key = "\(a)-\(b)-\(tie.type)"
            if var existing = merged.edges[key] {
                existing.weight += tie.weight
                merged.edges[key] = existing
            } else {
                merged.edges[key] = (a, b, tie.type, tie.weight, tie.since?.year)
                merged.order.append(key)
            }
        }
        for key in merged.order where !merged.types.contains(merged.edges[key]!.type) { merged.types.append(merged.edges[key]!.type) }
        let typeOrder = taxonomy.tieTypes.map(\.id)
        merged.types.sort { (typeOrder.firstIndex(of: $0) ?? 99) < (typeOrder.firstIndex(of: $1) ?? 99) }
        return merged
    }

    /// The node statements, inside their frame when they have one.
    mutating func writeNodes(drawn: [Int], selection: Selection, sizes: [Double], labelled: Set<Int>, colorKeys: [String],
                             clusterOf: [Int], clusterGroups: [Group], linked: Set<Int>, geoMap: GeoMap?) {
        let faded = selection.faded
        var clusterLines = [[String]](repeating: [], count: clusterGroups.count)
        var looseLines: [String] = []
        // Actors without a drawn tie and outside any frame: one labelled frame beside the map (force-directed layouts,
        // composed by `Composition`), when the view has ties at all.
        var unlinkedLines: [String] = []
        let gatherUnlinked = engine.isForceDirected && !linked.isEmpty
        for i in drawn {
            let actor = network.actors[i]
            let family = familyOf(actor)
            let node = options.style.node(family)
            let fill = faded[i] ? colorKeys[i] + "55" : colorKeys[i]
            var attributes = [
                "id=\(DOT.quoted("actor-\(i)"))",
                "label=\(DOT.quoted(labelled.contains(i) ? DOT.wrap(actor.name) : ""))",
                "tooltip=\(DOT.quotedTooltip(tooltip(actor, partners: selection.adjacency[i].count)))",
                "fillcolor=\(DOT.quoted(fill))",
                "fontcolor=\(DOT.quoted(faded[i] ? "#666666" : DiagramStyle.textColor(on: colorKeys[i])))",
            ]
            if options.colorBy == .family || options.colorBy == .kind || options.colorBy == .region { attributes.append("shape=\(node.shape)") }
            if family == "iae" { attributes.append("style=\"filled,rounded\"") }
            if faded[i] { attributes.append("color=\"#999999\"") }
            if options.sizeBy != nil {
                let width = 0.4 + 1.4 * sizes[i].squareRoot()
                attributes.append(String(format: "width=%.3f, height=%.3f", width, width * 0.6))
            }
            if !labelled.contains(i) { attributes.append("width=0.15, height=0.15, fixedsize=true") }
            let pin = geoMap?.pin(i)
            if let pin { attributes.append(pin) } else if geoMap != nil { attributes.append(GeoMap.asidePin(unlinkedLines.count)) }
            let line = "    a\(i) [\(attributes.joined(separator: ", "))];"
            // On a map, the actors set aside are those without a place; elsewhere, those without a tie.
            let aside = geoMap != nil ? pin == nil : gatherUnlinked && !linked.contains(i)
            if clusterOf[i] >= 0 {
                clusterLines[clusterOf[i]].append(line)
            } else if aside {
                unlinkedLines.append(line)
            } else {
                looseLines.append(line)
            }
        }
        for (c, group) in clusterGroups.enumerated() {
            output += "  subgraph cluster_g\(c) {\n"
            output += "    label=\(DOT.quoted(group.name)); id=\(DOT.quoted("group-\(c)")); tooltip=\(DOT.quotedTooltip(group.name + " (" + group.kind.uppercased() + ")"));\n"
            output += "    style=\"rounded,dashed\"; color=\"#444444\"; fontsize=11;\n"
            output += clusterLines[c].joined(separator: "\n") + "\n  }\n"
        }
        if !unlinkedLines.isEmpty {
            let n = unlinkedLines.count
            let label = geoMap != nil ? (fr ? "Sans lieu connu (\(n))" : "No known place (\(n))")
                                      : (fr ? "Sans lien renseigné (\(n))" : "No tie recorded (\(n))")
            output += "  subgraph \(Composition.unlinkedCluster) {\n"
            output += "    label=\(DOT.quoted(label)); id=\"unlinked\"; style=\"rounded,dashed\"; color=\"#888888\"; fontsize=11;\n"
            output += unlinkedLines.joined(separator: "\n") + "\n  }\n"
        }
        output += looseLines.joined(separator: "\n") + "\n"
        // neato does not know frames: invisible edges hold each group's actors together, and `Composition` draws
        // the frame around them.
        if engine == .neato {
            var members = [[Int]](repeating: [], count: clusterGroups.count)
            for i in drawn where clusterOf[i] >= 0 { members[clusterOf[i]].append(i) }
            for group in members where group.count > 1 {
                for (k, i) in group.enumerated() {
                    for j in group[(k + 1)...] { output += "  a\(i) -- a\(j) [style=invis, len=0.3, weight=10];\n" }
                }
            }
        }
    }

    /// The edge statements: colour and line style by type, width by weight, a tooltip naming both ends.
    /// The edges; on a map, only those between placed actors (a line from a place to the frame of the actors without
    /// one would say where they are), with a note counting the others.
    mutating func writeEdges(_ merged: MergedEdges, faded: [Bool], geoMap: GeoMap? = nil) {
        var hidden = 0
        for key in merged.order {
            let edge = merged.edges[key]!
            if let geoMap, geoMap.pin(edge.u) == nil || geoMap.pin(edge.v) == nil {
                hidden += 1
                continue
            }
            let style = options.style.edge(edge.type)
            let fade = faded[edge.u] || faded[edge.v]
            let width = min(6, 1 + log2(max(edge.weight, 1)))
            let tip = "\(network.actors[edge.u].name) — \(network.actors[edge.v].name) : \(tieLabel(edge.type))" + (edge.since.map { fr ? " (depuis \($0))" : " (since \($0))" } ?? "")
            output += "  a\(edge.u) -- a\(edge.v) [id=\(DOT.quoted(tieElementID(edge.u, edge.v, type: edge.type))), color=\(DOT.quoted(fade ? style.color + "55" : style.color)), style=\(style.style), penwidth=\(String(format: "%.2f", width)), tooltip=\(DOT.quotedTooltip(tip))];\n"
        }
        if hidden > 0 {
            drawnEdges -= hidden
            notes.append(Localized(fr: "carte : \(Self.count(hidden, "lien", "tie", fr: true)) avec un acteur sans lieu connu \(hidden >= 2 ? "ne sont pas tracés" : "n'est pas tracé")",
                                   en: "map: \(Self.count(hidden, "lien", "tie", fr: false)) with an actor without a known place \(hidden == 1 ? "is" : "are") not drawn"))
        }
    }

    /// Actor ids belonging to a group, directly or through member groups.
    static func actorMembers(of groupID: String, _ network: Network) -> [String] {
        let groupIDs = Set(network.groups.map(\.id))
        var result: [String] = [], seen: Set<String> = [groupID], stack = [groupID]
        while let current = stack.popLast() {
            for membership in network.memberships where membership.group == current {
                if groupIDs.contains(membership.member) {
                    if seen.insert(membership.member).inserted { stack.append(membership.member) }
                } else if !result.contains(membership.member) {
                    result.append(membership.member)
                }
            }
        }
        return result
    }

    func tooltip(_ actor: Actor, partners: Int) -> String {
        var parts = [actor.name, kindLabel(actor.kind)]
        if let place = [actor.commune, actor.department].compactMap({ $0 }).first { parts.append(place) }
        parts.append(Self.count(partners, "lien", "tie", fr: fr))
        if let fte = actor.fte { parts.append((fr ? "ETP " : "FTE ") + String(format: "%g", fte)) }
        if let revenue = actor.revenue, revenue.isFinite {
            parts.append((fr ? "chiffre d'affaires " : "revenue ") + options.language.euros(revenue))
        }
        parts.append("id \(actor.id)")
        return parts.joined(separator: " — ")
    }

    mutating func header(subtitle: String, colors: [(key: String, label: String, color: String, shape: String?)], types: [String],
                         clusters: DiagramOptions.Clusters?) {
        let title = options.title ?? network.title ?? (fr ? "Réseau de coopération" : "Cooperation network")
        let source = (fr ? "Source : " : "Source: ") + (network.source ?? (fr ? "non précisée" : "not given"))
            + (onMap ? (fr ? " ; " + Gazetteer.attribution.fr : "; " + Gazetteer.attribution.en) : "")
        // Two columns: what the colours mean, then what the lines and frames mean; only what is drawn.
        var nodeRows: [String] = [], lineRows: [String] = []
        for entry in colors {
            let swatch = entry.shape.map { shape in
                // The node's shape as a glyph of DejaVu Sans, in its colour (a white shape as its outline).
                let white = entry.color.uppercased().hasPrefix("#FFFFFF")
                return "<TD><FONT POINT-SIZE=\"14\" COLOR=\"\(white ? "#000000" : entry.color)\">\(Self.glyph(shape, outline: white))</FONT></TD>"
            } ?? "<TD BGCOLOR=\"\(entry.color)\" WIDTH=\"18\" HEIGHT=\"10\" FIXEDSIZE=\"TRUE\" BORDER=\"1\"></TD>"
            nodeRows.append(swatch + "<TD ALIGN=\"LEFT\">\(DOT.html(entry.label))</TD>")
        }
        for type in types {
            let style = options.style.edge(type)
            lineRows.append("<TD><FONT COLOR=\"\(style.color)\">\(lineGlyph(style.style))</FONT></TD><TD ALIGN=\"LEFT\">\(DOT.html(tieLabel(type)))</TD>")
        }
        if let clusters {
            let text = clusters == .ges ? (fr ? "cadre : GES (groupe économique solidaire)" : "frame: GES (solidarity economic group)")
                                        : (fr ? "cadre : PTCE" : "frame: PTCE")
            lineRows.append("<TD>┆┆</TD><TD ALIGN=\"LEFT\">\(DOT.html(text))</TD>")
        }
        if let mapLegend {
            lineRows.append("<TD>◎</TD><TD ALIGN=\"LEFT\">\(DOT.html(mapLegend))</TD>")
        }
        if let metric = options.sizeBy {
            lineRows.append("<TD>●</TD><TD ALIGN=\"LEFT\">\(DOT.html((fr ? "taille : " : "size: ") + metric.label(options.language)))</TD>")
        }
        // Only colours (an aggregate view): two columns of colours, so that the legend is half as tall.
        if lineRows.isEmpty && nodeRows.count > 3 {
            let half = (nodeRows.count + 1) / 2
            lineRows = Array(nodeRows[half...])
            nodeRows = Array(nodeRows[..<half])
        }
        var legend = ""
        for row in 0..<max(nodeRows.count, lineRows.count) {
            legend += "<TR>" + (row < nodeRows.count ? nodeRows[row] : "<TD></TD><TD></TD>") + "<TD WIDTH=\"12\"></TD>"
                + (row < lineRows.count ? lineRows[row] : "<TD></TD><TD></TD>") + "</TR>"
        }
        let label = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\">"
            + "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"18\"><B>\(DOT.html(title))</B></FONT></TD></TR>"
            + "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\">\(DOT.html(subtitle + " — " + options.language.longDate(options.date)))</FONT></TD></TR>"
            + "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\">\(legend.isEmpty ? "<TR><TD></TD></TR>" : legend)</TABLE></FONT></TD></TR>"
            + "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\" COLOR=\"#333333\">\(DOT.html(wrapSource(source)))</FONT></TD></TR>"
            + "</TABLE>>"
        output = "graph ptce {\n"
        output += "  graph [charset=\"UTF-8\", fontname=\(DOT.quoted(options.style.fontName)), label=\(label), labelloc=\"t\", labeljust=\"l\", "
        // Spline routing around nodes costs too much on large drawings: straight lines there. The neato family's router
        // (splines=true, shared by neato, fdp, sfdp, circo and twopi) depends on where the heap puts its obstacles: it
        // bent one edge differently in 1 run of 16 on neato's maps, and in 1 of 6 with fdp on the COORACE network of
        // 87 actors (Graphviz 2.43), so those engines draw gentle curves; dot routes with its own, stable, router.
        let splines = drawnNodes > 300 ? "line" : (engine == .dot ? "true" : "curved")
        output += "pad=\"0\", margin=\"0\", size=\"\(options.target.graphvizSize)\", outputorder=\"edgesfirst\", splines=\"\(splines)\", overlap=\"prism\", start=\"42\", "
        output += "sep=\"+8\", K=\"0.8\", nodesep=\"0.3\""
        // prism's default (-4) first spreads the layout to four times the average label size: a star of long
        // spokes. Without it, the springs' length holds and prism only moves what overlaps.
        if engine == .neato { output += ", overlap_scaling=\"0\"" }
        if engine == .dot { output += ", rankdir=\"LR\", ranksep=\"0.3\", pack=\"true\", packmode=\"array_u3\"" }
        // sfdp's Barnes–Hut quadtree (Graphviz 2.43) gives a slightly different layout from run to run, even without
        // address-space randomisation; exact forces are reproducible and cost 2.5× the time at 3,000 actors
        // (15 s against 6 s), so they are used up to `exactForcesLimit` actors.
        if engine == .sfdp && drawnNodes <= Diagram.exactForcesLimit { output += ", quadtree=\"none\"" }
        output += "];\n"
        output += "  node [fontname=\(DOT.quoted(options.style.fontName)), fontsize=\"10\", style=\"filled\", penwidth=\"0.8\", margin=\"0.08,0.04\"];\n"
        // neato's springs: half an inch, so that a star of partners stays compact (overlap removal spaces the nodes).
        output += "  edge [fontname=\(DOT.quoted(options.style.fontName)), fontsize=\"10\"\(engine == .neato ? ", len=\"0.5\"" : "")];\n"
    }

    func wrapSource(_ text: String) -> String {
        // Long source lines wrap at about 80 characters (never cut): the title block stays narrow beside the map.
        DOT.wrap(text, width: 80)
    }

    func lineName(_ style: String) -> String {
        switch style {
        case "dashed": return fr ? "tirets" : "dashed"
        case "dotted": return fr ? "pointillés" : "dotted"
        case "bold": return fr ? "gras" : "bold"
        default: return fr ? "trait plein" : "solid"
        }
    }

    /// A glyph drawing a Graphviz node shape in the legend (DejaVu Sans has them all; checked in a rendered PNG).
    static func glyph(_ shape: String, outline: Bool) -> String {
        switch shape {
        case "ellipse", "oval", "egg", "circle", "doublecircle": return outline ? "○" : "●"
        case "hexagon": return outline ? "⎔" : "⬢"
        case "octagon", "doubleoctagon", "tripleoctagon": return "⬣"
        case "diamond", "Mdiamond": return "◆"
        case "house", "pentagon": return "⬟"
        case "invhouse", "invtriangle": return "▼"
        case "triangle": return "▲"
        case "note": return "▤"
        case "point": return "•"
        default: return outline ? "▢" : "■"
        }
    }

    func lineGlyph(_ style: String) -> String {
        switch style {
        case "dashed": return "╌╌╌"
        case "dotted": return "┈┈┈"
        case "bold": return "━━━"
        default: return "───"
        }
    }

    /// The value of each actor for an aggregate view's attribute (a GES or PTCE: the first that holds it).
    func aggregateValues(_ attribute: DiagramView.AggregateAttribute) -> [String] {
        var groupOf: [String: String] = [:]
        if attribute == .group {
            for group in network.groups where group.isGES || group.isPTCE {
                for member in Self.actorMembers(of: group.id, network) where groupOf[member] == nil { groupOf[member] = group.name }
            }
        }
        return network.actors.map { actor in
            switch attribute {
            case .family: return taxonomy.familyLabel(familyOf(actor), options.language)
            case .kind: return kindLabel(actor.kind)
            case .region:
                // Today's name for a former region's; the département's region when none is given.
                let gazetteer = Gazetteer.bundled
                if let region = actor.region, !region.isEmpty {
                    return gazetteer.regionCode(named: region).flatMap { gazetteer.regionNames[$0] } ?? region
                }
                return actor.department.flatMap { gazetteer.regionCode(ofDepartment: $0) }.flatMap { gazetteer.regionNames[$0] }
                    ?? (fr ? "Région non précisée" : "Region not given")
            case .department: return actor.department ?? (fr ? "Département non précisé" : "Département not given")
            case .group: return groupOf[actor.id] ?? (fr ? "Hors GES et PTCE" : "Outside GES and PTCE")
            }
        }
    }

    /// The attribute's name in the subtitle.
    static func attributeName(_ attribute: DiagramView.AggregateAttribute, fr: Bool) -> String {
        switch attribute {
        case .family: return fr ? "famille" : "family"
        case .kind: return fr ? "type d'acteur" : "kind"
        case .region: return fr ? "région" : "region"
        case .department: return fr ? "département" : "département"
        case .group: return fr ? "GES ou PTCE" : "GES or PTCE"
        }
    }

    /// The places of a regional or departmental aggregate (unless `--layout force`): each region at the mean of its
    /// chefs-lieux, each département at its chef-lieu; nil for the other attributes.
    mutating func aggregateMap(_ attribute: DiagramView.AggregateAttribute, order: [String]) -> GeoMap? {
        guard attribute == .region || attribute == .department, options.layout != .force else { return nil }
        let gazetteer = Gazetteer.bundled
        var points: [(key: Int, point: GeoPoint, overseas: String?)] = []
        for (i, value) in order.enumerated() {
            let region = attribute == .region ? gazetteer.regionCode(named: value) : gazetteer.regionCode(ofDepartment: value)
            let point = attribute == .region ? region.flatMap { gazetteer.point(ofRegion: $0) } : gazetteer.point(ofDepartment: value)
            guard let point else { continue }
            points.append((i, point, region.flatMap { Gazetteer.overseasRegions.contains($0) ? $0 : nil }))
        }
        onMap = true
        mapLegend = attribute == .region ? (fr ? "à la place de la région (centre de ses chefs-lieux)" : "at the region's place (centre of its chefs-lieux)")
                                         : (fr ? "au chef-lieu du département" : "at the département's chef-lieu")
        return GeoMap(points: points, side: attribute == .region ? 1000 : 1600, gazetteer: gazetteer)
    }

    mutating func buildAggregate(_ attribute: DiagramView.AggregateAttribute, ties: [(Int, Int, Partnership)]) throws(Diagram.BuildError) {
        let values = aggregateValues(attribute)
        var order: [String] = []
        var counts: [String: Int] = [:]
        var family: [String: String] = [:]
        for (i, value) in values.enumerated() {
            if counts[value] == nil { order.append(value) }
            counts[value, default: 0] += 1
            if attribute == .family { family[value] = familyOf(network.actors[i]) }
        }
        guard !order.isEmpty else { throw .emptyView }
        var internalTies: [String: Int] = [:]
        var between: [String: Int] = [:]
        var pairOrder: [String] = []
        for (u, v, _) in ties {
            let a = values[u], b = values[v]
            if a == b { internalTies[a, default: 0] += 1; continue }
            let (x, y) = (order.firstIndex(of: a)! < order.firstIndex(of: b)!) ? (a, b) : (b, a)
            let key = x + "\u{1F}" + y
            if between[key] == nil { pairOrder.append(key) }
            between[key, default: 0] += 1
        }
        engine = options.engine ?? (order.count > 40 ? .sfdp : .neato)
        let geoMap = aggregateMap(attribute, order: order)
        if geoMap != nil { engine = .neato }
        drawnNodes = order.count
        drawnEdges = pairOrder.count
        let largest = Double(counts.values.max() ?? 1)
        let maxEdge = Double(between.values.max() ?? 1)
        let attributeName = Self.attributeName(attribute, fr: fr)
        let subtitle = (network.synthetic ? (fr ? "DONNÉES SYNTHÉTIQUES — " : "SYNTHETIC DATA — ")
                        : "") + ((fr ? "vue agrégée par \(attributeName) — " : "aggregated by \(attributeName) — ")
                                    + Self.count(network.actors.count, "acteur", "actor", fr: fr) + ", " + Self.count(ties.count, "lien", "tie", fr: fr))
            + (options.at.map { fr ? " — liens actifs en \($0)" : " — ties active in \($0)" } ?? "")
        var legendColors: [(key: String, label: String, color: String, shape: String?)] = []
        if attribute == .family {
            let familyOrder = taxonomy.families.map(\.id)
            for value in order.sorted(by: { (familyOrder.firstIndex(of: family[$0]!) ?? 99) < (familyOrder.firstIndex(of: family[$1]!) ?? 99) }) {
                let style = options.style.node(family[value]!)
                legendColors.append((family[value]!, value, style.color, style.shape))
            }
        }
        header(subtitle: subtitle, colors: legendColors, types: [], clusters: nil)
        output += "  // Node size: number of actors; edge width and label: number of ties between the two.\n"
        var aside: [String] = []
        for (i, value) in order.enumerated() {
            let n = counts[value]!
            let width = 0.8 + 1.6 * (Double(n) / largest).squareRoot()
            let color = attribute == .family ? options.style.node(family[value]!).color : "#DDDDDD"
            let shape = attribute == .family ? options.style.node(family[value]!).shape : "ellipse"
            let count = fr ? (n == 1 ? "1 acteur" : "\(n) acteurs") : (n == 1 ? "1 actor" : "\(n) actors")
            let inside = internalTies[value].map { fr ? ($0 == 1 ? ", 1 lien interne" : ", \($0) liens internes") : ($0 == 1 ? ", 1 internal tie" : ", \($0) internal ties") } ?? ""
            let label = DOT.wrap(value, width: 18) + "\n" + count + inside
            let pin = geoMap.flatMap { $0.pin(i) }.map { ", " + $0 } ?? (geoMap != nil ? ", " + GeoMap.asidePin(aside.count) : "")
            let line = "  v\(i) [id=\(DOT.quoted("value-\(i)")), label=\(DOT.quoted(label)), tooltip=\(DOT.quotedTooltip(label.replacingOccurrences(of: "\n", with: " — "))), "
                + "shape=\(shape), fillcolor=\(DOT.quoted(color)), fontcolor=\(DOT.quoted(DiagramStyle.textColor(on: color))), "
                + String(format: "width=%.2f, height=%.2f, fontsize=\"11\"", width, width * 0.6) + pin + "];\n"
            if geoMap != nil && geoMap?.pin(i) == nil { aside.append("  " + line) } else { output += line }
        }
        if !aside.isEmpty {
            output += "  subgraph \(Composition.unlinkedCluster) {\n"
            output += "    label=\(DOT.quoted(fr ? "Sans lieu connu (\(aside.count))" : "No known place (\(aside.count))")); id=\"unlinked\"; style=\"rounded,dashed\"; color=\"#888888\"; fontsize=11;\n"
            output += aside.joined() + "  }\n"
        }
        for key in pairOrder {
            let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            let a = order.firstIndex(of: parts[0])!, b = order.firstIndex(of: parts[1])!
            let count = between[key]!
            let width = 1 + 7 * (Double(count) / maxEdge)
            output += "  v\(a) -- v\(b) [penwidth=\(String(format: "%.2f", width)), color=\"#55555599\", label=\(DOT.quoted(String(count))), "
                + "tooltip=\(DOT.quotedTooltip("\(parts[0]) — \(parts[1]) : \(count) " + (fr ? "liens" : "ties")))];\n"
        }
        output += "}\n"
    }
}
