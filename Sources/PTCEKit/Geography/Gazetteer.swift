import Foundation

/// A point on the Earth, WGS 84 degrees.
public struct GeoPoint: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// Where an actor was placed on a map, and from what.
public struct Placement: Sendable, Equatable {
    /// What the place was read from, most precise first.
    public enum Basis: Int, Sendable, Comparable, CaseIterable {
        /// The actor's own latitude and longitude.
        case coordinates
        /// Its commune, found once in its region (or in France when no region is known).
        case commune
        /// The chef-lieu of its département.
        case department
        /// The mean of its region's chefs-lieux.
        case region

        public static func < (a: Basis, b: Basis) -> Bool { a.rawValue < b.rawValue }
    }

    public var point: GeoPoint
    public var basis: Basis
    /// The INSEE code of the region when it is overseas (drawn in an inset, not at scale), else nil.
    public var overseasRegion: String?
    /// The commune's name when more than one place of that name lies in the region (the actor was placed at its
    /// département or region instead).
    public var ambiguousCommune: String?
}

/// The places of France ptce knows: regions (INSEE codes and names since 2016, with the former regions' names as
/// aliases), départements with their chef-lieu, and communes of 500 inhabitants or more.
///
/// Source: `Resources/places.tsv`, written by `scripts/make-places` from GeoNames (CC BY 4.0: `attribution` must be
/// shown with any map drawn from it) and INSEE's Code officiel géographique. No outline of régions or départements
/// is bundled: none with an open licence was found in a Debian or PyPI package (docs/diagrams.md).
public struct Gazetteer: Sendable {
    /// The credit a map drawn from these places must carry (GeoNames' CC BY 4.0).
    public static let attribution = (fr: "lieux : GeoNames (CC BY 4.0) et INSEE", en: "places: GeoNames (CC BY 4.0) and INSEE")

    /// The bundled table.
    public static let bundled: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "places", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("the bundled places.tsv is missing: the package is broken") }
        return Gazetteer(table: text)
    }()

    /// Region code → name.
    public private(set) var regionNames: [String: String] = [:]
    private var regionByName: [String: String] = [:]
    private var departments: [String: (region: String, point: GeoPoint)] = [:]
    private var communes: [String: [(region: String, point: GeoPoint)]] = [:]
    /// The INSEE codes of the overseas regions (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte).
    public static let overseasRegions: Set<String> = ["01", "02", "03", "04", "06"]

    /// The former regions (before 2016), each wholly inside one of today's.
    static let formerRegions: [String: String] = [
        "alsace": "44", "champagne ardenne": "44", "lorraine": "44", "aquitaine": "75", "limousin": "75",
        "poitou charentes": "75", "auvergne": "84", "rhone alpes": "84", "bourgogne": "27", "franche comte": "27",
        "languedoc roussillon": "76", "midi pyrenees": "76", "nord pas de calais": "32", "picardie": "32",
        "basse normandie": "28", "haute normandie": "28", "centre": "24", "paca": "93", "idf": "11", "reunion": "04",
    ]

    /// Reads the table (lines `R code name`, `D code region chef-lieu latitude longitude`, `C name region latitude
    /// longitude`; `#` comments).
    public init(table: String) {
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
            case "R" where fields.count == 3:
                regionNames[fields[1]] = fields[2]
                regionByName[Self.fold(fields[2])] = fields[1]
            case "D" where fields.count == 6:
                if let latitude = Double(fields[4]), let longitude = Double(fields[5]) {
                    departments[fields[1]] = (fields[2], GeoPoint(latitude: latitude, longitude: longitude))
                }
            case "C" where fields.count == 5:
                if let latitude = Double(fields[3]), let longitude = Double(fields[4]) {
                    communes[Self.fold(fields[1]), default: []].append((fields[2], GeoPoint(latitude: latitude, longitude: longitude)))
                }
            default: continue
            }
        }
        for (alias, code) in Self.formerRegions where regionByName[alias] == nil { regionByName[alias] = code }
    }

    /// A name folded for comparison: accents, case, hyphens and apostrophes ignored, `St`/`Ste` read as Saint(e),
    /// postal codes and CEDEX dropped.
    public static func fold(_ name: String) -> String {
        let plain = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "fr_FR"))
        var words = plain.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        words.removeAll { $0 == "cedex" || $0.allSatisfy(\.isNumber) }
        return words.map { $0 == "st" ? "saint" : $0 == "ste" ? "sainte" : $0 }.joined(separator: " ")
    }

    /// A département code as INSEE writes it ("9" → "09", "2a" → "2A"), when ptce knows it.
    public func departmentCode(_ text: String) -> String? {
        var code = text.trimmingCharacters(in: .whitespaces).uppercased()
        if code.count == 1 { code = "0" + code }
        return departments[code] == nil ? nil : code
    }

    /// The region code of a region's name (today's or a former one), or of a département.
    public func regionCode(named name: String) -> String? { regionByName[Self.fold(name)] }

    /// The region code of a département code.
    public func regionCode(ofDepartment code: String) -> String? { departmentCode(code).flatMap { departments[$0]?.region } }

    /// The chef-lieu of a département.
    public func point(ofDepartment code: String) -> GeoPoint? { departmentCode(code).flatMap { departments[$0]?.point } }

    /// The mean of the chefs-lieux of a region's départements.
    public func point(ofRegion code: String) -> GeoPoint? {
        let points = departments.values.filter { $0.region == code }.map(\.point)
        guard !points.isEmpty else { return nil }
        return GeoPoint(latitude: points.map(\.latitude).reduce(0, +) / Double(points.count),
                        longitude: points.map(\.longitude).reduce(0, +) / Double(points.count))
    }

    /// The communes of that name, in a region when one is given.
    public func communes(named name: String, region: String?) -> [GeoPoint] {
        (communes[Self.fold(name)] ?? []).filter { region == nil || $0.region == region }.map(\.point)
    }

    /// Where an actor goes on a map: its coordinates; else its commune when exactly one of that name lies in its
    /// region; else its département's chef-lieu; else its region. Nil when none of these is known.
    public func place(of actor: Actor) -> Placement? {
        let departmentRegion = actor.department.flatMap { regionCode(ofDepartment: $0) }
        let region = departmentRegion ?? actor.region.flatMap { regionCode(named: $0) }
        let overseas = region.flatMap { Self.overseasRegions.contains($0) ? $0 : nil }
        if let latitude = actor.latitude, let longitude = actor.longitude, latitude.isFinite, longitude.isFinite,
           abs(latitude) <= 90, abs(longitude) <= 180 {
            return Placement(point: GeoPoint(latitude: latitude, longitude: longitude), basis: .coordinates, overseasRegion: overseas)
        }
        var ambiguous: String?
        if let commune = actor.commune, !commune.isEmpty {
            let found = communes(named: commune, region: region)
            if found.count == 1 { return Placement(point: found[0], basis: .commune, overseasRegion: overseas) }
            if found.count > 1 { ambiguous = commune }
        }
        if let code = actor.department, let point = point(ofDepartment: code) {
            return Placement(point: point, basis: .department, overseasRegion: overseas, ambiguousCommune: ambiguous)
        }
        if let region, let point = point(ofRegion: region) {
            return Placement(point: point, basis: .region, overseasRegion: overseas, ambiguousCommune: ambiguous)
        }
        return nil
    }
}
