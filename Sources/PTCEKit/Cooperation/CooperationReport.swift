import CoopGraph
import Foundation

/// Answers to "do ESS actors tie to the rest of the economy, who bridges which worlds, who should meet whom",
/// computed on a graph view of a network and a partition of its actors (family by default).
///
/// Sections: E-I index (network, per group, expected under random mixing, permutation p-value), attribute
/// assortativity and the mixing matrix; passerelle ties (between an ESS family and another); diversity of each
/// actor's partners (distinct families, Blau index, Shannon entropy); Burt's structural holes per actor; partner
/// suggestions (Adamic–Adar) with the shared partners as reason.
public struct CooperationReport: Sendable {
    /// One group of the partition (a family, a kind, a département…).
    public struct GroupRow: Sendable, Codable {
        /// The group's label.
        public var name: String
        /// Its actors in the view.
        public var actors: Int
        /// Ties with both ends in the group.
        public var internalTies: Int
        /// Ties with one end in the group.
        public var externalTies: Int
        /// E-I index of the group's ties (nil without ties).
        public var eiIndex: Double?
        /// Share of the group's ties that join an ESS family and another (nil without ties).
        public var passerelleShare: Double?
    }

    /// One actor: where its partners are.
    public struct ActorRow: Sendable, Codable {
        /// The actor's id.
        public var id: String
        /// The actor's name.
        public var name: String
        /// Its group in the partition (nil: no value for the attribute).
        public var group: String?
        /// Its number of partners in the view.
        public var partners: Int
        /// E-I index of its own ties (nil without ties to labelled actors).
        public var eiIndex: Double?
        /// Families among its partners.
        public var distinctFamilies: Int
        /// Blau's index of its partners' families, 1 − Σ p² (0: all of one family; nil without partners).
        public var blau: Double?
        /// Shannon entropy of its partners' families, −Σ p ln p (nil without partners).
        public var shannon: Double?
        /// Burt's constraint (see `StructuralHoles`).
        public var constraint: Double?
        /// Burt's effective size.
        public var effectiveSize: Double?
        /// Effective size per partner.
        public var efficiency: Double?
        /// Burt's hierarchy.
        public var hierarchy: Double?
        /// Gould–Fernandez brokerage counts by role (directed: coordinator, itinerant, gatekeeper, representative,
        /// liaison; undirected: coordinator, itinerant, liaison, boundary_spanner).
        public var brokerage: [String: Int]
        /// The counts divided by their expectation under random group assignment (null when the expectation is 0).
        public var brokerageNormalized: [String: Double?]

        // The file's snake_case names written out: the rows of a national network are encoded without the encoder
        // converting every key of every row (a tenth of the time of cooperation.json).
        enum CodingKeys: String, CodingKey {
            case id, name, group, partners, blau, shannon, constraint, efficiency, hierarchy, brokerage
            case eiIndex = "ei_index", distinctFamilies = "distinct_families", effectiveSize = "effective_size"
            case brokerageNormalized = "brokerage_normalized"
        }
    }

    /// "Does the group on paper match who works together?": one GES or PTCE against the ties of its members.
    public struct FormalGroupRow: Sendable, Codable {
        /// The group's id.
        public var id: String
        /// The group's name.
        public var name: String
        /// `ges` or `ptce` (or another group kind).
        public var kind: String
        /// Actor members, also through member groups.
        public var members: Int
        /// Ties between two members.
        public var internalTies: Int
        /// Internal ties over possible ones; nil below two members.
        public var density: Double?
        /// Ties from a member to an actor outside the group.
        public var externalTies: Int
        /// Members without any tie to another member.
        public var membersWithoutInternalTie: [String]
        /// Partners outside the group, by family label.
        public var externalPartnersByFamily: [String: Int]
    }

    /// Two PTCE sharing members.
    public struct Overlap: Sendable, Codable {
        /// One PTCE's name.
        public var first: String
        /// The other's name.
        public var second: String
        /// Members of both.
        public var sharedMembers: Int
        /// Shared members over members of either.
        public var jaccard: Double
    }

    /// Two actors not tied who share partners.
    public struct Suggestion: Sendable, Codable {
        /// One actor's id.
        public var source: String
        /// Its name.
        public var sourceName: String
        /// The other actor's id.
        public var target: String
        /// Its name.
        public var targetName: String
        /// The Adamic–Adar score (see `LinkPrediction`).
        public var score: Double
        /// Names of the shared partners (five at most), the strongest reason first.
        public var sharedPartners: [String]
        /// Whether the two are of different families.
        public var crossFamily: Bool
        /// How many partners they share (`sharedPartners` lists five at most).
        public var sharedPartnerCount: Int

        /// The shared partners for people: the names, and "(+3 autres)" when there are more than shown.
        public func sharedPartnersText(_ language: Language, separator: String = ", ") -> String {
            let more = sharedPartnerCount - sharedPartners.count
            guard more > 0 else { return sharedPartners.joined(separator: separator) }
            return sharedPartners.joined(separator: separator) + (language == .fr ? " (+\(more) autre\(more > 1 ? "s" : ""))" : " (+\(more) more)")
        }
    }

    /// The partition's attribute (`family`, `kind`, `department`, a column…).
    public var attribute: String
    /// Actors in the view.
    public var actors: Int
    /// Ties (edges) in the view.
    public var ties: Int
    /// Krackhardt and Stern's E-I index of all ties: −1 all inside groups, +1 all across (nil: no labelled tie).
    public var eiIndex: Double?
    /// The E-I index expected if groups were drawn at random with the same sizes.
    public var expectedEIIndex: Double?
    /// Permutation p-value of `eiIndex`: the share of label shuffles at least as far from the expected index,
    /// (k + 1)/(N + 1) (nil when `permutations` is 0).
    public var eiPValue: Double?
    /// Relabellings of the permutation test.
    public var permutations: Int
    /// Seed of the permutation test.
    public var seed: UInt64
    /// Newman's attribute assortativity (nil when undefined).
    public var assortativity: Double?
    /// The groups of the partition, in the order of `mixingMatrix`.
    public var groupNames: [String]
    /// Ties between groups (see `Mixing.matrix`).
    public var mixingMatrix: [[Int]]
    /// One row per group of the partition.
    public var groups: [GroupRow]
    /// Ties between an ESS family and another.
    public var passerelleTies: Int
    /// Ties with an end of unspecified family (kind `unknown`): neither passerelle nor not, left out of the share.
    public var passerelleUndetermined: Int
    /// Passerelle ties over the ties whose two ends have a known family (nil when there is none).
    public var passerelleShare: Double?
    /// One row per actor of the view.
    public var actorRows: [ActorRow]
    /// Pairs that should meet, best first.
    public var suggestions: [Suggestion]
    /// Each GES and PTCE against the ties of its members.
    public var formalGroups: [FormalGroupRow]
    /// PTCE sharing members, most similar first.
    public var overlaps: [Overlap]
    /// Share of ties whose two ends are in the same département (among ties where both are known).
    public var sameDepartmentShare: Double?
    /// Share of ties whose two ends are in the same region (among ties where both are known).
    public var sameRegionShare: Double?
    /// Mean great-circle length of ties in km, when both ends have coordinates.
    public var meanTieLengthKm: Double?
    /// Communities against formal groups (nil when `communityRuns` is 0).
    public var communities: CommunityReport?

    /// Why the report cannot be computed.
    public enum Failure: Error, Equatable, Sendable {
        /// The attribute gives no partition (unknown, or no actor has a value).
        case partition(Partition.Failure)
        /// The view has no tie.
        case noTies
    }

    /// The report of `network` seen through `view`, its actors partitioned by `attribute`.
    /// - Complexity: O(permutations · m) for the test, O(Σ deg²) for brokerage and structural holes, plus the
    ///   community runs (`CommunityReport`).
    public init(network: Network, view: GraphViewOptions = GraphViewOptions(), attribute: String = "family", permutations: Int = 999,
                seed: UInt64 = 0, suggestions count: Int = 20, communityRuns: Int = 10,
                communityMethod: CommunityDetection.Method = .leiden, taxonomy: Taxonomy = .standard, language: Language = .fr) throws(Failure) {
        let (networkGraph, partition) = try CooperationReport.graphAndPartition(network, view: view, attribute: attribute,
                                                                                taxonomy: taxonomy, language: language)
        let g = networkGraph.graph
        self.attribute = attribute
        actors = g.nodeCount
        ties = g.edgeCount
        self.permutations = permutations
        self.seed = seed
        let mixing = Mixing(g, labels: partition.labels, groupCount: partition.names.count)
        eiIndex = mixing.eiIndex
        expectedEIIndex = Mixing.expectedEIIndex(groupSizes: partition.sizes)
        eiPValue = permutations > 0 ? Mixing.permutationTest(g, labels: partition.labels, groupCount: partition.names.count,
                                                              permutations: permutations, seed: seed)?.pValue : nil
        assortativity = mixing.assortativity
        groupNames = partition.names
        mixingMatrix = mixing.matrix
        // Passerelle ties: one end in an ESS family, the other in a known family outside the ESS. An actor whose kind
        // the sources do not give (family "unspecified") may be either: its ties are left out of the shares.
        let familyOf = networkGraph.actorIndices.map { taxonomy.family(of: network.actors[$0].kind) }
        func isESS(_ v: Int) -> Bool? {
            guard let family = familyOf[v], family.id != "unspecified" else { return nil }
            return family.ess
        }
        let (passerelle, undetermined, groupTies, groupPasserelle) = Self.passerelleCounts(g, partition: partition, isESS: isESS)
        passerelleTies = passerelle
        passerelleUndetermined = undetermined
        passerelleShare = g.edgeCount > undetermined ? Double(passerelle) / Double(g.edgeCount - undetermined) : nil
        let groupEI = mixing.groupEIIndex()
        let sizes = partition.sizes
        groups = partition.names.indices.map { k in
            GroupRow(name: partition.names[k], actors: sizes[k], internalTies: mixing.matrix[k][k],
                     externalTies: mixing.externalTies(ofGroup: k),
                     eiIndex: groupEI[k], passerelleShare: groupTies[k] > 0 ? Double(groupPasserelle[k]) / Double(groupTies[k]) : nil)
        }
        let rows = Self.actorRows(network, networkGraph, partition: partition, familyOf: familyOf, weighted: view.weighted)
        actorRows = rows
        // Formal groups against the ties.
        let (formal, memberSets) = Self.formalGroups(network, networkGraph, at: view.at, familyOf: familyOf, taxonomy: taxonomy, language: language)
        formalGroups = formal
        let overlaps = Self.overlaps(memberSets)
        self.overlaps = overlaps.sorted { ($0.jaccard, $1.first) > ($1.jaccard, $0.first) }
        // Territorial anchoring.
        let (department, region, length, measured) = Self.territory(network, networkGraph)
        sameDepartmentShare = department.known > 0 ? Double(department.same) / Double(department.known) : nil
        sameRegionShare = region.known > 0 ? Double(region.same) / Double(region.known) : nil
        meanTieLengthKm = measured > 0 ? length / Double(measured) : nil
        // The community runs and the suggested meetings are independent: computed at once.
        let (communityResult, pairs) = Self.communitiesAndPairs(
            { () throws(Failure) -> CommunityReport? in
                communityRuns > 0
                    ? try CommunityReport(network: network, view: view, method: communityMethod, runs: communityRuns, seed: seed,
                                          attribute: attribute, taxonomy: taxonomy, language: language)
                    : nil
            },
            { LinkPrediction.pairs(g, limit: count) })
        communities = try communityResult.get()
        suggestions = pairs.map { pair in
            let a = network.actors[networkGraph.actorIndices[pair.u]], b = network.actors[networkGraph.actorIndices[pair.v]]
            return Suggestion(source: a.id, sourceName: a.name, target: b.id, targetName: b.name, score: pair.score,
                              sharedPartners: pair.through.prefix(5).map { network.actors[networkGraph.actorIndices[$0]].name },
                              crossFamily: familyOf[pair.u]?.id != familyOf[pair.v]?.id, sharedPartnerCount: pair.through.count)
        }
    }

    private enum Part {
        case communities(Result<CommunityReport?, Failure>)
        case pairs([LinkPrediction.Pair])
    }

    private static func communitiesAndPairs(_ communities: @escaping () throws(Failure) -> CommunityReport?,
                                            _ pairs: @escaping () -> [LinkPrediction.Pair])
        -> (Result<CommunityReport?, Failure>, [LinkPrediction.Pair]) {
        let parts: [Part] = concurrently([
            { .communities(Result { () throws(Failure) in try communities() }) },
            { .pairs(pairs()) },
        ])
        guard case .communities(let result) = parts[0], case .pairs(let found) = parts[1] else { preconditionFailure("jobs out of order") }
        return (result, found)
    }

    /// The graph of the view and the partition of its actors by `attribute`: what both reports start from. Fails
    /// when the view has no tie or the attribute gives no partition.
    static func graphAndPartition(_ network: Network, view: GraphViewOptions, attribute: String, taxonomy: Taxonomy,
                                  language: Language) throws(Failure) -> (NetworkGraph, Partition) {
        let networkGraph = NetworkGraph(network, options: view, taxonomy: taxonomy)
        guard networkGraph.graph.edgeCount > 0 else { throw .noTies }
        do { return (networkGraph, try Partition(network: network, graph: networkGraph, attribute: attribute, taxonomy: taxonomy, language: language)) } catch {
            throw .partition(error)
        }
    }

    /// Passerelle ties (one end in an ESS family, the other in a known family outside it), the ties left undetermined
    /// (an end of unspecified family), and by group of the partition the determined ties and the passerelles.
    private static func passerelleCounts(_ g: Graph, partition: Partition, isESS: (Int) -> Bool?) -> (Int, Int, [Int], [Int]) {
        var passerelle = 0, undetermined = 0
        var groupTies = [Int](repeating: 0, count: partition.names.count)
        var groupPasserelle = [Int](repeating: 0, count: partition.names.count)
        for e in 0..<g.edgeCount {
            let u = Int(g.edgeSources[e]), v = Int(g.edgeTargets[e])
            guard let essU = isESS(u), let essV = isESS(v) else { undetermined += 1; continue }
            let crossing = essU != essV
            if crossing { passerelle += 1 }
            for label in Set([partition.labels[u], partition.labels[v]]) where label >= 0 {
                groupTies[label] += 1
                if crossing { groupPasserelle[label] += 1 }
            }
        }
        return (passerelle, undetermined, groupTies, groupPasserelle)
    }

    /// Per actor: E-I of its own ties, diversity of its partners' families, structural holes, brokerage roles.
    private static func actorRows(_ network: Network, _ networkGraph: NetworkGraph, partition: Partition,
                                  familyOf: [Taxonomy.Family?], weighted: Bool) -> [ActorRow] {
        let g = networkGraph.graph
        let holes = StructuralHoles(g, weighted: weighted)
        let brokerage = BrokerageRoles(g, labels: partition.labels)
        var rows: [ActorRow] = []
        for v in 0..<g.nodeCount {
            let actor = network.actors[networkGraph.actorIndices[v]]
            // Every arc of the actor counts once, sent or received; partners are the actors tied to it either way.
            var inside = 0, across = 0
            let arcEnds: [Int32] = g.isDirected ? Array(g.neighbors(of: v)) + g.predecessors(of: v) : Array(g.neighbors(of: v))
            for w32 in arcEnds {
                let w = Int(w32)
                if partition.labels[v] >= 0 && partition.labels[w] >= 0 {
                    if partition.labels[v] == partition.labels[w] { inside += 1 } else { across += 1 }
                }
            }
            let partnerSet = g.isDirected ? Set(arcEnds).sorted() : arcEnds
            var familyCounts: [String: Int] = [:]
            for w32 in partnerSet { familyCounts[familyOf[Int(w32)]?.id ?? "unspecified", default: 0] += 1 }
            let partners = partnerSet.count
            // Summed in the order of the families' ids: a Dictionary's order changes from one process to the next, and
            // floating-point sums in another order differ in the last bits (then "Blau 0,75" or "0,76").
            let shares = familyCounts.sorted { $0.key < $1.key }.map { Double($0.value) / Double(max(partners, 1)) }
            rows.append(ActorRow(
                id: actor.id, name: actor.name, group: partition.labels[v] >= 0 ? partition.names[partition.labels[v]] : nil,
                partners: partners, eiIndex: inside + across > 0 ? Double(across - inside) / Double(inside + across) : nil,
                distinctFamilies: familyCounts.count,
                blau: partners > 0 ? 1 - shares.reduce(0) { $0 + $1 * $1 } : nil,
                shannon: partners > 0 ? -shares.reduce(0) { $0 + $1 * log($1) } + 0 : nil,
                constraint: holes.constraint[v], effectiveSize: holes.effectiveSize[v], efficiency: holes.efficiency[v],
                hierarchy: holes.hierarchy[v],
                brokerage: Dictionary(uniqueKeysWithValues: brokerage.counts[v].map { ($0.key.rawValue, $0.value) }),
                brokerageNormalized: Dictionary(uniqueKeysWithValues: brokerage.normalized[v].map { ($0.key.rawValue, $0.value) })))
        }
        return rows
    }

    /// Each GES and PTCE against the ties: internal and external ties, density, members without an internal tie; and
    /// the member sets of the PTCE (for their overlaps).
    private static func formalGroups(_ network: Network, _ networkGraph: NetworkGraph, at year: Int?, familyOf: [Taxonomy.Family?],
                                     taxonomy: Taxonomy, language: Language) -> ([FormalGroupRow], [(String, Set<String>)]) {
        let g = networkGraph.graph
        var nodeOf: [String: Int] = [:]
        for (v, index) in networkGraph.actorIndices.enumerated() { nodeOf[network.actors[index].id] = v }
        let groupMembers = NetworkGraph.groupMembers(network, at: year)
        let groupByID = Dictionary(network.groups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var formal: [FormalGroupRow] = []
        var memberSets: [(String, Set<String>)] = []
        for (groupID, memberIDs) in groupMembers {
            guard let group = groupByID[groupID] else { continue }
            let nodes = memberIDs.compactMap { nodeOf[$0] }
            let inside = Set(nodes)
            var internalTies = 0, externalTies = 0
            var partnersOutside: [String: Int] = [:]
            var seenOutside = Set<Int>()
            var tiedInside = Set<Int>()
            func outside(_ w: Int) {
                externalTies += 1
                if seenOutside.insert(w).inserted {
                    partnersOutside[taxonomy.familyLabel(familyOf[w]?.id ?? "unspecified", language), default: 0] += 1
                }
            }
            for v in nodes {
                // Undirected: each tie is seen from both ends (counted once inside). Directed: each arc once, from
                // its source; the arcs received from outside count as external ties too.
                for w32 in g.neighbors(of: v) {
                    let w = Int(w32)
                    if inside.contains(w) {
                        tiedInside.formUnion([v, w])
                        if g.isDirected || v < w { internalTies += 1 }
                    } else {
                        outside(w)
                    }
                }
                if g.isDirected {
                    for w32 in g.predecessors(of: v) where !inside.contains(Int(w32)) { outside(Int(w32)) }
                }
            }
            let k = Double(nodes.count)
            formal.append(FormalGroupRow(
                id: groupID, name: group.name, kind: group.kind, members: nodes.count, internalTies: internalTies,
                density: nodes.count > 1 ? Double(internalTies) / (k * (k - 1) / (g.isDirected ? 1 : 2)) : nil, externalTies: externalTies,
                membersWithoutInternalTie: nodes.filter { !tiedInside.contains($0) && nodes.count > 1 }.map { network.actors[networkGraph.actorIndices[$0]].name },
                externalPartnersByFamily: partnersOutside))
            if group.isPTCE { memberSets.append((group.name, Set(memberIDs))) }
        }
        return (formal, memberSets)
    }

    /// PTCE sharing members, by Jaccard similarity of their member sets.
    private static func overlaps(_ memberSets: [(String, Set<String>)]) -> [Overlap] {
        // Pairs that share a member, found through each member's groups (not every pair of groups: 1,851 groups are
        // 1.7 million pairs, of which a few thousand share anyone), in the order of the pairs (i, then j > i).
        var groupsOfMember: [String: [Int]] = [:]
        for (index, (_, members)) in memberSets.enumerated() {
            for member in members { groupsOfMember[member, default: []].append(index) }
        }
        var shared = [Int](repeating: 0, count: memberSets.count)
        var touched: [Int] = []
        var overlaps: [Overlap] = []
        for i in memberSets.indices {
            for member in memberSets[i].1 {
                for j in groupsOfMember[member] ?? [] where j > i {
                    if shared[j] == 0 { touched.append(j) }
                    shared[j] += 1
                }
            }
            touched.sort()
            for j in touched {
                let union = memberSets[i].1.count + memberSets[j].1.count - shared[j]
                overlaps.append(Overlap(first: memberSets[i].0, second: memberSets[j].0, sharedMembers: shared[j],
                                        jaccard: Double(shared[j]) / Double(union)))
                shared[j] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return overlaps
    }

    /// Ties within one département, within one region (over ties whose two ends say where they are), and the length
    /// of ties between actors with coordinates.
    private static func territory(_ network: Network, _ networkGraph: NetworkGraph)
        -> (department: (same: Int, known: Int), region: (same: Int, known: Int), length: Double, measured: Int) {
        let g = networkGraph.graph
        var department = (same: 0, known: 0), region = (same: 0, known: 0)
        var length = 0.0, measured = 0
        for e in 0..<g.edgeCount {
            let a = network.actors[networkGraph.actorIndices[Int(g.edgeSources[e])]], b = network.actors[networkGraph.actorIndices[Int(g.edgeTargets[e])]]
            if let x = a.department, let y = b.department { department.known += 1; if x == y { department.same += 1 } }
            if let x = a.region, let y = b.region { region.known += 1; if x == y { region.same += 1 } }
            if let lat1 = a.latitude, let lon1 = a.longitude, let lat2 = b.latitude, let lon2 = b.longitude {
                length += Self.greatCircleKm(lat1, lon1, lat2, lon2)
                measured += 1
            }
        }
        return (department, region, length, measured)
    }

    /// Haversine distance on a sphere of radius 6,371 km.
    static func greatCircleKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = Double.pi / 180
        let dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * r) * cos(lat2 * r) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, h.squareRoot()))
    }

    /// The report as JSON (`cooperation.json`, described by `docs/cooperation.schema.json`); undefined values null.
    public func json() throws -> Data { try json(rowsPerChunk: 2_048) }

    /// `json()` with the actor rows encoded `rowsPerChunk` at a time and spliced into the document: the same bytes
    /// as one encoding (pretty-printed JSON never has a line break inside a string, so a chunk is moved one level
    /// deeper by indenting its lines), without the encoder's whole tree of a national network in memory (2.2 GB for
    /// the 266,785 actors of `generate --scale 100`).
    func json(rowsPerChunk: Int) throws -> Data {
        let encoder = JSONOutput.encoder()
        guard actorRows.count > rowsPerChunk else { return try encoder.encode(Encoded(self)) }
        var skeleton = Encoded(self)
        skeleton.actors_ = []
        let document = try encoder.encode(skeleton)
        let empty = Data("\n  \"actor_measures\" : [\n\n  ]".utf8)
        guard let slot = document.range(of: empty) else { return try encoder.encode(Encoded(self)) }
        var output = Data()
        output.append(document[..<slot.lowerBound])
        output.append(Data("\n  \"actor_measures\" : [\n".utf8))
        let rowEncoder = JSONOutput.encoder(snakeCaseKeys: false)
        for start in stride(from: 0, to: actorRows.count, by: rowsPerChunk) {
            let chunk = try rowEncoder.encode(Array(actorRows[start..<min(actorRows.count, start + rowsPerChunk)]))
            // "[\n  {…},\n  {…}\n]": the lines between the brackets, two spaces deeper (byte by byte: splitting
            // `Data` into lines was a third of the time of this file).
            if start > 0 { output.append(contentsOf: ",\n".utf8) }
            chunk.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                guard let first = bytes.firstIndex(of: UInt8(ascii: "\n")), let last = bytes.lastIndex(of: UInt8(ascii: "\n")),
                      first < last else { return }
                var deeper: [UInt8] = []
                deeper.reserveCapacity(last - first + (last - first) / 8)
                deeper.append(contentsOf: "  ".utf8)
                for byte in bytes[(first + 1)..<last] {
                    deeper.append(byte)
                    if byte == UInt8(ascii: "\n") { deeper.append(contentsOf: "  ".utf8) }
                }
                output.append(contentsOf: deeper)
            }
        }
        output.append(contentsOf: "\n  ]".utf8)
        output.append(document[slot.upperBound...])
        return output
    }

    private struct Encoded: Encodable {
        let attribute: String, actors: Int, ties: Int
        let eiIndex: Double?, expectedEiIndex: Double?, eiPValue: Double?, permutations: Int, seed: UInt64
        let assortativity: Double?
        let mixing: [String: [String: Int]]
        let groups: [GroupRow]
        let passerelleTies: Int, passerelleUndetermined: Int, passerelleShare: Double?
        var actors_: [ActorRow]
        let suggestions: [Suggestion]
        let formalGroups: [FormalGroupRow]
        let overlaps: [Overlap]
        let sameDepartmentShare: Double?, sameRegionShare: Double?, meanTieLengthKm: Double?
        let communities: CommunityReport?

        init(_ r: CooperationReport) {
            attribute = r.attribute; actors = r.actors; ties = r.ties
            eiIndex = r.eiIndex; expectedEiIndex = r.expectedEIIndex; eiPValue = r.eiPValue; permutations = r.permutations; seed = r.seed
            assortativity = r.assortativity
            var mixing: [String: [String: Int]] = [:]
            for (a, name) in r.groupNames.enumerated() {
                mixing[name] = Dictionary(uniqueKeysWithValues: r.groupNames.enumerated().map { ($1, r.mixingMatrix[a][$0]) })
            }
            self.mixing = mixing
            groups = r.groups; passerelleTies = r.passerelleTies; passerelleUndetermined = r.passerelleUndetermined
            passerelleShare = r.passerelleShare
            actors_ = r.actorRows; suggestions = r.suggestions
            formalGroups = r.formalGroups; overlaps = r.overlaps
            sameDepartmentShare = r.sameDepartmentShare; sameRegionShare = r.sameRegionShare; meanTieLengthKm = r.meanTieLengthKm
            communities = r.communities
        }

        enum CodingKeys: String, CodingKey {
            case attribute, actors, ties, eiIndex, expectedEiIndex, eiPValue, permutations, seed, assortativity, mixing, groups
            case passerelleTies, passerelleUndetermined, passerelleShare, suggestions, formalGroups, overlaps, sameDepartmentShare, sameRegionShare, meanTieLengthKm
            case communities
            case actors_ = "actorMeasures"
        }
    }

    /// "Liens passerelles (ESS ↔ hors ESS) : 11 sur 14 liens entre acteurs de nature connue, soit 79 % ; 12 liens
    /// touchent un acteur de nature non précisée et ne sont pas comptés." — for the text and the report.
    public func passerelleSentence(_ language: Language) -> String {
        let fr = language == .fr
        let known = ties - passerelleUndetermined
        let share = language.percent(passerelleShare)
        guard passerelleUndetermined > 0 else {
            return fr ? "Liens passerelles (ESS ↔ hors ESS) : \(passerelleTies) sur \(ties), soit \(share)."
                      : "Passerelle ties (social economy ↔ the rest): \(passerelleTies) of \(ties), \(share)."
        }
        let left = language.count(passerelleUndetermined, "lien", "tie")
        return fr ? "Liens passerelles (ESS ↔ hors ESS) : \(passerelleTies) sur \(known) liens entre acteurs de nature connue"
                    + (known > 0 ? ", soit \(share)" : "") + " ; "
                    + (passerelleUndetermined == 1 ? "1 lien touche un acteur de nature non précisée : il n'est pas compté."
                                                   : "\(passerelleUndetermined) liens touchent un acteur de nature non précisée : ils ne sont pas comptés.")
                  : "Passerelle ties (social economy ↔ the rest): \(passerelleTies) of the \(known) ties between actors of known kind"
                    + (known > 0 ? ", \(share)" : "") + "; \(left) with an actor of unspecified kind \(passerelleUndetermined == 1 ? "is" : "are") not counted."
    }

    /// A readable page: the answers first, in plain words, then the tables.
    /// The report as `ptce cooperation` prints it, `top` actors per list.
    public func text(_ language: Language, top: Int = 10) -> String {
        let fr = language == .fr
        func number(_ value: Double?, _ digits: Int = 3) -> String { language.decimal(value, digits: digits) }
        func percent(_ value: Double?) -> String { language.percent(value) }
        var lines: [String] = []
        let partitionName = fr ? (["family": "famille", "kind": "nature", "department": "département", "region": "région"][attribute] ?? attribute) : attribute
        lines.append(fr ? "Coopération entre mondes — partition : \(partitionName) (\(groupNames.count) groupes, \(actors) acteurs, \(ties) liens)"
                        : "Cooperation across worlds — partition: \(attribute) (\(groupNames.count) groups, \(actors) actors, \(ties) ties)")
        lines.append("")
        if let ei = eiIndex, let expected = expectedEIIndex {
            lines.append(Reading.eiIndex(ei, expected: expected, pValue: eiPValue, permutations: permutations,
                                         unit: ("groupes", "groups"), language: language)
                         + (fr ? " Test : \(permutations) permutations, graine \(seed)." : " Test: \(permutations) permutations, seed \(seed)."))
        }
        lines.append(fr ? "Assortativité : \(number(assortativity)) (1 : entre-soi complet, 0 : mélange au hasard, négatif : liens surtout entre groupes différents)."
                        : "Assortativity: \(number(assortativity)) (1: complete homophily, 0: random mixing, negative: ties mostly across groups).")
        lines.append(passerelleSentence(language))
        lines.append("")
        lines.append(fr ? "Par groupe (E-I : -1 tout à l'intérieur, +1 tout vers l'extérieur)" : "By group (E-I: -1 all inside, +1 all outside)")
        let width = groupNames.map(\.count).max() ?? 0
        for group in groups.sorted(by: { $0.actors > $1.actors }) {
            lines.append("  " + group.name.padding(toLength: width, withPad: " ", startingAt: 0)
                         + (fr ? "  \(language.count(group.actors, "acteur", "actor")), \(language.count(group.internalTies, "lien interne", "", frenchPlural: "liens internes")), \(language.count(group.externalTies, "externe", "")), E-I \(number(group.eiIndex)), passerelles \(percent(group.passerelleShare))"
                               : "  \(language.count(group.actors, "", "actor")), \(language.count(group.internalTies, "", "internal tie")), \(group.externalTies) external, E-I \(number(group.eiIndex)), passerelles \(percent(group.passerelleShare))"))
        }
        lines.append("")
        let anchoring = fr ? "Ancrage territorial : \(percent(sameDepartmentShare)) des liens dans un même département, \(percent(sameRegionShare)) dans une même région"
                           : "Territorial anchoring: \(percent(sameDepartmentShare)) of ties within one département, \(percent(sameRegionShare)) within one region"
        let distance = meanTieLengthKm.map { fr ? " ; longueur moyenne \(number($0, 0)) km" : "; mean length \(number($0, 0)) km" } ?? ""
        lines.append(anchoring + distance + ".")
        if !formalGroups.isEmpty {
            lines.append("")
            lines.append(fr ? "GES et PTCE : le groupe sur le papier et les liens réels" : "GES and PTCE: the group on paper and the actual ties")
            for group in formalGroups.filter({ $0.members > 0 }).sorted(by: { ($0.members, $1.name) > ($1.members, $0.name) }).prefix(max(top, 15)) {
                var line = "  \(group.name) (\(group.kind.uppercased())) — " + (fr
                    ? "\(language.count(group.members, "membre", "")), \(language.count(group.internalTies, "lien interne", "", frenchPlural: "liens internes")) (densité \(number(group.density, 2))), \(group.externalTies) vers l'extérieur"
                    : "\(language.count(group.members, "", "member")), \(language.count(group.internalTies, "", "internal tie")) (density \(number(group.density, 2))), \(group.externalTies) outside")
                if !group.membersWithoutInternalTie.isEmpty {
                    line += fr ? " ; sans lien interne : " : "; no internal tie: "
                    line += group.membersWithoutInternalTie.prefix(5).joined(separator: ", ") + (group.membersWithoutInternalTie.count > 5 ? "…" : "")
                }
                lines.append(line)
            }
            for overlap in overlaps.prefix(5) {
                lines.append(fr ? "  chevauchement : \(overlap.first) et \(overlap.second) partagent \(overlap.sharedMembers) membre(s) (Jaccard \(number(overlap.jaccard, 2)))"
                                : "  overlap: \(overlap.first) and \(overlap.second) share \(overlap.sharedMembers) member(s) (Jaccard \(number(overlap.jaccard, 2)))")
            }
        }
        lines.append("")
        lines.append(fr ? "Courtiers (taille effective la plus grande : partenaires qui ne se connaissent pas entre eux)"
                        : "Brokers (largest effective size: partners who do not know each other)")
        let roleNames: [String: (String, String)] = [
            "coordinator": ("coordinateur", "coordinator"), "itinerant": ("itinérant", "itinerant"), "gatekeeper": ("gardien", "gatekeeper"),
            "representative": ("représentant", "representative"), "liaison": ("liaison", "liaison"), "boundary_spanner": ("passeur de frontière", "boundary spanner"),
        ]
        for row in actorRows.filter({ $0.effectiveSize != nil }).sorted(by: { ($0.effectiveSize!, $1.name) > ($1.effectiveSize!, $0.name) }).prefix(top) {
            let roles = row.brokerage.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .map { "\(fr ? roleNames[$0.key]?.0 ?? $0.key : roleNames[$0.key]?.1 ?? $0.key) \($0.value)" }
            lines.append("  \(row.name) — " + (fr ? "taille effective \(number(row.effectiveSize, 2)), contrainte \(number(row.constraint)), \(row.distinctFamilies) famille(s) de partenaires (Blau \(number(row.blau, 2)))"
                                                   : "effective size \(number(row.effectiveSize, 2)), constraint \(number(row.constraint)), \(row.distinctFamilies) partner families (Blau \(number(row.blau, 2)))")
                         + (roles.isEmpty ? "" : (fr ? " ; courtage : " : "; brokerage: ") + roles.joined(separator: ", ")))
        }
        lines.append("")
        lines.append(fr ? "Rencontres suggérées (partenaires en commun, indice d'Adamic–Adar)" : "Suggested meetings (shared partners, Adamic–Adar index)")
        if suggestions.isEmpty { lines.append(fr ? "  aucune : aucun couple d'acteurs non liés n'a de partenaire en commun" : "  none: no untied pair shares a partner") }
        for s in suggestions.prefix(top) {
            lines.append("  \(s.sourceName) ↔ \(s.targetName) — " + (fr ? "partenaires communs : " : "shared partners: ") + s.sharedPartnersText(language)
                         + " (\(number(s.score, 2)))" + (s.crossFamily ? (fr ? " — entre familles différentes" : " — across families") : ""))
        }
        if let communities {
            lines.append("")
            lines.append(communities.text(language, top: min(top, 5)).trimmingCharacters(in: .newlines))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
