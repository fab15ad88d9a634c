/// How the network holds when actors leave: the size of the largest connected component after removing the first
/// k nodes of an order, for every k.
///
/// Computed backwards with a union–find: nodes are added in reverse removal order, so the whole curve costs
/// O((n + m) α(n)) instead of one component search per step. Directed graphs are read as undirected (weak
/// connectivity).
/// - Parameters:
///   - graph: directed or undirected (read as undirected).
///   - order: the nodes to remove, first removed first (e.g. by decreasing betweenness); must be distinct.
/// - Returns: `sizes[k]` = largest component once `order[0..<k]` are removed, for k = 0…order.count.
/// - Paper: R. Albert, H. Jeong, A.-L. Barabási, "Error and attack tolerance of complex networks", Nature 406, 2000.
public func removalCurve(_ graph: Graph, order: [Int]) -> [Int] {
    let n = graph.nodeCount
    var removed = [Bool](repeating: false, count: n)
    for v in order {
        precondition(v >= 0 && v < n && !removed[v], "removal order: distinct node indices in 0..<\(n)")
        removed[v] = true
    }
    var parent = Array(0..<n)
    var size = [Int](repeating: 1, count: n)
    var largest = 0
    func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }
    func union(_ a: Int, _ b: Int) {
        var ra = find(a), rb = find(b)
        guard ra != rb else { return }
        if size[ra] < size[rb] { swap(&ra, &rb) }
        parent[rb] = ra
        size[ra] += size[rb]
        largest = max(largest, size[ra])
    }
    func activate(_ v: Int) {
        removed[v] = false
        largest = max(largest, 1)
        for w in graph.neighbors(of: v) where !removed[Int(w)] { union(v, Int(w)) }
        if graph.isDirected { for w in graph.predecessors(of: v) where !removed[Int(w)] { union(v, Int(w)) } }
    }
    // The network without any of the ordered nodes.
    for v in 0..<n where !removed[v] {
        largest = max(largest, 1)
        for w in graph.neighbors(of: v) where !removed[Int(w)] { union(v, Int(w)) }
    }
    var sizes = [Int](repeating: 0, count: order.count + 1)
    sizes[order.count] = largest
    for k in stride(from: order.count - 1, through: 0, by: -1) {
        activate(order[k])
        sizes[k] = largest
    }
    return sizes
}
