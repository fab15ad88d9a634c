import ArgumentParser
import Foundation
import PTCEKit

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed between two networks, or between two years of one (--at-before, --at-after).",
        discussion: "Actors and ties gained and lost, and the rank by number of partners of the best-connected actors. Between two waves of a survey (two folders from ptce survey merge): response rate, confirmed and one-sided pairs, reciprocity, and the ties both sides now confirm."
    )

    @Argument(help: "The earlier network (folder, JSON or edge list).")
    var before: String

    @Argument(help: "The later network (default: the same network, with --at-before and --at-after).")
    var after: String?

    @Option(help: "Year of the earlier snapshot.")
    var atBefore: Int?

    @Option(help: "Year of the later snapshot.")
    var atAfter: Int?

    @Option(help: "Language: fr or en.")
    var lang: Language = .fr

    @Option(help: "Output: text or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, json }

    func validate() throws {
        if after == nil && (atBefore == nil || atAfter == nil) {
            throw ValidationError("give two networks, or one network with --at-before and --at-after")
        }
    }

    func load(_ path: String) throws -> Network {
        try loadNetwork(path: path, options: LoadOptions(), language: lang).network
    }

    func run() throws {
        let fr = lang == .fr
        var first = try load(before)
        var second = try after.map(load) ?? first
        if let year = atBefore { first = NetworkDiff.snapshot(first, at: year) }
        if let year = atAfter { second = NetworkDiff.snapshot(second, at: year) }
        let diff = NetworkDiff(before: first, after: second)
        if format == .json {
            let encoder = JSONOutput.encoder()
            print(String(decoding: try encoder.encode(diff), as: UTF8.self))
            return
        }
        print(fr ? "Acteurs gagnés : \(diff.actorsGained.count)   perdus : \(diff.actorsLost.count)" : "Actors gained: \(diff.actorsGained.count)   lost: \(diff.actorsLost.count)")
        print(fr ? "Liens gagnés : \(diff.tiesGained.count)   perdus : \(diff.tiesLost.count)" : "Ties gained: \(diff.tiesGained.count)   lost: \(diff.tiesLost.count)")
        let taxonomy = Taxonomy.standard
        func line(_ tie: NetworkDiff.TieChange) -> String {
            let type = tie.type.isEmpty ? "" : " (\(taxonomy.tieTypes.first { $0.id == tie.type }?.label(lang) ?? tie.type))"
            return "\(tie.sourceName) – \(tie.targetName)\(type)"
        }
        for tie in diff.tiesGainedDetail.prefix(20) { print("  + " + line(tie)) }
        if diff.tiesGainedDetail.count > 20 { print(fr ? "  … et \(diff.tiesGainedDetail.count - 20) autres" : "  … and \(diff.tiesGainedDetail.count - 20) more") }
        for tie in diff.tiesLostDetail.prefix(20) { print("  − " + line(tie)) }
        if diff.tiesLostDetail.count > 20 { print(fr ? "  … et \(diff.tiesLostDetail.count - 20) autres" : "  … and \(diff.tiesLostDetail.count - 20) more") }
        if let survey = diff.survey {
            let (a, b) = (survey.before, survey.after)
            print("")
            print(fr ? "Enquête : réponses \(a.answered)/\(a.asked) (\(lang.percent(a.responseRate))) → \(b.answered)/\(b.asked) (\(lang.percent(b.responseRate)))   paires confirmées \(a.confirmed) → \(b.confirmed)   d'un seul côté \(a.oneSided) → \(b.oneSided)   réciprocité \(lang.percent(a.reciprocity)) → \(lang.percent(b.reciprocity))"
                     : "Survey: answers \(a.answered)/\(a.asked) (\(lang.percent(a.responseRate))) → \(b.answered)/\(b.asked) (\(lang.percent(b.responseRate)))   pairs confirmed \(a.confirmed) → \(b.confirmed)   one-sided \(a.oneSided) → \(b.oneSided)   reciprocity \(lang.percent(a.reciprocity)) → \(lang.percent(b.reciprocity))")
            if !survey.nowConfirmed.isEmpty {
                print(fr ? "Désormais confirmés par les deux côtés :" : "Now confirmed by both sides:")
                for tie in survey.nowConfirmed { print("  = " + line(tie)) }
            }
        }
        print("")
        print(fr ? "Rang (par nombre de partenaires) des acteurs les plus reliés : avant → après" : "Rank (by number of partners) of the best-connected actors: before → after")
        for change in diff.rankChanges {
            print("  \(change.name) : \(change.before.map(String.init) ?? "–") → \(change.after.map(String.init) ?? "–")")
        }
    }
}
