import Foundation
import Testing
@testable import PTCEKit

/// A partnership survey of a 30-member PTCE, end to end through the library: questionnaires written, answered (the
/// answers written into the workbooks' cells as a respondent would, through the pre-filling of `--previous`; one
/// return saved as CSV), read back and merged, and every count of the collection checked against what was answered.
/// The same wave through LibreOffice (re-saved as .xlsx and .ods, and filled by openpyxl) is `scripts/check-survey`.
struct SurveyTests {
    /// 30 members of a PTCE (ids m01…m30, ESS kinds), and three actors outside it (a commune, a business, a bank).
    static func network() -> Network {
        let kinds = ["aci", "ai", "ei", "association", "scic"]
        var actors = (1...30).map { Actor(id: String(format: "m%02d", $0), name: String(format: "Membre %02d", $0), kind: kinds[$0 % kinds.count]) }
        actors += [Actor(id: "commune", name: "Commune de Valence", kind: "commune"), Actor(id: "entreprise", name: "Transports Drôme", kind: "enterprise"),
                   Actor(id: "banque", name: "Banque du Rhône", kind: "bank")]
        let ptce = Group(id: "ptce", name: "PTCE d'essai", kind: "ptce")
        let memberships = (1...30).map { Membership(group: "ptce", member: String(format: "m%02d", $0), role: "member") }
        return Network(title: "PTCE d'essai (synthétique)", source: "test", synthetic: true, actors: actors, groups: [ptce], memberships: memberships, ties: [])
    }

    static func id(_ n: Int) -> String { String(format: "m%02d", n) }

    /// What each member answers, by partner.
    static func answers() -> [String: [String: Survey.Answer]] {
        var answers: [String: [String: Survey.Answer]] = [:]
        func say(_ a: String, _ b: String, _ answer: Survey.Answer) { answers[a, default: [:]][b] = answer }
        // A chain m01–m02–…–m26 among respondents, both sides declaring a joint project since 2020 …
        for i in 1...25 {
            let answer = Survey.Answer(partner: "", worksTogether: true, types: ["joint_project"], since: 2020, frequency: .monthly, intensity: 2)
            var forward = answer, backward = answer
            forward.partner = id(i + 1)
            backward.partner = id(i)
            say(id(i), id(i + 1), forward)
            say(id(i + 1), id(i), backward)
        }
        // … but two contradictions: m03–m04 name different kinds, m10–m11 different years.
        answers[id(3)]![id(4)]!.types = ["pooling"]
        answers[id(4)]![id(3)]!.types = ["training"]
        answers[id(10)]![id(11)]!.since = 2019
        answers[id(11)]![id(10)]!.since = 2021
        // One-sided ties: m05 answered but left m01's row empty; m28 does not answer; the commune was not asked;
        // m09 says no to m07.
        say(id(1), id(5), Survey.Answer(partner: id(5), worksTogether: true, types: ["support"]))
        say(id(2), id(28), Survey.Answer(partner: id(28), worksTogether: true))
        say(id(6), "commune", Survey.Answer(partner: "commune", worksTogether: true, types: ["agreement"], since: 2018))
        say(id(7), id(9), Survey.Answer(partner: id(9), worksTogether: true, types: ["commercial"]))
        say(id(9), id(7), Survey.Answer(partner: id(7), worksTogether: false))
        // Ratings of m02 by m01 and m03.
        answers[id(1)]![id(2)]!.ratings = [.reliability: 4, .openness: 4, .sharedMission: 3, .resources: 2, .influence: 3, .involvement: 3]
        answers[id(3)]![id(2)]!.ratings = [.reliability: 2, .openness: 2, .sharedMission: 2]
        return answers
    }

    /// The questionnaires of one wave, answered: m28–m30 never return theirs, m27 returns it empty, m01 returns
    /// the sheet saved as CSV with a partner not listed.
    static func wave(in folder: URL, answers: [String: [String: Survey.Answer]] = answers()) throws -> [String] {
        let network = network()
        var paths: [String] = []
        for actor in network.actors.prefix(27) {
            var questionnaire = Questionnaire(respondent: actor, network: network, wave: "2026")
            questionnaire.indicators = true
            questionnaire.previous = answers[actor.id] ?? [:]
            let url = folder.appendingPathComponent("\(actor.id).xlsx")
            try questionnaire.workbook().write(to: url)
            paths.append(url.path)
        }
        // m01's answers as the sheet "Questionnaire" saved as CSV (LibreOffice's separator ";"), with a partner not listed.
        var diagnostics: [Diagnostic] = []
        let grid = try #require(SurveyReturn.grids(path: paths[0], display: "m01").first { $0.sheet == "Questionnaire" })
        let width = grid.rows.map { $0.cells.keys.max() ?? 0 }.max() ?? 1
        var lines = grid.rows.map { row in (1...width).map { row.cells[$0].map { "\"\($0)\"" } ?? "" }.joined(separator: ";") }
        lines.append(["\"Mairie de Valence\"", "Commune", "Valence", "Convention / accord de partenariat", "2021"].joined(separator: ";"))
        let csv = folder.appendingPathComponent("m01.csv")
        try lines.joined(separator: "\r\n").write(to: csv, atomically: true, encoding: .utf8)
        #expect(diagnostics.isEmpty)
        diagnostics = []
        paths[0] = csv.path
        return paths
    }

    @Test func thirtyMemberWave() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-survey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Self.wave(in: folder)
        let before = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let result = SurveyMerge.merge(paths: paths, into: Self.network())
        #expect(result.isValid, "\(result.diagnostics.map(\.message.fr))")
        let c = result.collection
        let declared = Set(result.network.ties.map { [$0.source, $0.target].sorted().joined(separator: "-") })
        #expect(declared.count == 29, "\(declared.sorted())")
        #expect(c.asked == 30)
        #expect(c.answered == 26)
        #expect(c.responseRate == 26.0 / 30.0)
        #expect(c.notAnswered == ["Membre 27", "Membre 28", "Membre 29", "Membre 30"])
        #expect(c.declaredPairs == 29)
        #expect(c.confirmed == 23)
        #expect(c.contradictions == 2)
        #expect(c.oneSided == 4)
        #expect(c.oneSidedBecause == ["blank": 1, "not_answered": 1, "not_asked": 1, "no": 1])
        #expect(c.pairsBetweenRespondents == 27)
        #expect(c.reciprocity == 25.0 / 27.0)
        #expect(c.contradictionList.map { "\($0.source)-\($0.target)" } == ["m03-m04", "m10-m11"])
        #expect(c.contradictionList[1].detail(.fr) == "depuis : 2019 (Membre 10) / 2021 (Membre 11)")
        #expect(c.contradictionList[0].detail(.en) == "kinds: Pooling of resources (Membre 03) / Training (Membre 04)")
        #expect(c.proposed.map(\.name) == ["Mairie de Valence"])
        #expect(c.proposed[0].proposedBy == "Membre 01" && c.proposed[0].kind == "commune" && c.proposed[0].types == ["agreement"] && c.proposed[0].since == 2021)
        #expect(c.proposed[0].closest == ["Commune de Valence"])
        // The empty questionnaire is said; nothing else is.
        #expect(result.diagnostics.map(\.code) == ["empty-questionnaire"])

        // The ties: a contradiction on kinds gives a tie per kind named, both marked; one-sided ties say why.
        let network = result.network
        func ties(_ a: String, _ b: String) -> [Partnership] { network.ties.filter { Set([$0.source, $0.target]) == Set([a, b]) } }
        func attribute(_ tie: Partnership, _ name: String) -> String? { tie.attributes.first { $0.name == name }?.value }
        #expect(ties("m03", "m04").map(\.type).sorted() == ["pooling", "training"])
        #expect(ties("m03", "m04").allSatisfy { attribute($0, "status") == "contradiction" })
        let m10 = try #require(ties("m10", "m11").first)
        #expect(m10.since?.year == 2019 && attribute(m10, "status") == "contradiction")
        let m01m02 = try #require(ties("m01", "m02").first)
        #expect(attribute(m01m02, "status") == "confirmed" && attribute(m01m02, "declared_by") == "m01;m02")
        #expect(attribute(m01m02, "frequency") == "monthly" && m01m02.weight == 2 && m01m02.type == "joint_project")
        #expect(ties("m02", "m28").map(\.type) == ["unspecified"])
        #expect(attribute(ties("m02", "m28")[0], "other_side") == "not_answered")
        #expect(attribute(ties("m07", "m09")[0], "other_side") == "no")
        #expect(attribute(ties("m01", "m05")[0], "other_side") == "blank")
        #expect(attribute(ties("m06", "commune")[0], "other_side") == "not_asked")
        // Ratings: m02's trust is the mean of the six trust ratings it received, its value of the three.
        let m02 = try #require(network.actors.first { $0.id == "m02" })
        #expect(m02.attributes.first { $0.name == "trust_score" }?.value == "2.833")
        #expect(m02.attributes.first { $0.name == "value_score" }?.value == "2.667")
        #expect(m02.attributes.first { $0.name == "ratings_received" }?.value == "2")
        #expect(network.actors.first { $0.id == "m27" }?.attributes.first { $0.name == "survey" }?.value == "not_answered")
        #expect(network.actors.first { $0.id == "commune" }?.attributes.isEmpty == true)

        // The merged network reads back with the same figures, and --ties confirmed keeps the 23 confirmed pairs.
        let out = folder.appendingPathComponent("merged")
        try NetworkFolderWriter.write(network, to: out)
        let reread = NetworkLoader.load(path: out.path)
        #expect(reread.isValid, "\(reread.diagnostics.map(\.message.fr))")
        #expect(SurveyCollection(network: reread.network)?.confirmed == 23)
        #expect(SurveyCollection(network: reread.network)?.reciprocity == 25.0 / 27.0)
        let confirmed = SurveyCollection.confirmedOnly(reread.network)
        #expect(Set(confirmed.ties.map { [$0.source, $0.target].sorted() }).count == 23)
        // Inputs never change.
        #expect(try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
    }

    /// `--previous`: last wave's answers, read from answers.csv, are what the new questionnaire shows.
    @Test func previousWaveIsPrefilled() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-survey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Self.wave(in: folder)
        let result = SurveyMerge.merge(paths: paths, into: Self.network())
        try SurveyMerge.answersCSV(result.answers).write(to: folder.appendingPathComponent("answers.csv"), atomically: true, encoding: .utf8)
        let previous = try SurveyMerge.previousAnswers(folder: folder.path)
        #expect(previous["m03"]?["m04"]?.types == ["pooling"])
        #expect(previous["m01"]?["m02"]?.ratings[.sharedMission] == 3)
        #expect(previous["m09"]?["m07"]?.worksTogether == false)
        // A questionnaire pre-filled with them reads back to the same answers.
        let network = Self.network()
        var questionnaire = Questionnaire(respondent: network.actors[2], network: network, wave: "2027")
        questionnaire.indicators = true
        questionnaire.previous = previous["m03"] ?? [:]
        questionnaire.previousWave = "2026"
        let url = folder.appendingPathComponent("m03-2027.xlsx")
        try questionnaire.workbook().write(to: url)
        var diagnostics: [Diagnostic] = []
        let reread = try #require(SurveyReturn.read(path: url.path, network: network, diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        #expect(reread.wave == "2027")
        let strip: (Survey.Answer) -> Survey.Answer = { var a = $0; a.location = nil; return a }
        #expect(Dictionary(uniqueKeysWithValues: reread.answers.map { ($0.partner, strip($0)) }) == (previous["m03"] ?? [:]).mapValues(strip))
    }

    /// Two waves compared (`ptce diff`): the tie m09 denied in the first wave, it confirms in the second.
    @Test func secondWaveConfirmsATie() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-survey-\(UUID().uuidString)")
        let second = folder.appendingPathComponent("2027")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = SurveyMerge.merge(paths: try Self.wave(in: folder), into: Self.network()).network
        var answers = Self.answers()
        answers["m09"]!["m07"] = Survey.Answer(partner: "m07", worksTogether: true, types: ["commercial"])
        let next = SurveyMerge.merge(paths: try Self.wave(in: second, answers: answers), into: Self.network()).network
        let diff = NetworkDiff(before: first, after: next)
        let survey = try #require(diff.survey)
        #expect(survey.nowConfirmed.map { "\($0.source)-\($0.target)" } == ["m07-m09"])
        #expect(survey.before.confirmed == 23 && survey.after.confirmed == 24 && survey.after.oneSided == 3)
        #expect(diff.tiesGained.isEmpty && diff.tiesLost.isEmpty)
    }

    /// The questionnaire's protection: identity and partner cells locked, answer cells not, the sheet protected.
    @Test func questionnaireLocksWhatIsNotAnAnswer() throws {
        let network = Self.network()
        let data = try Questionnaire(respondent: network.actors[0], network: network, wave: "2026").workbook()
        let archive = try ZipArchive(data)
        let sheet = String(decoding: try archive.extract(#require(archive["xl/worksheets/sheet2.xml"]), limit: 1 << 24), as: UTF8.self)
        #expect(sheet.contains("<sheetProtection sheet=\"1\""))
        // B2 (the respondent id) is locked text; C8 (first "works together" cell) and the "not listed" rows are unlocked.
        #expect(sheet.contains("<c r=\"B2\" t=\"s\">"))
        #expect(sheet.contains("<c r=\"C8\" s=\"6\"></c>") || sheet.contains("<c r=\"C8\" s=\"6\"/>"))
        let styles = String(decoding: try archive.extract(#require(archive["xl/styles.xml"]), limit: 1 << 24), as: UTF8.self)
        #expect(styles.contains("<protection locked=\"0\""))
    }
}
