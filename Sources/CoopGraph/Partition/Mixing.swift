/// Mixing of a graph's ties across a partition of its nodes (labels `0..<groupCount`; -1 = no label, left out).
///
/// - `eiIndex`: Krackhardt and Stern's E-I index (E − I)/(E + I) over ties, E between groups, I within: −1 all
///   ties inside groups (closure), +1 all across (openness). Per group: the ties with at least one end in it; per
///   node: its own ties. Expected value under random mixing: 1 − 2·π with π the share of node pairs inside groups.
/// - `assortativity`: networkx's `attribute_assortativity_coefficient` (Newman 2003): r = (Σ e_ii − Σ a_i b_i) /
///   (1 − Σ a_i b_i) on the mixing matrix normalised to sum 1 (each undirected tie counted both ways).
/// - `mixingMatrix`: tie counts between groups (symmetric for an undirected graph, ties within on the diagonal).
/// - Papers: D. Krackhardt, R. Stern, "Informal networks and organizational crises", Soc. Psychol. Q. 51(2), 1988;
///   M. Newman, "Mixing patterns in networks", Phys. Rev. E 67, 2003.
public struct Mixing: Sendable {
    /// Number of groups (labels `0..<groupCount`).
    public let groupCount: Int
    /// Ties between groups: matrix[a][b], undirected ties counted once (a ≤ b mirrored).
    public let matrix: [[Int]]
    /// Ties with both ends in one group (I of the E-I index).
    public let internalTies: Int
    /// Ties between two groups (E of the E-I index).
    public let externalTies: Int
    let directed: Bool

    /// Counts the ties within and between groups. O(n + m).
    /// - Precondition: one label per node, each in `-1..<groupCount`.
    public init(_ graph: Graph, labels: [Int], groupCount: Int) {
        precondition(labels.count == graph.nodeCount, "one label per node (\(graph.nodeCount)), not \(labels.count)")
        precondition(groupCount >= 0 && labels.allSatisfy { $0 < groupCount }, "labels must be < groupCount (negative: unlabelled)")
        self.groupCount = groupCount
        directed = graph.isDirected
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: groupCount), count: groupCount)
        var inside = 0, across = 0
        for e in 0..<graph.edgeCount {
            let a = labels[Int(graph.edgeSources[e])], b = labels[Int(graph.edgeTargets[e])]
            guard a >= 0, b >= 0 else { continue }
            if a == b { inside += 1 } else { across += 1 }
            matrix[a][b] += 1
            if !graph.isDirected && a != b { matrix[b][a] += 1 }
        }
        self.matrix = matrix
        internalTies = inside
        externalTies = across
    }

    /// E-I index of the whole graph; nil without ties.
    public var eiIndex: Double? {
        let total = internalTies + externalTies
        return total > 0 ? Double(externalTies - internalTies) / Double(total) : nil
    }

    /// Ties with exactly one end in `group`: in a directed graph, the arcs leaving it and the arcs entering it.
    public func externalTies(ofGroup group: Int) -> Int {
        (0..<groupCount).reduce(0) { $0 + ($1 == group ? 0 : matrix[group][$1] + (directed ? matrix[$1][group] : 0)) }
    }

    /// E-I index of each group: ties with at least one end in the group (arcs in either direction).
    public func groupEIIndex() -> [Double?] {
        (0..<groupCount).map { g in
            let inside = matrix[g][g]
            let across = externalTies(ofGroup: g)
            return inside + across > 0 ? Double(across - inside) / Double(inside + across) : nil
        }
    }

    /// networkx's attribute assortativity; nil when undefined (no tie, or a single group in use).
    public var assortativity: Double? {
        // Normalised mixing matrix with each undirected tie counted in both directions (networkx's convention).
        var total = 0.0
        var e = [[Double]](repeating: [Double](repeating: 0, count: groupCount), count: groupCount)
        for a in 0..<groupCount {
            for b in 0..<groupCount {
                // Undirected: each tie both ways (the matrix already mirrors ties across groups, so the diagonal
                // doubles). Directed: each tie once, from its source's group to its target's.
                let count = Double(matrix[a][b]) * (a == b && !directed ? 2 : 1)
                e[a][b] = count
                total += count
            }
        }
        guard total > 0 else { return nil }
        var trace = 0.0, products = 0.0
        for a in 0..<groupCount {
            trace += e[a][a] / total
            let row = e[a].reduce(0, +) / total
            let column = (0..<groupCount).reduce(0.0) { $0 + e[$1][a] } / total
            products += row * column
        }
        guard products < 1 else { return nil }
        return (trace - products) / (1 - products)
    }

    /// Expected E-I index under random mixing, from group sizes: 1 − 2·(pairs inside groups / all pairs).
    public static func expectedEIIndex(groupSizes: [Int]) -> Double? {
        let n = groupSizes.reduce(0, +)
        guard n > 1 else { return nil }
        let inside = groupSizes.reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
        return 1 - 2 * inside / (Double(n) * Double(n - 1))
    }

    /// Permutation test of the E-I index: labels shuffled among nodes `permutations` times (seeded); the p-value
    /// is the share of shuffles at least as far from the expected value as the observed index, (k + 1)/(N + 1).
    public static func permutationTest(_ graph: Graph, labels: [Int], groupCount: Int, permutations: Int, seed: UInt64) -> (observed: Double, pValue: Double)? {
        guard let observed = Mixing(graph, labels: labels, groupCount: groupCount).eiIndex else { return nil }
        var sizes = [Int](repeating: 0, count: groupCount)
        for label in labels where label >= 0 { sizes[label] += 1 }
        let expected = expectedEIIndex(groupSizes: sizes) ?? 0
        var random = SplitMix64(seed: seed)
        var shuffled = labels
        var extreme = 0
        for _ in 0..<permutations {
            shuffled.shuffle(using: &random)
            let value = Mixing(graph, labels: shuffled, groupCount: groupCount).eiIndex ?? 0
            if abs(value - expected) >= abs(observed - expected) - 1e-12 { extreme += 1 }
        }
        return (observed, Double(extreme + 1) / Double(permutations + 1))
    }
}
