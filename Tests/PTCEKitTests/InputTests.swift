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

    /// The ASCII fast path of `normalize` gives what Foundation's folding and `alphanumerics` give: every ASCII
    /// character alone and between letters, and 2,000 random ASCII texts (a fixed seed).
    @Test func normalizeOfASCIIEqualsFoldingOfIt() {
        func folded(_ text: String) -> String {
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
        var texts = (0..<128).flatMap { code -> [String] in
            let c = String(UnicodeScalar(UInt8(code)))
            return [c, "a\(c)B", " \(c)9\(c)"]
        }
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            texts.append(String((0..<Int.random(in: 0...12, using: &random)).map { _ in Character(UnicodeScalar(UInt8.random(in: 0...127, using: &random))) }))
        }
        for text in texts { #expect(Taxonomy.normalize(text) == folded(text), "\(Array(text.utf8))") }
        #expect(Taxonomy.normalize("Sous-Total : 12") == "sous total 12")
    }

    @Test func headerAliasesIgnoreCaseAccentsAndPunctuation() {
        #expect(Taxonomy.normalize("Jusqu'à") == "jusqu a")
        #expect(Taxonomy.normalize("  Année de CRÉATION ") == "annee de creation")
        #expect(Vocabulary(Taxonomy.standard.kinds).resolve("Association Intermédiaire") == "ai")
        #expect(Vocabulary(Taxonomy.standard.kinds).resolve("Proxim'Services") == "sap")
        #expect(Vocabulary(Taxonomy.standard.tieTypes).resolve("Convention") == "agreement")
    }
}
