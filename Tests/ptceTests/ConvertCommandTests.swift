import Foundation
import Testing

/// `ptce convert` as a user runs it: every format there and back, hostile files refused with 65.
struct ConvertCommandTests {
    typealias E = EndToEndTests

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-convert-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    @Test(arguments: [("c.graphml", [String]()), ("c.gexf", []), ("c.json", ["--to", "node-link"]), ("c.json", []), ("c.xlsx", [])])
    func thereAndBackGivesTheSameFolder(_ name: String, _ extra: [String]) throws {
        let work = Self.temporaryFolder()
        let reference = work.appendingPathComponent("reference").path
        #expect(try E.ptce(["convert", "Datasets/coorace", reference]).status == 0)
        let file = work.appendingPathComponent(name).path
        let there = try E.ptce(["convert", "Datasets/coorace", file] + extra)
        #expect(there.status == 0, "\(there.stderr)")
        let back = work.appendingPathComponent("back").path
        let run = try E.ptce(["convert", file, back])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.files(URL(fileURLWithPath: back)) == Self.files(URL(fileURLWithPath: reference)))
    }

    @Test(arguments: ["xxe.graphml", "billion-laughs.gexf", "truncated.graphml", "undeclared-key.graphml", "wrong-type.graphml"])
    func hostileOrBrokenFilesExitWith65(_ file: String) throws {
        let input = "Tests/PTCEKitTests/Fixtures/bad/xml/" + file
        let before = try Data(contentsOf: E.root.appendingPathComponent(input))
        let output = Self.temporaryFolder().appendingPathComponent("out.json").path
        let run = try E.ptce(["convert", input, output, "--lang", "en"])
        #expect(run.status == 65)
        #expect(run.stderr.contains(input + ":"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try Data(contentsOf: E.root.appendingPathComponent(input)) == before)
    }

    @Test func otherCommandsReadEveryFormat() throws {
        let work = Self.temporaryFolder()
        for (name, extra) in [("c.graphml", [String]()), ("c.gexf", []), ("c.dot", []), ("c.net", []), ("nl.json", ["--to", "node-link"])] {
            let file = work.appendingPathComponent(name).path
            #expect(try E.ptce(["convert", "Datasets/coorace", file] + extra).status == 0)
            let summary = try E.ptce(["summary", file, "--format", "json"])
            #expect(summary.status == 0, "\(name): \(summary.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
            #expect(object["actors"] as? Int == 87, "\(name)")
            #expect(object["ties"] as? Int == 26, "\(name)")
        }
    }

    @Test func existingOutputIsKeptWithoutForce() throws {
        let output = Self.temporaryFolder().appendingPathComponent("c.graphml").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: output))
        let run = try E.ptce(["convert", "Datasets/coorace", output])
        #expect(run.status == 73)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "keep me")
        #expect(try E.ptce(["convert", "Datasets/coorace", output, "--force"]).status == 0)
    }
}
