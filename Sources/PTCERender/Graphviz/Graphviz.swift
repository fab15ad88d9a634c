import CGraphviz
import PTCEKit
import Foundation

/// The one door to Graphviz for the whole process.
///
/// Graphviz keeps process-wide state (the error level and handler, the plugin tables, cgraph's ID disciplines), so
/// every call — reading DOT files, laying out, rendering — goes through `session`, which holds one lock.
///
/// Messages: Graphviz 2.43 formats a message for a custom error handler (`agseterrf`) with `vsnprintf` into a 1 KiB
/// buffer and, when the message is longer, formats it again from the same, already consumed `va_list`: with a long
/// token in a DOT file that reads a wild pointer and crashes (exit 139). So no custom handler is installed: Graphviz
/// prints with its default `vfprintf(stderr)`, and during a session the process's standard error is redirected to
/// a temporary file that is read back (at most `maximumMessageBytes`) when the session ends.
enum Graphviz {
    private static let lock = NSLock()
    static let maximumMessageBytes = 64 << 10

    /// The Graphviz context of the process, made on first use and never freed. Freeing it frees its font-name
    /// dictionary, and Graphviz 2.43's pango plugin keeps a pointer to the last font name it measured (a static, not a
    /// copy): the next layout in the same process read that freed memory (heap-use-after-free found by `make
    /// sanitize`). One context for the process keeps every font name alive; it is only touched inside `session`.
    nonisolated(unsafe) private static var sharedContext: OpaquePointer?

    /// The process's context; call inside `session` only.
    static func context() throws(GraphvizUnavailable) -> OpaquePointer {
        if let sharedContext { return sharedContext }
        OrderedIDDiscipline.installAsDefaults()
        guard let made = gvContext() else { throw GraphvizUnavailable() }
        sharedContext = made
        return made
    }

    struct GraphvizUnavailable: Error {}

    /// Runs `body` alone in the process with Graphviz's messages captured; returns its result and the messages,
    /// one per line, without the "Warning: " / "Error: " prefix kept in `errors` / `warnings` order of appearance.
    static func session<T>(_ body: () throws -> T) rethrows -> (value: T, messages: [Message]) {
        lock.lock()
        defer { lock.unlock() }
        let capture = StandardErrorCapture()
        defer { _ = capture.finish() }
        let previousLevel = agseterr(AGWARN)
        defer { agseterr(previousLevel) }
        let value = try body()
        return (value, capture.finish())
    }

    /// Standard error redirected to a temporary file until `finish()`, which restores it and returns what was written.
    private final class StandardErrorCapture {
        private var file: UnsafeMutablePointer<FILE>?
        private var saved: Int32 = -1
        private var messages: [Message]?

        init() {
            fflush(nil)  // every output stream, standard error included
            file = tmpfile()
            guard let file else { return }
            saved = dup(STDERR_FILENO)
            dup2(fileno(file), STDERR_FILENO)
        }

        func finish() -> [Message] {
            if let messages { return messages }
            fflush(nil)  // every output stream, standard error included
            if saved >= 0 {
                dup2(saved, STDERR_FILENO)
                close(saved)
            }
            var result: [Message] = []
            if let file {
                rewind(file)
                var buffer = [UInt8](repeating: 0, count: Graphviz.maximumMessageBytes)
                let count = fread(&buffer, 1, buffer.count, file)
                fclose(file)
                let text = String(decoding: buffer[0..<count], as: UTF8.self)
                result = text.split(separator: "\n").map { Message(String($0)) }.filter { !$0.text.isEmpty }
            }
            messages = result
            return result
        }
    }

    /// One line Graphviz printed.
    struct Message: Sendable, Equatable {
        var isError: Bool
        var text: String

        init(_ line: String) {
            var text = line.trimmingCharacters(in: .whitespaces)
            isError = text.hasPrefix("Error:")
            for prefix in ["Error: ", "Warning: ", "Error:", "Warning:"] where text.hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count))
                break
            }
            // Graphviz quotes the input's tokens: keep messages short and printable.
            self.text = OutputText.terminal(String(text.prefix(300)))
        }
    }
}
