import Foundation
import Testing
@testable import PTCEKit

/// Each bad fixture gives exactly the expected errors, at the expected FILE:LINE:COLUMN.
struct ValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let fixture: String
        /// Every error, as `relative-file:line:column: message` in English.
        let errors: [String]
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "missing-column", errors: ["actors.csv:1:1: required column 'kind' is missing (accepted names: kind, type, nature, statut)"]),
        Case(fixture: "duplicate-id", errors: ["actors.csv:5:1: duplicate id 'b'"]),
        Case(fixture: "unknown-actor", errors: ["ties.csv:4:2: unknown actor 'zeta'"]),
        Case(fixture: "unknown-member", errors: ["memberships.csv:3:2: unknown member 'bb'"]),
        Case(fixture: "membership-cycle", errors: ["memberships.csv:4:1: membership cycle: g1 → g2 → g1"]),
        Case(fixture: "unknown-kind", errors: ["actors.csv:5:3: unknown kind 'assocation'"]),
        Case(fixture: "unknown-tie-type", errors: ["ties.csv:3:3: unknown tie type 'amitie'"]),
        Case(fixture: "weight-not-number", errors: ["ties.csv:3:3: 'fort' is not a number (column weight)"]),
        Case(fixture: "weight-not-positive", errors: ["ties.csv:3:3: weight must be greater than 0, not -2"]),
        Case(fixture: "malformed-date", errors: ["ties.csv:3:3: 'quinze' is not a date"]),
        Case(fixture: "impossible-date", errors: ["ties.csv:3:3: impossible date '2017-02-30': day 30 does not exist in 2017-02"]),
        Case(fixture: "until-before-since", errors: ["ties.csv:3:4: until (2018) is before since (2020)"]),
        Case(fixture: "unterminated-quote", errors: ["actors.csv:3:3: unterminated quote"]),
        Case(fixture: "empty-file", errors: ["actors.csv:1:1: the file is empty"]),
        Case(fixture: "binary-file", errors: ["actors.csv:1:1: the file is not text (a NUL byte at offset 9)"]),
        Case(fixture: "too-many-fields", errors: ["actors.csv:5:4: the line has 4 fields but the header has only 3 columns", "ties.csv:4:2: unknown actor 'd'"]),
        Case(fixture: "malformed.json", errors: [":4:16: malformed JSON"]),
        Case(fixture: "unknown-kind.json", errors: [":4:5: unknown kind 'banq'"]),
        Case(fixture: "negative-weight-edges.csv", errors: [":3:3: weight must be greater than 0, not -1"]),
    ]

    @Test(arguments: cases)
    func badInputIsReportedWithItsPosition(_ test: Case) {
        let base = Repo.fixture("bad/" + test.fixture)
        let result = load(base)
        let errors = result.diagnostics.filter { $0.severity == .error }.map { diagnostic -> String in
            var file = diagnostic.location.file
            if file.hasPrefix(base + "/") { file.removeFirst(base.count + 1) } else if file == base { file = "" }
            return "\(file):\(diagnostic.location.line):\(diagnostic.location.column): \(diagnostic.message.en)"
        }
        #expect(errors == test.errors)
        #expect(!result.isValid)
    }

    @Test func hintsNameTheNearestKnownValue() throws {
        let result = load(Repo.fixture("bad/unknown-kind"))
        let hint = try #require(result.diagnostics.first { $0.code == "unknown-kind" }?.hint)
        #expect(hint.fr == "vouliez-vous dire « Association » (code association) ?")
        #expect(hint.en == "did you mean 'Non-profit association' (code association)?")
    }

    @Test func messagesAreFrenchByDefault() throws {
        let result = load(Repo.fixture("bad/duplicate-id"))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.formatted(.fr).hasSuffix("actors.csv:5:A: erreur: identifiant « b » déjà utilisé\n  conseil: déjà défini en \(Repo.fixture("bad/duplicate-id"))/actors.csv:3:A ; chaque acteur a un identifiant unique"))
    }

    @Test func warningsDoNotMakeANetworkInvalid() {
        let result = load(Repo.fixture("bad/warnings"))
        #expect(result.isValid)
        #expect(result.diagnostics.map(\.code) == ["isolated-actor", "ges-single-component", "duplicate-tie", "self-tie", "future-date"])
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["5:1", "2:1", "3:1", "4:1", "5:3"])
    }

    /// Issue 22: "Café" with é composed (NFC) and decomposed (NFD) is one actor, with a warning naming both places;
    /// spaces around an id are not part of it.
    @Test func oneIdInTwoUnicodeFormsIsOneActorWithAWarning() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-nfd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("edges.csv")
        try Data("source,target\nCaf\u{E9},b\nCafe\u{301},c\n b ,c\nCaf\u{E9},c\n".utf8).write(to: file)
        let result = load(file.path)
        #expect(result.isValid)
        #expect(result.network.actors.map(\.id) == ["Caf\u{E9}", "b", "c"])
        #expect(result.network.actors[0].id.unicodeScalars.count == 4, "the first form read is kept")
        #expect(result.diagnostics.map(\.code) == ["unicode-forms"], "one warning, not one per tie")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.location.line == 3)
        #expect(warning.formatted(.en).contains("is written here with other Unicode characters than at \(file.path):2:A"))
    }

    @Test func validationWithoutKeepingTiesFindsTheSameProblems() {
        for fixture in ["warnings", "unknown-actor", "weight-not-positive"] {
            let kept = load(Repo.fixture("bad/" + fixture), keepTies: true)
            let streamed = load(Repo.fixture("bad/" + fixture), keepTies: false)
            #expect(kept.diagnostics == streamed.diagnostics)
            #expect(streamed.network.ties.isEmpty)
            #expect(kept.tieCount == streamed.tieCount)
        }
    }
}
