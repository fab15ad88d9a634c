import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PTCEKit
@testable import PTCERender

/// Diagrams: reproducible bytes, safe with hostile names, well-formed SVG with ids and tooltips, every view.
struct DiagramTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func network(_ relative: String) -> Network {
        NetworkLoader.load(path: root.appendingPathComponent(relative).path, options: LoadOptions(today: PartialDate(year: 2026))).network
    }

    static func options(_ view: DiagramView = .whole) -> DiagramOptions {
        var options = DiagramOptions()
        options.view = view
        options.date = "2026-11-23"
        return options
    }

    /// Parses XML with Foundation's parser; returns the element names and attributes, or nil when malformed.
    final class SVGReader: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            elements.append((name, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        static func read(_ data: Data) -> SVGReader? {
            let reader = SVGReader()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            return parser.parse() ? reader : nil
        }
    }

    /// The same bytes even after other renderings and allocations, for every engine — fdp too, whose layout
    /// followed the heap's state until graphs got their own arenas (`ArenaMemoryDiscipline`).
    @Test(arguments: [LayoutEngine.dot, .neato, .fdp, .sfdp, .circo, .twopi])
    func sameDataGivesTheSameSVGBytes(_ engine: LayoutEngine) throws {
        var options = Self.options()
        options.engine = engine
        let network = Self.network("Datasets/coorace")
        let first = try Diagram(network: network, options: options).render(.svg).data
        let noise = (0..<2000).map { [Int](repeating: $0, count: $0 % 300 + 1) }
        _ = try Diagram(network: Self.network("Datasets/pole-sud"), options: Self.options()).render(.svg)
        let second = try Diagram(network: network, options: options).render(.svg).data
        #expect(noise.count == 2000)
        #expect(first == second)
    }

    @Test func oneLayoutForEveryFormat() throws {
        let diagram = try Diagram(network: Self.network("Datasets/coorace"), options: Self.options())
        let rendered = try diagram.render([.svg, .png, .pdf])
        #expect(rendered.data.count == 3)
        // The PNG's pixel size follows the SVG's point size at 96 dpi: same layout, same bounding box.
        let svg = String(decoding: rendered.data[0], as: UTF8.self)
        let widthPt = try #require(svg.firstMatch(of: /width="(\d+)pt"/)).1
        let png = rendered.data[1]
        let pixels = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(abs(Double(pixels) - Double(widthPt)! * 96 / 72) <= 2)
    }

    @Test func dotMatchesTheSnapshot() throws {
        let network = Self.network("Tests/PTCEKitTests/Fixtures/good/french-export")
        let dot = try Diagram(network: network, options: Self.options()).dot
        let url = Self.root.appendingPathComponent("Tests/PTCERenderTests/Snapshots/french-export.dot")
        if ProcessInfo.processInfo.environment["PTCE_RECORD_SNAPSHOTS"] != nil { try dot.write(to: url, atomically: true, encoding: .utf8) }
        #expect(dot == (try String(contentsOf: url, encoding: .utf8)), "regenerate with PTCE_RECORD_SNAPSHOTS=1 swift test after a deliberate change")
    }

    @Test func svgIsWellFormedWithIdsTooltipsTitleAndLegend() throws {
        let svg = try Diagram(network: Self.network("Datasets/coorace"), options: Self.options()).render(.svg).data
        let reader = try #require(SVGReader.read(svg))
        let groups = reader.elements.filter { $0.name == "g" }
        #expect(groups.contains { $0.attributes["id"] == "actor-0" && $0.attributes["class"] == "node" })
        // ISA GROUPE, IRISSE, Ulisse, Cap Emploi Services, and the frame of the 49 actors without a tie (62 without a
        // tie, 13 of them drawn in their GES: ISA GROUPE's 4, IRISSE's 2, Cap Emploi Services' 7).
        #expect(groups.filter { $0.attributes["class"] == "cluster" }.count == 5)
        #expect(reader.text.contains("Sans lien renseigné (49)"))
        let links = reader.elements.filter { $0.name == "a" }.compactMap { $0.attributes["xlink:title"] }
        #expect(links.contains { $0.hasPrefix("DEFI EMPLOI — Association intermédiaire (AI) — Tarbes — 0 lien — ETP 24 — chiffre d'affaires 736\u{202F}000\u{202F}€") })
        #expect(reader.text.contains("Réseau COORACE et partenaires (sources publiques)"))
        // The legend names families and tie types, never Graphviz's shapes or line styles.
        #expect(reader.text.contains("IAE (SIAE)") && !reader.text.contains("(rectangle)"))
        #expect(reader.text.contains("Convention / accord de partenariat") && !reader.text.contains("trait plein"))
        #expect(reader.text.contains("cadre : GES"))
        #expect(reader.text.contains("Source : Documents publics de COORACE"))
        #expect(reader.text.contains("23 novembre 2026"))
        // Only what is drawn is in the legend: no citizen in this network.
        #expect(!reader.text.contains("Citoyens"))
    }

    /// No actor drawn over another: after neato's overlap removal, `Composition` moves actors out of group frames,
    /// and a move once put ANSA under the DGEFP on the COORACE network. Every node's box (its shape's points) is
    /// compared with every other's, in the whole-network view and COORACE's ego view.
    @Test func noActorIsDrawnOverAnother() throws {
        for view in [DiagramView.whole, .ego(id: "coorace", radius: 1)] {
            let svg = String(decoding: try Diagram(network: Self.network("Datasets/coorace"), options: Self.options(view)).render(.svg).data, as: UTF8.self)
            var boxes: [(String, [Double])] = []
            let chunks = svg.components(separatedBy: "class=\"node\"").dropFirst()
            for chunk in chunks {
                let body = chunk.components(separatedBy: "class=\"edge\"")[0].components(separatedBy: "class=\"cluster\"")[0]
                var xs: [Double] = [], ys: [Double] = []
                for points in body.matches(of: /points="([^"]*)"/) {
                    for pair in points.1.split(separator: " ") {
                        let xy = pair.split(separator: ",").compactMap { Double($0) }
                        if xy.count == 2 { xs.append(xy[0]); ys.append(xy[1]) }
                    }
                }
                for e in body.matches(of: /cx="([-\d.]+)" cy="([-\d.]+)" rx="([\d.]+)" ry="([\d.]+)"/) {
                    let (cx, cy, rx, ry) = (Double(e.1)!, Double(e.2)!, Double(e.3)!, Double(e.4)!)
                    xs += [cx - rx, cx + rx]; ys += [cy - ry, cy + ry]
                }
                let title = body.firstMatch(of: /<title>([^<]*)<\/title>/).map { String($0.1) } ?? "?"
                if let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() { boxes.append((title, [minX, minY, maxX, maxY])) }
            }
            #expect(boxes.count >= 2)
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    let a = boxes[i].1, b = boxes[j].1
                    let overlap = a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1
                    #expect(!overlap, "\(view): \(boxes[i].0) and \(boxes[j].0) overlap")
                }
            }
        }
    }

    @Test func englishLabels() throws {
        var options = Self.options()
        options.language = .en
        let svg = try Diagram(network: Self.network("Datasets/coorace"), options: options).render(.svg).data
        let reader = try #require(SVGReader.read(svg))
        #expect(reader.text.contains("Work integration (SIAE)") && reader.text.contains("No tie recorded (49)"))
        #expect(reader.text.contains("23 November 2026"))
    }

    @Test func hostileNamesRenderSafely() throws {
        let names = ["Quote \" inside", "Back\\slash \\N \\G", "<script>alert(1)</script>", "A & B <b>bold</b>", "Line\nbreak",
                     "Brace } { graph", "strict digraph -- ->", "subgraph cluster_x { node }", "]; a0 -- a1 [", "'single' & \"double\"",
                     "Émoji 🤝 accents éàç", "\u{7}bell"]
        var network = Network(title: "<Titre> & \"guillemets\"", source: "source with </text> & ]]>")
        for (i, name) in names.enumerated() { network.actors.append(Actor(id: "id\"\(i)<>", name: name, kind: "association")) }
        for i in 1..<names.count { network.ties.append(Partnership(source: network.actors[0].id, target: network.actors[i].id, type: "pooling")) }
        network.groups.append(Group(id: "g", name: "GES \"}<&", kind: "ges"))
        network.memberships += [Membership(group: "g", member: network.actors[1].id), Membership(group: "g", member: network.actors[2].id)]
        let diagram = try Diagram(network: network, options: Self.options())
        let svg = try diagram.render(.svg)
        let reader = try #require(SVGReader.read(svg.data))
        #expect(!reader.elements.contains { $0.name == "script" || $0.name == "b" })
        #expect(reader.elements.filter { $0.name == "g" && $0.attributes["class"] == "node" }.count == names.count)
        for name in names.dropLast() where !name.contains("\n") {
            #expect(reader.elements.contains { ($0.attributes["xlink:title"] ?? "").hasPrefix(name) }, "\(name)")
        }
        #expect(reader.text.contains("<Titre> & \"guillemets\""))
        for format in [DiagramFormat.png, .pdf] { #expect(!(try diagram.render(format).data.isEmpty)) }
    }

    @Test func pngAndPDFAreRealFiles() throws {
        let diagram = try Diagram(network: Self.network("Datasets/pole-sud"), options: Self.options())
        let png = try diagram.render(.png).data
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let pdf = try diagram.render(.pdf).data
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
    }

    @Test func views() throws {
        let network = Self.network("Datasets/coorace")
        let ego = try Diagram(network: network, options: Self.options(.ego(id: "ansa", radius: 1)))
        #expect(ego.nodeCount == 3 && ego.edgeCount == 2)  // ANSA, COORACE, Ulisse Energie
        let egoTwo = try Diagram(network: network, options: Self.options(.ego(id: "ansa", radius: 2)))
        #expect(egoTwo.nodeCount == 24)  // ANSA, Ulisse Energie, COORACE and its 21 other partners
        let group = try Diagram(network: network, options: Self.options(.group(id: "ulisse")))
        #expect(group.nodeCount == 2)  // Ulisse Energie and its external partner ANSA (kind not given: grey), faded
        #expect(group.dot.contains("#BBBBBB55"))
        let core = try Diagram(network: network, options: Self.options(.core(k: 2)))
        #expect(core.nodeCount == 5)  // COORACE, FAS, FEI; COORACE, Crédit Coopératif, France Active: the two triangles
        let aggregate = try Diagram(network: network, options: Self.options(.aggregate(.family)))
        #expect(aggregate.nodeCount == 8)
        #expect(throws: Diagram.BuildError.unknownActor("nobody")) { try Diagram(network: network, options: Self.options(.ego(id: "nobody", radius: 1))) }
        #expect(DiagramView(parsing: "ego:coorace:2") == .ego(id: "coorace", radius: 2))
        #expect(DiagramView(parsing: "aggregate:region") == .aggregate(.region))
        #expect(DiagramView(parsing: "core:0") == nil)
        #expect(DiagramView(parsing: "everything") == nil)
        // French words, accents optional.
        #expect(DiagramView(parsing: "agrégé:famille") == .aggregate(.family))
        #expect(DiagramView(parsing: "agrege:departement") == .aggregate(.department))
        #expect(DiagramView(parsing: "cœur:2") == .core(k: 2) && DiagramView(parsing: "coeur:2") == .core(k: 2))
        #expect(DiagramView(parsing: "groupe:ulisse") == .group(id: "ulisse") && DiagramView(parsing: "entier") == .whole)
        #expect(DiagramView(parsing: "groupe") == nil && DiagramView(parsing: "entier:x") == nil && DiagramView(parsing: "coeur") == nil)
        // A name for an id, with a note; an unknown id: the candidates.
        let byName = DiagramView.group(id: "Ulisse").resolved(in: network)
        #expect(byName.view == .group(id: "ulisse") && byName.note?.fr.contains("lu comme le groupe") == true)
        let unknown = DiagramView.ego(id: "coorac", radius: 1).resolved(in: network)
        #expect(unknown.view == nil && unknown.candidates.first == "coorace (COORACE (fédération nationale))")
    }

    @Test func defaultEnginesAreTheDeterministicOnes() throws {
        #expect(try Diagram(network: Self.network("Datasets/coorace"), options: Self.options()).engine == .neato)
        #expect(try Diagram(network: Self.network("Datasets/coorace"), options: Self.options(.aggregate(.family))).engine == .neato)
    }

    @Test func largeNetworksSwitchToSFDP() throws {
        let diagram = try Diagram(network: Self.network("Datasets/synthetic-national"), options: Self.options())
        #expect(diagram.engine == .sfdp)
        // sfdp; the suggestion of the aggregate view; GES frames not drawn by sfdp.
        #expect(diagram.notes.map(\.en) == ["2992 actors: sfdp layout with overlap removal",
                                             "2992 actors: the whole drawing will be hard to read; try --view aggregate:family",
                                             "the sfdp layout does not draw group frames"])
    }

    @Test func escaping() {
        #expect(DOT.quoted("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
        #expect(DOT.quotedTooltip("a\\N") == "\"a\\\\\\\\N\"")
        #expect(DOT.html("<a & 'b'>") == "&lt;a &amp; &#39;b&#39;&gt;")
        #expect(DOT.wrap("Fédération des acteurs de la solidarité", width: 15) == "Fédération des\nacteurs de la\nsolidarité")
        #expect(DOT.wrap("Anticonstitutionnellement", width: 10) == "Anticonstitutionnellement")
        #expect(DiagramStyle.textColor(on: "#000000") == "#FFFFFF" && DiagramStyle.textColor(on: "#F0E442") == "#000000")
    }
}
