import Foundation
import Testing

/// `ptce survey` as an animator runs it, on the returns of Tests/ptceTests/Fixtures/survey (written by openpyxl from
/// the questionnaires of `survey create`: `make-fixtures` there). Each bad return of issue 14 has its fixture and its
/// exact message; no input file ever changes.
struct SurveyCommandTests {
    typealias E = EndToEndTests
    static let fixtures = "Tests/ptceTests/Fixtures/survey"
    static let network = fixtures + "/network"

    static func returns(_ name: String) -> String { "\(fixtures)/returns/\(name)" }

    static func temporary() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-survey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func digest(_ paths: [String]) throws -> [Data] {
        try paths.map { try Data(contentsOf: E.root.appendingPathComponent($0)) }
    }

    /// Merges `files`; nothing may change in them.
    static func merge(_ files: [String], out: URL, extra: [String] = []) throws -> E.Run {
        let before = try digest(files.filter { !$0.hasPrefix("/") })
        let run = try E.ptce(["survey", "merge"] + files + ["--into", network, "--out", out.path, "--lang", "en"] + extra)
        #expect(try digest(files.filter { !$0.hasPrefix("/") }) == before, "an input changed")
        return run
    }

    @Test(arguments: [
        ("not-a-questionnaire.xlsx", "\(fixtures)/returns/not-a-questionnaire.xlsx:1:1: error: this file is not a ptce questionnaire: no cell 'Respondent id' in column A\n  hint: questionnaires are written by 'ptce survey create'; take this file out of the list of answers"),
        ("edited.xlsx", "\(fixtures)/returns/edited.xlsx[Questionnaire]!D7: error: the questionnaire's layout was changed: this cell should read 'Type(s) de coopération' and reads 'Types'\n  hint: put the original text back (or copy the answers into a fresh questionnaire): without it, answers could be read in the wrong column"),
        ("unknown-id.xlsx", "\(fixtures)/returns/unknown-id.xlsx[Questionnaire]!I9: error: 'a9' is not an id of the network: the list of organisations was changed\n  hint: close ids: a1, a2, a3"),
        ("contradictory-row.xlsx", "\(fixtures)/returns/contradictory-row.xlsx[Questionnaire]!C8: error: 'no' to 'Do you work together?', but the row describes a cooperation (kind, year, frequency or intensity)\n  hint: ask the respondent which is right: change 'no' to 'yes', or empty the rest of the row"),
    ])
    func badReturnStopsTheMergeAtItsCell(_ file: String, _ message: String) throws {
        let out = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: out) }
        // With a good return beside it: one bad file stops the whole merge.
        let run = try Self.merge([Self.returns("a2-new.xlsx"), Self.returns(file)], out: out.appendingPathComponent("merged"))
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        #expect(run.stderr.contains("1 error: nothing was written; fix the questionnaires named (or leave them out) and run again."))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("merged").path))
    }

    @Test func everyBadValueIsNamedByItsCell() throws {
        let out = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try Self.merge([Self.returns("bad-values.xlsx")], out: out.appendingPathComponent("merged"))
        #expect(run.status == 65)
        let file = Self.returns("bad-values.xlsx")
        #expect(run.stderr.contains("\(file)[Questionnaire]!C8: error: 'peut-être' is neither yes nor no\n  hint: choose yes or no in the list (or leave it empty)"), "\(run.stderr)")
        #expect(run.stderr.contains("\(file)[Questionnaire]!E9: error: 'bientôt' is not a year\n  hint: write the year the cooperation started, for example 2019 (or leave it empty)"))
        #expect(run.stderr.contains("\(file)[Questionnaire]!F9: error: unknown frequency 'souvent'\n  hint: choose from the list: never, yearly, quarterly, monthly, weekly"))
        #expect(run.stderr.contains("\(file)[Questionnaire]!G9: error: '5' is not a rating from 1 to 4\n  hint: write 1, 2, 3 or 4 (or leave it empty)"))
        #expect(run.stderr.contains("4 errors: nothing was written"))
    }

    /// The same respondent twice: the newest file is kept and the other named; an empty questionnaire counts as not
    /// answered; both said, neither stops the merge.
    @Test func twiceAndEmptyAreSaidAndCounted() throws {
        let work = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = work.appendingPathComponent("returned")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["a1.xlsx", "a2-old.xlsx", "a2-new.xlsx", "a3-empty.xlsx"] {
            try FileManager.default.copyItem(at: E.root.appendingPathComponent(Self.returns(name)), to: folder.appendingPathComponent(name))
        }
        // a2-new sorts before a2-old by name: the newest is chosen by date, not by order.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: folder.appendingPathComponent("a2-old.xlsx").path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_800_000_000)], ofItemAtPath: folder.appendingPathComponent("a2-new.xlsx").path)
        let out = work.appendingPathComponent("merged")
        let run = try Self.merge([folder.path], out: out)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("\(folder.path)/a2-old.xlsx:1:1: warning: Boutique Solidaire answered twice: the newest answer (\(folder.path)/a2-new.xlsx) is kept, this one is left"), "\(run.stderr)")
        #expect(run.stderr.contains("\(folder.path)/a3-empty.xlsx:1:1: warning: Coop des Monts's questionnaire is empty: counted as not answered"))
        #expect(run.stdout.contains("Answers: 2 of 3 organisations asked (67%)\nNot answered (1): Coop des Monts"), "\(run.stdout)")
        // a1 and a2 (its newest answer) agree: one confirmed tie, weighted by the mean intensity.
        #expect(run.stdout.contains("  confirmed by both sides: 1\n  contradictory (different kind or year): 0\n  declared by one side: 0"))
        let ties = try String(contentsOf: out.appendingPathComponent("ties.csv"), encoding: .utf8)
        #expect(ties.contains("a1,a2,joint_project,3.5,,2020,,enquête partenariats 2026,,a1;a2,3.5,monthly,confirmed,2026"), "\(ties)")
        // The merged folder is a network every command reads; --ties confirmed keeps the confirmed tie.
        let summary = try E.ptce(["summary", out.path, "--lang", "en", "--ties", "confirmed"])
        #expect(summary.status == 0)
        #expect(summary.stdout.contains("Survey 2026: 2 answers of 3 (67%)   Pairs declared: 1 – confirmed 1, one-sided 0 (0%), contradictory 0"), "\(summary.stdout)")
        let collecte = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("collecte.json"))) as? [String: Any]
        #expect(collecte?["answered"] as? Int == 2 && collecte?["asked"] as? Int == 3 && collecte?["confirmed"] as? Int == 1)
        // A second merge into the same folder needs --force.
        let again = try Self.merge([folder.path], out: out)
        #expect(again.status == 73 && again.stderr.contains("already exists"))
    }

    @Test func createWritesOneProtectedQuestionnairePerMember() throws {
        let out = try Self.temporary()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try E.ptce(["survey", "create", Self.network, "--out", out.path, "--wave", "2026", "--lang", "en", "--force"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        // The three PTCE members are asked; the town hall is not a member and not of the social economy.
        #expect(files == ["Questionnaire – Atelier du Vercors.xlsx", "Questionnaire – Boutique Solidaire.xlsx", "Questionnaire – Coop des Monts.xlsx", "questionnaires.csv"])
        #expect(run.stderr.contains("3 questionnaires written (wave 2026)"))
        let chosen = try E.ptce(["survey", "create", Self.network, "--out", out.appendingPathComponent("two").path, "--actors", "a1,Mairie de Die", "--lang", "en"])
        #expect(chosen.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("two").path).sorted()
                == ["Questionnaire – Atelier du Vercors.xlsx", "Questionnaire – Mairie de Die.xlsx", "questionnaires.csv"])
        let unknown = try E.ptce(["survey", "create", Self.network, "--out", out.appendingPathComponent("three").path, "--actors", "a7", "--lang", "en"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("error: --actors: 'a7' is neither an id nor a name of the network\n  hint: close ids: a1, a2, a3"), "\(unknown.stderr)")
    }

    @Test func tiesConfirmedNeedsASurvey() throws {
        let run = try E.ptce(["summary", Self.network, "--ties", "confirmed", "--lang", "en"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("error: --ties confirmed: no tie of this network comes from a survey (column status)"))
    }
}
