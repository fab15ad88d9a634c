import Foundation

/// Agreement between two partitions of the same nodes, over the nodes labelled (≥ 0) in both.
///
/// - `nmi`: normalised mutual information with the arithmetic-mean normalisation, I(A;B) / ((H(A) + H(B)) / 2), as
///   scikit-learn's `normalized_mutual_info_score` (its default): 1 identical, 0 independent; 1 when both partitions
///   are a single block.
/// - `adjustedRand`: Hubert and Arabie's adjusted Rand index, as scikit-learn's `adjusted_rand_score`: 1 identical,
///   about 0 for random labels, negative below chance.
/// - Both nil when fewer than two nodes are labelled in both.
/// - Papers: A. Strehl, J. Ghosh, JMLR 3, 2002; L. Hubert, P. Arabie, J. Classification 2, 1985.
public struct PartitionAgreement: Sendable, Equatable, Codable {
    /// Nodes labelled (≥ 0) in both partitions: those compared.
    public let nodes: Int
    /// Normalised mutual information (arithmetic mean), 0…1.
    public let nmi: Double?
    /// Adjusted Rand index, ≤ 1 (about 0 for random labels).
    public let adjustedRand: Double?

    /// Compares two labellings of the same nodes. O(n + k_a · k_b).
    /// - Precondition: `a.count == b.count`.
    public init(_ a: [Int], _ b: [Int]) {
        precondition(a.count == b.count, "partitions of the same nodes")
        var joint: [Int64: Int] = [:]
        var rows: [Int: Int] = [:]
        var columns: [Int: Int] = [:]
        var n = 0
        for (x, y) in zip(a, b) where x >= 0 && y >= 0 {
            joint[Int64(x) << 32 | Int64(y), default: 0] += 1
            rows[x, default: 0] += 1
            columns[y, default: 0] += 1
            n += 1
        }
        nodes = n
        guard n >= 2 else { nmi = nil; adjustedRand = nil; return }
        let total = Double(n)
        // Sums in key order: dictionary order varies between instances, and the result must not.
        func entropy(_ counts: [Int: Int]) -> Double {
            -counts.keys.sorted().reduce(0.0) { $0 + Double(counts[$1]!) / total * log(Double(counts[$1]!) / total) }
        }
        let ha = entropy(rows), hb = entropy(columns)
        var mutual = 0.0
        for (key, count) in joint.sorted(by: { $0.key < $1.key }) {
            let x = Int(key >> 32), y = Int(key & 0xFFFF_FFFF)
            let p = Double(count) / total
            mutual += p * log(Double(count) * total / (Double(rows[x]!) * Double(columns[y]!)))
        }
        if rows.count == 1 && columns.count == 1 {
            nmi = 1  // scikit-learn: both single-cluster labelings are identical
        } else {
            let mean = (ha + hb) / 2
            nmi = mean > 0 ? max(0, min(1, mutual / mean)) : 0
        }
        func pairs(_ k: Int) -> Double { Double(k) * Double(k - 1) / 2 }
        let sumJoint = joint.values.reduce(0.0) { $0 + pairs($1) }  // integers: exact in any order
        let sumRows = rows.values.reduce(0.0) { $0 + pairs($1) }
        let sumColumns = columns.values.reduce(0.0) { $0 + pairs($1) }
        let expected = sumRows * sumColumns / pairs(n)
        let maximum = (sumRows + sumColumns) / 2
        adjustedRand = maximum == expected ? 1 : (sumJoint - expected) / (maximum - expected)
    }
}
