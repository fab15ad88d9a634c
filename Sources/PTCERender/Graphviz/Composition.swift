import CGraphviz
import Foundation

/// The page of a force-directed drawing, composed between the layout and the drawing (the graph Graphviz wrote back
/// with positions, before `nop2` draws it): frames around each group's actors (`cluster_g*`, whose actors were held
/// together in the layout by invisible edges), and the actors without any tie (`cluster_unlinked`) gathered in a
/// compact grid, in one labelled frame, beside the map instead of strewn around it.
///
/// Works on the DOT attributes Graphviz reads in `nop2` mode: a node's `pos` (points) with `width`/`height`
/// (inches), a cluster's `bb`; the root's `bb` is removed so Graphviz computes it again around everything.
enum Composition {
    /// The name of the frame of actors without a tie (written by `Diagram`).
    static let unlinkedCluster = "cluster_unlinked"

    private struct Box {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        var isEmpty: Bool { minX > maxX }
        var width: Double { maxX - minX }
        var height: Double { maxY - minY }
        mutating func add(x: Double, y: Double, halfWidth: Double, halfHeight: Double) {
            minX = min(minX, x - halfWidth); maxX = max(maxX, x + halfWidth)
            minY = min(minY, y - halfHeight); maxY = max(maxY, y + halfHeight)
        }
        var text: String { String(format: "%.2f,%.2f,%.2f,%.2f", minX, minY, maxX, maxY) }
    }

    private struct Node {
        let pointer: UnsafeMutablePointer<Agnode_t>
        var x: Double, y: Double, halfWidth: Double, halfHeight: Double
    }

    static func arrange(_ graph: UnsafeMutablePointer<Agraph_t>) {
        keepOutOfFrames(graph)
        var unlinked: [Node] = []
        var placed = Box()
        let unlinkedGraph = subgraph(graph, unlinkedCluster)
        var node = agfstnode(graph)
        while let current = node {
            if let info = nodeInfo(current) {
                if let unlinkedGraph, agsubnode(unlinkedGraph, current, 0) != nil {
                    unlinked.append(info)
                } else {
                    placed.add(x: info.x, y: info.y, halfWidth: info.halfWidth, halfHeight: info.halfHeight)
                }
            }
            node = agnxtnode(graph, current)
        }
        // Frames of the groups: the box of their actors, with room for the label above.
        var child = agfstsubg(graph)
        while let current = child {
            if let name = agnameof(UnsafeMutableRawPointer(current)).map({ String(cString: $0) }), name.hasPrefix("cluster_g") {
                if let box = membersBox(current) {
                    let framed = frame(current, box)
                    // Graphviz draws a rounded frame's corners outside its box: 12 points of room.
                    placed.add(x: (framed.minX + framed.maxX) / 2, y: (framed.minY + framed.maxY) / 2,
                               halfWidth: framed.width / 2 + 12, halfHeight: framed.height / 2 + 12)
                }
            }
            child = agnxtsubg(current)
        }
        var drawing = placed
        addEdges(graph, to: &drawing)
        if let unlinkedGraph, !unlinked.isEmpty {
            // The legend goes above the map, left of the grid: the grid is as tall as both.
            let legend = placed.isEmpty ? 0 : legendHeight(graph)
            let frameBox = grid(unlinked, frame: unlinkedGraph, beside: placed, extraHeight: legend)
            drawing.add(x: (frameBox.minX + frameBox.maxX) / 2, y: (frameBox.minY + frameBox.maxY) / 2,
                        halfWidth: frameBox.width / 2 + 12, halfHeight: frameBox.height / 2 + 12)
            if !placed.isEmpty {
                // Relative to the drawing's top-left corner, which Graphviz may move.
                set(graph, legendCorner, String(format: "%.2f,%.2f,%.2f", placed.minX - drawing.minX,
                                                placed.maxY + legend - drawing.maxY, frameBox.minX - 20 - placed.minX))
            }
        }
        // The box of what is drawn, given to Graphviz (left to itself, nop2 would place the edge labels again, in an
        // order that varies from run to run) and to `GraphvizRenderer.fit` (the box without the title block).
        if !drawing.isEmpty {
            set(graph, "bb", drawing.text)
            set(graph, composed, "true")
        }
    }

    /// The box of a group's frame: its actors, 8 points around, 22 above for the label.
    private static func membersBox(_ cluster: UnsafeMutablePointer<Agraph_t>) -> Box? {
        var box = Box()
        var member = agfstnode(cluster)
        while let m = member {
            if let info = nodeInfo(m) { box.add(x: info.x, y: info.y, halfWidth: info.halfWidth, halfHeight: info.halfHeight) }
            member = agnxtnode(cluster, m)
        }
        guard !box.isEmpty else { return nil }
        box.minX -= 8; box.maxX += 8; box.minY -= 8; box.maxY += 22
        let fontSize = Double(get(cluster, "fontsize")) ?? 14
        let labelWidth = Double(get(cluster, "label").count) * fontSize * 0.6 + 12
        if box.width < labelWidth {
            let grow = (labelWidth - box.width) / 2
            box.minX -= grow; box.maxX += grow
        }
        return box
    }

    /// neato's overlap removal knows nodes, not frames: an actor outside a group could lie over the group's frame or
    /// its label (seen at 100 % on the 40-actor PTCE: "Emploi Avenir 28" over "GES Sambre Avenir"). Such an actor
    /// is moved out of the frame by the shortest way that lands on no other actor and in no other frame, 6 points clear
    /// (three passes, in node order); the edges of moved actors lose their route and `nop2` draws them again.
    private static func keepOutOfFrames(_ graph: UnsafeMutablePointer<Agraph_t>) {
        var frames: [(box: Box, members: Set<UnsafeMutablePointer<Agnode_t>>)] = []
        var child = agfstsubg(graph)
        while let current = child {
            if let name = agnameof(UnsafeMutableRawPointer(current)).map({ String(cString: $0) }), name.hasPrefix("cluster_g"),
               let box = membersBox(current) {
                var members = Set<UnsafeMutablePointer<Agnode_t>>()
                var member = agfstnode(current)
                while let m = member { members.insert(m); member = agnxtnode(current, m) }
                frames.append((box, members))
            }
            child = agnxtsubg(current)
        }
        guard !frames.isEmpty else { return }
        let unlinkedGraph = subgraph(graph, unlinkedCluster)
        // Where every actor of the map is, so that a move does not put an actor on another one (seen at 100 % on the
        // COORACE network: ANSA, moved out of Ulisse's frame, landed under the DGEFP).
        var placed: [(pointer: UnsafeMutablePointer<Agnode_t>, node: Node)] = []
        var scan = agfstnode(graph)
        while let current = scan {
            if let info = nodeInfo(current), unlinkedGraph.map({ agsubnode($0, current, 0) == nil }) ?? true { placed.append((current, info)) }
            scan = agnxtnode(graph, current)
        }
        func collides(_ pointer: UnsafeMutablePointer<Agnode_t>, x: Double, y: Double, _ info: Node, clear: Double) -> Bool {
            placed.contains { other in
                other.pointer != pointer && abs(other.node.x - x) < other.node.halfWidth + info.halfWidth + clear
                    && abs(other.node.y - y) < other.node.halfHeight + info.halfHeight + clear
            } || frames.contains { frame in
                !frame.members.contains(pointer) && x + info.halfWidth + clear > frame.box.minX && x - info.halfWidth - clear < frame.box.maxX
                    && y + info.halfHeight + clear > frame.box.minY && y - info.halfHeight - clear < frame.box.maxY
            }
        }
        var moved = Set<UnsafeMutablePointer<Agnode_t>>()
        for _ in 0..<3 {
            var movedThisPass = false
            var node = agfstnode(graph)
            while let current = node {
                node = agnxtnode(graph, current)
                guard var info = nodeInfo(current), unlinkedGraph.map({ agsubnode($0, current, 0) == nil }) ?? true else { continue }
                for frame in frames where !frame.members.contains(current) {
                    let box = frame.box, clear = 6.0
                    guard info.x + info.halfWidth + clear > box.minX, info.x - info.halfWidth - clear < box.maxX,
                          info.y + info.halfHeight + clear > box.minY, info.y - info.halfHeight - clear < box.maxY else { continue }
                    let moves = [(box.minX - clear - info.halfWidth - info.x, 0.0), (box.maxX + clear + info.halfWidth - info.x, 0.0),
                                 (0.0, box.minY - clear - info.halfHeight - info.y), (0.0, box.maxY + clear + info.halfHeight - info.y)]
                    // The shortest move that lands on no other actor and in no other frame; the shortest one if none does.
                    let byLength = moves.sorted { abs($0.0) + abs($0.1) < abs($1.0) + abs($1.1) }
                    let best = byLength.first { !collides(current, x: info.x + $0.0, y: info.y + $0.1, info, clear: clear) } ?? byLength[0]
                    info.x += best.0
                    info.y += best.1
                    if let index = placed.firstIndex(where: { $0.pointer == current }) { placed[index].node = info }
                    set(current, "pos", String(format: "%.2f,%.2f", info.x, info.y))
                    moved.insert(current)
                    movedThisPass = true
                }
            }
            if !movedThisPass { break }
        }
        guard !moved.isEmpty else { return }
        var node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let e = edge {
                // An out-edge's `node` is its head (cgraph's `aghead` macro).
                if moved.contains(current) || e.pointee.node.map({ moved.contains($0) }) == true { set(e, "pos", "") }
                edge = agnxtout(graph, e)
            }
            node = agnxtnode(graph, current)
        }
    }

    /// The graph attribute saying that the drawing was composed: its box is then measured on what is drawn
    /// (`drawnBox`), without the title block.
    static let composed = "ptce_composed"

    /// The box of what a laid-out graph draws — nodes, edge splines and labels, cluster frames (with the room their
    /// rounded corners take) — without the root label; nil when nothing is drawn.
    static func drawnBox(_ graph: UnsafeMutablePointer<Agraph_t>) -> boxf? {
        var box = Box()
        var node = agfstnode(graph)
        while let current = node {
            // ND_coord, ND_lw, ND_rw, ND_ht: the layout's record of the node (Agnodeinfo_t).
            let info = UnsafeMutableRawPointer(current.pointee.base.data).assumingMemoryBound(to: Agnodeinfo_t.self).pointee
            box.add(x: info.coord.x, y: info.coord.y, halfWidth: max(info.lw, info.rw), halfHeight: info.ht / 2)
            var edge = agfstout(graph, current)
            while let e = edge {
                let edgeInfo = UnsafeMutableRawPointer(e.pointee.base.data).assumingMemoryBound(to: Agedgeinfo_t.self).pointee
                if let splines = edgeInfo.spl {
                    for b in 0..<Int(splines.pointee.size) {
                        let bezier = splines.pointee.list[b]
                        for p in 0..<Int(bezier.size) { box.add(x: bezier.list[p].x, y: bezier.list[p].y, halfWidth: 1, halfHeight: 1) }
                    }
                }
                if let label = edgeInfo.label {
                    box.add(x: label.pointee.pos.x, y: label.pointee.pos.y, halfWidth: label.pointee.dimen.x / 2, halfHeight: label.pointee.dimen.y / 2)
                }
                edge = agnxtout(graph, e)
            }
            node = agnxtnode(graph, current)
        }
        var child = agfstsubg(graph)
        while let current = child {
            let frame = UnsafeMutableRawPointer(current.pointee.base.data).assumingMemoryBound(to: Agraphinfo_t.self).pointee.bb
            if frame.UR.x > frame.LL.x {
                box.add(x: (frame.LL.x + frame.UR.x) / 2, y: (frame.LL.y + frame.UR.y) / 2,
                        halfWidth: (frame.UR.x - frame.LL.x) / 2 + 12, halfHeight: (frame.UR.y - frame.LL.y) / 2 + 12)
            }
            child = agnxtsubg(current)
        }
        guard !box.isEmpty else { return nil }
        return boxf(LL: pointf(x: box.minX, y: box.minY), UR: pointf(x: box.maxX, y: box.maxY))
    }

    /// Adds every point of the edges' splines and labels (`pos`, `lp`) to `box`.
    private static func addEdges(_ graph: UnsafeMutablePointer<Agraph_t>, to box: inout Box) {
        var node = agfstnode(graph)
        while let current = node {
            var edge = agfstout(graph, current)
            while let e = edge {
                let text = get(e, "pos") + " " + get(e, "lp")
                for point in text.split(separator: " ") {
                    let numbers = point.split(separator: ",").compactMap { Double($0) }
                    if numbers.count >= 2 { box.add(x: numbers[numbers.count - 2], y: numbers[numbers.count - 1], halfWidth: 6, halfHeight: 6) }
                }
                edge = agnxtout(graph, e)
            }
            node = agnxtnode(graph, current)
        }
    }

    /// Places the actors without a tie in rows, each as wide as it needs (like words in a paragraph), to the right of
    /// `map`, the rows about as wide as makes the block as tall as the map, in input order.
    /// Returns the frame's box.
    private static func grid(_ nodes: [Node], frame: UnsafeMutablePointer<Agraph_t>, beside map: Box, extraHeight: Double) -> Box {
        let gap = 8.0
        /// The rows for a given width: the nodes of each row and the row's height.
        func rows(width: Double) -> [(nodes: ArraySlice<Node>, height: Double)] {
            var result: [(nodes: ArraySlice<Node>, height: Double)] = []
            var start = 0, used = 0.0
            for (i, node) in nodes.enumerated() {
                let w = 2 * node.halfWidth + gap
                if i > start && used + w > width {
                    result.append((nodes[start..<i], nodes[start..<i].map { 2 * $0.halfHeight }.max()! + gap))
                    start = i; used = 0
                }
                used += w
            }
            result.append((nodes[start...], nodes[start...].map { 2 * $0.halfHeight }.max()! + gap))
            return result
        }
        let widest = 2 * (nodes.map(\.halfWidth).max() ?? 0) + gap
        let total = nodes.reduce(0) { $0 + 2 * $1.halfWidth + gap }
        let targetHeight = map.isEmpty ? 0 : map.height + extraHeight
        // The narrowest block not taller than the map (or square-ish without a map), in steps of the widest node.
        var width = max(widest, total)
        var candidate = widest
        while candidate < total {
            let height = rows(width: candidate).reduce(0) { $0 + $1.height }
            if map.isEmpty ? height <= candidate : height <= targetHeight { width = candidate; break }
            candidate += widest / 2
        }
        let left = (map.isEmpty ? 0 : map.maxX) + 24
        var top = (map.isEmpty ? 0 : map.maxY + extraHeight) - 22
        var frameBox = Box()
        for row in rows(width: width) {
            var x = left
            for node in row.nodes {
                let centreX = x + node.halfWidth + gap / 2
                let centreY = top - row.height / 2
                set(node.pointer, "pos", String(format: "%.2f,%.2f", centreX, centreY))
                frameBox.add(x: centreX, y: centreY, halfWidth: node.halfWidth + gap / 2, halfHeight: row.height / 2)
                x += 2 * node.halfWidth + gap
            }
            top -= row.height
        }
        frameBox.minX -= 6; frameBox.maxX += 6; frameBox.minY -= 6; frameBox.maxY += 22
        return self.frame(frame, frameBox)
    }

    /// The graph attribute where the composition leaves the top-left corner kept for the legend and its width:
    /// "x,y,width" (points); `GraphvizRenderer.fit` puts the root label there when it fits.
    static let legendCorner = "ptce_legend"

    /// The height the root label (title, subtitle, legend rows, source) will take, estimated from its HTML table
    /// before Graphviz sizes it: about 17 points a row, plus the title.
    private static func legendHeight(_ graph: UnsafeMutablePointer<Agraph_t>) -> Double {
        let label = get(graph, "label")
        let rows = label.components(separatedBy: "<TR>").count - 1
        let lines = label.components(separatedBy: "<BR").count - 1
        return Double(rows + lines) * 17 + 30
    }

    /// Sets a frame's box, widened to hold its label, and its label's place (`lp`) centred at its top.
    @discardableResult
    private static func frame(_ cluster: UnsafeMutablePointer<Agraph_t>, _ box: Box) -> Box {
        var box = box
        let label = get(cluster, "label")
        let fontSize = Double(get(cluster, "fontsize")) ?? 14
        // About 0.6 em per character in the sans-serif fonts used: enough room, never cut.
        let labelWidth = Double(label.count) * fontSize * 0.6 + 12
        if box.width < labelWidth {
            let grow = (labelWidth - box.width) / 2
            box.minX -= grow; box.maxX += grow
        }
        set(cluster, "bb", box.text)
        set(cluster, "lp", String(format: "%.2f,%.2f", (box.minX + box.maxX) / 2, box.maxY - fontSize * 0.8))
        return box
    }

    private static func nodeInfo(_ node: UnsafeMutablePointer<Agnode_t>) -> Node? {
        let numbers = { (name: String) -> [Double] in
            get(node, name).split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        }
        let position = numbers("pos"), width = numbers("width"), height = numbers("height")
        guard position.count >= 2, let w = width.first, let h = height.first else { return nil }
        return Node(pointer: node, x: position[0], y: position[1], halfWidth: w * 36, halfHeight: h * 36)
    }

    private static func subgraph(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> UnsafeMutablePointer<Agraph_t>? {
        name.withCString { agsubg(graph, UnsafeMutablePointer(mutating: $0), 0) }
    }

    private static func get(_ object: UnsafeMutableRawPointer, _ name: String) -> String {
        name.withCString { key in agget(object, UnsafeMutablePointer(mutating: key)).map { String(cString: $0) } ?? "" }
    }

    private static func get<T>(_ object: UnsafeMutablePointer<T>, _ name: String) -> String {
        get(UnsafeMutableRawPointer(object), name)
    }

    private static func set<T>(_ object: UnsafeMutablePointer<T>, _ name: String, _ value: String) {
        name.withCString { key in
            value.withCString { text in
                "".withCString { empty in
                    _ = agsafeset(UnsafeMutableRawPointer(object), UnsafeMutablePointer(mutating: key),
                                  UnsafeMutablePointer(mutating: text), UnsafeMutablePointer(mutating: empty))
                }
            }
        }
    }
}
