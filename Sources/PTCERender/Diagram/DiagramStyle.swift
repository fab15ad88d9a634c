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
            "intention": .init(color: "#56B4E9", style: "dotted"),
            "unspecified": .init(color: "#777777", style: "solid"),
            "": .init(color: "#555555", style: "solid"),
        ],
        fontName: "DejaVu Sans")

    /// A value of a style file outside what ptce lets through to Graphviz.
    public struct StyleError: Error, CustomStringConvertible, Sendable {
        public var key: String
        public var value: String
        public var allowed: String
        public var description: String { "\(key): '\(value)' is not allowed (\(allowed))" }
    }

    /// Node shapes a style file may use (Graphviz's polygon shapes; no `image`, `epsf` or custom shapes, which read
    /// files).
    static let shapes: Set<String> = ["box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle", "plaintext",
        "plain", "diamond", "trapezium", "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon",
        "doublecircle", "doubleoctagon", "tripleoctagon", "invtriangle", "invtrapezium", "invhouse", "Mdiamond",
        "Msquare", "Mcircle", "rect", "rectangle", "square", "star", "none", "underline", "cylinder", "note", "tab",
        "folder", "box3d", "component", "cds", "rarrow", "larrow", "rpromoter", "lpromoter"]
    /// Edge line styles a style file may use.
    static let lineStyles: Set<String> = ["solid", "dashed", "dotted", "bold"]

    /// Checks every value against an allow-list before it reaches the DOT text (values are written there as
    /// attributes; a free value could add attributes such as `image="/a/local/file"` or markup in the SVG).
    func validated() throws(StyleError) -> DiagramStyle {
        func isColor(_ text: String) -> Bool {
            if text.hasPrefix("#") {
                let digits = text.dropFirst()
                return (digits.count == 6 || digits.count == 8) && digits.allSatisfy(\.isHexDigit)
            }
            return (1...32).contains(text.count) && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        }
        for (key, node) in families.sorted(by: { $0.key < $1.key }) {
            guard isColor(node.color) else { throw StyleError(key: "families.\(key).color", value: node.color, allowed: "#RRGGBB or a colour name") }
            guard Self.shapes.contains(node.shape) else {
                throw StyleError(key: "families.\(key).shape", value: node.shape, allowed: Self.shapes.sorted().joined(separator: ", "))
            }
        }
        for (key, edge) in tieTypes.sorted(by: { $0.key < $1.key }) {
            guard isColor(edge.color) else { throw StyleError(key: "tieTypes.\(key).color", value: edge.color, allowed: "#RRGGBB or a colour name") }
            guard Self.lineStyles.contains(edge.style) else {
                throw StyleError(key: "tieTypes.\(key).style", value: edge.style, allowed: Self.lineStyles.sorted().joined(separator: ", "))
            }
        }
        let fontOK = (1...64).contains(fontName.count)
            && fontName.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || " -_.".unicodeScalars.contains($0) }
        guard fontOK else { throw StyleError(key: "fontName", value: fontName, allowed: "letters, digits, spaces, '-', '_', '.'; at most 64") }
        return self
    }

    /// Reads a style file; keys it gives replace the defaults, the others stay. Every value is checked against an
    /// allow-list (`StyleError` names the key, the value and what is allowed).
    public static func load(from url: URL) throws -> DiagramStyle {
        struct Partial: Decodable {
            var families: [String: NodeStyle]?
            var tieTypes: [String: EdgeStyle]?
            var fontName: String?
        }
        let partial = try JSONDecoder().decode(Partial.self, from: InputFile.read(url.path))
        var style = standard
        for (key, value) in partial.families ?? [:] { style.families[key] = value }
        for (key, value) in partial.tieTypes ?? [:] { style.tieTypes[key] = value }
        if let font = partial.fontName { style.fontName = font }
        return try style.validated()
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

extension DiagramStyle {
    /// Why a style file could not be read, in words (not Swift's `DecodingError` dump).
    public static func problem(_ error: any Error) -> (fr: String, en: String) {
        let fr: String, en: String
        func path(_ codingPath: [any CodingKey], french: Bool = true) -> String {
            codingPath.isEmpty ? "" : codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") + (french ? " : " : ": ")
        }
        switch error {
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            (fr, en) = ("ce n'est pas du JSON valide", "this is not valid JSON")
        case DecodingError.dataCorrupted(let context):
            (fr, en) = (path(context.codingPath) + "valeur illisible", path(context.codingPath, french: false) + "unreadable value")
        case DecodingError.typeMismatch(let type, let context):
            let expected = type == String.self ? ("un texte", "a text") : ("un objet { … } ou une valeur d'un autre type", "an object { … } or a value of another type")
            (fr, en) = (path(context.codingPath) + "\(expected.0) attendu", path(context.codingPath, french: false) + "\(expected.1) expected")
        case DecodingError.keyNotFound(let key, let context):
            (fr, en) = (path(context.codingPath) + "clé « \(key.stringValue) » manquante", path(context.codingPath, french: false) + "key '\(key.stringValue)' missing")
        case DecodingError.valueNotFound(_, let context):
            (fr, en) = (path(context.codingPath) + "valeur manquante", path(context.codingPath, french: false) + "value missing")
        case let problem as DiagramStyle.StyleError:
            (fr, en) = (problem.description, problem.description)
        default:
            (fr, en) = (String(describing: error), String(describing: error))
        }
        return (fr, en)
    }
}
