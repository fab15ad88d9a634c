import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The hostile corpus of `Tests/Hostile` (written by `Tests/Hostile/make-corpus`): each case is a folder of inputs and
/// a line of `cases.tsv` with a command. Each case runs the built binary on a copy of its folder and must give the
/// expected exit code and the expected start of its first message line (the first error line when the exit code is
/// not 0, the first warning line when a warning is expected, else the first line on stderr), leave every input as it
/// was (no byte changed, no file added or removed), end within `seconds` and stay under `megabytes` of memory.
struct HostileCorpusTests {
    /// The bound that tells a hang from work: 60 s, or 240 s when the binary runs under a sanitizer (`make sanitize`
    /// sets ASAN_OPTIONS or TSAN_OPTIONS; AddressSanitizer made the million-row sheet take 60.3 s in a debug build on a
    /// busy 2-core machine, 13 s without).
    static let seconds: Double = {
        let environment = ProcessInfo.processInfo.environment
        return environment["ASAN_OPTIONS"] != nil || environment["TSAN_OPTIONS"] != nil ? 240 : 60
    }()
    static let megabytes = 1_024

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var exit: Int32
        var first: String
        var arguments: [String]
        var testDescription: String { name }
    }

    static let folder = EndToEndTests.root.appendingPathComponent("Tests/Hostile")

    static let cases: [Case] = {
        guard let table = try? String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8) else { return [] }
        return table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(name: fields[0], exit: Int32(fields[1])!, first: fields[3], arguments: Array(fields[4...]))
        }
    }()

    @Test func theCorpusHasEveryClass() {
        #expect(Self.cases.count >= 60)
        for prefix in ["csv-", "edges-", "dot-", "graphml-", "gexf-", "json-", "nodelink-", "pajek-", "out-", "style-"] {
            #expect(Self.cases.contains { $0.name.hasPrefix(prefix) }, "no case for \(prefix)")
        }
    }

    @Test(arguments: cases)
    func hostileInput(_ hostile: Case) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("inputs/" + hostile.name), to: input)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let before = try Self.snapshot(input)

        func expand(_ text: String) -> String {
            text.replacingOccurrences(of: "{in}", with: input.path).replacingOccurrences(of: "{out}", with: output.path)
        }
        let run = try Self.spawn(hostile.arguments.map(expand), in: work)

        #expect(run.status == hostile.exit, "exit \(run.status), expected \(hostile.exit)\n\(run.stdout)\n\(run.stderr)")
        #expect(run.seconds < Self.seconds, "took \(run.seconds) s")
        #expect(run.megabytes < Self.megabytes, "used \(run.megabytes) MiB")
        #expect(try Self.snapshot(input) == before, "an input was changed, added or removed")

        let lines = (run.stdout + "\n" + run.stderr).split(separator: "\n").map(String.init)
        let expected = expand(hostile.first)
        let first: String?
        if expected.contains(": warning: ") || expected.contains(": avertissement: ") {
            first = lines.first { $0.contains(": warning: ") || $0.contains(": avertissement: ") }
        } else if hostile.exit != 0 {
            first = lines.first { $0.range(of: #"(^|: )(error|Error|erreur) ?:"#, options: .regularExpression) != nil }
        } else {
            first = run.stderr.split(separator: "\n").first.map(String.init)
        }
        #expect(first?.hasPrefix(expected) ?? expected.isEmpty, "first line: \(first ?? "none")\nexpected: \(expected)")
        // Nothing that reaches a terminal may carry an escape sequence or another control character.
        let controls = (run.stdout + run.stderr).unicodeScalars.filter { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }
        #expect(controls.isEmpty, "control characters in the messages: \(controls.map { String($0.value, radix: 16) })")
    }

    /// Every file under `folder` with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.path.dropFirst(folder.path.count))
            files[relative] = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true ? try Data(contentsOf: url) : Data()
        }
        return files
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double
        var megabytes: Int
    }

    /// Runs the binary with its output in files, killing it past the time limit, and reads its peak memory: the
    /// high-water mark of its resident set (`VmHWM` in /proc/PID/status), sampled every 5 ms until it exits. Not
    /// `wait4`'s `ru_maxrss`: posix_spawn starts the child with the parent's memory (vfork) and Linux keeps that
    /// high-water mark across exec, so every child reported at least the test process's own size (over 1 GiB under
    /// AddressSanitizer). A run too short to be sampled reports the smaller of the two.
    static func spawn(_ arguments: [String], in folder: URL) throws -> Run {
        let binary = EndToEndTests.binary
        let outPath = folder.appendingPathComponent("stdout").path, errPath = folder.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        var highWater: Int?
        func sample() {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                  let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                  let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return }
            highWater = max(highWater ?? 0, kilobytes)
        }
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date().timeIntervalSince(start) > seconds + 5 { kill(pid, SIGKILL) }
            sample()
            usleep(5_000)
        }
        let seconds = Date().timeIntervalSince(start)
        // WIFEXITED / WEXITSTATUS; a signal shows as 128 + its number, as in a shell.
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Run(status: code,
                   stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                   stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self),
                   seconds: seconds, megabytes: min(highWater ?? Int.max, usage.ru_maxrss) / 1024)
    }
}
