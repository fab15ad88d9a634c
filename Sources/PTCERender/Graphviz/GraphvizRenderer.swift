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
/// Every Graphviz allocation is paired with its free in a `defer`. Graphviz keeps global state (error handler,
/// plugin tables) and is not thread-safe, so calls are serialised with a lock. Errors and warnings Graphviz prints
/// are captured through `agseterrf` and returned, not written to the terminal.
public enum GraphvizRenderer {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var messages: [String] = []

    /// The version of libgvc, e.g. "2.43.0".
    public static var version: String {
        lock.lock()
        defer { lock.unlock() }
        guard let context = gvContext() else { return "unknown" }
        defer { gvFreeContext(context) }
        guard let info = gvcVersion(context) else { return "unknown" }
        return String(cString: info)
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
    /// Reproducibility: dot, neato, sfdp, circo and twopi give the same bytes for the same DOT, always. fdp (the
    /// default for small networks, because it draws GES frames) gives the same bytes from one run of ptce to the
    /// next, but Graphviz 2.43's fdp depends on the process's allocation history, so two fdp layouts of the same
    /// DOT in one long-running process may differ.
    public static func render(dot: String, engine: LayoutEngine, formats: [DiagramFormat]) throws -> (data: [Data], warnings: [String]) {
        if formats.allSatisfy({ $0 == .dot }) { return (formats.map { _ in Data(dot.utf8) }, []) }
        lock.lock()
        defer { lock.unlock() }
        messages = []
        let previousHandler = agseterrf { text in
            if let text { GraphvizRenderer.messages.append(String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)) }
            return 0
        }
        let previousLevel = agseterr(AGWARN)
        defer {
            agseterrf(previousHandler)
            agseterr(previousLevel)
        }
        guard let context = gvContext() else { throw RenderError(message: "Graphviz could not start (gvContext failed)", hint: nil) }
        defer { gvFreeContext(context) }
        // Read with an ID discipline numbering names in creation order, so output order depends on the text only.
        let (parsed, cleanup) = OrderedIDDiscipline.read(dot)
        defer { cleanup() }
        guard let graph = parsed else {
            throw RenderError(message: "Graphviz could not read the generated DOT: \(messages.joined(separator: " "))",
                              hint: "this is a bug in ptce: please report it with the input")
        }
        defer { agclose(graph) }
        // Graphviz's force-directed layouts draw from the C library's generators, whose state would otherwise carry
        // over from the previous layout in this process: reseed them so the layout depends on the DOT text only.
        srand48(42)
        srand(42)
        srandom(42)
        guard gvLayout(context, graph, engine.rawValue) == 0 else {
            throw RenderError(message: "Graphviz layout '\(engine.rawValue)' failed: \(messages.joined(separator: " "))",
                              hint: "install Graphviz's layout plugins: apt-get install graphviz libgraphviz-dev")
        }
        defer { gvFreeLayout(context, graph) }
        var outputs: [Data] = []
        for format in formats {
            if format == .dot { outputs.append(Data(dot.utf8)); continue }
            var result: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(context, graph, format.rawValue, &result, &length) == 0, let result else {
                throw RenderError(message: "Graphviz cannot write \(format.rawValue.uppercased()): \(messages.joined(separator: " "))",
                                  hint: format == .svg ? "reinstall Graphviz: apt-get install graphviz libgraphviz-dev"
                                                       : "PNG and PDF need Graphviz's cairo plugin (Debian package libgvc6, installed with graphviz): apt-get install graphviz")
            }
            outputs.append(Data(bytes: result, count: Int(length)))
            gvFreeRenderData(result)
        }
        return (outputs, messages.filter { !$0.isEmpty })
    }

    /// Lays out `dot` with `engine` and returns each node's position (points, y up, as Graphviz gives them), by
    /// node name. Same reproducibility as `render`.
    public static func positions(dot: String, engine: LayoutEngine) throws -> [String: (x: Double, y: Double)] {
        lock.lock()
        defer { lock.unlock() }
        messages = []
        let previousHandler = agseterrf { text in
            if let text { GraphvizRenderer.messages.append(String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)) }
            return 0
        }
        defer { agseterrf(previousHandler) }
        guard let context = gvContext() else { throw RenderError(message: "Graphviz could not start (gvContext failed)", hint: nil) }
        defer { gvFreeContext(context) }
        let (parsed, cleanup) = OrderedIDDiscipline.read(dot)
        defer { cleanup() }
        guard let graph = parsed else { throw RenderError(message: "Graphviz could not read the DOT: \(messages.joined(separator: " "))", hint: nil) }
        defer { agclose(graph) }
        srand48(42)
        srand(42)
        srandom(42)
        guard gvLayout(context, graph, engine.rawValue) == 0 else {
            throw RenderError(message: "Graphviz layout '\(engine.rawValue)' failed: \(messages.joined(separator: " "))", hint: nil)
        }
        defer { gvFreeLayout(context, graph) }
        var positions: [String: (x: Double, y: Double)] = [:]
        var node = agfstnode(graph)
        while let current = node {
            // ND_coord(n): the layout's record bound to the node (Agnodeinfo_t), as Graphviz's own macros read it.
            let info = UnsafeMutableRawPointer(current.pointee.base.data).assumingMemoryBound(to: Agnodeinfo_t.self)
            if let name = agnameof(UnsafeMutableRawPointer(current)) {
                positions[String(cString: name)] = (info.pointee.coord.x, info.pointee.coord.y)
            }
            node = agnxtnode(graph, current)
        }
        return positions
    }
}
