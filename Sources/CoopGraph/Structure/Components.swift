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
