import Foundation
import PTCEKit

/// Places on a map drawn by Graphviz: an equirectangular projection of longitude and latitude (longitudes shortened
/// by the cosine of 46.5° N, mainland France's middle), scaled so the placed points fill `side` points, with the
/// overseas regions in a column of insets off the Atlantic coast (each kept around its chef-lieu, at 30 % of its
/// real extent: not at scale, as on French maps). Positions are pinned (`pos="x,y!"`); the layout only removes
/// overlaps (several actors of one commune end up side by side).
struct GeoMap {
    /// Inset slots of the overseas regions, in projected degrees: Guadeloupe, Martinique, Guyane, La Réunion, Mayotte.
    static let insets: [String: (x: Double, y: Double)] = [
        "01": (-7.8, 48.6), "02": (-7.8, 47.4), "03": (-7.8, 46.2), "04": (-7.8, 45.0), "06": (-7.8, 43.8),
    ]
    static let insetScale = 0.3
    static let cosine = cos(46.5 * Double.pi / 180)

    let gazetteer: Gazetteer
    /// The projected position of each placed key, in points.
    private(set) var positions: [Int: (x: Double, y: Double)] = [:]

    /// Projects `points` (key → point and overseas region) so that the larger side of their box is `side` points.
    init(points: [(key: Int, point: GeoPoint, overseas: String?)], side: Double, gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        var projected: [(Int, Double, Double)] = []
        for (key, point, overseas) in points {
            if let overseas, let slot = Self.insets[overseas], let centre = gazetteer.point(ofRegion: overseas) {
                projected.append((key, slot.x + (point.longitude - centre.longitude) * Self.insetScale,
                                  slot.y + (point.latitude - centre.latitude) * Self.insetScale))
            } else {
                projected.append((key, point.longitude * Self.cosine, point.latitude))
            }
        }
        guard let minX = projected.map(\.1).min(), let maxX = projected.map(\.1).max(),
              let minY = projected.map(\.2).min(), let maxY = projected.map(\.2).max() else { return }
        let extent = max(maxX - minX, maxY - minY)
        let scale = extent > 0 ? side / extent : 1
        // Actors of one place are spread on a sunflower spiral around it (golden angle, radius growing with the
        // square root of the rank, in key order): Graphviz's overlap removal (prism, a Delaunay triangulation by GTS)
        // corrupts its heap and aborts on coincident points.
        var taken: [String: Int] = [:]
        var used = Set<String>()
        for (key, x, y) in projected.sorted(by: { $0.0 < $1.0 }) {
            var px = ((x - minX) * scale * 100).rounded() / 100, py = ((y - minY) * scale * 100).rounded() / 100
            let place = "\(px),\(py)"
            let rank = taken[place, default: 0]
            taken[place] = rank + 1
            if rank > 0 {
                let angle = Double(rank) * 2.399963229728653, radius = Self.spread * Double(rank).squareRoot()
                px = ((px + radius * cos(angle)) * 100).rounded() / 100
                py = ((py + radius * sin(angle)) * 100).rounded() / 100
            }
            // Two spirals may meet: a point already used moves by 1/100 pt until it is free.
            while used.contains("\(px),\(py)") { px = ((px + 0.01) * 100).rounded() / 100 }
            used.insert("\(px),\(py)")
            positions[key] = (px, py)
        }
    }

    /// Spacing of the spiral of actors sharing a place, in points.
    static let spread = 14.0

    /// `pos` pinning the `rank`-th actor without a place, in a grid left of the map: neato would otherwise fling
    /// these free nodes tens of thousands of points away (and stack some on one point, which prism cannot take);
    /// `Composition` then gathers them in their frame.
    static func asidePin(_ rank: Int) -> String {
        String(format: "pos=\"%.4f,%.4f!\"", (-200 - Double(rank % 8) * 30) / 72, Double(rank / 8) * 30 / 72)
    }

    /// `pos` attribute pinning `key`, or nil when it has no place.
    func pin(_ key: Int) -> String? {
        // neato reads `pos` in inches.
        positions[key].map { String(format: "pos=\"%.4f,%.4f!\"", $0.x / 72, $0.y / 72) }
    }
}
