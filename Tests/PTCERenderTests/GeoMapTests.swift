import Foundation
import Testing
@testable import PTCEKit
@testable import PTCERender

/// `--layout geo` (issue 15): actors at their places, read back from the SVG Graphviz drew.
struct GeoMapTests {
    /// The centre and first label line of each node, by the SVG id of its group (`actor-N`, `value-N`): Graphviz
    /// writes a node's `<g id=… class="node">`, then its shape and its `<text>` lines, centred on the node.
    static func centres(_ svg: Data) throws -> [String: (x: Double, y: Double, text: String)] {
        let text = String(decoding: svg, as: UTF8.self)
        var result: [String: (x: Double, y: Double, text: String)] = [:]
        for match in text.matches(of: /<g id="([^"]+)" class="node">(?s:.*?)<text[^>]* x="([-0-9.]+)" y="([-0-9.]+)"[^>]*>([^<]*)<\/text>/) {
            let id = String(match.1).replacingOccurrences(of: "&#45;", with: "-")
            result[id] = (Double(match.2)!, Double(match.3)!, String(match.4).replacingOccurrences(of: "&#45;", with: "-"))
        }
        return result
    }

    static func network() -> Network {
        var network = Network(title: "Carte", source: "essai")
        network.actors = [
            Actor(id: "lille", name: "Lille asso", kind: "association", department: "59", commune: "Lille"),
            Actor(id: "marseille", name: "Marseille asso", kind: "association", department: "13", commune: "Marseille"),
            Actor(id: "brest", name: "Brest asso", kind: "association", department: "29", commune: "Brest"),
            Actor(id: "strasbourg", name: "Strasbourg asso", kind: "association", department: "67", commune: "Strasbourg"),
            Actor(id: "paris-1", name: "Paris un", kind: "association", department: "75"),
            Actor(id: "paris-2", name: "Paris deux", kind: "association", department: "75"),
            Actor(id: "nowhere", name: "Sans adresse", kind: "association"),
        ]
        network.ties = [
            Partnership(source: "lille", target: "marseille", type: "agreement"),
            Partnership(source: "brest", target: "strasbourg", type: "agreement"),
            Partnership(source: "paris-1", target: "nowhere", type: "agreement"),
        ]
        return network
    }

    @Test func actorsAreAtTheirPlaces() throws {
        var options = DiagramTests.options()
        options.layout = .geo
        let diagram = try Diagram(network: Self.network(), options: options)
        let svg = try diagram.render(.svg).data
        let at = try Self.centres(svg)
        let (lille, marseille, brest, strasbourg) = (try #require(at["actor-0"]), try #require(at["actor-1"]),
                                                     try #require(at["actor-2"]), try #require(at["actor-3"]))
        // SVG's y grows downwards: north is up, west is left.
        #expect(lille.y < marseille.y - 100)
        #expect(brest.x < strasbourg.x - 100)
        #expect(brest.x < lille.x && lille.x < strasbourg.x)
        // Two actors placed at Paris's chef-lieu are side by side, not on one point.
        let (one, two) = (try #require(at["actor-4"]), try #require(at["actor-5"]))
        #expect(one.x != two.x || one.y != two.y)
        // The actor without a place is in its frame, its tie not drawn, and the map credits GeoNames.
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("Sans lieu connu (1)"))
        #expect(text.contains("GeoNames (CC BY 4.0)"))
        #expect(diagram.edgeCount == 2)
        #expect(diagram.notes.contains { $0.fr.contains("1 lien avec un acteur sans lieu connu n'est pas tracé") })
        // Every pinned position differs (prism aborts on coincident points).
        let pins = diagram.dot.matches(of: /pos="([-0-9.,]+)!"/).map { String($0.1) }
        #expect(pins.count == 7 && Set(pins).count == 7)
    }

    @Test func regionsAreDrawnAtTheirPlaces() throws {
        let network = DiagramTests.network("Datasets/synthetic-national")
        let diagram = try Diagram(network: network, options: DiagramTests.options(.aggregate(.region)))
        let svg = try diagram.render(.svg).data
        let at = try Self.centres(svg)
        func node(_ region: String) throws -> (x: Double, y: Double) {
            let centre = try #require(at.values.first { $0.text == region }, "no node labelled \(region)")
            return (centre.x, centre.y)
        }
        let text = String(decoding: svg, as: UTF8.self)
        #expect(try node("Hauts-de-France").y < node("Occitanie").y)
        #expect(try node("Bretagne").x < node("Grand Est").x)
        #expect(try node("Normandie").y < node("Provence-Alpes-Côte").y)
        #expect(text.contains("GeoNames (CC BY 4.0)"))
        // --layout force gives the force-directed picture without the map's credit.
        var force = DiagramTests.options(.aggregate(.region))
        force.layout = .force
        let forced = String(decoding: try Diagram(network: network, options: force).render(.svg).data, as: UTF8.self)
        #expect(!forced.contains("GeoNames"))
    }

    /// A map too small for its names falls back to the regions when the actors span more than three, else to the
    /// départements, else stays as asked (one regional circle would say nothing).
    @Test func theReadableAlternativeOfAMapFollowsItsSpread() {
        #expect(ReadableDiagram.mapAlternative(DiagramTests.network("Datasets/synthetic-national")) == .region)
        #expect(ReadableDiagram.mapAlternative(DiagramTests.network(TargetTests.ptce40)) == nil)
        var spread = Self.network()
        spread.actors = ["01", "07", "26", "38", "42"].map { Actor(id: $0, name: "Acteur \($0)", kind: "association", department: $0) }
        #expect(ReadableDiagram.mapAlternative(spread) == .department)
    }
}

