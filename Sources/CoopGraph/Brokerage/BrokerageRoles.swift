/// Gould and Fernandez's brokerage roles: in how many open two-paths a → b → c (no tie a → c) node b brokers,
/// and between which groups.
///
/// Directed graphs, with g(x) the group of x:
/// - coordinator: g(a) = g(b) = g(c) — brokering inside one's own group;
/// - itinerant (consultant): g(a) = g(c) ≠ g(b) — an outsider linking two members of another group;
/// - gatekeeper: g(a) ≠ g(b) = g(c) — letting an outsider reach one's group;
/// - representative: g(a) = g(b) ≠ g(c) — carrying one's group to another;
/// - liaison: g(a), g(b), g(c) all different.
///
/// Undirected graphs (the documented reduction): each unordered pair {a, c} of b's partners that are not tied counts
/// once, as coordinator, itinerant or liaison as above, or as **boundary spanner** when b shares its group with
/// exactly one of a and c (gatekeeper and representative cannot be told apart without direction).
///
/// Normalised values divide each count by its expectation if groups were assigned at random with the same sizes:
/// (number of b's brokered pairs) × probability of the role for two actors drawn without replacement from the other
/// n − 1 (nil when the expectation is 0). Nodes without a group (label −1) are left out.
/// - Complexity: O(Σ deg²) with a binary search per pair.
/// - Paper: R. Gould, R. Fernandez, "Structures of mediation: a formal approach to brokerage in transaction
///   networks", Sociological Methodology 19, 1989.
public struct BrokerageRoles: Sendable {
    /// The role of b in a brokered two-path a → b → c, by the groups of a, b and c (see the type's documentation).
    public enum Role: String, CaseIterable, Sendable {
        /// g(a) = g(b) = g(c).
        case coordinator
        /// g(a) = g(c) ≠ g(b).
        case itinerant
        /// g(a) ≠ g(b) = g(c) (directed graphs).
        case gatekeeper
        /// g(a) = g(b) ≠ g(c) (directed graphs).
        case representative
        /// g(a), g(b), g(c) all different.
        case liaison
        /// Undirected graphs: gatekeeper + representative.
        case boundarySpanner = "boundary_spanner"
    }

    /// Counts per node, by role (directed: the first five; undirected: coordinator, itinerant, liaison, boundary spanner).
    public let counts: [[Role: Int]]
    /// Counts divided by their expectation under random group assignment.
    public let normalized: [[Role: Double?]]
    /// The roles counted for this graph: the first five when directed; coordinator, itinerant, liaison and boundary
    /// spanner when undirected.
    public let roles: [Role]

    /// Counts every brokered two-path of `graph` by role.
    /// - Parameters:
    ///   - graph: directed (five roles) or undirected (four roles).
    ///   - labels: the group of each node (`-1`: none; the node is left out as a and c, and brokers nothing).
    /// - Complexity: O(Σ deg² · log deg).
    public init(_ graph: Graph, labels: [Int]) {
        let n = graph.nodeCount
        precondition(labels.count == n, "one label per node (\(n)), not \(labels.count)")
        let directed = graph.isDirected
        roles = directed ? [.coordinator, .itinerant, .gatekeeper, .representative, .liaison] : [.coordinator, .itinerant, .liaison, .boundarySpanner]
        var sizes: [Int: Int] = [:]
        for label in labels where label >= 0 { sizes[label, default: 0] += 1 }
        let labelled = sizes.values.reduce(0, +)
        var counts = [[Role: Int]](repeating: [:], count: n)
        var normalized = [[Role: Double?]](repeating: [:], count: n)
        for b in 0..<n {
            guard labels[b] >= 0 else { continue }
            var tally: [Role: Int] = [:]
            for role in roles { tally[role] = 0 }
            var brokered = 0
            let gb = labels[b]
            if directed {
                for a32 in graph.predecessors(of: b) where labels[Int(a32)] >= 0 {
                    let a = Int(a32)
                    for c32 in graph.neighbors(of: b) where labels[Int(c32)] >= 0 {
                        let c = Int(c32)
                        guard a != c, graph.weight(from: a, to: c) == nil else { continue }
                        brokered += 1
                        let ga = labels[a], gc = labels[c]
                        let role: Role = ga == gb && gc == gb ? .coordinator : ga == gc ? .itinerant : gc == gb ? .gatekeeper : ga == gb ? .representative : .liaison
                        tally[role]! += 1
                    }
                }
            } else {
                let partners = graph.neighbors(of: b).map(Int.init).filter { labels[$0] >= 0 }
                for i in partners.indices {
                    for j in partners.indices where j > i {
                        let a = partners[i], c = partners[j]
                        guard graph.weight(from: a, to: c) == nil else { continue }
                        brokered += 1
                        let ga = labels[a], gc = labels[c]
                        let role: Role = ga == gb && gc == gb ? .coordinator : ga == gc ? .itinerant : (ga == gb) != (gc == gb) ? .boundarySpanner : .liaison
                        tally[role]! += 1
                    }
                }
            }
            counts[b] = tally
            // Probabilities for two distinct actors drawn from the n − 1 others (labelled ones only).
            let m = Double(labelled - 1), own = Double(sizes[gb]! - 1)
            guard m >= 2 else { continue }
            let others = sizes.filter { $0.key != gb }.map { Double($0.value) }
            let sameOther = others.reduce(0) { $0 + $1 * ($1 - 1) } / (m * (m - 1))
            let pairsOther = (others.reduce(0, +) * (others.reduce(0, +) - 1)) / (m * (m - 1))
            var probability: [Role: Double] = [
                .coordinator: own * (own - 1) / (m * (m - 1)),
                .itinerant: sameOther,
                .gatekeeper: (m - own) * own / (m * (m - 1)),
                .representative: own * (m - own) / (m * (m - 1)),
                .liaison: pairsOther - sameOther,
            ]
            probability[.boundarySpanner] = 2 * own * (m - own) / (m * (m - 1))
            var row: [Role: Double?] = [:]
            for role in roles {
                let expected = Double(brokered) * probability[role]!
                row[role] = expected > 0 ? Double(tally[role]!) / expected : nil
            }
            normalized[b] = row
        }
        self.counts = counts
        self.normalized = normalized
    }
}
