/// Core number: the largest k such that the node belongs to the k-core (the maximal subgraph where every node
/// has degree ≥ k). networkx's `core_number` (undirected view; self-loops are already dropped by the builder).
/// - Complexity: O(n + m) with bucket sort.
/// - Paper: V. Batagelj, M. Zaversnik, "An O(m) algorithm for cores decomposition of networks", 2003.
public func coreNumber(_ graph: Graph) -> [Int] {
    let g = graph.undirected()
    let n = g.nodeCount
    guard n > 0 else { return [] }
    var degree = (0..<n).map { g.degree(of: $0) }
    let maxDegree = degree.max() ?? 0
    var binStart = [Int](repeating: 0, count: maxDegree + 2)
    for d in degree { binStart[d + 1] += 1 }
    for d in 0...maxDegree { binStart[d + 1] += binStart[d] }
    var position = [Int](repeating: 0, count: n)
    var order = [Int](repeating: 0, count: n)
    var fill = binStart
    for v in 0..<n {
        position[v] = fill[degree[v]]
        order[position[v]] = v
        fill[degree[v]] += 1
    }
    for i in 0..<n {
        let v = order[i]
        for w32 in g.neighbors(of: v) {
            let w = Int(w32)
            if degree[w] > degree[v] {
                let dw = degree[w]
                let first = binStart[dw]
                let u = order[first]
                if u != w {
                    order[position[w]] = u
                    position[u] = position[w]
                    order[first] = w
                    position[w] = first
                }
                binStart[dw] += 1
                degree[w] -= 1
            }
        }
    }
    return degree
}
