import Foundation
import Testing
@testable import PTCEKit
@testable import PTCERender

/// The composed page (issue 15): no actor outside a group lies over that group's frame, read back from the SVG.
struct CompositionTests {
    struct Box {
        var minX: Double, minY: Double, maxX: Double, maxY: Double
        func overlaps(_ other: Box) -> Bool { minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY }
    }

    /// The box of every coordinate pair in an SVG fragment's `points`, `d`, `cx/cy/rx/ry`.
    static func box(_ fragment: Substring) -> Box? {
        var xs: [Double] = [], ys: [Double] = []
        for attribute in fragment.matches(of: /(?:points|d)="([^"]+)"/) {
            for pair in attribute.1.matches(of: /(-?[0-9.]+),(-?[0-9.]+)/) { xs.append(Double(pair.1)!); ys.append(Double(pair.2)!) }
        }
        for ellipse in fragment.matches(of: /cx="(-?[0-9.]+)" cy="(-?[0-9.]+)" rx="([0-9.]+)" ry="([0-9.]+)"/) {
            let (cx, cy, rx, ry) = (Double(ellipse.1)!, Double(ellipse.2)!, Double(ellipse.3)!, Double(ellipse.4)!)
            xs += [cx - rx, cx + rx]; ys += [cy - ry, cy + ry]
        }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return Box(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    @Test(arguments: [TargetTests.ptce40, "Datasets/coorace"])
    func actorsOutsideAGroupStayOutOfItsFrame(path: String) throws {
        var options = DiagramTests.options()
        options.target = .paper(.a3, .landscape)
        let diagram = try Diagram(network: DiagramTests.network(path), options: options)
        let svg = String(decoding: try diagram.render(.svg).data, as: UTF8.self)
        // Members of each frame, from the DOT: `subgraph cluster_gN { … aI [ … }`.
        var members: [String: Set<String>] = [:]
        for cluster in diagram.dot.matches(of: /subgraph cluster_g([0-9]+) \{(?s:(.*?))\n  \}/) {
            members["group-\(cluster.1)"] = Set(cluster.2.matches(of: /\n    a([0-9]+) \[/).map { "actor-\($0.1)" })
        }
        #expect(!members.isEmpty)
        var frames: [String: Box] = [:], nodes: [String: Box] = [:]
        for group in svg.matches(of: /<g id="((?:group|actor)&#45;[0-9]+)" class="(?:cluster|node)">(?s:(.*?))<\/g>/) {
            let id = group.1.replacingOccurrences(of: "&#45;", with: "-")
            guard let box = Self.box(group.2) else { continue }
            if id.hasPrefix("group") { frames[id] = box } else { nodes[id] = box }
        }
        #expect(frames.count == members.count)
        for (frame, box) in frames {
            let inside = try #require(members[frame])
            for (node, nodeBox) in nodes where !inside.contains(node) {
                #expect(!nodeBox.overlaps(box), "\(node) lies over \(frame)")
            }
        }
    }
}
