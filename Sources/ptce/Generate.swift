import ArgumentParser
import Foundation
import PTCEKit

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic national network (for trying ptce, tests and benchmarks).",
        discussion: """
        The network is SYNTHETIC: generated, calibrated on COORACE's public figures (543 members by kind, 25 GES of \
        about 60 members, about 160 PTCE of about 8 members, 57% associations, 79% acting below the département), \
        with ties dense inside GES, frequent inside PTCE, mostly local, heavy-tailed degrees and dates from 2012 to \
        2024. Its files say it is synthetic. The same --scale and --seed give byte-identical files. --scale 100 gives \
        about a million ties. Calibration and sources: Datasets/README.md.
        """
    )

    @Option(help: "Profile to generate.")
    var profile: Profile = .national

    enum Profile: String, CaseIterable, ExpressibleByArgument { case national }

    @Option(help: "Size multiplier (1 = national size; 10 and 100 for scaling tests).")
    var scale: Double = 1

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(name: .shortAndLong, help: "Output folder (created; existing network files in it are replaced only with --force).")
    var out: String

    @Flag(help: "Replace the network files of an earlier run in the output folder.")
    var force = false

    @Option(help: "Language of messages: fr or en.")
    var lang: Language = .fr

    func validate() throws {
        guard scale > 0, scale <= 1000 else { throw ValidationError("--scale must be greater than 0 and at most 1000") }
    }

    func run() throws {
        try OutputPolicy(inputs: [], force: force, language: lang)
            .check(folder: out, files: ["actors.csv", "groups.csv", "memberships.csv", "ties.csv"])
        let network = NationalProfile(scale: scale, seed: seed).generate()
        let url = URL(fileURLWithPath: out, isDirectory: true)
        do { try NetworkFolderWriter.write(network, to: url) } catch {
            printError(lang == .fr ? "\(out) : erreur : impossible d'écrire le réseau (\(error.localizedDescription))"
                                   : "\(out): error: cannot write the network (\(error.localizedDescription))")
            throw Exit.cannotCreate
        }
        let (a, g, m, t) = (network.actors.count, network.groups.count, network.memberships.count, network.ties.count)
        printError(lang == .fr ? "\(url.path) : réseau synthétique écrit : \(a) acteurs, \(g) groupes, \(m) adhésions, \(t) liens"
                               : "\(url.path): synthetic network written: \(a) actors, \(g) groups, \(m) memberships, \(t) ties")
    }
}
