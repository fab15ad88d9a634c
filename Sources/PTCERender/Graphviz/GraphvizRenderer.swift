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
    /// layout (engine `nop2`, as `neato -n2`), so PDF and PNG are as stable as SVG.
    public static func render(dot: String, engine: LayoutEngine, formats: [DiagramFormat]) throws -> (data: [Data], warnings: [String]) {
        if formats.allSatisfy({ $0 == .dot }) { return (formats.map { _ in Data(dot.utf8) }, []) }
        let (result, messages) = try Graphviz.session { () throws -> [Data] in
            guard let context = try? Graphviz.context() else { throw RenderError(message: "Graphviz could not start (gvContext failed)", hint: nil) }
            var text = dot
            var layoutEngine = engine.rawValue
            if engine.isForceDirected {
                text = try layOut(text, engine: engine.rawValue, context: context) { graph in
                    try renderData(context, graph, "dot")
                }.map { String(decoding: $0, as: UTF8.self) } ?? text
                layoutEngine = "nop2"
            }
            return try layOut(text, engine: layoutEngine, context: context) { graph in
                try formats.map { format in format == .dot ? Data(dot.utf8) : try renderData(context, graph, format.rawValue) }
            } ?? []
        }
        return (result, messages.map(\.text))
    }

    /// Reads `dot` (cgraph IDs in creation order), lays it out with `engine`, and gives the graph to `body`.
    private static func layOut<T>(_ dot: String, engine: String, context: OpaquePointer,
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
