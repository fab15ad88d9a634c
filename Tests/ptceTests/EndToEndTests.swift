import Foundation
import Testing

/// Runs the built `ptce` binary as a user would (build it first: `swift build`, which `make test` does).
struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func ptce(_ arguments: [String]) throws -> Run {
        let binary = ProcessInfo.processInfo.environment["PTCE_BIN"] ?? root.appendingPathComponent(".build/debug/ptce").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func realDatasetValidates() throws {
        let run = try Self.ptce(["validate", "Datasets/coorace"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("Datasets/coorace : valide (63 acteurs, 47 groupes, 75 appartenances, 18 liens"))
    }

    @Test(arguments: [
        ("unknown-kind", "Tests/PTCEKitTests/Fixtures/bad/unknown-kind/actors.csv:5:9: error: unknown kind 'assocation'\n  hint: did you mean 'association' (Non-profit association)?"),
        ("unterminated-quote", "Tests/PTCEKitTests/Fixtures/bad/unterminated-quote/actors.csv:3:3: error: unterminated quote"),
        ("binary-file", "Tests/PTCEKitTests/Fixtures/bad/binary-file/actors.csv:1:1: error: the file is not text"),
    ])
    func badInputExitsWith65AndThePosition(_ fixture: String, _ expected: String) throws {
        let run = try Self.ptce(["validate", "--lang", "en", "Tests/PTCEKitTests/Fixtures/bad/" + fixture])
        #expect(run.status == 65)
        #expect(run.stdout.contains(expected))
    }

    @Test func missingPathExitsWith66() throws {
        let run = try Self.ptce(["summary", "Datasets/does-not-exist"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("Datasets/does-not-exist:1:1: erreur: chemin introuvable"))
    }

    @Test func summaryJSONIsMachineReadable() throws {
        let run = try Self.ptce(["summary", "Datasets/coorace", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["actors"] as? Int == 63)
        #expect(object["ties"] as? Int == 18)
        #expect(object["components"] as? Int == 46)
    }

    @Test func analyzeWritesItsFilesAndNeverTouchesTheInput() throws {
        let input = Self.root.appendingPathComponent("Tests/PTCEKitTests/Fixtures/good/french-export")
        let before = try FileManager.default.contentsOfDirectory(atPath: input.path).sorted().map {
            try Data(contentsOf: input.appendingPathComponent($0))
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try Self.ptce(["analyze", input.path, "--out", out.path, "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: out.appendingPathComponent("summary.txt"), encoding: .utf8)
        #expect(text.contains("Actors: 3   Groups: 1   Memberships: 2   Ties: 2"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.json").path))
        let after = try FileManager.default.contentsOfDirectory(atPath: input.path).sorted().map {
            try Data(contentsOf: input.appendingPathComponent($0))
        }
        #expect(before == after)
    }
}
