import CoopGraph
import Foundation
import PTCEKit

/// A progress bar on stderr for work longer than a second, drawn only when stderr is a terminal.
///
/// The timer fires on a global queue while `finish()` runs on the caller's: everything both touch (the timer and
/// whether a line was drawn) sits behind one mutex, so the bar is `Sendable` without an unchecked promise (`Locked`: a lock ThreadSanitizer sees).
final class ProgressBar: Sendable {
    let counter = ProgressCounter()
    private let label: String
    private let start = Date()

    private struct State {
        var timer: (any DispatchSourceTimer)?
        var drawn = false
    }
    private let state = Locked(State())

    init(label: String) {
        self.label = label
        guard isatty(STDERR_FILENO) == 1 else { return }
        state.withLock { state in
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
            timer.schedule(deadline: .now() + 1, repeating: 0.2)
            timer.setEventHandler { [weak self] in self?.draw() }
            timer.resume()
            state.timer = timer
        }
    }

    private func draw() {
        let (done, total) = counter.state
        guard total > 0 else { return }
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let elapsed = Date().timeIntervalSince(start)
        let line = String(format: "\r%@ [%@%@] %3.0f%% %.0fs", label, String(repeating: "█", count: filled),
                          String(repeating: "·", count: width - filled), fraction * 100, elapsed)
        state.withLock { state in
            // A tick that lost the race with finish() draws nothing.
            guard state.timer != nil else { return }
            FileHandle.standardError.write(Data(line.utf8))
            state.drawn = true
        }
    }

    func finish() {
        let drawn = state.withLock { state -> Bool in
            state.timer?.cancel()
            state.timer = nil
            return state.drawn
        }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
