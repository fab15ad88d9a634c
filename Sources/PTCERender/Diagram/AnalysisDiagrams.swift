import Foundation
import PTCEKit

/// The diagrams of `ptce analyze`: `network.svg` and `network.pdf` on an A3 landscape page (or the smallest larger
/// ISO page, up to A0, on which the names are readable), `network.png` as a 16:9 slide (1920 × 1080 px), each of the
/// whole network when its names are readable at that size (8 pt, 16 px) and else of the aggregate view by family
/// (see `ReadableDiagram`); the aggregate view also when the network is above
/// `Diagram.readableLimit` actors or the whole drawing is not wanted. Above 300 actors, the aggregate view too,
/// beside the whole one, for the report.
public struct AnalysisDiagrams {
    /// The files `network.svg`, `network.png`, `network.pdf`, in that order.
    public let files: [(format: DiagramFormat, data: Data)]
    /// The SVG of the whole network (nil when not drawn) and of the aggregate view (nil when not drawn).
    public let wholeSVG: String?
    public let aggregateSVG: String?
    /// What was drawn instead of what was asked, and why.
    public let notes: [Localized]

    public init(network: Network, taxonomy: Taxonomy = .standard, title: String?, at year: Int?, language: Language,
                wantWhole: Bool = true) throws {
        var options = DiagramOptions()
        options.language = language
        options.title = title
        options.at = year
        options.target = .paper(.a3, .landscape)
        let whole = wantWhole && network.actors.count <= Diagram.readableLimit
        if !whole { options.view = .aggregate(.family) }
        let page = try ReadableDiagram(network: network, options: options, taxonomy: taxonomy, formats: [.svg, .pdf], largerPaper: true)
        var slideOptions = options
        slideOptions.target = .slide
        let slide = try ReadableDiagram(network: network, options: slideOptions, taxonomy: taxonomy, formats: [.png])
        files = [(.svg, page.rendering.data[0]), (.png, slide.rendering.data[0]), (.pdf, page.rendering.data[1])]
        notes = page.notes + slide.notes.filter { note in !page.notes.contains { $0.fr == note.fr } }
        let drewWhole: Bool
        if case .aggregate = page.diagram.view { drewWhole = false } else { drewWhole = true }
        let svg = String(decoding: page.rendering.data[0], as: UTF8.self)
        if drewWhole && network.actors.count > 300 {
            var aggregate = options
            aggregate.view = .aggregate(.family)
            aggregateSVG = String(decoding: try Diagram(network: network, options: aggregate, taxonomy: taxonomy).render(.svg).data, as: UTF8.self)
        } else {
            aggregateSVG = drewWhole ? nil : svg
        }
        wholeSVG = drewWhole ? svg : nil
    }
}
