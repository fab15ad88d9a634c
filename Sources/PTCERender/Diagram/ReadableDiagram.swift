import Foundation
import PTCEKit

/// A diagram whose text can be read at its target: when the asked view, fitted to the page or slide, would draw its
/// smallest text under `DiagramTarget.minimumLabelPoints` (8 pt on paper, 16 px on a slide), the aggregate view by
/// family is drawn instead and a note says why and what to do — rather than shrinking names until nobody can read
/// them.
public struct ReadableDiagram {
    public let diagram: Diagram
    public let rendering: Rendering
    /// What was drawn instead of what was asked, and why; also the notes of the diagram itself.
    public let notes: [Localized]

    /// The size of the smallest text of a rendering at its target, in points.
    public static func smallestText(_ rendering: Rendering) -> Double {
        Diagram.smallestFont * rendering.scale
    }

    /// Renders `options.view` in `formats`, or the aggregate view by family when the view would be unreadable at
    /// `options.target` (unless `keepView`: then it is drawn as asked, with a note).
    ///
    /// With `largerPaper`, a paper target too small for the view is first replaced by the smallest larger ISO size
    /// (up to A0) on which the names are readable — the drawing is the same, only the page grows — with a note.
    public init(network: Network, options: DiagramOptions, taxonomy: Taxonomy = .standard,
                formats: [DiagramFormat], keepView: Bool = false, largerPaper: Bool = false) throws {
        var diagram = try Diagram(network: network, options: options, taxonomy: taxonomy)
        var rendering = try diagram.render(formats)
        var notes = diagram.notes
        var size = Self.smallestText(rendering)
        var options = options
        if largerPaper, size < DiagramTarget.minimumLabelPoints - 1e-9, case .paper(let paper, let orientation) = options.target,
           let larger = Self.largerPaper(than: paper, scale: DiagramTarget.minimumLabelPoints / size) {
            let first = options.target
            options.target = .paper(larger, orientation)
            let grown = try Diagram(network: network, options: options, taxonomy: taxonomy)
            let grownRendering = try grown.render(formats)
            if Self.smallestText(grownRendering) >= DiagramTarget.minimumLabelPoints - 1e-9 {
                notes.append(Localized(
                    fr: "en \(first.french), les noms mesureraient \(Language.fr.decimal(Self.below(size), digits: 1)) pt (moins de 8 pt) : le dessin est mis en page en \(options.target.french)",
                    en: "at \(first), the names would be \(Language.en.decimal(Self.below(size), digits: 1)) pt (under 8 pt): the drawing is laid out on \(options.target)"))
                diagram = grown
                rendering = grownRendering
                size = Self.smallestText(rendering)
            } else {
                options.target = first
            }
        }
        if size < DiagramTarget.minimumLabelPoints - 1e-9 {
            let points = Language.fr.decimal(Self.below(size), digits: 1), pointsEn = Language.en.decimal(Self.below(size), digits: 1)
            let target = options.target
            let geoAlternative = options.layout == .geo ? Self.mapAlternative(network) : nil
            if keepView || !Self.hasReadableAlternative(options.view) || (options.layout == .geo && geoAlternative == nil) {
                notes.append(Localized(
                    fr: "à la taille \(target.french), le plus petit texte mesure \(points) pt (moins de 8 pt) : il sera difficile à lire ; choisissez un format plus grand (--paper a0) ou une vue plus petite",
                    en: "at \(target), the smallest text is \(pointsEn) pt (under 8 pt): it will be hard to read; choose a larger size (--paper a0) or a smaller view"))
            } else {
                // A map stays a map: its readable alternative is the regions at their places.
                var aggregate = options
                aggregate.view = .aggregate(geoAlternative ?? .family)
                diagram = try Diagram(network: network, options: aggregate, taxonomy: taxonomy)
                rendering = try diagram.render(formats)
                notes = diagram.notes
                let (by, byEn) = geoAlternative == .region ? ("par région, à la place des régions,", "by region, at the regions' places,")
                    : geoAlternative == .department ? ("par département, à la place des départements,", "by département, at the départements' places,")
                    : ("par famille", "by family")
                notes.append(Localized(
                    fr: "à la taille \(target.french), les noms de la vue demandée mesureraient \(points) pt (moins de 8 pt) : la vue agrégée \(by) est dessinée à la place ; pour la vue demandée, choisissez un format plus grand (--paper a0), une vue plus petite (--view group:ID, --each ptce) ou --keep-view",
                    en: "at \(target), the names of the asked view would be \(pointsEn) pt (under 8 pt): the aggregate view \(byEn) is drawn instead; for the asked view, choose a larger size (--paper a0), a smaller view (--view group:ID, --each ptce) or --keep-view"))
            }
        }
        self.diagram = diagram
        self.rendering = rendering
        self.notes = notes
    }

    /// The smallest ISO size larger than `paper` whose sides are at least `scale` times longer (each size is √2
    /// times the previous), nil beyond A0.
    static func largerPaper(than paper: Paper, scale: Double) -> Paper? {
        let order: [Paper] = [.a4, .a3, .a2, .a1, .a0]
        guard let start = order.firstIndex(of: paper) else { return nil }
        for (steps, candidate) in order[(start + 1)...].enumerated() where pow(2.0.squareRoot(), Double(steps + 1)) >= scale {
            return candidate
        }
        return nil
    }

    /// The readable alternative of a map: the regions when the actors span more than three, else the départements
    /// when they span more than three, else none (a local network's map is drawn as asked, with a note: one or two
    /// regional circles would say nothing).
    static func mapAlternative(_ network: Network) -> DiagramView.AggregateAttribute? {
        let places = Gazetteer.bundled
        var regions = Set<String>(), departments = Set<String>()
        for actor in network.actors {
            if let code = actor.department.flatMap({ places.departmentCode($0) }) {
                departments.insert(code)
                if let region = places.regionCode(ofDepartment: code) { regions.insert(region) }
            } else if let region = actor.region.flatMap({ places.regionCode(named: $0) }) {
                regions.insert(region)
            }
        }
        if regions.count > 3 { return .region }
        if departments.count > 3 { return .department }
        return nil
    }

    /// A size under 8 pt shown with one decimal, rounded down: 7.97 pt reads "7,9 pt", never "8,0 pt (moins de 8 pt)".
    static func below(_ size: Double) -> Double { (size * 10).rounded(.down) / 10 }

    static func hasReadableAlternative(_ view: DiagramView) -> Bool {
        if case .aggregate = view { return false }
        return true
    }
}

extension DiagramTarget {
    /// The target in French: "A3 paysage", "diapositive 16:9", "42×30 cm".
    public var french: String {
        switch self {
        case .paper(let paper, let orientation):
            return paper.rawValue.uppercased() + (orientation == .landscape ? " paysage" : " portrait")
        case .slide: return "diapositive 16:9"
        case .custom(let width, let height):
            return Language.fr.decimal(width * 2.54 / 72, digits: 1) + " × " + Language.fr.decimal(height * 2.54 / 72, digits: 1) + " cm"
        }
    }
}
