/// Freeman centralisation: how much a network is dominated by its most central node, from 0 (every node equal)
/// to 1 (a star, the most centralised graph of its size).
///
/// C = Σ_v (c_max − c_v) / max over graphs of n nodes of the same sum. With the normalised measures used here
/// (degree/(n−1), betweenness normalised as networkx, closeness with the Wasserman–Faust correction), the star
/// attains the maximum, which is n−2 for degree, n−1 for betweenness and (n−1)(n−2)/(2n−3) for closeness —
/// the same theoretical maxima as igraph's `centralization(normalized=True)`. Undefined (nil) for n < 3.
/// - Paper: L. Freeman, "Centrality in social networks: conceptual clarification", Social Networks 1(3), 1979.
public enum Centralization {
    /// Degree centralisation of `degreeCentrality` values (maximum n − 2). O(n).
    public static func degree(_ values: [Double]) -> Double? { _freeman(values) { n in n - 2 } }
    /// Betweenness centralisation of normalised `betweenness` values (maximum n − 1). O(n).
    public static func betweenness(_ values: [Double]) -> Double? { _freeman(values) { n in n - 1 } }
    /// Closeness centralisation of `closeness` values (maximum (n − 1)(n − 2)/(2n − 3)). O(n).
    public static func closeness(_ values: [Double]) -> Double? { _freeman(values) { n in (n - 1) * (n - 2) / (2 * n - 3) } }

    private static func _freeman(_ values: [Double], maximum: (Double) -> Double) -> Double? {
        let n = Double(values.count)
        guard values.count >= 3, let top = values.max() else { return nil }
        return values.reduce(0) { $0 + (top - $1) } / maximum(n)
    }
}
