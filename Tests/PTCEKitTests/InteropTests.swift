import Foundation
import Testing
import CoopGraph
@testable import PTCEKit

/// Interchange formats: files written by networkx and igraph are read with every attribute; ptce's own files give
/// back the same network (generated networks with Unicode, empty values, dates and long numbers); hostile and broken
/// XML is refused with a position.
struct InteropTests {
    static func temporary(_ name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-interop-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    // MARK: Files written by real clients (scripts/write-interop-fixtures.py)

    @Test(arguments: ["networkx.graphml", "igraph.graphml", "networkx.gexf", "networkx-node-link.json", "d3-links.json"])
    func filesOfNetworkxAndIgraphAreReadWithEveryAttribute(_ file: String) throws {
        let result = load(Repo.fixture("interop/" + file))
        #expect(result.errorCount == 0, "\(result.diagnostics.map { $0.formatted(.en) })")
        let network = result.network
        #expect(network.actors.map(\.id) == ["aci-1", "ei-2", "commune-3", "bank-4", "asso-5"])
        let aci = try #require(network.actors.first)
        #expect(aci.name == "Chantier « Les Jardins » & Cie")
        #expect(aci.kind == "aci")
        #expect(aci.fte == 10.5)
        let attributes = Dictionary(uniqueKeysWithValues: aci.attributes.map { ($0.name, $0.value) })
        #expect(attributes["employees"] == "12")
        #expect(attributes["certified"] == "true")
        #expect(network.actors[1].name == "Entreprise \"Réemploi\"")
        #expect(network.actors[4].name == "Association Ωmega")
        #expect(network.ties.count == 4)
        let first = try #require(network.ties.first { $0.source == "aci-1" && $0.target == "ei-2" })
        #expect(first.weight == 2.5)
        #expect(first.type == "pooling")
        #expect(network.ties.first { $0.target == "asso-5" }?.weight == 0.125)
    }

    @Test func pajekOfIgraphKeepsNamesAndWeights() throws {
        let network = load(Repo.fixture("interop/igraph.net")).network
        #expect(network.actors.map(\.id) == ["aci-1", "ei-2", "commune-3", "bank-4", "asso-5"])
        #expect(network.actors.allSatisfy { $0.kind == "unknown" })
        #expect(network.ties.map(\.weight) == [2.5, 1, 3, 0.125])
    }

    // MARK: Lossless round trips

    /// A random network that `NetworkBuilder` accepts as is: Unicode and markup in names, optional fields left out,
    /// partial dates, numbers with many digits, free columns, directed and undirected ties, memberships.
    static func generated(seed: UInt64) -> Network {
        var random = SplitMix64(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { random.next() % 3 == 0 ? nil : value() }
        let names = ["Régie « Les Deux Rives »", "ACI <b>Jardins</b> & Co", "Entreprise \"Réemploi\" 🌱", "Ωmega – coopérative",
                     "Syndicat d'Aumône", "Asso \\ barre oblique", "Ça marche; virgule, point-virgule", "中文 协会", "=SOMME(A1)"]
        let kinds = ["ai", "aci", "ei", "association", "scic", "commune", "bank", "research", "enterprise"]
        let departments = ["09", "2A", "971", "75", "13"]
        var network = Network()
        network.title = maybe("Réseau « test » n°\(random.next() % 100)")
        network.source = maybe("généré par InteropTests, graine \(seed)")
        network.synthetic = true
        let count = 6 + Int(random.next() % 10)
        for i in 0..<count {
            var actor = Actor(id: "a\(i)-é", name: pick(names) + " \(i)", kind: pick(kinds))
            actor.department = maybe(pick(departments))
            actor.commune = maybe(pick(["Saint-Étienne", "L'Haÿ-les-Roses", "Gourdon"]))
            actor.latitude = maybe(Double(random.next() % 1_000_000_000) / 1e7 - 10)
            actor.longitude = maybe(0.1 + 0.2 + Double(random.next() % 1000) / 1000)
            actor.creationYear = maybe(1950 + Int(random.next() % 70))
            actor.fte = maybe(Double(random.next() % 100_000) / 1000 + 1e-9)
            actor.revenue = maybe(1_234_567.891011 * Double(1 + random.next() % 5))
            actor.certifications = random.next() % 2 == 0 ? [] : ["CEDRE", "ISO 9001"]
            actor.website = maybe("https://exemple.fr/?a=1&b=<2>")
            actor.reference = maybe("seed 00\(i) « citation » ; p. 3")
            actor.notes = maybe("note\(i)")
            // Free columns come sorted by name from every reader (NetworkBuilder's rule).
            actor.attributes = random.next() % 2 == 0 ? [] : [Attribute(name: "label_interne", value: "x"), Attribute(name: "salariés", value: "\(random.next() % 50)")]
            network.actors.append(actor)
        }
        network.groups = [Group(id: "ges-1", name: "GES « Un »", kind: "ges", department: "09", creationYear: 2010, reference: "ref"),
                          Group(id: "ptce-1", name: "PTCE & Cie", kind: "ptce")]
        network.memberships = [Membership(group: "ges-1", member: "a0-é", role: "member", since: PartialDate(year: 2012, month: 3), reference: "r"),
                               Membership(group: "ges-1", member: "a1-é"),
                               Membership(group: "ptce-1", member: "ges-1", since: PartialDate(year: 2015), until: PartialDate(year: 2020, month: 6, day: 30))]
        let types = ["pooling", "commercial", "governance", "financing", "agreement"]
        var pairs = Set<String>()
        for _ in 0..<(count + 4) {
            let a = Int(random.next() % UInt64(count)), b = Int(random.next() % UInt64(count))
            guard a != b, pairs.insert("\(min(a, b))-\(max(a, b))").inserted else { continue }
            var tie = Partnership(source: "a\(a)-é", target: "a\(b)-é", type: pick(types), weight: pick([1, 2.5, 0.333333333333333, 12345.678901234]))
            tie.directed = random.next() % 4 == 0
            tie.since = maybe(PartialDate(year: 2000 + Int(random.next() % 10), month: maybe(1 + Int(random.next() % 12))))
            tie.until = random.next() % 3 == 0 ? PartialDate(year: 2015 + Int(random.next() % 5)) : nil
            tie.reference = maybe("réf. « \(a)–\(b) »")
            tie.notes = maybe("ligne 1")
            tie.attributes = random.next() % 2 == 0 ? [] : [Attribute(name: "montant", value: "1 200,50 €")]
            network.ties.append(tie)
        }
        return network
    }

    @Test(arguments: [("graphml", "network.graphml"), ("gexf", "network.gexf"), ("node-link", "network.json"), ("json", "network.json")])
    func roundTripGivesBackTheSameNetwork(_ format: String, _ file: String) throws {
        for seed in UInt64(1)...12 {
            let original = Self.generated(seed: seed)
            let path = Self.temporary(file)
            let data: Data
            switch format {
            case "graphml": data = GraphML.write(original)
            case "gexf": data = GEXF.write(original)
            case "node-link": data = try NodeLinkJSON.write(original)
            default: data = try NetworkJSON.encode(original)
            }
            try data.write(to: URL(fileURLWithPath: path))
            let result = load(path)
            #expect(result.errorCount == 0, "\(format) seed \(seed): \(result.diagnostics.filter { $0.severity == .error }.prefix(3).map { $0.formatted(.en) })")
            let back = result.network, expected = original
            func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> String {
                guard a.count == b.count else { return "count \(a.count) ≠ \(b.count)" }
                return zip(a, b).first { $0 != $1 }.map { "\($0)\n≠ \($1)" } ?? ""
            }
            #expect(back.actors == expected.actors, "\(format) seed \(seed): \(firstDifference(back.actors, expected.actors))")
            #expect(back.groups == expected.groups, "\(format) seed \(seed): \(firstDifference(back.groups, expected.groups))")
            #expect(back.memberships == expected.memberships, "\(format) seed \(seed): \(firstDifference(back.memberships, expected.memberships))")
            #expect(back.ties == expected.ties, "\(format) seed \(seed): \(firstDifference(back.ties, expected.ties))")
            #expect(back.title == original.title && back.source == original.source && back.synthetic == original.synthetic, "\(format) seed \(seed): metadata")
        }
    }

    @Test func realDatasetRoundTripsThroughEveryLosslessFormat() throws {
        let original = load(Repo.path("Datasets/coorace")).network
        for (name, data) in [("c.graphml", GraphML.write(original)), ("c.gexf", GEXF.write(original)), ("c.json", try NodeLinkJSON.write(original))] {
            let path = Self.temporary(name)
            try data.write(to: URL(fileURLWithPath: path))
            #expect(load(path).network == original, "\(name)")
        }
    }

    // MARK: Hostile and broken files

    @Test(arguments: [
        ("xxe.graphml", 2, 1, "xml-dtd"),
        ("billion-laughs.gexf", 2, 1, "xml-dtd"),
        ("truncated.graphml", 7, 1, "malformed-xml"),
        ("undeclared-key.graphml", 6, 67, "graphml"),
        ("wrong-type.graphml", 7, 46, "graphml"),
    ])
    func hostileOrBrokenXMLIsRefusedWithItsPosition(_ file: String, _ line: Int, _ column: Int, _ code: String) throws {
        let result = load(Repo.fixture("bad/xml/" + file))
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.code == code)
        #expect(error.location.line == line && error.location.column == column, "\(error.formatted(.en))")
        #expect(result.network.actors.isEmpty || code != "xml-dtd")
        // Nothing of /etc/passwd ever reaches the model.
        #expect(!result.network.actors.contains { $0.name.contains("root:") })
    }

    @Test func messagesSayWhatIsWrong() {
        let undeclared = load(Repo.fixture("bad/xml/undeclared-key.graphml")).diagnostics[0]
        #expect(undeclared.formatted(.fr).contains("clé « d7 » non déclarée"))
        let truncated = load(Repo.fixture("bad/xml/truncated.graphml")).diagnostics[0]
        #expect(truncated.formatted(.en).contains("truncated file: element <data> opened on line 6 is never closed"))
    }
}

/// Issue 18, finding 5: a name with a vertical tab (or another line separator of Python's `splitlines`) broke the
/// Pajek export: networkx and igraph read one vertex per line.
struct PajekExportTests {
    @Test func everyVertexStaysOnOneLine() throws {
        let odd = ["a\u{0B}b", "c\u{0C}d", "e\u{1C}f", "g\u{85}h", "i\u{2028}j", "k\u{2029}l", "m\"n", "o\u{1}p"]
        let network = Network(actors: odd.map { Actor(id: $0, name: $0, kind: "association") },
                              ties: zip(odd, odd.dropFirst()).map { Partnership(source: $0, target: $1, type: "pooling") })
        let text = String(decoding: Pajek.write(network), as: UTF8.self)
        // Python's splitlines() is what networkx's read_pajek cuts the file with.
        let separators: Set<Unicode.Scalar> = ["\n", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"]
        let lines = text.unicodeScalars.split(whereSeparator: separators.contains).map { String(String.UnicodeScalarView($0)) }
        #expect(lines.count == 1 + odd.count + 1 + odd.count - 1, "\(lines)")
        #expect(lines[1] == "1 \"a b\"" && lines[7] == "7 \"m'n\"" && lines[8] == "8 \"o p\"")
    }
}
