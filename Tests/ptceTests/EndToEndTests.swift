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

    /// The folder of the built products, found as swift-argument-parser's test helpers find it: the folder of the
    /// test bundle (macOS) or of the test executable (Linux) — so a sanitised build's tests run its own `ptce`.
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        fatalError("couldn't find the products directory")
        #else
        return Bundle.main.bundleURL
        #endif
    }

    /// The `ptce` binary under test: `PTCE_BIN` when set, else the one built beside the tests.
    static var binary: String {
        ProcessInfo.processInfo.environment["PTCE_BIN"] ?? productsDirectory.appendingPathComponent("ptce").path
    }

    static func ptce(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let binary = Self.binary
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
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

    /// A workbook's sheets go through temporary files: a temporary folder that cannot be written is said as such,
    /// with the folder and what to do, exit 73, and no workbook is left half written.
    @Test func unwritableTemporaryFolderIsSaid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-tmpdir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("modele.xlsx").path
        let run = try Self.ptce(["template", "--out", out], environment: ["TMPDIR": "/proc/"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("erreur : impossible de préparer le classeur dans le dossier temporaire /proc"))
        #expect(run.stderr.contains("conseil : ce dossier doit exister, être accessible en écriture"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// The counts Datasets/README.md gives for each real dataset ("87 actors, 62 groups (31 PTCE, …), 97 memberships,
    /// 26 ties") are those `ptce summary` prints, and `ptce validate` accepts the dataset.
    @Test(arguments: ["coorace", "pole-sud"])
    func realDatasetCountsInTheReadmeAreSummarys(_ name: String) throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("Datasets/README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## `\(name)/`").dropFirst().first)
        let counts = try #require(section.firstMatch(of: /(\d+) actors,\s+(\d+) groups(?:\s+\(([^)]*)\))?,\s+(\d+) memberships,\s+(\d+|no) ties?/))
        let run = try Self.ptce(["summary", "Datasets/" + name, "--format", "json"])
        #expect(run.status == 0)
        let summary = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Int(counts.1) == summary["actors"] as? Int)
        #expect(Int(counts.2) == summary["groups"] as? Int)
        #expect(Int(counts.4) == summary["memberships"] as? Int)
        #expect((counts.5 == "no" ? 0 : Int(counts.5)) == summary["ties"] as? Int)
        if let kinds = counts.3 {
            // "31 PTCE, 14 regional delegations, 9 GES, 7 other, 1 network", in the order of summary's groups_by_kind.
            let stated = kinds.split(separator: ",").compactMap { $0.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } }
            let byKind = (summary["groups_by_kind"] as? [[String: Any]] ?? []).compactMap { $0["count"] as? Int }
            #expect(stated == byKind)
        }
        let validate = try Self.ptce(["validate", "Datasets/" + name])
        #expect(validate.status == 0)
        #expect(validate.stderr.contains("valide (\(counts.1) acteurs, \(counts.2) groupes, \(counts.4) appartenances"))
    }

    @Test(arguments: [
        ("unknown-kind", "Tests/PTCEKitTests/Fixtures/bad/unknown-kind/actors.csv:5:C: error: unknown kind 'assocation'\n  hint: did you mean 'Non-profit association' (code association)?"),
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
        #expect(object["actors"] as? Int == 87)
        #expect(object["ties"] as? Int == 26)
        #expect(object["components"] as? Int == 63)
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

/// `ptce centrality` as a user runs it.
struct CentralityCommandTests {
    @Test func tableNamesActors() throws {
        let run = try EndToEndTests.ptce(["centrality", "Datasets/coorace", "--top", "10", "--metrics", "betweenness,degree", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines[0].contains("Betweenness") && lines[0].contains("Partners"))
        #expect(lines[1].contains("COORACE (fédération nationale)") && lines[1].contains("0.0744") && lines[1].hasSuffix("22"))
        #expect(lines.count == 12)  // header, 10 actors, the summary line (the blank line is dropped by split)
    }

    @Test func jsonContract() throws {
        let run = try EndToEndTests.ptce(["centrality", "Datasets/coorace", "--format", "json", "--threads", "1"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        #expect(nodes.count == 87)
        #expect(Set(nodes[0].keys) == ["id", "name", "kind", "family", "degree", "degree_centrality", "strength", "betweenness", "closeness",
                                        "harmonic", "eigenvector", "katz", "pagerank", "clustering", "core_number", "eccentricity"])
    }

    @Test func edgeListInputAndTimings() throws {
        let run = try EndToEndTests.ptce(["centrality", "Tests/PTCEKitTests/Fixtures/good/edges.csv", "--nodes", "Tests/PTCEKitTests/Fixtures/good/nodes.csv",
                                          "--format", "csv", "--metrics", "degree,betweenness", "--timings"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "id,name,kind,family,degree,betweenness\nx,Ex,unknown,unspecified,2,0\nlonely,Seul,unknown,unspecified,0,0\ny,y,unknown,unspecified,2,0\nz,z,unknown,unspecified,2,0\n")
        let timing = try #require(run.stderr.split(separator: "\n").last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(timing.utf8)) as? [String: Double])
        #expect(object["load"] != nil && object["betweenness"] != nil)
    }

    @Test(arguments: [
        (["--metrics", "betweeness"], "unknown metric 'betweeness'; did you mean 'betweenness'?"),
        (["--at", "l'an dernier"], "--at expects a four-digit year"),
        (["--families", "martians"], "unknown family 'martians'"),
    ])
    func badOptionsExitWith64(_ options: [String], _ message: String) throws {
        let run = try EndToEndTests.ptce(["centrality", "Datasets/coorace", "--lang", "en"] + options)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message))
    }

    @Test func negativeWeightInEdgeListExitsWith65() throws {
        let run = try EndToEndTests.ptce(["centrality", "Tests/PTCEKitTests/Fixtures/bad/negative-weight-edges.csv", "--lang", "en"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("negative-weight-edges.csv:3:C: error: weight must be greater than 0, not -1"))
    }

    @Test func emptyGraphExitsWith65() throws {
        let run = try EndToEndTests.ptce(["centrality", "Datasets/coorace", "--families", "citizen", "--lang", "en"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("error: no actor passes the filters --families"))
    }

    @Test func analyzeWritesCentrality() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-analyze-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try EndToEndTests.ptce(["analyze", "Datasets/coorace", "--out", out.path])
        #expect(run.status == 0)
        let csv = try String(contentsOf: out.appendingPathComponent("centrality.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("id,name,kind,family,degree,degree_centrality,strength,betweenness"))
        #expect(csv.split(separator: "\n").count == 88)
    }
}

/// `ptce render` as a user runs it.
struct RenderCommandTests {
    @Test func twoRunsGiveTheSameBytes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ["svg", "pdf", "png"] {
            var outputs: [Data] = []
            for run in 0..<2 {
                let file = directory.appendingPathComponent("coorace-\(run).\(format)")
                let result = try EndToEndTests.ptce(["render", "Datasets/coorace", "--out", file.path])
                #expect(result.status == 0, "\(result.stderr)")
                outputs.append(try Data(contentsOf: file))
            }
            #expect(outputs[0] == outputs[1], "\(format)")
        }
    }

    @Test func badViewAndUnknownActor() throws {
        // A path of its own: a refusal must come from the option, not from a file left by another run.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-bad-view-\(UUID().uuidString)").path
        let view = try EndToEndTests.ptce(["render", "Datasets/coorace", "--out", scratch + ".svg", "--view", "everything", "--lang", "en"])
        #expect(view.status == 64 && view.stderr.contains("The value 'everything' is invalid for '--view <view>': a view is whole, ego:ID[:RADIUS]"))
        let ego = try EndToEndTests.ptce(["render", "Datasets/coorace", "--out", scratch + ".svg", "--view", "ego:nobody", "--lang", "en"])
        #expect(ego.status == 65 && ego.stderr.contains("unknown actor 'nobody' for the ego view"))
        let format = try EndToEndTests.ptce(["render", "Datasets/coorace", "--out", scratch + ".jpg", "--lang", "en"])
        #expect(format.status == 64)
        // An unknown group lists the closest ids with their names; a name is read as the id it names, with a warning.
        let group = try EndToEndTests.ptce(["render", "Datasets/coorace", "--out", scratch + ".svg", "--view", "group:Horizon"])
        #expect(group.status == 65 && group.stderr.contains("erreur : groupe inconnu « Horizon » pour la vue groupe\n  conseil : les groupes les plus proches : "))
        #expect(group.stderr.contains("ulisse (Ulisse (groupe d'économie solidaire))"))
        let size = try EndToEndTests.ptce(["render", "Datasets/coorace", "--out", scratch + ".svg", "--size", "12x8"])
        #expect(size.status == 64 && size.stderr.contains("write WIDTHxHEIGHT with a unit"))
        let both = try EndToEndTests.ptce(["render", "Datasets/coorace", "--out", scratch + ".svg", "--slide", "--paper", "a3"])
        #expect(both.status == 64 && both.stderr.contains("--paper, --slide and --size are exclusive"))
    }

    @Test func frenchViewWordsNamesAndOneDiagramPerGroup() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-each-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let named = try EndToEndTests.ptce(["render", "Datasets/coorace", "--view", "groupe:Ulisse", "--out", directory.path + ".svg"])
        defer { try? FileManager.default.removeItem(atPath: directory.path + ".svg") }
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stderr.contains("avertissement : « Ulisse » n'est pas un identifiant : lu comme le groupe « Ulisse (groupe d'économie solidaire) » (id ulisse)"))
        let french = try EndToEndTests.ptce(["render", "Datasets/coorace", "--view", "agrégé:famille", "--out", directory.path + ".svg", "--force"])
        #expect(french.status == 0 && french.stderr.contains("8 nœuds, 6 liens"), "\(french.stderr)")
        let each = try EndToEndTests.ptce(["render", "Datasets/coorace", "--each", "ges", "--format", "png", "--out", directory.path])
        #expect(each.status == 0, "\(each.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == ["cap-emploi-services.png", "irisse.png", "isa-groupe.png", "ulisse.png"])
        // GES named by the sources without any actor member: said, not drawn.
        #expect(each.stderr.contains("note : gesaa : aucun acteur membre, pas de diagramme"))
        #expect(each.stderr.contains("4 diagrammes (un par GES)"))
        let again = try EndToEndTests.ptce(["render", "Datasets/coorace", "--each", "ges", "--format", "png", "--out", directory.path])
        #expect(again.status == 73 && again.stderr.contains("existe déjà"))
        // A 16:9 slide: 1920 × 1080 px.
        let slide = directory.appendingPathComponent("slide.png")
        let run = try EndToEndTests.ptce(["render", "Datasets/coorace", "--slide", "--out", slide.path])
        #expect(run.status == 0)
        let bytes = [UInt8](try Data(contentsOf: slide))
        #expect(bytes[16..<24].elementsEqual([0, 0, 7, 128, 0, 0, 4, 56]))
    }
}

struct CooperationCommandTests {
    /// Issue 22: weights 1e200 against 1 made Burt's hierarchy NaN and `--format json` died with EncodingError (exit 1).
    @Test func extremeWeightsGiveNumbersNotACrash() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-extreme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("edges.csv")
        try "source,target,weight\na,b,1e200\na,c,1\na,d,1e200\nb,c,1\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try EndToEndTests.ptce(["cooperation", file.path, "--format", "json", "--weighted"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"hierarchy\" : 0.3690702464285426"))
        #expect(!run.stdout.lowercased().contains("nan") && !run.stdout.lowercased().contains("infinity"))
    }

    @Test func reportOnTheRealDataset() throws {
        let run = try EndToEndTests.ptce(["cooperation", "Datasets/coorace", "--lang", "en", "--permutations", "99"])
        #expect(run.status == 0, "\(run.stderr)")
        // p = 0.83 on COORACE's data: the sentence must not claim an effect.
        #expect(run.stdout.contains("One cannot say that ties stay within groups more (or less) often than chance"))
        #expect(run.stdout.contains("not significant). Test: 99 permutations, seed 0."))
        #expect(run.stdout.contains("Passerelle ties (social economy ↔ the rest): "))
        #expect(!run.stdout.contains(" nan") && !run.stdout.contains("NaN") && !run.stdout.contains("inf "))
    }

    @Test(arguments: [
        (["--by", "colour"], "unknown attribute 'colour'"),
        (["--types", "passerelle"], "the network has no tie in this view"),
    ])
    func failuresExitWith65(_ options: [String], _ message: String) throws {
        let run = try EndToEndTests.ptce(["cooperation", "Datasets/coorace", "--lang", "en"] + options)
        #expect(run.status == 65)
        #expect(run.stderr.contains(message))
    }

    @Test func suggestions() throws {
        let run = try EndToEndTests.ptce(["suggest", "Datasets/coorace", "--view", "combined", "--top", "3", "--format", "csv"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("coorace,COORACE (fédération nationale),ulisse-energie,Ulisse Energie,"))
    }
}

struct RobustnessCommandTests {
    @Test func removingTheFederationSplitsTheRealNetwork() throws {
        let run = try EndToEndTests.ptce(["robustness", "Datasets/coorace", "--steps", "2", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        // The partnership view's largest component (25 actors) is COORACE's star: without it, 2 actors remain tied
        // (ANSA and Ulisse Energie; FAS and FEI; Agefos and FPSPP; Crédit Coopératif and France Active).
        #expect(run.stdout.hasPrefix("step,removed,largest_component,share\n0,,25,"))
        #expect(run.stdout.contains("\n1,coorace,2,"))
    }

    @Test func unknownActorInTheList() throws {
        let run = try EndToEndTests.ptce(["robustness", "Datasets/coorace", "--actors", "coorace,nobody", "--lang", "en"])
        #expect(run.status == 64 && run.stderr.contains("unknown actor 'nobody' in --actors"))
    }
}
