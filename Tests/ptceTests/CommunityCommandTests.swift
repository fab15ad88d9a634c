import Foundation
import Testing

/// `ptce communities` and the JSON of `ptce cooperation` as a user gets them.
struct CommunityCommandTests {
    typealias E = EndToEndTests

    /// Validates a document with scripts/check-json-schema; nil when python3 with jsonschema is missing.
    static func schemaErrors(_ schema: String, _ document: String) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-schema-\(UUID().uuidString).json")
        try Data(document.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", E.root.appendingPathComponent("scripts/check-json-schema").path, E.root.appendingPathComponent(schema).path, file.path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 {
            print("skipped: \(message)")
            return nil
        }
        return process.terminationStatus == 0 ? "" : message
    }

    @Test func cooperationJSONValidatesAgainstTheDocumentedSchema() throws {
        // The synthetic network too: equal shares gave Burt's hierarchy −6e-17 there, below the schema's 0.
        for (dataset, view) in [("coorace", "ties"), ("coorace", "combined"), ("synthetic-national", "ties")] {
            let run = try E.ptce(["cooperation", "Datasets/" + dataset, "--view", view, "--format", "json", "--permutations", "99"])
            #expect(run.status == 0)
            if let errors = try Self.schemaErrors("docs/cooperation.schema.json", run.stdout) { #expect(errors == "", "\(dataset) \(view): \(errors)") }
        }
        let communities = try E.ptce(["communities", "Datasets/coorace", "--view", "combined", "--format", "json"])
        if let errors = try Self.schemaErrors("docs/communities.schema.json", communities.stdout) { #expect(errors == "") }
        // The schema is not a formality: an out-of-range value is refused.
        let broken = communities.stdout.replacingOccurrences(of: "\"stability\" : 1,", with: "\"stability\" : 7,")
        if broken != communities.stdout, let errors = try Self.schemaErrors("docs/communities.schema.json", broken) { #expect(errors.contains("greater than the maximum")) }
    }

    @Test func communitiesOfTheCombinedViewMatchTheGroupsOnPaper() throws {
        let run = try E.ptce(["communities", "Datasets/coorace", "--view", "combined", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // Every GES and PTCE of the dataset falls in a single community (memberships are edges in this view).
        let groups = try #require(object["formal_groups"] as? [[String: Any]])
        #expect(groups.count == 7)
        #expect(groups.allSatisfy { $0["communities_spanned"] as? Int == 1 })
        #expect((object["stability"] as? Double) == 1)
        let text = try E.ptce(["communities", "Datasets/coorace", "--view", "combined"])
        #expect(text.stdout.contains("ISA GROUPE (ges, 4 membres) : tous dans la communauté"))
        #expect(text.stdout.contains("les adhésions y sont des liens"))
    }

    @Test func sameSeedSameOutputWhateverTheThreads() throws {
        let arguments = ["communities", "Datasets/synthetic-national", "--format", "csv", "--runs", "4", "--seed", "4"]
        let one = try E.ptce(arguments + ["--threads", "1"])
        let two = try E.ptce(arguments + ["--threads", "2"])
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.split(separator: "\n").count > 1000)
    }

    @Test(arguments: [
        (["communities", "Datasets/coorace", "--by", "colour"], Int32(65), "attribut « colour » inconnu"),
        (["communities", "Datasets/pole-sud"], Int32(65), "aucun lien dans cette vue"),
        (["communities", "Datasets/coorace", "--runs", "0"], Int32(64), "--runs must be between 1 and 10000"),
        (["communities", "Datasets/coorace", "--resolution", "0"], Int32(64), "--resolution must be a positive number"),
        (["cooperation", "Datasets/coorace", "--at", "1850"], Int32(64), "l'année 1850 est hors des données (les liens datés couvrent 1995–2023)"),
        (["centrality", "Datasets/coorace", "--at", "2090", "--lang", "en"], Int32(64), "year 2090 is outside the data"),
        (["communities", "Datasets/coorace", "--at", "1994"], Int32(64), "conseil : choisissez --at entre 1995 et 2023"),
    ])
    func badRequestsExitWithAMessage(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let run = try E.ptce(arguments)
        #expect(run.status == status)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }
}
