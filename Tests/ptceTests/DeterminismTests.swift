import Foundation
import Testing

/// Same input, same bytes (issue 18, finding 8): every command and every output format, run twice in separate
/// processes on the bundled real data and on the synthetic national network, writes the same bytes — files and what
/// it prints. Each run writes into the same folder (moved away in between), so that the paths it prints are the same.
///
/// The engines: dot, neato, fdp, sfdp, circo and twopi in SVG, PDF, PNG and DOT, sfdp on the 2,992 actors of the
/// synthetic network, and fdp on its regional view (4 runs gave 4 PDFs before fdp was laid out in a process of its
/// own: docs/diagrams.md, "Reproducibility").
struct DeterminismTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var testDescription: String { name }
    }

    static let coorace = "Datasets/coorace", poleSud = "Datasets/pole-sud", synthetic = "Datasets/synthetic-national"

    static let cases: [Case] = {
        var cases: [Case] = []
        func add(_ name: String, _ arguments: String...) { cases.append(Case(name: name, arguments: arguments)) }
        // pole-sud has no dated tie and no tie between its own actors: the analyses of ties run on COORACE's data.
        for (label, data) in [("coorace", coorace), ("pole-sud", poleSud)] {
            add("\(label) validate", "validate", data, "--format", "json")
            add("\(label) summary text", "summary", data)
            add("\(label) summary json", "summary", data, "--format", "json")
            for format in ["folder", "workbook", "json", "node-link", "graphml", "gexf", "pajek", "dot"] {
                let file = format == "folder" ? "{out}/converted" : "{out}/converted.\(format == "node-link" ? "json" : format == "workbook" ? "xlsx" : format)"
                add("\(label) convert \(format)", "convert", data, file, "--to", format)
            }
            add("\(label) analyze", "analyze", data, "--out", "{out}/analysis")
        }
        add("coorace centrality table", "centrality", coorace)
        add("coorace centrality csv weighted", "centrality", coorace, "--format", "csv", "--weighted")
        add("coorace centrality json combined", "centrality", coorace, "--format", "json", "--view", "combined")
        add("coorace cooperation text", "cooperation", coorace)
        add("coorace cooperation json", "cooperation", coorace, "--format", "json")
        add("coorace communities text", "communities", coorace)
        add("coorace communities json", "communities", coorace, "--format", "json")
        add("coorace communities csv", "communities", coorace, "--format", "csv", "--method", "louvain")
        add("coorace suggest", "suggest", coorace)
        add("coorace robustness", "robustness", coorace)
        add("coorace evolution", "evolution", coorace)
        add("coorace diff", "diff", coorace, "--at-before", "2012", "--at-after", "2020")
        for engine in ["dot", "neato", "fdp", "sfdp", "circo", "twopi"] {
            for format in ["svg", "pdf", "png", "dot"] {
                add("coorace render \(engine) \(format)", "render", coorace, "--engine", engine, "--out", "{out}/network.\(format)")
            }
        }
        add("pole-sud render ego", "render", poleSud, "--view", "ego:archer-association:2", "--out", "{out}/ego.pdf")
        add("coorace render aggregate", "render", coorace, "--view", "aggregate:family", "--out", "{out}/families.png")
        add("coorace render a3", "render", coorace, "--paper", "a3", "--out", "{out}/a3.pdf")
        add("synthetic analyze", "analyze", synthetic, "--out", "{out}/analysis")
        add("synthetic communities", "communities", synthetic, "--format", "json")
        add("synthetic render sfdp png", "render", synthetic, "--out", "{out}/network.png")
        add("synthetic render sfdp pdf", "render", synthetic, "--out", "{out}/network.pdf")
        add("synthetic render fdp regions pdf", "render", synthetic, "--engine", "fdp", "--view", "aggregate:region", "--out", "{out}/regions.pdf")
        add("synthetic render fdp group png", "render", synthetic, "--engine", "fdp", "--view", "group:ges-00001", "--out", "{out}/ges.png")
        add("synthetic cooperation json", "cooperation", synthetic, "--format", "json")
        add("synthetic centrality csv", "centrality", synthetic, "--format", "csv")
        add("coorace template", "template", "--out", "{out}/modele.xlsx")
        add("generate", "generate", "--profile", "national", "--scale", "0.2", "--seed", "7", "--out", "{out}/generated")
        return cases
    }()

    @Test(arguments: cases)
    func sameBytesTwice(_ run: Case) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-same-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let out = base.appendingPathComponent("out")
        let arguments = run.arguments.map { $0.replacingOccurrences(of: "{out}", with: out.path) }
        var results: [(printed: EndToEndTests.Run, files: [String: Data])] = []
        for attempt in 1...2 {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let printed = try EndToEndTests.ptce(arguments)
            #expect(printed.status == 0, "\(printed.stderr)")
            results.append((printed, try HostileCorpusTests.snapshot(out)))
            try FileManager.default.moveItem(at: out, to: base.appendingPathComponent("run\(attempt)"))
        }
        #expect(results[0].printed.stdout == results[1].printed.stdout, "stdout differs")
        #expect(results[0].printed.stderr == results[1].printed.stderr, "stderr differs")
        #expect(results[0].files.keys.sorted() == results[1].files.keys.sorted())
        for (name, bytes) in results[0].files.sorted(by: { $0.key < $1.key }) {
            #expect(results[1].files[name] == bytes, "\(name) differs between two runs")
        }
        // Something was compared: a file was written or something printed.
        #expect(!results[0].files.isEmpty || !results[0].printed.stdout.isEmpty)
    }
}
