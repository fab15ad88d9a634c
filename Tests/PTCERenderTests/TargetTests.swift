import Foundation
import Testing
@testable import PTCEKit
@testable import PTCERender

/// Diagrams drawn for their target (issue 15): exact ISO pages and slide sizes, and text readable at the final size
/// — read back from the files, not from ptce's own numbers.
struct TargetTests {
    static let ptce40 = "Tests/PTCERenderTests/Fixtures/ptce-40"

    /// The PDF's page size in points, from its `/MediaBox`.
    static func pdfPage(_ pdf: Data) throws -> (width: Double, height: Double) {
        let text = String(decoding: pdf, as: UTF8.self)
        let match = try #require(text.firstMatch(of: /\/MediaBox \[ *0 +0 +([0-9.]+) +([0-9.]+) *\]/))
        return (Double(match.1)!, Double(match.2)!)
    }

    /// A PNG's size in pixels, from its IHDR chunk.
    static func pngSize(_ png: Data) -> (width: Int, height: Int) {
        let bytes = [UInt8](png)
        func u32(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (u32(16), u32(20))
    }

    /// The smallest text of an SVG as drawn on its page, in points: the smallest `font-size` of its `<text>`
    /// elements times the scale of Graphviz's root transform (the SVG's width and height are the page in points).
    static func smallestText(_ svg: Data) throws -> Double {
        let reader = try #require(DiagramTests.SVGReader.read(svg))
        let sizes = reader.elements.filter { $0.name == "text" }.compactMap { $0.attributes["font-size"].flatMap(Double.init) }
        let transform = try #require(reader.elements.first { $0.name == "g" && $0.attributes["id"] == "graph0" }?.attributes["transform"])
        let scale = try #require(transform.firstMatch(of: /scale\(([0-9.]+)/)).1
        return try #require(sizes.min()) * Double(scale)!
    }

    static func options(_ target: DiagramTarget, _ view: DiagramView = .whole) -> DiagramOptions {
        var options = DiagramTests.options(view)
        options.target = target
        return options
    }

    @Test(arguments: Paper.allCases)
    func paperPagesAreTheISOSizeInPoints(paper: Paper) throws {
        let expected: [Paper: (Double, Double)] = [.a4: (842, 595), .a3: (1191, 842), .a2: (1684, 1191), .a1: (2384, 1684), .a0: (3370, 2384)]
        let network = DiagramTests.network(Self.ptce40)
        for orientation in Orientation.allCases {
            let pdf = try Diagram(network: network, options: Self.options(.paper(paper, orientation))).render(.pdf).data
            let page = try Self.pdfPage(pdf)
            let (long, short) = expected[paper]!
            let want = orientation == .landscape ? (long, short) : (short, long)
            #expect(abs(page.width - want.0) <= 1 && abs(page.height - want.1) <= 1, "\(paper) \(orientation): \(page)")
        }
    }

    @Test func aSlideIsA1920By1080PNGAndA16By9Page() throws {
        let network = DiagramTests.network("Datasets/coorace")
        let rendered = try Diagram(network: network, options: Self.options(.slide, .aggregate(.family))).render([.png, .pdf])
        #expect(Self.pngSize(rendered.data[0]) == (1920, 1080))
        let page = try Self.pdfPage(rendered.data[1])
        #expect(page.width == 960 && page.height == 540)
    }

    @Test func sizesWithUnits() throws {
        #expect(DiagramTarget(size: "1920x1080px")?.points ?? (0, 0) == (1440, 810))
        let a3 = try #require(DiagramTarget(size: "42x29,7cm")?.points)
        #expect(abs(a3.width - 1190.55) < 0.01 && abs(a3.height - 841.89) < 0.01)
        #expect(DiagramTarget(size: "10x5in")?.points ?? (0, 0) == (720, 360))
        for bad in ["42x29.7", "0x10cm", "1x1cm", "10x-5cm", "nanxnancm", "10 by 5 cm", "100000x1cm"] { #expect(DiagramTarget(size: bad) == nil, "\(bad)") }
        let png = try Diagram(network: DiagramTests.network("Datasets/pole-sud"), options: Self.options(DiagramTarget(size: "1000x500px")!)).render(.png).data
        #expect(Self.pngSize(png) == (1000, 500))
    }

    /// The bundled COORACE network, the synthetic national network's aggregate, and a 40-actor PTCE: what
    /// `ptce analyze` draws on paper (A3, or larger when needed) and on a slide has no text under 8 pt (16 px).
    @Test(arguments: ["Datasets/coorace", "Datasets/synthetic-national", ptce40])
    func textIsReadableAtTheTarget(path: String) throws {
        let network = DiagramTests.network(path)
        var options = Self.options(.paper(.a3, .landscape))
        if network.actors.count > Diagram.readableLimit { options.view = .aggregate(.family) }
        let paper = try ReadableDiagram(network: network, options: options, formats: [.svg, .pdf], largerPaper: true)
        #expect(try Self.smallestText(paper.rendering.data[0]) >= 8 - 1e-6)
        let page = try Self.pdfPage(paper.rendering.data[1])
        #expect(page.width >= 1190 && page.width / page.height > 1.4)  // A3 landscape or larger, never smaller
        options.target = .slide
        let slide = try ReadableDiagram(network: network, options: options, formats: [.svg, .png])
        // 144 dpi: a point is two pixels on the 1920 × 1080 slide.
        #expect(try Self.smallestText(slide.rendering.data[0]) * 2 >= 16 - 1e-6)
        #expect(Self.pngSize(slide.rendering.data[1]) == (1920, 1080))
    }

    @Test func anUnreadableViewIsReplacedByTheAggregateWithANote() throws {
        let network = DiagramTests.network("Datasets/coorace")
        let drawn = try ReadableDiagram(network: network, options: Self.options(.paper(.a4, .landscape)), formats: [.svg])
        #expect(drawn.diagram.view == .aggregate(.family))
        #expect(drawn.notes.contains { $0.fr.contains("la vue agrégée par famille est dessinée à la place") })
        let kept = try ReadableDiagram(network: network, options: Self.options(.paper(.a4, .landscape)), formats: [.svg], keepView: true)
        #expect(kept.diagram.view == .whole)
        #expect(kept.notes.contains { $0.fr.contains("difficile à lire") })
        #expect(try Self.smallestText(kept.rendering.data[0]) < 8)
    }

    @Test func smallNetworksAreNotBlownUp() throws {
        // pole-sud's 7 actors on A0: enlarged at most twice, centred.
        let svg = try Diagram(network: DiagramTests.network("Datasets/pole-sud"), options: Self.options(.paper(.a0, .landscape))).render(.svg).data
        #expect(try Self.smallestText(svg) <= 10 * Diagram.maximumScale + 1e-6)
    }
}
