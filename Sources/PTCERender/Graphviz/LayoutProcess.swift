import Foundation

/// fdp's layout laid out in a fresh process of ptce.
///
/// Graphviz 2.43's fdp builds internal graphs (the derived graph of its clusters and ports) whose nodes are ordered by
/// the addresses of their interned names. In a fresh single-threaded process the allocator hands out addresses in
/// the same order every time (that is why `dot -Kfdp` is reproducible); inside ptce, whose earlier work and threads
/// leave the heap in a different state each run, the order — and the picture — changed from run to run (4 runs of the
/// synthetic network's regional view gave 4 PDFs). So ptce lays fdp out in a child process of itself that does
/// nothing else: it reads the DOT text on standard input and writes the laid-out DOT (positions rounded to 1/100 pt)
/// on standard output; the parent draws from those positions with `nop2`, like every force-directed layout.
public enum LayoutProcess {
    /// The first argument that turns ptce into the layout helper (not a command users see).
    public static let argument = "__graphviz-layout"

    /// The executable to start as the helper: set by the `ptce` command at launch. Without it (a library user, the
    /// tests), fdp is laid out in the calling process and is reproducible only when nothing else ran before.
    nonisolated(unsafe) public static var executable: URL?

    /// The engines laid out in the helper.
    static func isNeeded(for engine: LayoutEngine) -> Bool { (engine == .fdp || engine == .sfdp) && executable != nil }

    /// The helper's work: `arguments` are the ones after `argument` (the engine name). Returns the exit status.
    public static func serve(arguments: [String]) -> Int32 {
        guard arguments.count == 1, let engine = LayoutEngine(rawValue: arguments[0]) else {
            FileHandle.standardError.write(Data("usage: ptce \(argument) ENGINE < graph.dot\n".utf8))
            return 64
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        do {
            let laidOut = try GraphvizRenderer.layout(dot: String(decoding: input, as: UTF8.self), engine: engine)
            FileHandle.standardOutput.write(Data(laidOut.dot.utf8))
            FileHandle.standardError.write(Data(laidOut.warnings.map { $0 + "\n" }.joined().utf8))
            return 0
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 70
        }
    }

    /// Lays `dot` out with `engine` in the helper; returns the laid-out DOT and Graphviz's messages.
    static func layout(dot: String, engine: LayoutEngine, executable: URL) throws -> (dot: String, warnings: [String]) {
        let process = Process()
        process.executableURL = executable
        process.arguments = [argument, engine.rawValue]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw RenderError(message: "the layout process could not start (\(error.localizedDescription))",
                              hint: "reinstall ptce, or choose another --engine")
        }
        // Write on another thread: a large graph fills the pipe before the helper's answer is read.
        let dotData = Data(dot.utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(dotData)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = ReadAll(errors.fileHandleForReading)
        let laidOut = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let warnings = String(decoding: errorData.wait(), as: UTF8.self).split(separator: "\n").map(String.init)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw RenderError(message: "Graphviz layout '\(engine.rawValue)' failed in its process"
                                  + (warnings.first.map { ": " + $0 } ?? ""),
                              hint: "choose another --engine (neato is the default)")
        }
        return (String(decoding: laidOut, as: UTF8.self), warnings)
    }

    /// Reads a file handle to its end on a thread of its own.
    private final class ReadAll: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
