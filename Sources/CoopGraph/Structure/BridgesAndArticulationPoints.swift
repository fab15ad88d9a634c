/// Cut structure of the undirected view: articulation points (nodes whose removal disconnects their component)
/// and bridges (edges whose removal does).
///
/// Iterative Hopcroft–Tarjan depth-first search with low-points (no recursion, so deep graphs do not overflow
/// the stack). Results match networkx's `articulation_points` and `bridges` as sets; nodes are returned sorted
/// and bridges as edge indices sorted.
/// - Complexity: O(n + m).
/// - Paper: J. Hopcroft, R. Tarjan, "Algorithm 447: efficient algorithms for graph manipulation", CACM 16(6), 1973.
public func cutStructure(_ graph: Graph) -> (articulationPoints: [Int], bridges: [Int]) {
    let g = graph.undirected()
    let n = g.nodeCount
    var discovery = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var isArticulation = [Bool](repeating: false, count: n)
    var bridges: [Int] = []
    var time = 0
    // Stack frames: (node, edge used to enter it, position in its neighbor row).
    var stack: [(node: Int, parentEdge: Int, next: Int)] = []
    for root in 0..<n where discovery[root] < 0 {
        discovery[root] = time; low[root] = time; time += 1
        var rootChildren = 0
        stack.append((root, -1, 0))
        while !stack.isEmpty {
            let top = stack.count - 1
            let v = stack[top].node
            let row = g.neighbors(of: v), edges = g.incidentEdges(of: v)
            if stack[top].next < row.count {
                let w = Int(row[row.startIndex + stack[top].next])
                let e = Int(edges[edges.startIndex + stack[top].next])
                stack[top].next += 1
                if e == stack[top].parentEdge { continue }
                if discovery[w] < 0 {
                    discovery[w] = time; low[w] = time; time += 1
                    if v == root { rootChildren += 1 }
                    stack.append((w, e, 0))
                } else {
                    low[v] = min(low[v], discovery[w])
                }
            } else {
                let finished = stack.removeLast()
                guard let parent = stack.last else { continue }
                let p = parent.node
                low[p] = min(low[p], low[v])
                if low[v] > discovery[p] { bridges.append(finished.parentEdge) }
                if p != root && low[v] >= discovery[p] { isArticulation[p] = true }
            }
        }
        if rootChildren > 1 { isArticulation[root] = true }
    }
    return ((0..<n).filter { isArticulation[$0] }, bridges.sorted())
}

/// Strongly connected components of a directed graph (iterative Tarjan); for an undirected graph, the connected
/// components. Components are numbered by their smallest node.
/// - Returns: `labels[v]` and `sizes[c]`, as `connectedComponents`.
/// - Complexity: O(n + m).
/// - Paper: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2), 1972.
public func stronglyConnectedComponents(_ graph: Graph) -> (labels: [Int], sizes: [Int]) {
    guard graph.isDirected else { return connectedComponents(graph) }
    let n = graph.nodeCount
    var index = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var onStack = [Bool](repeating: false, count: n)
    var tarjanStack: [Int] = []
    var raw = [Int](repeating: -1, count: n)
    var rawCount = 0
    var counter = 0
    var call: [(node: Int, next: Int)] = []
    for root in 0..<n where index[root] < 0 {
        call.append((root, 0))
        index[root] = counter; low[root] = counter; counter += 1
        tarjanStack.append(root); onStack[root] = true
        while let frame = call.last {
            let v = frame.node
            let row = graph.neighbors(of: v)
            if frame.next < row.count {
                call[call.count - 1].next += 1
                let w = Int(row[row.startIndex + frame.next])
                if index[w] < 0 {
                    index[w] = counter; low[w] = counter; counter += 1
                    tarjanStack.append(w); onStack[w] = true
                    call.append((w, 0))
                } else if onStack[w] {
                    low[v] = min(low[v], index[w])
                }
            } else {
                call.removeLast()
                if let parent = call.last { low[parent.node] = min(low[parent.node], low[v]) }
                if low[v] == index[v] {
                    while true {
                        let w = tarjanStack.removeLast()
                        onStack[w] = false
                        raw[w] = rawCount
                        if w == v { break }
                    }
                    rawCount += 1
                }
            }
        }
    }
    // Renumber components by smallest node.
    var renumber = [Int](repeating: -1, count: rawCount)
    var sizes: [Int] = []
    var labels = [Int](repeating: 0, count: n)
    for v in 0..<n {
        if renumber[raw[v]] < 0 { renumber[raw[v]] = sizes.count; sizes.append(0) }
        labels[v] = renumber[raw[v]]
        sizes[labels[v]] += 1
    }
    return (labels, sizes)
}
