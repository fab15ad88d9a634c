import Foundation
import Testing
@testable import PTCEKit

/// Issue 17: the formats partners' tools write (GML, UCINET DL, GDF), their vocabularies read as data, GEXF valid
/// against the official 1.3 grammar with its time.
struct ForeignFormatsTests {
    // MARK: Files of other tools (scripts/write-interop-fixtures.py)

    /// networkx's and igraph's GML, Gephi's GDF: the five organisations with names, kinds, typed columns and weights.
    @Test(arguments: ["networkx.gml", "gephi-style.gdf"])
    func gmlAndGDFAreReadWithEveryAttribute(_ file: String) throws {
        let result = load(Repo.fixture("interop/" + file))
        #expect(result.errorCount == 0, "\(result.diagnostics.map { $0.formatted(.en) })")
        let network = result.network
        #expect(network.actors.map(\.id) == ["aci-1", "ei-2", "commune-3", "bank-4", "asso-5"])
        #expect(network.actors.map(\.name) == ["Chantier « Les Jardins » & Cie", "Entreprise \"Réemploi\"", "Commune de Saint-Étienne",
                                               "Banque coopérative", "Association Ωmega"])
        #expect(network.actors.map(\.kind) == ["aci", "ei", "commune", "bank", "association"])
        #expect(network.actors[0].fte == 10.5)
        #expect(network.actors[3].attributes.first { $0.name == "employees" }?.value == "1200")
        #expect(network.ties.map(\.weight) == [2.5, 1, 3, 0.125])
        #expect(network.ties.map(\.type) == ["pooling", "agreement", "financing", "support"])
        #expect(network.ties.allSatisfy { !$0.directed })
    }

    @Test func networkxGraphNameIsTheTitle() {
        #expect(load(Repo.fixture("interop/networkx.gml")).network.title == "Fixture: written by networkx")
        #expect(load(Repo.fixture("interop/networkx.graphml")).network.title == "Fixture: written by networkx")
    }

    /// igraph's GML: numbered vertices with their `name`, its columns (booleans written as numbers by igraph).
    @Test func igraphGMLKeepsNamesAndWeights() throws {
        let result = load(Repo.fixture("interop/igraph.gml"))
        #expect(result.errorCount == 0, "\(result.diagnostics.map { $0.formatted(.en) })")
        #expect(result.network.actors.count == 5 && result.network.ties.count == 4)
        #expect(result.network.actors.map(\.name) == ["aci-1", "ei-2", "commune-3", "bank-4", "asso-5"])
        #expect(result.network.ties.map(\.weight) == [2.5, 1, 3, 0.125])
    }

    /// UCINET DL: a full matrix with a label list, an edge list with embedded labels; symmetric, so undirected.
    @Test(arguments: ["ucinet-fullmatrix.dl", "ucinet-edgelist1.dl"])
    func ucinetDLGivesTheSameTies(_ file: String) throws {
        let result = load(Repo.fixture("interop/" + file))
        #expect(result.errorCount == 0, "\(result.diagnostics.map { $0.formatted(.en) })")
        let network = result.network
        #expect(Set(network.actors.map(\.id)) == ["aci-1", "ei-2", "commune-3", "bank-4", "asso-5"])
        let ties = Set(network.ties.map { "\([$0.source, $0.target].sorted().joined(separator: "–")) \($0.weight)" })
        #expect(ties == ["aci-1–ei-2 2.5", "aci-1–commune-3 1.0", "bank-4–ei-2 3.0", "asso-5–commune-3 0.125"])
        #expect(network.ties.allSatisfy { !$0.directed } == (file == "ucinet-fullmatrix.dl"))
    }

    @Test func ucinetAsymmetricMatrixGivesArcs() throws {
        let path = InteropTests.temporary("arcs.dl")
        try "DL N=3\nFORMAT = FULLMATRIX\nLABELS EMBEDDED\nDATA:\na b c\na 0 1 0\nb 0 0 2\nc 0 0 0\n".write(toFile: path, atomically: true, encoding: .utf8)
        let network = load(path).network
        #expect(network.ties.map { "\($0.source)>\($0.target) \($0.weight) \($0.directed)" } == ["a>b 1.0 true", "b>c 2.0 true"])
    }

    @Test(arguments: [
        ("bad.gml", "graph [ node [ id 1 label \"a\" ]\n", "bad.gml:2:1: error: end of file before the ']' closing the list"),
        ("bad.dl", "DL N=2\nDATA:\n0 1\n", "bad.dl:3:1: error: 2 values for a 2 × 2 matrix"),
        ("bad.gdf", "a,b\n", "bad.gdf:1:1: error: line before 'nodedef>'"),
        ("notes.abc", "a,b\n", "notes.abc:1:1: error: format '.abc' not supported"),
    ])
    func brokenFilesAreLocated(_ name: String, _ content: String, _ message: String) throws {
        let path = InteropTests.temporary(name)
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let result = load(path)
        #expect(result.errorCount == 1)
        let folder = (path as NSString).deletingLastPathComponent + "/"
        #expect(result.diagnostics.first?.formatted(.en).replacingOccurrences(of: folder, with: "").hasPrefix(message) == true,
                "\(result.diagnostics.map { $0.formatted(.en) })")
    }

    /// A GEXF attribute's `<default>` is the value of the nodes that give none.
    @Test func gexfDefaultsApply() throws {
        let path = InteropTests.temporary("defaults.gexf")
        try """
        <?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">
        <attributes class="node"><attribute id="0" title="kind" type="string"><default>aci</default></attribute></attributes>
        <nodes><node id="a" label="A"/><node id="b" label="B"><attvalues><attvalue for="0" value="ei"/></attvalues></node></nodes>
        <edges><edge source="a" target="b"/></edges></graph></gexf>
        """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(load(path).network.actors.map(\.kind) == ["aci", "ei"])
    }

    /// Gephi's edge table exported as CSV: `Type` gives the direction, the edge's `Label` is kept, its `Id` is
    /// Gephi's bookkeeping.
    @Test func gephiEdgeTableKeepsDirectionAndLabels() throws {
        let path = InteropTests.temporary("edges.csv")
        try "Source,Target,Type,Id,Label,timeset,Weight\na,b,Undirected,0,,,1.0\nb,c,Directed,1,co-projet,,2.0\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = load(path)
        #expect(result.errorCount == 0)
        #expect(result.network.ties.map(\.directed) == [false, true])
        #expect(result.network.ties.map(\.weight) == [1, 2])
        #expect(result.network.ties[1].attributes == [Attribute(name: "Label", value: "co-projet")])
    }

    /// Gephi's two tables (Data Laboratory → Export table) in a folder of their own: read as the edge list with its
    /// nodes file — names and kinds from `nodes.csv`, direction from `Type` — and said once; a folder that also holds a
    /// ptce table is a network folder as before.
    @Test func gephiTablesInAFolderAreReadAsEdgesAndNodes() throws {
        let folder = InteropTests.temporary("gephi-tables")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "Id,Label,timeset,kind\na,Alpha,,ess\nb,Beta,,company\nc,Gamma,,ess\n"
            .write(toFile: folder + "/Nodes.csv", atomically: true, encoding: .utf8)
        try "Source,Target,Type,Id,Label,timeset,Weight\na,b,Undirected,0,,,2.0\nb,c,Directed,1,,,1.0\n"
            .write(toFile: folder + "/Edges.csv", atomically: true, encoding: .utf8)
        let result = load(folder)
        #expect(result.errorCount == 0)
        #expect(result.network.actors.map(\.name) == ["Alpha", "Beta", "Gamma"])
        #expect(result.network.actors.map(\.kind) == ["ess_enterprise", "enterprise", "ess_enterprise"])
        #expect(result.network.ties.map(\.directed) == [false, true])
        #expect(result.diagnostics.map(\.code) == ["gephi-tables"])
        #expect(result.diagnostics[0].message.fr == "dossier lu comme les tables exportées par Gephi : Edges.csv (liens) et Nodes.csv (acteurs)")
        try "id;name;kind\na;Alpha;ess\n".write(toFile: folder + "/actors.csv", atomically: true, encoding: .utf8)
        #expect(load(folder).diagnostics.map(\.code).contains("missing-file"))
    }

    /// Pajek: a BOM, a `*Matrix` (symmetric: undirected ties), a `.paj` project read up to its second network.
    @Test func pajekMatrixProjectsAndBOM() throws {
        let matrix = InteropTests.temporary("m.net")
        try "\u{FEFF}*Vertices 3\n1 \"a\"\n2 \"b\"\n3 \"c\"\n*Matrix\n0 1 2\n1 0 0\n2 0 0\n".write(toFile: matrix, atomically: true, encoding: .utf8)
        let network = load(matrix).network
        #expect(network.ties.map { "\($0.source)–\($0.target) \($0.weight) \($0.directed)" } == ["a–b 1.0 false", "a–c 2.0 false"])
        let project = InteropTests.temporary("p.paj")
        try "*Network first\n*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 2\n*Network second\n*Vertices 1\n1 \"z\"\n*Partition p\n*Vertices 2\n1\n2\n"
            .write(toFile: project, atomically: true, encoding: .utf8)
        let result = load(project)
        #expect(result.errorCount == 0)
        #expect(result.network.actors.map(\.id) == ["a", "b"] && result.network.ties.count == 1)
        #expect(result.diagnostics.map(\.code) == ["pajek-project"])
    }

    // MARK: Foreign vocabularies

    /// A partner's own kinds and tie types, empty names, nan and negative weights: read, with one warning each.
    @Test func foreignVocabularyIsData() throws {
        let path = InteropTests.temporary("lite.graphml")
        let keys = """
        <key id="k" for="node" attr.name="kind" attr.type="string"/><key id="l" for="node" attr.name="label" attr.type="string"/>
        <key id="t" for="edge" attr.name="type" attr.type="string"/><key id="w" for="edge" attr.name="weight" attr.type="double"/>
        """
        let nodes = ["a": "person", "b": "aci", "c": "person"].sorted { $0.key < $1.key }
            .map { "<node id=\"\($0.key)\"><data key=\"k\">\($0.value)</data><data key=\"l\">\($0.key == "b" ? "" : $0.key.uppercased())</data></node>" }.joined()
        let edges = """
        <edge source="a" target="b"><data key="t">collaboration</data><data key="w">NaN</data></edge>
        <edge source="b" target="c"><data key="t">collaboration</data><data key="w">-1</data></edge>
        <edge source="a" target="c"><data key="t">partenaire</data><data key="w">2</data></edge>
        """
        try "<?xml version=\"1.0\"?><graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\(keys)<graph edgedefault=\"undirected\">\(nodes)\(edges)</graph></graphml>"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = load(path)
        #expect(result.errorCount == 0)
        // In file order (this file is one line: the summaries at its start, the nan where it is).
        #expect(result.diagnostics.map(\.code) == ["foreign-kind", "foreign-tie-type", "foreign-weight", "not-finite"])
        #expect(result.diagnostics[1].message.fr.hasPrefix("3 liens d'un type inconnu de ptce (collaboration ×2, partenaire ×1) : gardés comme « coopération non précisée »"))
        let network = result.network
        #expect(network.actors.map(\.name) == ["A", "b", "C"])
        #expect(network.actors.map(\.kind) == ["unknown", "aci", "unknown"])
        #expect(network.actors[0].attributes == [Attribute(name: "original_kind", value: "person")])
        #expect(network.ties.map(\.type) == ["unspecified", "unspecified", "unspecified"])
        #expect(network.ties.map(\.weight) == [1, 1, 2])
        #expect(network.ties[1].attributes.contains(Attribute(name: "original_weight", value: "-1")))
        var strict = testOptions
        strict.strictVocabulary = true
        let refused = NetworkLoader.load(path: path, options: strict)
        #expect(refused.diagnostics.filter { $0.severity == .error }.map(\.code).contains("unknown-kind"))
    }

    // MARK: GEXF 1.3

    /// The official grammar (../shared/schemas/gexf-1.3, CC BY 4.0), when it is beside the project.
    static let grammar = Repo.root.deletingLastPathComponent().appendingPathComponent("shared/schemas/gexf-1.3/gexf.rng").path

    /// `xmllint --relaxng` on `data`: nil when valid, else its message; "skipped" without the grammar or xmllint.
    static func relaxNG(_ data: Data) throws -> String? {
        guard FileManager.default.fileExists(atPath: grammar), FileManager.default.fileExists(atPath: "/usr/bin/xmllint") else { return "skipped" }
        let path = InteropTests.temporary("check.gexf")
        try data.write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--relaxng", grammar, path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = Pipe()
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : output
    }

    /// Every GEXF ptce writes in these tests — twelve generated networks with dates, directed ties and memberships,
    /// and the bundled datasets — is valid GEXF 1.3.
    @Test func everyGEXFValidatesAgainstTheOfficialGrammar() throws {
        var networks = (UInt64(1)...12).map { InteropTests.generated(seed: $0) }
        for dataset in ["coorace", "pole-sud", "synthetic-national"] { networks.append(load(Repo.path("Datasets/" + dataset)).network) }
        for (index, network) in networks.enumerated() {
            var style = GEXF.Style()
            for actor in network.actors.prefix(5) { style.colors[actor.id] = (10, 20, 30); style.sizes[actor.id] = 4; style.positions[actor.id] = (1, 2) }
            let problem = try Self.relaxNG(GEXF.write(network, style: style))
            if problem == "skipped" {
                print("skipped: GEXF 1.3 RelaxNG validation (needs xmllint and \(Self.grammar))")
                return
            }
            #expect(problem == nil, "network \(index): \(problem ?? "")")
        }
    }

    /// ptce's `until` is a year, month or day included: GEXF's `end` (included) is its last day; the model's dates
    /// come back exactly from the attributes; a file of another tool with only spells gives the spell's days.
    @Test func spellsEndOnTheLastDayAndSeveralSpellsAreSeveralTies() throws {
        #expect(GEXF.lastDay("2022") == "2022-12-31" && GEXF.lastDay("2024-02") == "2024-02-29" && GEXF.lastDay("2023-02") == "2023-02-28")
        #expect(GEXF.lastDay("2021-06-15") == "2021-06-15")
        let path = InteropTests.temporary("gephi.gexf")
        try """
        <?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph mode="dynamic" timeformat="date" defaultedgetype="undirected">
        <attributes class="node" mode="dynamic"><attribute id="0" title="kind" type="string"/></attributes>
        <nodes><node id="a" label="A"><attvalues><attvalue for="0" value="ei" start="2010-01-01" end="2014-12-31"/><attvalue for="0" value="aci" start="2015-01-01"/></attvalues></node>
        <node id="b" label="B"><spells><spell start="2012-01-01"/></spells></node></nodes>
        <edges><edge id="0" source="a" target="b"><spells><spell start="2015-01-01" end="2016-12-31"/><spell start="2019-03-01T00:00:00" end="Infinity"/></spells></edge></edges>
        </graph></gexf>
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = load(path)
        #expect(result.errorCount == 0, "\(result.diagnostics.map { $0.formatted(.en) })")
        #expect(result.diagnostics.contains { $0.code == "gexf-dynamic-values" })
        #expect(result.network.actors[0].kind == "aci")
        #expect(result.network.actors[1].attributes == [Attribute(name: "spells", value: "2012-01-01..")])
        #expect(result.network.ties.map { "\($0.since?.description ?? "")–\($0.until?.description ?? "")" } == ["2015-01-01–2016-12-31", "2019-03-01–"])
        #expect(!result.diagnostics.contains { $0.code == "duplicate-tie" })
    }
}
