import ArgumentParser
import CoopGraph
import Foundation
import PTCEKit

/// How a network becomes the graph measures run on; shared by the commands that compute measures.
struct ViewOptions: ParsableArguments {
    @Option(help: "Edges: ties (explicit partnerships), co-membership (actors sharing a GES or PTCE, weighted by the number shared), or combined.")
    var view: ViewKind = .ties

    @Flag(help: "Use tie weights (intensity). Without it every edge weighs 1.")
    var weighted = false

    @Option(help: "With --weighted, how weights become path lengths: strength (distance = 1/weight: a stronger tie is a shorter path; default) or distance (the weight is the length, networkx's reading).")
    var weightAs: WeightReading = .strength

    @Option(help: ArgumentHelp("Keep only ties and memberships active in this year (since ≤ YEAR ≤ until: a tie until 2022 is active in 2022).", valueName: "year"), transform: Year.parse)
    var at: Year?

    @Option(help: "Keep only ties of these types, comma-separated (e.g. agreement,joint_project).")
    var types: String?

    @Option(help: "Keep only actors of these families, comma-separated (e.g. iae,public_authority).")
    var families: String?

    @Flag(help: "Directed graph: directed ties keep their direction (undirected ties go both ways).")
    var directed = false

    /// The graph options, or a usage error exiting 64 with the reason.
    func graphOptions(taxonomy: Taxonomy, language: Language) throws -> GraphViewOptions {
        var options = GraphViewOptions()
        options.view = view
        options.weighted = weighted
        options.weightAs = weightAs
        options.directed = directed
        let fr = language == .fr
        options.at = at?.value
        if let types {
            let vocabulary = Vocabulary.of(taxonomy.tieTypes)
            options.tieTypes = Set(try types.split(separator: ",").map { raw in
                let text = raw.trimmingCharacters(in: .whitespaces)
                guard let id = vocabulary.resolve(text) else {
                    printError(fr ? "erreur : type de lien inconnu « \(text) » (types : \(vocabulary.idList))"
                                  : "error: unknown tie type '\(text)' (types: \(vocabulary.idList))")
                    throw Exit.usage
                }
                return id
            })
        }
        if let families {
            let known = taxonomy.families.map(\.id)
            options.families = Set(try families.split(separator: ",").map { raw in
                let text = raw.trimmingCharacters(in: .whitespaces)
                guard known.contains(text) else {
                    printError(fr ? "erreur : famille inconnue « \(text) » (familles : \(known.joined(separator: ", ")))"
                                  : "error: unknown family '\(text)' (families: \(known.joined(separator: ", ")))")
                    throw Exit.usage
                }
                return text
            })
        }
        return options
    }
}

/// What the commands that compute measures start from: the network read and checked, its graph view, the taxonomy.
struct LoadedView {
    var result: LoadResult
    var view: GraphViewOptions
    var taxonomy: Taxonomy
    var network: Network { result.network }
}

extension ViewOptions {
    /// The preamble of every command that computes measures: the taxonomy, the graph options (usage errors exit 64),
    /// the network (invalid data exits 65), then --at against the data's dates and --weighted against overflow.
    func load(_ input: InputOptions) throws -> LoadedView {
        let taxonomy = try input.loadTaxonomy()
        let view = try graphOptions(taxonomy: taxonomy, language: input.lang)
        let result = try input.load(quietWarnings: true)
        try checkYear(in: result.network, language: input.lang)
        try Self.checkWeights(in: result.network, options: view, taxonomy: taxonomy, language: input.lang)
        return LoadedView(result: result, view: view, taxonomy: taxonomy)
    }

    /// With --at: fails with 65 when the year is outside the dates of the data (a view of 1850 would silently show
    /// every undated tie); notes when no tie is dated (then --at filters nothing).
    func checkYear(in network: Network, language: Language) throws {
        try Self.checkYear(at?.value, in: network, language: language)
    }

    /// With --weighted: fails with 65 when the weights cannot be path lengths (a length or the sum of all of them
    /// overflows, e.g. weights of 1e308 read as distances): the engine would otherwise treat reached actors as
    /// unreachable.
    static func checkWeights(in network: Network, options: GraphViewOptions, taxonomy: Taxonomy, language: Language) throws {
        guard options.weighted else { return }
        let graph = NetworkGraph(network, options: options, taxonomy: taxonomy).graph
        let length: EdgeLength = options.weightAs == .strength ? .inverseWeight : .weight
        guard !length.isSafe(for: graph) else { return }
        printError(language == .fr
            ? "erreur : ces poids ne peuvent pas servir de longueurs de chemin (une longueur, ou leur somme, dépasse la capacité des nombres)\n  conseil : ramenez les poids à une échelle ordinaire (par exemple 1 à 100), ou calculez sans --weighted"
            : "error: these weights cannot be used as path lengths (a length, or their sum, overflows)\n  hint: rescale the weights to an ordinary range (for example 1 to 100), or compute without --weighted")
        throw Exit.dataError
    }

    /// --at YEAR must lie within the dates of the data.
    static func checkYear(_ year: Int?, in network: Network, language: Language) throws {
        guard let year else { return }
        let fr = language == .fr
        guard let span = Evolution.span(network) else {
            printError(fr ? "note : aucun lien n'a de date : --at \(year) ne retire aucun lien" : "note: no tie has a date: --at \(year) removes no tie")
            return
        }
        guard span.contains(year) else {
            printError(fr ? "erreur : l'année \(year) est hors des données (les liens datés couvrent \(span.lowerBound)–\(span.upperBound))\n  conseil : choisissez --at entre \(span.lowerBound) et \(span.upperBound)"
                          : "error: year \(year) is outside the data (dated ties cover \(span.lowerBound)–\(span.upperBound))\n  hint: choose --at between \(span.lowerBound) and \(span.upperBound)")
            throw Exit.usage
        }
    }
}

