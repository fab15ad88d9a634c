/// Connected components: weakly connected for a directed graph (edge directions ignored), plainly connected otherwise.
///
/// Components are numbered by their smallest node, so the labelling does not depend on input order.
/// - Returns: `labels[v]` is the component of node v, and `sizes[c]` the number of nodes in component c.
/// - Complexity: O(n + m), breadth-first search.
public func connectedComponents(_ graph: Graph) -> (labels: [Int], sizes: [Int]) {
    var labels = [Int](repeating: -1, count: graph.nodeCount)
    var sizes: [Int] = []
    var queue = [Int32](repeating: 0, count: graph.nodeCount)
    for start in 0..<graph.nodeCount where labels[start] < 0 {
        let label = sizes.count
        var head = 0, tail = 1
        queue[0] = Int32(start)
        labels[start] = label
        while head < tail {
            let v = Int(queue[head])
            head += 1
            for w in graph.neighbors(of: v) where labels[Int(w)] < 0 {
                labels[Int(w)] = label
                queue[tail] = w
                tail += 1
            }
            if graph.isDirected {
                for w in graph.predecessors(of: v) where labels[Int(w)] < 0 {
                    labels[Int(w)] = label
                    queue[tail] = w
                    tail += 1
                }
            }
        }
        sizes.append(tail)
    }
    return (labels, sizes)
}

/// Whether the undirected view of `graph` is bipartite (its nodes split in two sides with every edge across): trees,
/// stars and two-mode graphs are. Breadth-first two-colouring; a self-loop makes it not bipartite.
/// - Complexity: O(n + m).
public func isBipartite(_ graph: Graph) -> Bool {
    let n = graph.nodeCount
    var side = [Int8](repeating: -1, count: n)
    var queue: [Int32] = []
    for start in 0..<n where side[start] < 0 {
        side[start] = 0
        queue.removeAll(keepingCapacity: true)
        queue.append(Int32(start))
        var head = 0
        while head < queue.count {
            let v = Int(queue[head])
            head += 1
            let others = graph.isDirected ? Array(graph.neighbors(of: v)) + Array(graph.predecessors(of: v)) : Array(graph.neighbors(of: v))
            for u in others {
                let w = Int(u)
                if side[w] < 0 {
                    side[w] = 1 - side[v]
                    queue.append(u)
                } else if side[w] == side[v] {
                    return false
                }
            }
        }
    }
    return true
}
