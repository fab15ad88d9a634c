import CGraphviz
import Foundation

/// Graphviz layout engines.
public enum LayoutEngine: String, CaseIterable, Sendable {
    case dot, neato, fdp, sfdp, circo, twopi

    /// Engines that place nodes with a random start, made reproducible with a fixed `start` seed.
    var isForceDirected: Bool { self == .neato || self == .fdp || self == .sfdp }
}

/// Output formats of a diagram.
public enum DiagramFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, dot

    /// The format named by a file's extension.
    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased())
    }
}

/// A failure of Graphviz, with what it said and what to do.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var hint: String?
    public var description: String { message + (hint.map { "\n  hint: " + $0 } ?? "") }
}

/// What a rendering gave: the bytes of each format, Graphviz's warnings, and the scale from layout points to the
/// target's points when the drawing was fitted to a page.
public struct Rendering: Sendable {
    public var data: [Data]
    public var warnings: [String]
    /// Final size ÷ laid-out size (1 when not fitted): a 10 pt label is drawn at 10 × `scale` points.
    public var scale: Double
}

/// A page to fit a drawing to: its size in points and the largest enlargement allowed.
public struct PageFit: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var maximumScale: Double

    public init(width: Double, height: Double, maximumScale: Double) {
        self.width = width
        self.height = height
        self.maximumScale = maximumScale
    }
}

/// Renders DOT text with libgvc in-process (`agmemread` → `gvLayout` → `gvRenderData`), never by spawning `dot`.
///
/// Every Graphviz allocation is paired with its free in a `defer`, except the process's one context (`Graphviz.context`). Every call goes through `Graphviz.session` (one
/// lock for the process, Graphviz's messages captured and returned, not written to the terminal).
public enum GraphvizRenderer {
    /// The version of libgvc, e.g. "2.43.0".
    public static var version: String {
        Graphviz.session { () -> String in
            guard let context = try? Graphviz.context() else { return "unknown" }
            guard let info = gvcVersion(context) else { return "unknown" }
            return String(cString: info)
        }.value
    }

    /// Lays out and renders `dot` with `engine` into `format` (DOT is returned as given).
    /// - Returns: the rendered bytes and the warnings Graphviz emitted.
    public static func render(dot: String, engine: LayoutEngine, format: DiagramFormat) throws -> (data: Data, warnings: [String]) {
        let result = try render(dot: dot, engine: engine, formats: [format])
        return (result.data[0], result.warnings)
    }

    /// Lays out `dot` once and renders that one layout into every format, so an SVG, a PNG and a PDF of the same
    /// diagram always show the same picture.
    ///
    /// Reproducibility: the same DOT gives the same bytes in every format, run after run. Force-directed layouts
    /// (neato, fdp, sfdp) are computed in floating point whose last bits can differ between processes; their
    /// coordinates are rounded to 1/100 point (Graphviz's own DOT output) and the drawing is made from the rounded
    /// layout (engine `nop2`, as `neato -n2`), so PDF and PNG are as stable as SVG. Every graph's objects are numbered
    /// and placed in memory in creation order (`OrderedIDDiscipline`, `ArenaMemoryDiscipline`): fdp, which orders
    /// them by address, gives the same layout in any process after any other work.
    public static func render(dot: String, engine: LayoutEngine, formats: [DiagramFormat]) throws -> (data: [Data], warnings: [String]) {
        let result = try render(dot: dot, engine: engine, formats: formats, page: nil)
        return (result.data, result.warnings)
    }

    /// `render(dot:engine:formats:)`, the drawing fitted to `page` when one is given (see `fit`).
    public static func render(dot: String, engine: LayoutEngine, formats: [DiagramFormat], page: PageFit?) throws -> Rendering {
        if formats.allSatisfy({ $0 == .dot }) { return Rendering(data: formats.map { _ in Data(dot.utf8) }, warnings: [], scale: 1) }
        let (result, messages) = try Graphviz.session { () throws -> (data: [Data], scale: Double) in
            guard let context = try? Graphviz.context() else { throw RenderError(message: "Graphviz could not start (gvContext failed)", hint: nil) }
            var text = dot, layoutEngine = engine.rawValue
            if engine.isForceDirected {
                text = try layOut(text, engine: engine.rawValue, context: context) { graph in
                    try renderData(context, graph, "dot")
                }.map { String(decoding: $0, as: UTF8.self) } ?? text
                layoutEngine = "nop2"
            }
            return try layOut(text, engine: layoutEngine, context: context,
                              prepare: engine.isForceDirected ? Composition.arrange : { _ in }) { graph in
                let scale = page.map { fit(graph, to: $0) } ?? 1
                return (try formats.map { format in format == .dot ? Data(dot.utf8) : try renderData(context, graph, format.rawValue) }, scale)
            } ?? ([], 1)
        }
        return Rendering(data: result.data, warnings: messages.map(\.text), scale: result.scale)
    }

    /// Fits a laid-out graph to `page`: its bounding box (`GD_bb`, which sets the page Graphviz renders) is widened
    /// around the drawing to the page's proportions, so that with `size="W,H!"` the output is exactly the page; the
    /// drawing is centred, enlarged at most `page.maximumScale` times, with a margin of 2 % of each side. The root
    /// label (title and legend) goes above the drawing or beside it on the left, whichever lets the drawing be
    /// larger. Returns final size ÷ laid-out size.
    static func fit(_ graph: UnsafeMutablePointer<Agraph_t>, to page: PageFit) -> Double {
        // GD_bb, GD_label, GD_border: the layout's record bound to the graph (Agraphinfo_t), as Graphviz's macros
        // read it; border.2 is the band at the top Graphviz added for the label (TOP_IX).
        let info = UnsafeMutableRawPointer(graph.pointee.base.data).assumingMemoryBound(to: Agraphinfo_t.self)
        var box = info.pointee.bb
        func scale(_ width: Double, _ height: Double) -> Double {
            min(page.width * 0.97 / max(width, 1), page.height * 0.97 / max(height, 1), page.maximumScale)
        }
        if let label = info.pointee.label {
            // The engines reserve a band for the label at the top of the box: dot records it (border.2), nop2 does
            // not — there the band is what lies above the label's bottom edge.
            var band = info.pointee.border.2.y
            let labelBottom = label.pointee.pos.y - label.pointee.dimen.y / 2
            if band == 0 && labelBottom > box.LL.y && label.pointee.pos.y + label.pointee.dimen.y / 2 >= box.UR.y - 10 {
                band = box.UR.y - labelBottom
            }
            var map = boxf(LL: box.LL, UR: pointf(x: box.UR.x, y: box.UR.y - band))
            // A composed drawing is measured on what it draws (`Composition`).
            if Self.attribute(graph, Composition.composed) == "true", let drawn = Composition.drawnBox(graph) { map = drawn }
            let (mapWidth, mapHeight) = (map.UR.x - map.LL.x, map.UR.y - map.LL.y)
            let (labelWidth, labelHeight) = (label.pointee.dimen.x, label.pointee.dimen.y)
            let gap = 18.0
            // The corner `Composition` kept free for the legend, when the legend fits in its width.
            let offsets = Self.attribute(graph, Composition.legendCorner).split(separator: ",").compactMap { Double($0) }
            let corner = offsets.count == 3 ? [map.LL.x + offsets[0], map.UR.y + offsets[1], offsets[2]] : []
            if corner.count == 3, labelWidth <= corner[2] {
                label.pointee.pos = pointf(x: corner[0] + labelWidth / 2, y: corner[1] - labelHeight / 2)
                box = boxf(LL: map.LL, UR: pointf(x: map.UR.x, y: max(map.UR.y, corner[1])))
                return finish(box)
            }
            let above = (width: max(mapWidth, labelWidth), height: mapHeight + gap + labelHeight)
            let beside = (width: labelWidth + gap + mapWidth, height: max(mapHeight, labelHeight))
            if scale(beside.width, beside.height) > scale(above.width, above.height) {
                let left = map.LL.x - gap - labelWidth
                label.pointee.pos = pointf(x: left + labelWidth / 2, y: map.UR.y - labelHeight / 2)
                box = boxf(LL: pointf(x: left, y: min(map.LL.y, map.UR.y - labelHeight)), UR: map.UR)
            } else {
                let top = map.UR.y + gap + labelHeight
                label.pointee.pos = pointf(x: map.LL.x + labelWidth / 2, y: top - labelHeight / 2)
                box = boxf(LL: map.LL, UR: pointf(x: map.LL.x + above.width, y: top))
            }
        }
        return finish(box)

        /// Widens `box` to the page's proportions around its centre, as the graph's box; returns the scale.
        func finish(_ box: boxf) -> Double {
            let width = max(box.UR.x - box.LL.x, 1), height = max(box.UR.y - box.LL.y, 1)
            let factor = scale(width, height)
            let (newWidth, newHeight) = (page.width / factor, page.height / factor)
            let (centreX, centreY) = ((box.LL.x + box.UR.x) / 2, (box.LL.y + box.UR.y) / 2)
            info.pointee.bb = boxf(LL: pointf(x: centreX - newWidth / 2, y: centreY - newHeight / 2),
                                   UR: pointf(x: centreX + newWidth / 2, y: centreY + newHeight / 2))
            return factor
        }
    }

    /// A graph attribute's text ("" when absent).
    static func attribute(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> String {
        name.withCString { key in
            agget(UnsafeMutableRawPointer(graph), UnsafeMutablePointer(mutating: key)).map { String(cString: $0) } ?? ""
        }
    }

    /// Reads `dot` (cgraph IDs in creation order), lays it out with `engine`, and gives the graph to `body`.
    private static func layOut<T>(_ dot: String, engine: String, context: OpaquePointer,
                                  prepare: (UnsafeMutablePointer<Agraph_t>) -> Void = { _ in },
                                  _ body: (UnsafeMutablePointer<Agraph_t>) throws -> T) throws -> T? {
        // Read with an ID discipline numbering names in creation order, so output order depends on the text only.
        let (parsed, cleanup) = OrderedIDDiscipline.read(dot)
        defer { cleanup() }
        guard let graph = parsed else {
            throw RenderError(message: "Graphviz could not read the generated DOT", hint: "this is a bug in ptce: please report it with the input")
        }
        defer { agclose(graph) }
        // Graphviz's force-directed layouts draw from the C library's generators, whose state would otherwise carry
        // over from the previous layout in this process: reseed them so the layout depends on the DOT text only.
        srand48(42)
        srand(42)
        srandom(42)
        prepare(graph)
        guard gvLayout(context, graph, engine) == 0 else {
            throw RenderError(message: "Graphviz layout '\(engine)' failed",
                              hint: "install Graphviz's layout plugins: apt-get install graphviz libgraphviz-dev")
        }
        defer { gvFreeLayout(context, graph) }
        return try body(graph)
    }

    private static func renderData(_ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, _ format: String) throws -> Data {
        var result: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, format, &result, &length) == 0, let result else {
            throw RenderError(message: "Graphviz cannot write \(format.uppercased())",
                              hint: format == "svg" || format == "dot" ? "reinstall Graphviz: apt-get install graphviz libgraphviz-dev"
                                                                       : "PNG and PDF need Graphviz's cairo plugin (Debian package libgvc6, installed with graphviz): apt-get install graphviz")
        }
        defer { gvFreeRenderData(result) }
        return Data(bytes: result, count: Int(length))
    }

    /// Lays out `dot` with `engine` and returns each node's position (points, y up, as Graphviz gives them), by
    /// node name. Same reproducibility as `render`.
    public static func positions(dot: String, engine: LayoutEngine) throws -> [String: (x: Double, y: Double)] {
        try Graphviz.session { () throws -> [String: (x: Double, y: Double)] in
            guard let context = try? Graphviz.context() else { throw RenderError(message: "Graphviz could not start (gvContext failed)", hint: nil) }
            return try layOut(dot, engine: engine.rawValue, context: context) { graph in
                var positions: [String: (x: Double, y: Double)] = [:]
                var node = agfstnode(graph)
                while let current = node {
                    // ND_coord(n): the layout's record bound to the node (Agnodeinfo_t), as Graphviz's own macros read it.
                    let info = UnsafeMutableRawPointer(current.pointee.base.data).assumingMemoryBound(to: Agnodeinfo_t.self)
                    if let name = agnameof(UnsafeMutableRawPointer(current)) {
                        // Rounded to 1/100 point like the rendered layouts: the same in every process.
                        positions[String(cString: name)] = ((info.pointee.coord.x * 100).rounded() / 100, (info.pointee.coord.y * 100).rounded() / 100)
                    }
                    node = agnxtnode(graph, current)
                }
                return positions
            } ?? [:]
        }.value
    }
}
