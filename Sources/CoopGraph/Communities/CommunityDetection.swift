import Foundation

/// Community detection by modularity maximisation: Louvain (Blondel et al. 2008, as networkx's
/// `louvain_communities`) or Leiden (Traag, Waltman, van Eck 2019), with a resolution γ and a seed.
///
/// Conventions:
/// - Works on the undirected view of the graph (a directed graph's opposite edges are merged, weights summed);
///   weights are used when `weighted` (an unweighted graph has weight 1 on every edge).
/// - Louvain follows networkx's `louvain_partitions`: nodes visited in a seeded random order, each moved to the
///   neighbouring community of largest positive gain, levels aggregated until the modularity gain of a level is
///   ≤ `threshold` (1e-7); after the first sweep of a level only nodes with a neighbour that moved are visited
///   again, and gains within rounding noise do not move a node (see `louvainLevel`). The random stream is SplitMix64, not Python's, so a seed gives a partition of the same
///   quality as networkx's but not necessarily the same one.
/// - Leiden adds the refinement phase: inside each community, nodes are merged only into well-connected
///   sub-communities, chosen at random with probability ∝ exp(m·ΔQ/θ) (θ = 0.01: the gain in units of edge weight,
///   as igraph's β, so nearly the best one); the aggregate graph is built on the
///   refined partition. Every community it returns is connected (Louvain's may not be). Iterations start again
///   from the previous partition until modularity stops rising by more than `threshold` (igraph's
///   `n_iterations=-1`).
/// - Labels are canonical (`canonicalLabels`): 0 is the largest community. Isolated nodes are communities of one.
/// - Deterministic for a seed: the algorithm is sequential, so the thread count cannot change the result.
public struct CommunityDetection: Sendable {
    /// The algorithm.
    public enum Method: String, Sendable, CaseIterable, Codable {
        /// Louvain (networkx's `louvain_communities`).
        case louvain
        /// Leiden: Louvain with refinement, every community connected.
        case leiden
    }

    /// Community of each node, `0..<communityCount`, 0 the largest.
    public let labels: [Int]
    /// Number of communities.
    public let communityCount: Int
    /// Modularity of `labels` at the given resolution (nil for a graph without edges).
    public let modularity: Double?
    /// Aggregation levels run (over every Leiden iteration).
    public let levels: Int

    /// Leiden iterations at most (each starts from the previous partition; they stop once modularity stops rising).
    static let maximumIterations = 50

    /// Runs the method once.
    /// - Parameters:
    ///   - graph: read as undirected.
    ///   - method: Louvain or Leiden.
    ///   - resolution: γ of modularity: above 1, smaller communities; below 1, larger ones.
    ///   - seed: seed of the random visiting order (and of Leiden's refinement).
    ///   - weighted: use the edge weights.
    ///   - threshold: a level whose modularity gain is at most this ends the run.
    /// - Complexity: about O(m) per level; a few levels in practice.
    public init(_ graph: Graph, method: Method = .leiden, resolution: Double = 1, seed: UInt64 = 0, weighted: Bool = true,
                threshold: Double = 1e-7) {
        let undirected = graph.undirected()
        var adjacency = WeightedAdjacency(undirected, weighted: weighted)
        var membership = Array(0..<graph.nodeCount)
        var random = SplitMix64(seed: seed)
        var levels = 0
        if adjacency.total > 0 {
            switch method {
            case .louvain:
                var quality = adjacency.quality(Array(0..<adjacency.count), resolution: resolution)
                while true {
                    let (labels, count, moved) = adjacency.louvainLevel(resolution: resolution, random: &random)
                    guard moved else { break }
                    levels += 1
                    membership = membership.map { labels[$0] }
                    let newQuality = adjacency.quality(labels, resolution: resolution)
                    if newQuality - quality <= threshold { break }
                    quality = newQuality
                    adjacency = adjacency.aggregate(labels, count: count)
                }
            case .leiden:
                // One Leiden iteration runs the levels until the aggregate graph stops shrinking; iterations start
                // again on the whole graph from the previous partition until it no longer improves modularity by
                // more than `threshold` (leidenalg's and igraph's `n_iterations=-1`). One iteration alone stayed
                // 0.008 below igraph's modularity on LFR graphs at µ = 0.3 (scripts/compare-communities-lfr).
                let original = adjacency
                var quality = -Double.infinity
                var start = Array(0..<original.count)
                for _ in 0..<Self.maximumIterations {
                    adjacency = original
                    var found = Array(0..<original.count)
                    var partition = start
                    while true {
                        partition = adjacency.fastLocalMove(partition, resolution: resolution, random: &random)
                        levels += 1
                        let (compact, communities) = compacted(partition)
                        if communities == adjacency.count {
                            found = found.map { compact[$0] }
                            break
                        }
                        var (refined, refinedCount) = adjacency.refine(compact, communityCount: communities, resolution: resolution, random: &random)
                        // A refinement that merged nothing would aggregate to the same graph: use the partition itself
                        // (as leidenalg does), so every level shrinks the graph and the loop ends.
                        if refinedCount == adjacency.count { (refined, refinedCount) = (compact, communities) }
                        // Aggregate on the refined partition; its nodes start in their (unrefined) community.
                        var next = [Int](repeating: 0, count: refinedCount)
                        for v in 0..<adjacency.count { next[refined[v]] = compact[v] }
                        found = found.map { refined[$0] }
                        adjacency = adjacency.aggregate(refined, count: refinedCount)
                        partition = next
                    }
                    let newQuality = original.quality(found, resolution: resolution)
                    guard newQuality - quality > threshold else { break }
                    quality = newQuality
                    membership = found
                    start = compacted(found).0
                }
            }
        }
        let canonical = canonicalLabels(membership)
        labels = canonical
        communityCount = (canonical.max() ?? -1) + 1
        modularity = CoopGraph.modularity(undirected, labels: canonical, resolution: resolution, weighted: weighted)
        self.levels = levels
    }
}

/// Renumbers labels `0..<k` in order of first appearance (labels are node or community indices, ≥ 0).
func compacted(_ labels: [Int]) -> ([Int], Int) {
    var renumber = [Int](repeating: -1, count: (labels.max() ?? -1) + 1)
    var out = [Int](repeating: 0, count: labels.count)
    var k = 0
    for (v, label) in labels.enumerated() {
        if renumber[label] < 0 { renumber[label] = k; k += 1 }
        out[v] = renumber[label]
    }
    return (out, k)
}

/// The nodes of each group, groups `0..<k` in order and each group's nodes in increasing order, as one flat array:
/// group c is `nodes[offsets[c]..<offsets[c + 1]]` (a counting sort, no array per group).
func groupMembers(_ labels: [Int], count k: Int) -> (offsets: [Int], nodes: [Int]) {
    var offsets = [Int](repeating: 0, count: k + 1)
    for label in labels { offsets[label + 1] += 1 }
    for c in 0..<k { offsets[c + 1] += offsets[c] }
    var next = offsets
    var nodes = [Int](repeating: 0, count: labels.count)
    for (v, label) in labels.enumerated() { nodes[next[label]] = v; next[label] += 1 }
    return (offsets, nodes)
}

/// A symmetric weighted adjacency with self-loops, the working graph of the modularity methods (aggregation creates
/// self-loops holding each community's internal weight).
struct WeightedAdjacency {
    var count: Int
    var offsets: [Int]
    var targets: [Int]
    var weights: [Double]
    /// Weight of each node's self-loop, counted once as an edge.
    var selfLoops: [Double]
    /// Weighted degree: incident weights plus twice the self-loop.
    var degrees: [Double]
    /// Total edge weight m (self-loops once).
    var total: Double

    init(_ graph: Graph, weighted: Bool) {
        count = graph.nodeCount
        var offsets = [0]
        var targets: [Int] = []
        var weights: [Double] = []
        var degrees = [Double](repeating: 0, count: graph.nodeCount)
        for v in 0..<graph.nodeCount {
            for (w, e) in zip(graph.neighbors(of: v), graph.incidentEdges(of: v)) {
                let weight = weighted ? graph.weights[Int(e)] : 1
                targets.append(Int(w))
                weights.append(weight)
                degrees[v] += weight
            }
            offsets.append(targets.count)
        }
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        selfLoops = [Double](repeating: 0, count: graph.nodeCount)
        self.degrees = degrees
        total = (0..<graph.edgeCount).reduce(0.0) { $0 + (weighted ? graph.weights[$1] : 1) }
    }

    init(count: Int, offsets: [Int], targets: [Int], weights: [Double], selfLoops: [Double], total: Double) {
        self.count = count
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.selfLoops = selfLoops
        self.total = total
        degrees = (0..<count).map { v in
            (offsets[v]..<offsets[v + 1]).reduce(2 * selfLoops[v]) { $0 + weights[$1] }
        }
    }

    /// Modularity of a partition of this adjacency's nodes.
    func quality(_ labels: [Int], resolution: Double) -> Double {
        let k = (labels.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: k)
        var degree = [Double](repeating: 0, count: k)
        for v in 0..<count {
            let c = labels[v]
            degree[c] += degrees[v]
            inside[c] += selfLoops[v]
            for i in offsets[v]..<offsets[v + 1] where labels[targets[i]] == c && targets[i] > v { inside[c] += weights[i] }
        }
        var q = 0.0
        for c in 0..<k {
            let share = degree[c] / (2 * total)
            q += inside[c] / total - resolution * share * share
        }
        return q
    }

    /// The graph of communities: node c holds community c; edge weights summed; internal weight as a self-loop.
    func aggregate(_ labels: [Int], count k: Int) -> WeightedAdjacency {
        let members = groupMembers(labels, count: k)
        var scratch = [Double](repeating: 0, count: k)
        var touched: [Int] = []
        var offsets = [0]
        var targets: [Int] = []
        var weights: [Double] = []
        var loops = [Double](repeating: 0, count: k)
        targets.reserveCapacity(self.targets.count)
        weights.reserveCapacity(self.targets.count)
        offsets.reserveCapacity(k + 1)
        for c in 0..<k {
            for slot in members.offsets[c]..<members.offsets[c + 1] {
                let v = members.nodes[slot]
                loops[c] += selfLoops[v]
                for i in span(of: v) {
                    let d = labels[self.targets[i]]
                    if d == c {
                        if self.targets[i] > v { loops[c] += self.weights[i] }
                        continue
                    }
                    if scratch[d] == 0 { touched.append(d) }
                    scratch[d] += self.weights[i]
                }
            }
            touched.sort()
            for d in touched {
                targets.append(d)
                weights.append(scratch[d])
                scratch[d] = 0
            }
            touched.removeAll(keepingCapacity: true)
            offsets.append(targets.count)
        }
        return WeightedAdjacency(count: k, offsets: offsets, targets: targets, weights: weights, selfLoops: loops, total: total)
    }

    @inline(__always) func span(of v: Int) -> Range<Int> { offsets[v]..<offsets[v + 1] }

    /// The local-move step both methods share: adds u's edge weights to each neighbouring community
    /// (`toCommunity`), listing each community met once (`seen` marks them; the caller clears both after the move).
    @inline(__always) func gatherNeighbourCommunities(of u: Int, community: [Int], toCommunity: inout [Double],
                                                      seen: inout [Bool], into list: inout [Int]) {
        for i in span(of: u) where targets[i] != u {
            let c = community[targets[i]]
            if !seen[c] { seen[c] = true; list.append(c) }
            toCommunity[c] += weights[i]
        }
    }

    /// One Louvain level (networkx's `_one_level`): sweeps in a random order until no node moves, each sweep after
    /// the first visiting only the nodes whose neighbourhood changed (a neighbour moved since their last visit:
    /// the pruning of Ozaki, Tezuka, Inaba, "A simple acceleration method for the Louvain algorithm", IJCEE 8(3),
    /// 2016 — on G(200k, 1M) full sweeps went on for hundreds of rounds moving a few nodes each). A move needs a gain
    /// above the rounding noise of its terms (10⁻¹² of the node's degree over m): gains of 10⁻²³ made nodes cycle
    /// between two equally good communities.
    /// Returns compact labels, their count, and whether any node moved.
    func louvainLevel(resolution: Double, random: inout SplitMix64) -> ([Int], Int, Bool) {
        var community = Array(0..<count)
        var communityDegree = degrees
        var order = Array(0..<count)
        order.shuffle(using: &random)
        let m = total
        var toCommunity = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        var active = [Bool](repeating: true, count: count)
        var neighbourCommunities: [Int] = []
        var movedAny = false
        var moves = 1
        while moves > 0 {
            moves = 0
            for u in order where active[u] {
                active[u] = false
                let current = community[u]
                gatherNeighbourCommunities(of: u, community: community, toCommunity: &toCommunity, seen: &seen, into: &neighbourCommunities)
                let degree = degrees[u]
                communityDegree[current] -= degree
                let removeCost = -toCommunity[current] / m + resolution * communityDegree[current] * degree / (2 * m * m)
                var best = current
                var bestGain = 1e-12 * degree / m
                for c in neighbourCommunities {
                    let gain = removeCost + toCommunity[c] / m - resolution * communityDegree[c] * degree / (2 * m * m)
                    if gain > bestGain { bestGain = gain; best = c }
                }
                for c in neighbourCommunities { seen[c] = false; toCommunity[c] = 0 }
                neighbourCommunities.removeAll(keepingCapacity: true)
                communityDegree[best] += degree
                if best != current {
                    community[u] = best
                    moves += 1
                    movedAny = true
                    for i in span(of: u) { active[targets[i]] = true }
                }
            }
        }
        let (labels, k) = compacted(community)
        return (labels, k, movedAny)
    }

    /// Leiden's fast local moving: a queue of nodes in random order; a node that moves re-queues its neighbours
    /// outside its new community. A node may also leave for an empty community.
    func fastLocalMove(_ start: [Int], resolution: Double, random: inout SplitMix64) -> [Int] {
        var community = start
        var communityDegree = [Double](repeating: 0, count: count)
        var size = [Int](repeating: 0, count: count)
        for v in 0..<count { communityDegree[community[v]] += degrees[v]; size[community[v]] += 1 }
        var empty = (0..<count).filter { size[$0] == 0 }
        var queue = Array(0..<count)
        queue.shuffle(using: &random)
        var queued = [Bool](repeating: true, count: count)
        var head = 0
        var pending = count
        let m = total
        var toCommunity = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        var neighbourCommunities: [Int] = []
        while pending > 0 {
            let u = queue[head % count]
            head += 1
            pending -= 1
            queued[u] = false
            let current = community[u]
            gatherNeighbourCommunities(of: u, community: community, toCommunity: &toCommunity, seen: &seen, into: &neighbourCommunities)
            let degree = degrees[u]
            communityDegree[current] -= degree
            size[current] -= 1
            // Gain of joining c, relative to being alone: w(u,c)/m − γ K_c k_u / 2m².
            func gain(_ c: Int) -> Double { toCommunity[c] / m - resolution * communityDegree[c] * degree / (2 * m * m) }
            var best = current
            var bestGain = size[current] > 0 ? gain(current) : 0
            for c in neighbourCommunities where c != current {
                let g = gain(c)
                if g > bestGain { bestGain = g; best = c }
            }
            if best == current && size[current] > 0 && bestGain < 0, let alone = empty.popLast() {
                best = alone  // better alone than anywhere
            }
            for c in neighbourCommunities { seen[c] = false; toCommunity[c] = 0 }
            neighbourCommunities.removeAll(keepingCapacity: true)
            communityDegree[best] += degree
            size[best] += 1
            if size[current] == 0 { empty.append(current) }
            if best != current {
                community[u] = best
                for i in span(of: u) {
                    let w = targets[i]
                    if w != u, !queued[w], community[w] != best {
                        queued[w] = true
                        queue[(head + pending) % count] = w
                        pending += 1
                    }
                }
            }
        }
        return community
    }

    /// Leiden's refinement: inside each community of `partition`, start from singletons and merge each
    /// well-connected singleton into a well-connected sub-community of the same community, chosen at random with
    /// probability ∝ exp(m·ΔQ/θ) among those with ΔQ ≥ 0. Returns compact refined labels and their count.
    func refine(_ partition: [Int], communityCount: Int, resolution: Double, random: inout SplitMix64) -> ([Int], Int) {
        let theta = 0.01
        let m = total
        var communityDegree = [Double](repeating: 0, count: communityCount)
        for v in 0..<count { communityDegree[partition[v]] += degrees[v] }
        let members = groupMembers(partition, count: communityCount)
        var refined = Array(0..<count)
        var refinedDegree = degrees
        var refinedSize = [Int](repeating: 1, count: count)
        // external[r]: weight between sub-community r and the rest of its community.
        var external = [Double](repeating: 0, count: count)
        for v in 0..<count {
            for i in span(of: v) where targets[i] != v && partition[targets[i]] == partition[v] { external[v] += weights[i] }
        }
        var toRefined = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        var candidates: [Int] = []
        var options: [(Int, Double)] = []
        var chances: [Double] = []
        var order: [Int] = []
        for c in 0..<communityCount where members.offsets[c + 1] - members.offsets[c] > 1 {
            let total = communityDegree[c]
            order.removeAll(keepingCapacity: true)
            order.append(contentsOf: members.nodes[members.offsets[c]..<members.offsets[c + 1]])
            order.shuffle(using: &random)
            for v in order {
                guard refinedSize[refined[v]] == 1 else { continue }  // only singletons move
                let kv = degrees[v]
                guard external[v] >= resolution * kv * (total - kv) / (2 * m) else { continue }  // v well connected
                for i in span(of: v) where targets[i] != v && partition[targets[i]] == c {
                    let r = refined[targets[i]]
                    if !seen[r] { seen[r] = true; candidates.append(r) }
                    toRefined[r] += weights[i]
                }
                options.removeAll(keepingCapacity: true)
                options.append((refined[v], 0))
                for r in candidates where r != refined[v] {
                    let kr = refinedDegree[r]
                    guard external[r] >= resolution * kr * (total - kr) / (2 * m) else { continue }  // r well connected
                    let gain = toRefined[r] / m - resolution * kr * kv / (2 * m * m)
                    if gain >= 0 { options.append((r, gain)) }
                }
                // θ applies to the gain in edge-weight units (ΔQ·m), as in igraph's and the Leiden paper's code: on
                // ΔQ itself (≈ 1/m per edge) every option would be about equally likely, a random merge.
                var top = options[0].1
                for option in options where option.1 > top { top = option.1 }
                chances.removeAll(keepingCapacity: true)
                for option in options { chances.append(exp((option.1 - top) * m / theta)) }
                var pick = Double(random.next() >> 11) * 0x1p-53 * chances.reduce(0, +)
                var chosen = options[options.count - 1].0
                for (option, chance) in zip(options, chances) {
                    if pick < chance { chosen = option.0; break }
                    pick -= chance
                }
                if chosen != refined[v] {
                    let old = refined[v]
                    let link = toRefined[chosen]
                    refinedSize[old] -= 1
                    refinedDegree[old] -= kv
                    external[chosen] = external[chosen] + external[v] - 2 * link
                    refined[v] = chosen
                    refinedSize[chosen] += 1
                    refinedDegree[chosen] += kv
                }
                for r in candidates { seen[r] = false; toRefined[r] = 0 }
                candidates.removeAll(keepingCapacity: true)
            }
        }
        return compacted(refined)
    }
}
