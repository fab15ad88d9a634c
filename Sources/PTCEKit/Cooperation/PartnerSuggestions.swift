import CoopGraph

/// Partner suggestions on a network: pairs of actors not yet tied, scored by shared partners, with the reason.
public enum PartnerSuggestions {
    /// How pairs are scored (CoopGraph's `LinkPrediction.Score`).
    public typealias Score = LinkPrediction.Score

    /// The `top` best pairs of actors not tied, with their shared partners; optionally only across families or
    /// within a département. O(Σ deg²).
    public static func compute(network: Network, view: GraphViewOptions = GraphViewOptions(), score: Score = .adamicAdar,
                               crossFamily: Bool = false, sameTerritory: Bool = false, top: Int = 20,
                               taxonomy: Taxonomy = .standard) -> [CooperationReport.Suggestion] {
        let networkGraph = NetworkGraph(network, options: view, taxonomy: taxonomy)
        let actors = networkGraph.actorIndices.map { network.actors[$0] }
        let families = actors.map { taxonomy.family(of: $0.kind)?.id ?? "unspecified" }
        let pairs = LinkPrediction.pairs(networkGraph.graph, score: score, limit: top) { u, v in
            if crossFamily && families[u] == families[v] { return false }
            if sameTerritory && (actors[u].department == nil || actors[u].department != actors[v].department) { return false }
            return true
        }
        return pairs.prefix(top).map { pair in
            CooperationReport.Suggestion(source: actors[pair.u].id, sourceName: actors[pair.u].name, target: actors[pair.v].id,
                                         targetName: actors[pair.v].name, score: pair.score,
                                         sharedPartners: pair.through.prefix(5).map { actors[$0].name }, crossFamily: families[pair.u] != families[pair.v],
                                         sharedPartnerCount: pair.through.count)
        }
    }
}
