import Foundation
import PTCEKit

/// The diagrams of `ptce analyze`: the whole network in SVG, PNG and PDF from one layout, or the aggregate view by
/// family when the network is above `Diagram.readableLimit` actors (or the whole drawing is not wanted); above 300
/// actors, the aggregate view too, beside the whole one, for the report.
public struct AnalysisDiagrams {
    /// The files `network.svg`, `network.png`, `network.pdf`, in that order.
    public let files: [(format: DiagramFormat, data: Data)]
    /// The SVG of the whole network (nil when not drawn) and of the aggregate view (nil when not drawn).
    public let wholeSVG: String?
    public let aggregateSVG: String?

    public init(network: Network, taxonomy: Taxonomy = .standard, title: String?, at year: Int?, language: Language,
                wantWhole: Bool = true) throws {
        var options = DiagramOptions()
        options.language = language
        options.title = title
        options.at = year
        let whole = wantWhole && network.actors.count <= Diagram.readableLimit
        if !whole { options.view = .aggregate(.family) }
        let diagram = try Diagram(network: network, options: options, taxonomy: taxonomy)
        let formats: [DiagramFormat] = [.svg, .png, .pdf]
        let rendered = try diagram.render(formats)  // one layout for the three files
        files = Array(zip(formats, rendered.data)).map { (format: $0.0, data: $0.1) }
        let svg = String(decoding: rendered.data[0], as: UTF8.self)
        if whole && network.actors.count > 300 {
            var aggregate = options
            aggregate.view = .aggregate(.family)
            aggregateSVG = String(decoding: try Diagram(network: network, options: aggregate, taxonomy: taxonomy).render(.svg).data, as: UTF8.self)
        } else {
            aggregateSVG = whole ? nil : svg
        }
        wholeSVG = whole ? svg : nil
    }
}
