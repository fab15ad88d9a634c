import ArgumentParser
import CoopGraph
import Foundation
import PTCEKit

struct Robustness: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How the network holds when key actors leave: the largest component as actors are removed.",
        discussion: """
        Actors are removed in the order of --by: betweenness (default), degree, or an explicit list (--actors ID,ID,…). \
        Prints, for each removal, the actor and the size of the largest connected component left (and its share of \
        the actors), then the articulation actors (whose departure alone splits the network) by GES and PTCE.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var viewOptions: ViewOptions

    @Option(help: "Removal order: betweenness or degree.")
    var by: String = "betweenness"

    @Option(help: "Explicit removal order: comma-separated actor ids (replaces --by).")
    var actors: String?

    @Option(help: "Number of removals.")
    var steps: Int = 10

    @Option(help: "Output: text, csv or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, csv, json }

    func run() throws {
        let fr = input.lang == .fr
        let taxonomy = try input.loadTaxonomy()
        let view = try viewOptions.graphOptions(taxonomy: taxonomy, language: input.lang)
        let network = try input.load(quietWarnings: true).network
        try viewOptions.checkYear(in: network, language: input.lang)
        try ViewOptions.checkWeights(in: network, options: view, taxonomy: taxonomy, language: input.lang)
        let networkGraph = NetworkGraph(network, options: view, taxonomy: taxonomy)
        let graph = networkGraph.graph
        guard graph.nodeCount > 0 else {
            printError(fr ? "erreur : le graphe n'a aucun acteur" : "error: the graph has no actor")
            throw Exit.dataError
        }
        let names = networkGraph.actorIndices.map { network.actors[$0].name }
        var order: [Int]
        if let actors {
            let index = Dictionary(uniqueKeysWithValues: networkGraph.actorIndices.enumerated().map { (network.actors[$1].id, $0) })
            order = []
            for id in actors.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let v = index[id] else {
                    printError(fr ? "erreur : acteur inconnu « \(id) » dans --actors" : "error: unknown actor '\(id)' in --actors")
                    throw Exit.usage
                }
                if !order.contains(v) { order.append(v) }
            }
        } else {
            let scores: [Double]
            switch by {
            case "betweenness": scores = betweenness(graph)
            case "degree": scores = degree(graph).map(Double.init)
            default:
                printError(fr ? "erreur : --by : betweenness ou degree" : "error: --by: betweenness or degree")
                throw ExitCode(64)
            }
            order = Array(scores.indices.sorted { (scores[$0], names[$1]) > (scores[$1], names[$0]) }.prefix(max(0, steps)))
        }
        let curve = removalCurve(graph, order: order)
        let n = Double(graph.nodeCount)
        let articulation = Set(cutStructure(graph).articulationPoints)
        var byGroup: [(String, [String])] = []
        for group in network.groups where group.isGES || group.isPTCE {
            let members = Set(network.memberships.filter { $0.group == group.id }.map(\.member))
            let points = networkGraph.actorIndices.enumerated().filter { articulation.contains($0.offset) && members.contains(network.actors[$0.element].id) }.map { names[$0.offset] }
            if !points.isEmpty { byGroup.append((group.name, points)) }
        }
        switch format {
        case .json:
            let object: [String: Any] = [
                "order": by, "actors": graph.nodeCount,
                "steps": [["removed": NSNull(), "largest_component": curve[0], "share": Double(curve[0]) / n]]
                    + order.enumerated().map { ["removed": network.actors[networkGraph.actorIndices[$1]].id, "largest_component": curve[$0 + 1], "share": Double(curve[$0 + 1]) / n] },
                "articulation_actors": articulation.sorted().map { network.actors[networkGraph.actorIndices[$0]].id },
                "articulation_by_group": Dictionary(uniqueKeysWithValues: byGroup),
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self))
        case .csv:
            var writer = CSVWriter()
            writer.row(["step", "removed", "largest_component", "share"].map { .text($0) })
            writer.row([.integer(0), .text(""), .integer(curve[0]), .number(Double(curve[0]) / n)])
            for (k, v) in order.enumerated() {
                writer.row([.integer(k + 1), .text(network.actors[networkGraph.actorIndices[v]].id), .integer(curve[k + 1]), .number(Double(curve[k + 1]) / n)])
            }
            print(writer.output, terminator: "")
        case .text:
            print(fr ? "Plus grande composante : \(curve[0]) acteurs sur \(graph.nodeCount) au départ" : "Largest component: \(curve[0]) of \(graph.nodeCount) actors at first")
            for (k, v) in order.enumerated() {
                let share = Double(curve[k + 1]) / n * 100
                print(fr ? String(format: "%2d. sans %@ : %d acteurs (%.0f %%)", k + 1, names[v], curve[k + 1], share)
                         : String(format: "%2d. without %@: %d actors (%.0f%%)", k + 1, names[v], curve[k + 1], share))
            }
            print("")
            print(fr ? "Acteurs d'articulation (leur départ seul coupe le réseau) : \(articulation.count)" : "Articulation actors (their departure alone splits the network): \(articulation.count)")
            for (group, points) in byGroup { print("  \(group) : " + points.joined(separator: ", ")) }
        }
    }
}
