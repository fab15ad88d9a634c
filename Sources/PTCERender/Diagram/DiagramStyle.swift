import Foundation
import PTCEKit

/// The visual encoding of diagrams, overridable by a small JSON style file (`--style FILE`, same keys).
///
/// Defaults: fill colour by family from the Okabe–Ito palette (distinguishable with the common colour-vision
/// deficiencies and in greyscale thanks to distinct shapes), shape by family ("kind class"), edge colour and line
/// style by tie type, edge width by weight.
public struct DiagramStyle: Codable, Sendable {
    public struct NodeStyle: Codable, Sendable {
        public var color: String
        public var shape: String
    }

    public struct EdgeStyle: Codable, Sendable {
        public var color: String
        /// Graphviz style: solid, dashed, dotted, bold.
        public var style: String
    }

    public var families: [String: NodeStyle]
    public var tieTypes: [String: EdgeStyle]
    public var fontName: String

    public static let standard = DiagramStyle(
        families: [
            "iae": .init(color: "#E69F00", shape: "box"),
            "other_ess": .init(color: "#F0E442", shape: "ellipse"),
            "network": .init(color: "#CC79A7", shape: "hexagon"),
            "public_authority": .init(color: "#0072B2", shape: "house"),
            "public_service": .init(color: "#56B4E9", shape: "invhouse"),
            "private_business": .init(color: "#D55E00", shape: "box3d"),
            "knowledge": .init(color: "#009E73", shape: "note"),
            "finance": .init(color: "#000000", shape: "diamond"),
            "citizen": .init(color: "#FFFFFF", shape: "circle"),
            "unspecified": .init(color: "#BBBBBB", shape: "octagon"),
        ],
        tieTypes: [
            "pooling": .init(color: "#0072B2", style: "solid"),
            "commercial": .init(color: "#D55E00", style: "solid"),
            "governance": .init(color: "#CC79A7", style: "bold"),
            "training": .init(color: "#009E73", style: "dashed"),
            "financing": .init(color: "#000000", style: "dashed"),
            "agreement": .init(color: "#56B4E9", style: "solid"),
            "joint_project": .init(color: "#E69F00", style: "solid"),
            "passerelle": .init(color: "#009E73", style: "solid"),
            "support": .init(color: "#999999", style: "dotted"),
            "": .init(color: "#555555", style: "solid"),
        ],
        fontName: "DejaVu Sans")

    /// Reads a style file; keys it gives replace the defaults, the others stay.
    public static func load(from url: URL) throws -> DiagramStyle {
        struct Partial: Decodable {
            var families: [String: NodeStyle]?
            var tieTypes: [String: EdgeStyle]?
            var fontName: String?
        }
        let partial = try JSONDecoder().decode(Partial.self, from: Data(contentsOf: url))
        var style = standard
        for (key, value) in partial.families ?? [:] { style.families[key] = value }
        for (key, value) in partial.tieTypes ?? [:] { style.tieTypes[key] = value }
        if let font = partial.fontName { style.fontName = font }
        return style
    }

    public func node(_ family: String) -> NodeStyle { families[family] ?? families["unspecified"]! }
    func edge(_ type: String) -> EdgeStyle { tieTypes[type] ?? tieTypes[""]! }

    /// Black or white text, whichever contrasts more with the fill (WCAG relative luminance).
    static func textColor(on hex: String) -> String {
        let digits = hex.dropFirst()
        guard digits.count >= 6, let value = UInt32(digits.prefix(6), radix: 16) else { return "#000000" }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return luminance > 0.25 ? "#000000" : "#FFFFFF"
    }
}
