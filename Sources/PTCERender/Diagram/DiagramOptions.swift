import Foundation
import PTCEKit

/// What part of the network a diagram shows.
public enum DiagramView: Sendable, Equatable, CustomStringConvertible {
    /// Every actor and tie.
    case whole
    /// An actor and its partners up to `radius` steps.
    case ego(id: String, radius: Int)
    /// One GES or PTCE (its actors, also through member groups) with its external partners faded.
    case group(id: String)
    /// One node per value of an attribute; edge width = number of ties. The view for national meetings.
    case aggregate(AggregateAttribute)
    /// The k-core: actors with at least k partners inside it.
    case core(k: Int)

    public enum AggregateAttribute: String, Sendable, CaseIterable {
        case family, kind, region, department, group
    }

    /// Parses `whole`, `ego:ID[:RADIUS]`, `group:ID`, `aggregate:ATTRIBUTE`, `core:K`, and their French words:
    /// `entier`, `ego:`, `groupe:`, `agrege:famille|nature|region|departement|groupe` (accents optional), `coeur:K`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        let keyword = parts[0].folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        switch keyword {
        case "whole", "entier", "tout":
            guard parts.count == 1 else { return nil }
            self = .whole
        case "ego" where parts.count >= 2 && !parts[1].isEmpty:
            if parts.count == 3 {
                guard let radius = Int(parts[2]), radius >= 1 else { return nil }
                self = .ego(id: parts[1], radius: radius)
            } else {
                self = .ego(id: parts[1], radius: 1)
            }
        case "group", "groupe":
            guard parts.count == 2, !parts[1].isEmpty else { return nil }
            self = .group(id: parts[1])
        case "aggregate", "agrege", "agregee":
            let word = parts.count > 1 ? parts[1].folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) : "family"
            let french: [String: AggregateAttribute] = ["famille": .family, "nature": .kind, "type": .kind,
                                                        "departement": .department, "groupe": .group]
            guard let attribute = AggregateAttribute(rawValue: word) ?? french[word] else { return nil }
            self = .aggregate(attribute)
        case "core", "coeur", "cœur":
            guard parts.count == 2, let k = Int(parts[1]), k >= 1 else { return nil }
            self = .core(k: k)
        default: return nil
        }
    }

    /// The view with the actor or group it names found in `network`: an id as written; else the one actor (group)
    /// whose name or id it is, ignoring case and accents — with a note saying so; else nil and the closest ids and
    /// names (or every group when there are few), for the error message.
    public func resolved(in network: Network) -> (view: DiagramView?, note: Localized?, candidates: [String]) {
        switch self {
        case .ego(let id, let radius):
            let names = network.actors.map { (id: $0.id, name: $0.name) }
            let found = Self.find(id, among: names, what: ("l'acteur", "actor"))
            return (found.id.map { .ego(id: $0, radius: radius) }, found.note, found.candidates)
        case .group(let id):
            let names = network.groups.map { (id: $0.id, name: $0.name) }
            let found = Self.find(id, among: names, what: ("le groupe", "group"))
            return (found.id.map { .group(id: $0) }, found.note, found.candidates)
        default:
            return (self, nil, [])
        }
    }

    private static func find(_ text: String, among items: [(id: String, name: String)], what: (fr: String, en: String))
        -> (id: String?, note: Localized?, candidates: [String]) {
        if items.contains(where: { $0.id == text }) { return (text, nil, []) }
        let key = Taxonomy.normalize(text)
        let matches = items.filter { Taxonomy.normalize($0.name) == key || Taxonomy.normalize($0.id) == key }
        if matches.count == 1 {
            let match = matches[0]
            return (match.id, Localized(fr: "« \(text) » n'est pas un identifiant : lu comme \(what.fr) « \(match.name) » (id \(match.id))",
                                        en: "'\(text)' is not an id: read as the \(what.en) '\(match.name)' (id \(match.id))"), [])
        }
        let pool = matches.isEmpty ? items : matches
        if pool.count <= 12 { return (nil, nil, pool.map { "\($0.id) (\($0.name))" }) }
        let ranked = pool.map { item -> (Int, String) in
            let id = Taxonomy.normalize(item.id), name = Taxonomy.normalize(item.name)
            let contains = id.contains(key) || name.contains(key) ? 0 : 1
            return (contains * 1000 + min(editDistance(key, id), editDistance(key, name)), "\(item.id) (\(item.name))")
        }
        return (nil, nil, ranked.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(5).map(\.1))
    }

    public var description: String {
        switch self {
        case .whole: return "whole"
        case .ego(let id, let radius): return "ego:\(id):\(radius)"
        case .group(let id): return "group:\(id)"
        case .aggregate(let attribute): return "aggregate:\(attribute.rawValue)"
        case .core(let k): return "core:\(k)"
        }
    }
}

/// ISO 216 paper sizes.
public enum Paper: String, Sendable, CaseIterable {
    case a4, a3, a2, a1, a0

    /// Width and height in millimetres, portrait (ISO 216).
    var millimetres: (width: Double, height: Double) {
        switch self {
        case .a4: return (210, 297)
        case .a3: return (297, 420)
        case .a2: return (420, 594)
        case .a1: return (594, 841)
        case .a0: return (841, 1189)
        }
    }
}

/// How a page is turned.
public enum Orientation: String, Sendable, CaseIterable {
    case landscape, portrait
}

/// The page or screen a diagram is drawn for: the drawing is laid out, then fitted to exactly this size (centred,
/// enlarged at most `maximumScale` times so that a small network is not blown up), and its labels are checked to be
/// readable there.
public enum DiagramTarget: Sendable, Equatable, CustomStringConvertible {
    /// An ISO page: A3 landscape is 1191 × 842 pt.
    case paper(Paper, Orientation)
    /// A 16:9 slide: a 1920 × 1080 PNG (144 dpi) and a 960 × 540 pt PDF page (13.33 × 7.5 in, the presentation
    /// programs' wide format).
    case slide
    /// A size in points (1/72 in); PNG at 96 dpi unless `dpi` says otherwise.
    case custom(width: Double, height: Double)

    /// Width and height in points.
    public var points: (width: Double, height: Double) {
        switch self {
        case .paper(let paper, let orientation):
            let (short, long) = (paper.millimetres.width * 72 / 25.4, paper.millimetres.height * 72 / 25.4)
            return orientation == .landscape ? (long, short) : (short, long)
        case .slide: return (960, 540)
        case .custom(let width, let height): return (width, height)
        }
    }

    /// The resolution of a PNG for this target: 144 dpi for a slide (1920 × 1080 px), Graphviz's 96 otherwise.
    public var pngDPI: Int {
        self == .slide ? 144 : 96
    }

    /// The smallest readable label at the final size, in points: 8 pt on paper; on a slide 8 pt at 144 dpi, 16 px.
    public static let minimumLabelPoints = 8.0

    /// Parses `--size WxH` with a unit: `42x29.7cm`, `16.5x11.7in`, `1920x1080px` (px at 96 dpi).
    public init?(size text: String) {
        let lowered = text.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "×", with: "x")
        let units: [(String, Double)] = [("cm", 72 / 2.54), ("mm", 72 / 25.4), ("in", 72), ("px", 0.75), ("pt", 1)]
        guard let (unit, factor) = units.first(where: { lowered.hasSuffix($0.0) }) else { return nil }
        let numbers = lowered.dropLast(unit.count).split(separator: "x", omittingEmptySubsequences: false)
            .map { Double($0.replacingOccurrences(of: ",", with: ".")) }
        guard numbers.count == 2, let width = numbers[0], let height = numbers[1],
              width.isFinite, height.isFinite, width > 0, height > 0 else { return nil }
        // Between 2 cm and 5 m a side: a page, a screen or a poster.
        let (w, h) = (width * factor, height * factor)
        guard (56.0...14_200).contains(w), (56.0...14_200).contains(h) else { return nil }
        self = .custom(width: (w * 100).rounded() / 100, height: (h * 100).rounded() / 100)
    }

    public var description: String {
        switch self {
        case .paper(let paper, let orientation): return "\(paper.rawValue.uppercased()) \(orientation.rawValue)"
        case .slide: return "slide 16:9"
        case .custom(let width, let height): return String(format: "%.1f × %.1f cm", width * 2.54 / 72, height * 2.54 / 72)
        }
    }

    /// Graphviz's `size`, in inches, with `!` so that a drawing smaller than the target is enlarged to it.
    var graphvizSize: String {
        let (width, height) = points
        return String(format: "%.4f,%.4f!", width / 72, height / 72)
    }
}

/// Options of a diagram.
public struct DiagramOptions: Sendable {
    public enum ColorBy: String, Sendable, CaseIterable { case family, kind, region }
    public enum Clusters: String, Sendable, CaseIterable { case ges, ptce, none }
    /// `force`: a force-directed (or the `engine`'s) layout; `geo`: a map, actors at their places (`GeoMap`).
    public enum Layout: String, Sendable, CaseIterable { case force, geo }

    public var view: DiagramView = .whole
    /// nil: `geo` for the regional and departmental aggregate views, `force` otherwise.
    public var layout: Layout?
    /// nil: chosen from the size (dot, left to right with components packed, up to 300 actors; sfdp with overlap
    /// removal beyond; neato for aggregate views).
    public var engine: LayoutEngine?
    public var colorBy: ColorBy = .family
    /// Node size by this measure (nil: uniform), its values by actor id in `sizeValues`.
    public var sizeBy: Metric?
    /// The value of `sizeBy` for each actor id, computed by the caller (`CentralityReport.column`); a missing actor
    /// counts 0. Sizes are scaled to the largest value.
    public var sizeValues: [String: Double] = [:]
    public var clusters: Clusters = .ges
    public var language: Language = .fr
    public var title: String?
    /// The page or screen the drawing is fitted to.
    public var target: DiagramTarget = .paper(.a4, .landscape)
    /// PNG resolution; nil: the target's (`DiagramTarget.pngDPI`).
    public var dpi: Int?
    public var style: DiagramStyle = .standard
    /// Keep only ties active this year.
    public var at: Int?
    /// The date printed under the title, `YYYY-MM-DD`: `SOURCE_DATE_EPOCH` when set (reproducible builds), else today.
    public var date: String = DiagramOptions.defaultDate()

    public init() {}

    public static func defaultDate() -> String {
        var date = Date()
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(epoch) {
            date = Date(timeIntervalSince1970: seconds)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
