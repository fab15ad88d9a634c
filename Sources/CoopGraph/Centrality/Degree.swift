/// Degree: the number of neighbors (partners). On a directed graph, out-degree + in-degree (networkx `degree`).
public func degree(_ graph: Graph) -> [Int] {
    (0..<graph.nodeCount).map { graph.degree(of: $0) + (graph.isDirected ? graph.inDegree(of: $0) : 0) }
}

/// Degree centrality: degree / (n − 1), networkx's `degree_centrality` (1 for every node when n ≤ 1).
public func degreeCentrality(_ graph: Graph) -> [Double] {
    let n = graph.nodeCount
    guard n > 1 else { return [Double](repeating: 1, count: n) }
    return degree(graph).map { Double($0) / Double(n - 1) }
}

/// Strength: the sum of the weights of a node's edges (networkx `degree(weight="weight")`).
public func strength(_ graph: Graph) -> [Double] {
    (0..<graph.nodeCount).map { v in
        var total = graph.incidentEdges(of: v).reduce(0.0) { $0 + graph.weights[Int($1)] }
        if graph.isDirected { total += graph.incomingEdges(of: v).reduce(0.0) { $0 + graph.weights[Int($1)] } }
        return total
    }
}
