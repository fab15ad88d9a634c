import Foundation
import Testing

/// Issue 22: every command on graphs whose weights span the whole range of doubles exits with a documented code and
/// writes no NaN or infinity anywhere (standard output, standard error, every file it writes).
struct ExtremeWeightSweepTests {
    /// Edge lists whose weights are far apart: 1e200 against 1; lengths that overflow when inverted (5e-324) or summed
    /// (1e308); weights 1e16 apart (a length too small to change a sum). Nodes g–h form a second component.
    static let weightSets: [(name: String, weights: [String])] = [
        ("1e200 against 1", ["1e200", "1", "1e200", "1", "1", "1", "2", "1"]),
        ("subnormal and 1e308", ["1", "5e-324", "1e308", "1e308", "1e-300", "1", "1", "1"]),
        ("1e16 apart", ["1e16", "1", "1", "1e16", "1", "1e-16", "3", "1"]),
    ]

    static let commands: [[String]] = [
        ["validate"], ["summary"],
        ["centrality", "--weighted"], ["centrality", "--weighted", "--weight-as", "distance", "--format", "json"],
        ["centrality", "--weighted", "--format", "csv"],
        ["cooperation", "--weighted", "--format", "json", "--permutations", "99"], ["cooperation", "--weighted", "--lang", "en"],
        ["communities", "--weighted", "--format", "json"], ["suggest", "--format", "json"],
        ["robustness", "--weighted", "--recompute", "--format", "json"], ["robustness", "--weighted", "--weight-as", "distance"],
        ["render", "--out", "{dir}/out/map.svg"], ["convert", "{file}", "{dir}/out/network.gexf"],
        ["convert", "{file}", "{dir}/out/network.graphml"], ["analyze", "--out", "{dir}/out/analysis"],
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        let set: Int, command: Int
        var testDescription: String {
            "\(ExtremeWeightSweepTests.weightSets[set].name): \(ExtremeWeightSweepTests.commands[command].joined(separator: " "))"
        }
    }

    static let cases = weightSets.indices.flatMap { s in commands.indices.map { Case(set: s, command: $0) } }

    /// A word that would be a non-number shown as a number ("nan", "inf", "infinity"; "financement" is not one).
    static func nonNumbers(_ text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "(?i)(?<![\\p{L}\\d])-?(nan|inf|infinity)(?![\\p{L}\\d])")
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    @Test func theScanFindsNonNumbersAndOnlyThem() {
        #expect(Self.nonNumbers("0.5, NaN, -inf, Infinity, nan") == ["NaN", "-inf", "Infinity", "nan"])
        #expect(Self.nonNumbers("financement, information, infini, Nantes, 1e-300").isEmpty)
    }

    @Test(arguments: cases)
    func documentedExitAndNoNonNumber(_ sweep: Case) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let pairs = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "a"), ("f", "g"), ("g", "h")]
        let weights = Self.weightSets[sweep.set].weights
        let file = dir.appendingPathComponent("edges.csv")
        try (["source,target,weight"] + zip(pairs, weights).map { "\($0.0),\($0.1),\($1)" }).joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        var arguments = Self.commands[sweep.command].map {
            $0.replacingOccurrences(of: "{dir}", with: dir.path).replacingOccurrences(of: "{file}", with: file.path)
        }
        if arguments[0] != "convert" { arguments.insert(file.path, at: 1) }
        let run = try EndToEndTests.ptce(arguments)
        // 0: done; 65: the weights cannot be path lengths (an overflow named with its fix) — both documented.
        #expect([0, 65].contains(run.status), "exit \(run.status): \(run.stderr)")
        #expect(Self.nonNumbers(run.stdout + run.stderr).isEmpty, "\(run.stdout.prefix(2000))\n\(run.stderr)")
        let written = FileManager.default.enumerator(at: dir.appendingPathComponent("out"), includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { ["json", "csv", "txt", "svg", "gexf", "graphml", "md"].contains($0.pathExtension) } ?? []
        for url in written {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(Self.nonNumbers(text).isEmpty, "\(url.lastPathComponent): \(Self.nonNumbers(text))")
        }
        if run.status == 0, arguments.contains("--out") || arguments[0] == "convert" { #expect(!written.isEmpty) }
    }
}
