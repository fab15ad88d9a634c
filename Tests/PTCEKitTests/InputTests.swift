import CoopGraph
import Foundation
import Testing
@testable import PTCEKit

struct InputTests {
    @Test func frenchSpreadsheetExportIsReadCompletely() throws {
        let result = load(Repo.fixture("good/french-export"))
        #expect(result.diagnostics.isEmpty)
        let network = result.network
        #expect(network.actors.map(\.id) == ["ai1", "aci1", "mairie"])
        let first = network.actors[0]
        #expect(first.name == "Entraide; Emploi")
        #expect(first.kind == "ai")
        #expect(first.department == "09")
        #expect(first.creationYear == 1984)
        #expect(first.fte == 24.5)
        #expect(first.revenue == 736_000)
        #expect(first.certifications == ["CEDRE"])
        #expect(first.attributes == [Attribute(name: "Secteur", value: "services")])
        #expect(network.actors[1].name == "L'atelier \"vert\"\r\nsur deux lignes")
        #expect(network.ties[0] == Partnership(source: "ai1", target: "aci1", type: "pooling", weight: 2.5,
                                               since: PartialDate(year: 2015), notes: "locaux partagés"))
        #expect(network.ties[1].since == PartialDate(year: 2016, month: 3))
        #expect(network.ties[1].until == PartialDate(year: 2020))
        #expect(network.memberships[1].since == PartialDate(year: 2011, month: 6, day: 1))
        #expect(network.memberships.allSatisfy { $0.role == "component" })
    }

    @Test func jsonAndCSVFormsGiveEqualModels() {
        let csv = load(Repo.fixture("good/french-export"))
        let json = load(Repo.fixture("good/french-export.json"))
        #expect(json.diagnostics.isEmpty)
        #expect(csv.network == json.network)
    }

    @Test func writtenJSONReadsBackEqual() throws {
        let original = load(Repo.fixture("good/french-export")).network
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-roundtrip-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try NetworkJSON.encode(original).write(to: url)
        let back = load(url.path)
        #expect(back.diagnostics.isEmpty)
        #expect(back.network == original)
    }

    @Test func windows1252IsDecodedWithAWarning() {
        let utf8 = load(Repo.fixture("good/french-export"))
        let latin = load(Repo.fixture("good/windows-1252"))
        #expect(latin.isValid)
        // Every file of the fixture has an accent somewhere, so each is reported once.
        #expect(latin.diagnostics.map(\.code) == ["not-utf8", "not-utf8", "not-utf8", "not-utf8"])
        #expect(latin.diagnostics[0].location.file.hasSuffix("actors.csv"))
        #expect(latin.network == utf8.network)
    }

    /// A field is UTF-8 exactly when the standard library's validation says so: valid texts, every kind of broken
    /// sequence, and 5,000 random byte strings (a fixed seed) biased towards bytes above 0x7F.
    @Test func fieldsAreUTF8ExactlyWhenValid() {
        var cases: [[UInt8]] = [Array("Alès n°2 — Œuvre ✓ 😀".utf8), Array("\u{FFFD}".utf8), [], [0x41],
                                [0xE9], [0x80], [0xC3], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
                                [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xEF, 0xBF, 0xBD, 0xFF], Array("caf".utf8) + [0xE9]]
        var random = SplitMix64(seed: 5)
        for _ in 0..<5_000 {
            cases.append((0..<Int.random(in: 1...8, using: &random)).map { _ in
                Bool.random(using: &random) ? UInt8.random(in: 0x80...0xFF, using: &random) : UInt8.random(in: 0...0xFF, using: &random)
            })
        }
        var invalid = 0
        for bytes in cases {
            let reference = String(validating: bytes, as: UTF8.self)
            #expect(CSVReader.utf8(bytes) == reference && CSVReader.utf8(bytes)?.utf8.elementsEqual(bytes) ?? true, "\(bytes)")
            if reference == nil { invalid += 1 }
        }
        #expect(invalid > 2_000)
    }

    @Test func edgeListWithNodesFile() {
        var options = testOptions
        options.nodesPath = Repo.fixture("good/nodes.csv")
        let result = NetworkLoader.load(path: Repo.fixture("good/edges.csv"), options: options)
        #expect(result.diagnostics.isEmpty)
        #expect(result.network.actors.map(\.id) == ["x", "lonely", "y", "z"])
        #expect(result.network.actors[0].name == "Ex")
        #expect(result.network.ties.map(\.weight) == [2, 1, 0.5])
    }

    @Test(arguments: [
        ("12,5", 12.5), ("12.5", 12.5), ("4 549 860", 4_549_860), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
        ("708 000 €", 708_000), ("1,234,567", 1_234_567), ("-3", -3),
    ])
    func numbersAreReadTheFrenchAndTheEnglishWay(_ text: String, _ value: Double) {
        #expect(Values.number(text) == value)
    }

    @Test(arguments: ["nan", "inf", "-infinity", "abc", "", "1e400", "0x10"])
    func nonNumbersAreRefused(_ text: String) {
        #expect(Values.number(text) == nil)
    }

    @Test func datesOfEveryPrecision() throws {
        #expect(try PartialDate.parse("2015").get() == PartialDate(year: 2015))
        // The ISO text at the date's precision, zero-padded as `%04d` and `%02d` pad.
        #expect(PartialDate(year: 2015, month: 3, day: 9).description == "2015-03-09" && PartialDate(year: 2015, month: 12).description == "2015-12")
        #expect(PartialDate(year: 987).description == "0987" && PartialDate(year: 12345, month: 1).description == "12345-01")
        #expect(PartialDate(year: -5).description == String(format: "%04d", -5))
        #expect(try PartialDate.parse("2015-03").get() == PartialDate(year: 2015, month: 3))
        #expect(try PartialDate.parse("12/03/2015").get() == PartialDate(year: 2015, month: 3, day: 12))
        #expect(try PartialDate.parse("03/2015").get() == PartialDate(year: 2015, month: 3))
        #expect(try PartialDate.parse("2024-02-29").get() == PartialDate(year: 2024, month: 2, day: 29))
        #expect(PartialDate.parse("2023-02-29") == .failure(.impossible("day 29 does not exist in 2023-02")))
        #expect(PartialDate.parse("2015-13") == .failure(.impossible("month 13 does not exist")))
        #expect(PartialDate.parse("15") == .failure(.malformed))
        #expect(PartialDate.parse("2015-") == .failure(.malformed))
    }

    @Test func separatorIsDetectedOutsideQuotes() {
        #expect(CSVReader.detectSeparator(ArraySlice(Array("\"a,b\";c;d\n1,2,3,4".utf8))) == UInt8(ascii: ";"))
        #expect(CSVReader.detectSeparator(ArraySlice(Array("a,b,c\n".utf8))) == UInt8(ascii: ","))
        #expect(CSVReader.detectSeparator(ArraySlice(Array("a\tb\tc\n".utf8))) == UInt8(ascii: "\t"))
        #expect(CSVReader.detectSeparator(ArraySlice(Array("id\n".utf8))) == UInt8(ascii: ","))
    }

    /// What `Taxonomy.normalize` must give, the slow way: Foundation's folding of the whole text, then letters and
    /// digits kept and every other run as one space.
    static func folded(_ text: String) -> String {
        var result = "", pendingSpace = false
        for scalar in text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else { pendingSpace = true }
        }
        return result
    }

    /// The ASCII fast path of `normalize` gives what Foundation's folding and `alphanumerics` give: every ASCII
    /// character alone and between letters, and 2,000 random ASCII texts (a fixed seed).
    @Test func normalizeOfASCIIEqualsFoldingOfIt() {
        var texts = (0..<128).flatMap { code -> [String] in
            let c = String(UnicodeScalar(UInt8(code)))
            return [c, "a\(c)B", " \(c)9\(c)"]
        }
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            texts.append(String((0..<Int.random(in: 0...12, using: &random)).map { _ in Character(UnicodeScalar(UInt8.random(in: 0...127, using: &random))) }))
        }
        for text in texts { #expect(Taxonomy.normalize(text) == Self.folded(text), "\(Array(text.utf8))") }
        #expect(Taxonomy.normalize("Sous-Total : 12") == "sous total 12")
    }

    /// The Latin path of `normalize` (scalars up to U+02FF folded one at a time through a table) gives what folding
    /// the whole text gives: every such scalar alone and between letters, French names, and 3,000 random texts mixing
    /// ASCII and Latin scalars (a fixed seed); a text with a combining accent or Greek takes Foundation's path.
    @Test func normalizeOfLatinTextEqualsFoldingOfIt() {
        let latin = (UInt32(0x80)..<Taxonomy.latinLimit).compactMap(Unicode.Scalar.init)
        var texts = latin.flatMap { scalar -> [String] in
            let c = String(Character(scalar))
            return [c, "a\(c)B", " \(c)9\(c)", "É\(c)ß"]
        }
        texts += ["Alès Services Emploi", "Fédération nationale (synthétique) n°1 (75)", "Œuvre « Cœur » — Jusqu'à 2 000 €",
                  "ÆSTHÉTIQUE Straße", "Cafe\u{301} crème", "Ελλάδα", "İstanbul Ǆemal", "ﬁn"]
        var random = SplitMix64(seed: 11)
        for _ in 0..<3_000 {
            texts.append(String(String.UnicodeScalarView((0..<Int.random(in: 0...12, using: &random)).map { _ in
                Bool.random(using: &random) ? Unicode.Scalar(UInt8.random(in: 0...127, using: &random))
                                            : latin[Int.random(in: 0..<latin.count, using: &random)]
            })))
        }
        for text in texts { #expect(Taxonomy.normalize(text) == Self.folded(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })") }
        #expect(Taxonomy.normalize("Fédération n°1 (75)") == "federation n 1 75" && Taxonomy.normalize("Œuvre") == "œuvre")
    }

    @Test func headerAliasesIgnoreCaseAccentsAndPunctuation() {
        #expect(Taxonomy.normalize("Jusqu'à") == "jusqu a")
        #expect(Taxonomy.normalize("  Année de CRÉATION ") == "annee de creation")
        #expect(Vocabulary(Taxonomy.standard.kinds).resolve("Association Intermédiaire") == "ai")
        #expect(Vocabulary(Taxonomy.standard.kinds).resolve("Proxim'Services") == "sap")
        #expect(Vocabulary(Taxonomy.standard.tieTypes).resolve("Convention") == "agreement")
    }
}
