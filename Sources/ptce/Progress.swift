import CoopGraph
import Foundation

/// A progress bar on stderr for work longer than a second, drawn only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    let counter = ProgressCounter()
    private let label: String
    private let start = Date()
    private var timer: DispatchSourceTimer?
    private var drawn = false

    init(label: String) {
        self.label = label
        guard isatty(STDERR_FILENO) == 1 else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + 1, repeating: 0.2)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
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
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        timer?.cancel()
        timer = nil
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
