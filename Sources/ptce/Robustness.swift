import ArgumentParser
import CoopGraph
import Foundation
import PTCEKit

struct Robustness: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How the network holds when key actors leave: the largest component as actors are removed.",
        discussion: """
        Actors are removed in the order of --by: betweenness (default), degree, or an explicit list (--actors ID,ID,…). \
        The order is computed once on the whole network, or again after each removal with --recompute (the adaptive \
        attack: the next go-between is sought in what is left). With --weighted, betweenness uses the weights as \
        path lengths (--weight-as) and the degree order is by strength (sum of tie weights); with --directed, degree \
        is in + out and components are weak. Prints, for each removal, the actor and the size of the largest \
        connected component left (and its share of the actors), then the articulation actors (whose departure alone \
        splits the network) by GES and PTCE.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var viewOptions: ViewOptions

    @Option(help: "Removal order: by decreasing betweenness or degree.")
    var by: RobustnessReport.Order = .betweenness

    @Option(help: "Explicit removal order: comma-separated actor ids (replaces --by).")
    var actors: String?

    @Option(help: "Number of removals.")
    var steps: Int = 10

    @Flag(help: "Compute the order again after each removal (adaptive attack; costs --steps times the measure).")
    var recompute = false

    @Option(help: "Output: text, csv or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, csv, json }

    func run() throws {
        let fr = input.lang == .fr
        let loaded = try viewOptions.load(input)
        let (network, view, taxonomy) = (loaded.network, loaded.view, loaded.taxonomy)
        let explicit = actors?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let report: RobustnessReport
        do { report = try RobustnessReport(network: network, view: view, taxonomy: taxonomy, order: by, steps: steps, explicit: explicit,
                                                recompute: recompute) } catch {
            switch error {
            case .noActor:
                printError(fr ? "erreur : le graphe n'a aucun acteur" : "error: the graph has no actor")
                throw Exit.dataError
            case .unknownActor(let id):
                printError(fr ? "erreur : acteur inconnu « \(id) » dans --actors" : "error: unknown actor '\(id)' in --actors")
                throw Exit.usage
            }
        }
        let curve = report.curve, order = report.removed, names = report.names, ids = report.ids
        switch format {
        case .json:
            let object: [String: Any] = [
                "order": explicit == nil ? by.rawValue : "explicit", "actors": report.actorCount, "recomputed": report.recomputed,
                "weighted": view.weighted, "directed": view.directed,
                "steps": [["removed": NSNull(), "largest_component": curve[0], "share": report.share(after: 0)]]
                    + order.enumerated().map { ["removed": ids[$1], "largest_component": curve[$0 + 1], "share": report.share(after: $0 + 1)] },
                "articulation_actors": report.articulation.map { ids[$0] },
                "articulation_by_group": Dictionary(uniqueKeysWithValues: report.articulationByGroup.map { ($0.group, $0.actors) }),
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]), as: UTF8.self))
        case .csv:
            var writer = CSVWriter()
            writer.row(["step", "removed", "largest_component", "share"].map { .text($0) })
            writer.row([.integer(0), .text(""), .integer(curve[0]), .number(report.share(after: 0))])
            for (k, v) in order.enumerated() {
                writer.row([.integer(k + 1), .text(ids[v]), .integer(curve[k + 1]), .number(report.share(after: k + 1))])
            }
            print(writer.output, terminator: "")
        case .text:
            if report.recomputed {
                print(fr ? "Ordre recalculé après chaque départ (\(by == .betweenness ? "intermédiarité" : "degré") sur le réseau restant)"
                         : "Order computed again after each removal (\(by.rawValue) on the remaining network)")
            }
            print(fr ? "Plus grande composante : \(curve[0]) acteurs sur \(report.actorCount) au départ" : "Largest component: \(curve[0]) of \(report.actorCount) actors at first")
            for (k, v) in order.enumerated() {
                let share = report.share(after: k + 1) * 100
                print(fr ? String(format: "%2d. sans %@ : %d acteurs (%.0f %%)", k + 1, names[v], curve[k + 1], share)
                         : String(format: "%2d. without %@: %d actors (%.0f%%)", k + 1, names[v], curve[k + 1], share))
            }
            print("")
            print(fr ? "Acteurs d'articulation (leur départ seul coupe le réseau) : \(report.articulation.count)" : "Articulation actors (their departure alone splits the network): \(report.articulation.count)")
            for (group, points) in report.articulationByGroup { print("  \(group) : " + points.joined(separator: ", ")) }
        }
    }
}
