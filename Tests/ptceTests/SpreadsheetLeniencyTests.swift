import Foundation
import Testing

/// Issue 13: what a person obviously meant is accepted with a warning saying what was done; what is ambiguous is
/// refused with the candidates. Each test writes the files the way people make them and asserts the exact lines.
struct SpreadsheetLeniencyTests {
    typealias E = EndToEndTests

    static func run(_ files: [String: String], _ arguments: [String] = ["validate", "{dir}", "--lang", "en"]) throws -> (EndToEndTests.Run, URL) {
        let dir = try HostileInputTests.folder(files)
        let run = try E.ptce(arguments.map { $0.replacingOccurrences(of: "{dir}", with: dir.path) })
        return (run, dir)
    }

    static let actors = "id;name;kind\nales;Alès Services Emploi;ACI\nmairie;Mairie d'Alès;Mairie\nlab;Laboratoire LEST;Laboratoire de recherche\n"

    @Test func titleBlankRowsAndTotalsAreSkippedWithAWarning() throws {
        let ties = "Partenariats du PTCE (relevé 2024);;\n;;\nsource;target;since\nales;mairie;2019\n;;\nlab;ales;2021\ntotalenergies;ales;2022\nTotal;3 liens;\n"
        let (run, dir) = try Self.run(["acteurs.csv": Self.actors + "totalenergies;TotalEnergies;Entreprise\n", "liens.csv": ties])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("\(dir.path)/liens.csv:1:1: warning: rows 1 to 2 above the headers skipped (a title or notes)")
                || run.stdout.contains("\(dir.path)/liens.csv:1:1: warning: row 1 above the headers skipped (a title or notes)"), "\(run.stdout)")
        // A name that starts with "Total" is data, not a totals row.
        #expect(run.stdout.contains("\(dir.path)/liens.csv:8:1: warning: totals row skipped"), "\(run.stdout)")
        #expect(run.stderr.contains("valid (4 actors, 0 groups, 0 memberships, 3 ties"))
    }

    @Test func tiesMayNameActorsByName() throws {
        let ties = "source;target\nAlès Services Emploi;MAIRIE D'ALES\n"
        let (run, dir) = try Self.run(["actors.csv": Self.actors + "x1;Atelier;association\nx2;Atelier;association\n", "ties.csv": ties + "Atelier;ales\nAles Service Emploi;lab\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(run.status == 65)
        #expect(run.stdout.contains("ties.csv:2:A: warning: 'Alès Services Emploi' is not an id: read as the actor 'Alès Services Emploi' (id ales)"), "\(run.stdout)")
        #expect(run.stdout.contains("ties.csv:2:B: warning: 'MAIRIE D'ALES' is not an id: read as the actor 'Mairie d'Alès' (id mairie)"))
        #expect(run.stdout.contains("ties.csv:3:A: error: 'Atelier': several actors have this name: x1 (Atelier), x2 (Atelier)\n  hint: write the id of the one you mean"))
        #expect(run.stdout.contains("ties.csv:4:A: error: unknown actor 'Ales Service Emploi'\n  hint: did you mean 'Alès Services Emploi' (id ales)?"))
    }

    @Test func frenchHeadersAreRead() throws {
        let actors = "Identifiant;Nom de la structure;Type de structure;Comune\nales;Alès Services Emploi;ACI;Alès\nmairie;Mairie d'Alès;Commune;Alès\n"
        let ties = "Structure 1;Structure 2;Depuis le;Jusqu'au;Typ de lien\nales;mairie;2019;2022;mutualisation\n"
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-fr-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let (run, dir) = try Self.run(["acteurs.csv": actors, "liens.csv": ties], ["convert", "{dir}", out.path, "--lang", "en"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let tie = (json?["ties"] as? [[String: Any]])?.first
        #expect(tie?["since"] as? String == "2019" && tie?["until"] as? String == "2022")
        let check = try E.ptce(["validate", dir.path, "--lang", "en"])
        #expect(check.stdout.contains("acteurs.csv:1:D: warning: column 'Comune' not recognised: kept as a free attribute; did you mean column commune ('commune')?"), "\(check.stdout)")
        #expect(check.stdout.contains("liens.csv:1:E: warning: column 'Typ de lien' not recognised: kept as a free attribute; did you mean column type ('type de lien')?"))
    }

    @Test func everydayLabelsAreKindsAndHintsShowLabels() throws {
        let actors = "id;name;kind\na;A;Service de l'État\nb;B;Laboratoire de recherche\nc;C;Communauté de communes\nd;D;Asociation\n"
        let (run, dir) = try Self.run(["actors.csv": actors, "ties.csv": "source;target\na;b\nc;d\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(run.status == 65)
        let errors = run.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == ["\(dir.path)/actors.csv:5:C: error: unknown kind 'Asociation'"], "\(run.stdout)")
        #expect(run.stdout.contains("hint: did you mean 'Non-profit association' (code association)?"))
    }

    @Test func frenchFileNamesAndWhatWasFound() throws {
        let (run, dir) = try Self.run(["Structures.csv": Self.actors, "Liens.csv": "source;target\nales;mairie\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(run.status == 0, "\(run.stdout)")
        let (missing, other) = try Self.run(["Liens.csv": "source;target\nales;mairie\n", "notes.csv": "x\n"])
        defer { try? FileManager.default.removeItem(at: other) }
        #expect(missing.status == 65)
        #expect(missing.stdout.contains("actors.csv:1:1: error: file actors.csv is missing from the folder (files found: Liens.csv, notes.csv)"), "\(missing.stdout)")
    }

    @Test func aTableAloneSaysWhichTableItIs() throws {
        let (run, dir) = try Self.run(["acteurs.csv": Self.actors], ["validate", "{dir}/acteurs.csv", "--lang", "en"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(run.status == 65)
        #expect(run.stdout.contains("acteurs.csv:1:1: error: this file is the actors table of a network (columns id, name, kind): the ties table is missing"), "\(run.stdout)")
    }

    @Test func aTaxonomyAddsItsOwnHeaderWordings() throws {
        let bundled = EndToEndTests.root.appendingPathComponent("Sources/PTCEKit/Resources/taxonomy.json")
        var taxonomy = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bundled)) as? [String: Any])
        var columns = taxonomy["columns"] as? [String: Any] ?? [:]
        columns["ties"] = ["since": ["Date de signature"]]
        taxonomy["columns"] = columns
        let ties = "source;target;Date de signature\nales;mairie;2020\n"
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-wording-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let (plain, dir) = try Self.run(["actors.csv": Self.actors, "ties.csv": ties])
        defer { try? FileManager.default.removeItem(at: dir) }
        // Without the wording, the column is a free attribute (and said to be unknown only if it resembles one).
        #expect(plain.status == 0)
        try JSONSerialization.data(withJSONObject: taxonomy).write(to: dir.appendingPathComponent("taxonomie.json"))
        let run = try E.ptce(["convert", dir.path, out.path, "--taxonomy", dir.appendingPathComponent("taxonomie.json").path, "--lang", "en"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        #expect((json?["ties"] as? [[String: Any]])?.first?["since"] as? String == "2020")
    }
}
