import Foundation
import Testing

/// Regression tests for the hostile-input campaign of issue 18: each input made one of ptce's outputs unsafe, crashed
/// it, lost data silently or wrote over an input. Each runs the built binary as a user would.
struct HostileInputTests {
    typealias E = EndToEndTests

    /// A fresh folder for one test, removed at the end.
    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test func aTitleCannotBreakOutOfTheReport() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-title-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let title = "\"><meta http-equiv=\"refresh\" content=\"0;url=https://example.org\"><style>body{display:none}</style>&lt;b&gt;"
        let run = try E.ptce(["analyze", "Datasets/pole-sud", "--out", out.path, "--title", title])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!html.contains("<meta http-equiv=\"refresh\""))
        #expect(!html.contains("<style>body{display:none}"))
        #expect(!html.contains("twitter:title") && !html.contains("og:title"))
        // The entity-like text is shown as typed: its "&" is written &amp;.
        #expect(html.contains("&amp;lt;b&amp;gt;"))
    }

    @Test func weightsThatOverflowAsLengthsAreRefused() throws {
        let dir = try Self.folder(["edges.csv": "source,target,weight\na,b,1e308\nb,c,1e308\nc,d,1e308\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try E.ptce(["centrality", dir.appendingPathComponent("edges.csv").path, "--weighted", "--weight-as", "distance", "--lang", "en"])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("these weights cannot be used as path lengths"))
    }

    @Test(arguments: [
        ("graph { a -- " + String(repeating: "1", count: 900) + "xyz }", "1:14: error: '1111", "a number glued to letters"),
        ("graph { a -- b }\ngraph { c -- d }\n", "2:1: error:", "a second graph in the file"),
        ("graph { a -- b } garbage {{", "1:18: error:", "text after the end of the graph"),
        ("graph { " + (0..<3000).map { "n\($0)" }.joined(separator: " -- ") + " }", "1:1: error:", "memory exhausted"),
    ])
    func dotFilesGraphvizWouldMisreadAreRefused(_ text: String, _ location: String, _ message: String) throws {
        let dir = try Self.folder(["graph.dot": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try E.ptce(["validate", dir.appendingPathComponent("graph.dot").path, "--lang", "en"])
        #expect(run.status == 65)
        #expect(run.stdout.contains(location) && run.stdout.contains(message), "\(run.stdout)")
    }

    @Test func invisibleCharactersAreRefusedWithTheirCell() throws {
        let dir = try Self.folder([
            "actors.csv": "id,name,kind\na,\"ab" + String(Character(Unicode.Scalar(0xFDD0)!)) + "c\",association\nb,x\u{1}y,association\nc,\u{1B}[2Jclear,association\n",
            "ties.csv": "source,target\na,b\nb,c\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try E.ptce(["validate", dir.path, "--lang", "en"])
        #expect(run.status == 65)
        #expect(run.stdout.contains("actors.csv:2:B: error: invisible or forbidden character U+FDD0 in the cell (character 3)"))
        #expect(run.stdout.contains("actors.csv:3:B: error: invisible or forbidden character U+0001"))
        // The escape sequence is shown, not sent to the terminal.
        #expect(!run.stdout.contains("\u{1B}") && !run.stderr.contains("\u{1B}"))
    }

    @Test func inputsAreNeverWritten() throws {
        let dir = try Self.folder(["graph.dot": "graph { a -- b }\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let dot = dir.appendingPathComponent("graph.dot")
        let before = try Data(contentsOf: dot)
        let same = try E.ptce(["render", dot.path, "--out", dot.path, "--force", "--lang", "en"])
        #expect(same.status == 73 && same.stderr.contains("this file is an input"))
        // Through a symbolic link to the input's folder.
        let link = dir.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: dir)
        let linked = try E.ptce(["convert", dot.path, link.appendingPathComponent("graph.dot").path, "--force", "--lang", "en"])
        #expect(linked.status == 73)
        #expect(try Data(contentsOf: dot) == before)
        // analyze self/summary.json --out self
        let summary = try E.ptce(["summary", "Datasets/pole-sud", "--format", "json"])
        let selfDir = try Self.folder(["summary.json": summary.stdout])
        defer { try? FileManager.default.removeItem(at: selfDir) }
        let analyze = try E.ptce(["analyze", selfDir.appendingPathComponent("summary.json").path, "--out", selfDir.path, "--force", "--lang", "en"])
        #expect(analyze.status != 0)
        #expect(try String(contentsOf: selfDir.appendingPathComponent("summary.json"), encoding: .utf8) == summary.stdout)
    }

    @Test func existingOutputsNeedForce() throws {
        let dir = try Self.folder(["old.svg": "keep me"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("old.svg").path
        let refused = try E.ptce(["render", "Datasets/pole-sud", "--out", out, "--lang", "en"])
        #expect(refused.status == 73 && refused.stderr.contains("add --force to replace it"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me")
        let forced = try E.ptce(["render", "Datasets/pole-sud", "--out", out, "--force"])
        #expect(forced.status == 0)
    }

    @Test func aFIFOIsRefusedNotWaitedFor() throws {
        let dir = try Self.folder(["actors.csv": "id,name,kind\na,A,association\nb,B,association\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("ties.csv").path, 0o600) == 0)
        let start = Date()
        let run = try E.ptce(["validate", dir.path, "--lang", "en"])
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(run.status == 65)
        #expect(run.stdout.contains("ties.csv:1:1: error: this is not a regular file but a pipe (FIFO)"), "\(run.stdout)")
    }

    @Test func twentyThousandNestedGroupsDoNotOverflowTheStack() throws {
        let count = 20_000
        var groups = "id,name,kind\n", memberships = "group,member\n"
        for i in 0..<count { groups += "g\(i),G\(i),network\n" }
        for i in 1..<count { memberships += "g\(i - 1),g\(i)\n" }
        memberships += "g\(count - 1),g0\n"  // and one cycle through all of them
        let dir = try Self.folder(["actors.csv": "id,name,kind\na,A,association\n", "ties.csv": "source,target\n",
                                   "groups.csv": groups, "memberships.csv": memberships])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try E.ptce(["validate", dir.path, "--lang", "en"])
        #expect(run.status == 65)
        #expect(run.stdout.contains("error: membership cycle: g0 → g1 → g2"))
    }

    @Test func aHugeEgoRadiusEnds() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-ego-\(UUID().uuidString).dot")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try E.ptce(["render", "Datasets/coorace", "--view", "ego:coorace:9223372036854775807", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func aStyleFileCannotInjectIntoTheDiagram() throws {
        let dir = try Self.folder([
            "font.json": #"{"fontName": "x\"><script>alert(1)</script>"}"#,
            "shape.json": ##"{"families": {"iae": {"color": "#E69F00", "shape": "box\", image=\"/etc/passwd"}}}"##,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        for file in ["font.json", "shape.json"] {
            let run = try E.ptce(["render", "Datasets/coorace", "--style", dir.appendingPathComponent(file).path,
                                  "--out", dir.appendingPathComponent("x.svg").path, "--lang", "en"])
            #expect(run.status == 65 && run.stderr.contains("is not allowed"), "\(run.stderr)")
        }
    }

    @Test func repeatedProblemsAreCappedAndCounted() throws {
        let ties = "source,target\n" + String(repeating: "a,b\n", count: 5_001)
        let dir = try Self.folder(["actors.csv": "id,name,kind\na,A,association\nb,B,association\n", "ties.csv": ties])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try E.ptce(["validate", dir.path, "--lang", "en"])
        #expect(run.stdout.contains("… and 4,900 more of the same kind (duplicate-tie) after this one"), "\(run.stdout.suffix(600))")
        #expect(run.stdout.split(separator: "\n").count < 300)
        #expect(run.stderr.contains("valid (0 actors, 0 groups, 0 memberships, 5000 ties; 5000 warnings)") || run.stderr.contains("5000 warnings"), "\(run.stderr.suffix(300))")
    }

    @Test func cooperationIsTheSameBytesInEveryProcess() throws {
        let runs = try (0..<3).map { _ in try E.ptce(["cooperation", "Datasets/coorace", "--format", "json"]).stdout }
        #expect(runs[0].count > 1000)
        #expect(runs[1] == runs[0] && runs[2] == runs[0])
    }

    /// Found by `make fuzz` (fuzz-graphml, fuzz-gexf): libxml2 through XMLParser crashed (SEGV) on encoding="UTF-7".
    @Test func xmlInOtherEncodingsIsRefusedNotCrashedOn() throws {
        let utf7 = #"<?xml version="1.0" encoding="UTF-7"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"/></graph></graphml>"#
        let doctype = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE g [<!ENTITY x \"y\">]><graphml><graph><node id=\"&x;\"/></graph></graphml>"
        let dir = try Self.folder(["utf7.graphml": utf7])
        defer { try? FileManager.default.removeItem(at: dir) }
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(doctype.data(using: .utf16LittleEndian)!)
        try utf16.write(to: dir.appendingPathComponent("utf16.graphml"))
        let seven = try E.ptce(["validate", dir.appendingPathComponent("utf7.graphml").path, "--lang", "en"])
        #expect(seven.status == 65 && seven.stdout.contains("utf7.graphml:1:1: error: encoding 'UTF-7' is not supported"), "\(seven.stdout)\(seven.stderr)")
        let sixteen = try E.ptce(["validate", dir.appendingPathComponent("utf16.graphml").path, "--lang", "en"])
        #expect(sixteen.status == 65 && sixteen.stdout.contains("<!DOCTYPE declaration refused"), "\(sixteen.stdout)\(sixteen.stderr)")
    }
}

/// Issue 18, finding 5: `\"` in a name broke the DOT export. Graphviz (2.43) reads back every name of the export, and
/// the only change is the documented one: an odd run of backslashes before a quote or at the end gets one more.
struct DOTExportEscapingTests {
    @Test func namesWithQuotesAndBackslashesReadBack() throws {
        let ids = [#"a\"b"#, #"c\"#, #"x\\y"#, #"q"q"#, #"\N"#, #"e\\\"#, "plain"]
        let expected = [#"a\\"b"#, #"c\\"#, #"x\\y"#, #"q"q"#, #"\N"#, #"e\\\\"#, "plain"]
        let actors = ids.map { ["id": $0, "name": $0, "kind": "association"] }
        let ties = zip(ids, ids.dropFirst()).map { ["source": $0, "target": $1] }
        let json = try JSONSerialization.data(withJSONObject: ["actors": actors, "ties": ties])
        let dir = try HostileInputTests.folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        try json.write(to: dir.appendingPathComponent("n.json"))
        let dot = dir.appendingPathComponent("n.dot").path, back = dir.appendingPathComponent("back.json").path
        #expect(try EndToEndTests.ptce(["convert", dir.appendingPathComponent("n.json").path, dot]).status == 0)
        let reread = try EndToEndTests.ptce(["convert", dot, back, "--lang", "en"])
        #expect(reread.status == 0, "\(reread.stdout)\(reread.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: back))) as? [String: Any]
        let readIDs = (object?["actors"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(readIDs == expected)
    }
}
