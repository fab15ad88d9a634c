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

    /// Parses `whole`, `ego:ID[:RADIUS]`, `group:ID`, `aggregate:ATTRIBUTE`, `core:K`.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        switch parts[0] {
        case "whole" where parts.count == 1: self = .whole
        case "ego" where parts.count >= 2 && !parts[1].isEmpty:
            if parts.count == 3 {
                guard let radius = Int(parts[2]), radius >= 1 else { return nil }
                self = .ego(id: parts[1], radius: radius)
            } else {
                self = .ego(id: parts[1], radius: 1)
            }
        case "group" where parts.count == 2 && !parts[1].isEmpty: self = .group(id: parts[1])
        case "aggregate":
            guard let attribute = AggregateAttribute(rawValue: parts.count > 1 ? parts[1] : "family") else { return nil }
            self = .aggregate(attribute)
        case "core" where parts.count == 2:
            guard let k = Int(parts[1]), k >= 1 else { return nil }
            self = .core(k: k)
        default: return nil
        }
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

/// Paper sizes, landscape, in inches (Graphviz's `size`).
public enum Paper: String, Sendable, CaseIterable {
    case a4, a3, a0
    var size: String {
        switch self {
        case .a4: return "11.69,8.27"
        case .a3: return "16.54,11.69"
        case .a0: return "46.81,33.11"
        }
    }
}

/// Options of a diagram.
public struct DiagramOptions: Sendable {
    public enum ColorBy: String, Sendable, CaseIterable { case family, kind, region }
    public enum Clusters: String, Sendable, CaseIterable { case ges, ptce, none }

    public var view: DiagramView = .whole
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
    public var paper: Paper = .a4
    /// PNG resolution; nil: Graphviz's 96 dpi, rendered from the same layout as the other formats.
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
