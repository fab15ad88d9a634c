import ArgumentParser
import Foundation
import PTCEKit

/// `ptce survey`: questionnaires out (`create`), answers in (`merge`).
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "Collect the partnerships by survey: one questionnaire workbook per member, then the answers merged and checked.",
        discussion: """
        1. ptce survey create NETWORK --out questionnaires   (one .xlsx per actor to ask)
        2. send each file to its organisation; they answer in Excel or LibreOffice and send it back (.xlsx, .ods, or CSV)
        3. ptce survey merge returned/ --into NETWORK --out merged   (a network folder, collecte.txt, collecte.json)
        Then every command reads the merged folder; --ties confirmed keeps only the ties both sides declared. See \
        docs/survey.md for the method and the questionnaire's wording.
        """,
        subcommands: [Create.self, Merge.self]
    )

    /// `--actors`: ids or exact names, comma-separated; nil without the option.
    static func actors(_ text: String?, in network: Network, language: Language) throws -> [String]? {
        guard let text else { return nil }
        let fr = language == .fr
        var ids: [String] = []
        for raw in text.split(separator: ",") {
            let value = raw.trimmingCharacters(in: .whitespaces)
            if let actor = network.actors.first(where: { $0.id == value }) ?? network.actors.first(where: { Taxonomy.normalize($0.name) == Taxonomy.normalize(value) }) {
                if !ids.contains(actor.id) { ids.append(actor.id) }
                continue
            }
            let key = Taxonomy.normalize(value)
            let distances: [(id: String, distance: Int)] = network.actors.map { ($0.id, min(editDistance(value, $0.id), editDistance(key, Taxonomy.normalize($0.name)))) }
            let close = distances.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.id < $1.id }.prefix(3).map(\.id)
            printError(fr ? "erreur : --actors : « \(value) » n'est ni un identifiant ni un nom du réseau\n  conseil : identifiants proches : \(close.joined(separator: ", "))"
                          : "error: --actors: '\(value)' is neither an id nor a name of the network\n  hint: close ids: \(close.joined(separator: ", "))")
            throw Exit.usage
        }
        return ids
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one questionnaire workbook (.xlsx) per actor to ask.",
            discussion: """
            Asked by default: actors of an ESS family (work integration, other social economy, networks) and members of \
            a PTCE or a GES; --actors chooses. Each workbook has a sheet "À lire" (how to answer), the sheet \
            "Questionnaire" (the respondent's identity, protected; one row per other actor, grouped by family and sorted \
            by name: works together yes/no, kinds of cooperation, since, frequency, intensity 1–4; with --trust-value six \
            ratings 1–4; rows for partners not listed) and a sheet of lists. With --previous, last wave's answers are \
            filled in. Writes questionnaires.csv in DIR: who gets which file.
            """
        )

        @OptionGroup var input: InputOptions

        @Option(name: .shortAndLong, help: "The folder to write the questionnaires into (created when missing).")
        var out: String

        @Option(help: "The actors to ask: ids or names, comma-separated (default: ESS actors and members of PTCE/GES).")
        var actors: String?

        @Flag(help: "Also ask six ratings of each partner (trust: reliability, openness, shared mission; value: resources, influence, involvement).")
        var trustValue = false

        @Option(help: "Name of the wave, written in each questionnaire (default: the current year).")
        var wave: String?

        @Option(help: "Last wave's merged folder (from survey merge): its answers are filled in.")
        var previous: String?

        @Flag(help: "Replace questionnaires that exist.")
        var force = false

        func run() throws {
            let fr = input.lang == .fr
            let taxonomy = try input.loadTaxonomy()
            let network = try input.load(quietWarnings: true).network
            let asked = try SurveyCommand.actors(actors, in: network, language: input.lang) ?? Survey.defaultRespondents(network, taxonomy: taxonomy)
            guard !asked.isEmpty else {
                printError(fr ? "erreur : aucune structure à interroger (ni acteur de l'ESS ni membre d'un PTCE ou d'un GES)\n  conseil : choisissez-les avec --actors id1,id2"
                              : "error: nobody to ask (no social-economy actor, no member of a PTCE or GES)\n  hint: choose them with --actors id1,id2")
                throw Exit.dataError
            }
            var previousAnswers: [String: [String: Survey.Answer]] = [:]
            var previousWave: String?
            if let previous {
                do { previousAnswers = try SurveyMerge.previousAnswers(folder: previous, taxonomy: taxonomy) } catch {
                    printError(error.diagnostic.formatted(input.lang))
                    printError(fr ? "  conseil : --previous attend le dossier écrit par « ptce survey merge » (il contient answers.csv)"
                                  : "  hint: --previous expects the folder written by 'ptce survey merge' (it holds answers.csv)")
                    throw Exit.noInput
                }
                let previousNetwork = NetworkLoader.load(path: previous, options: LoadOptions(taxonomy: taxonomy)).network
                previousWave = SurveyCollection(network: previousNetwork).flatMap { $0.wave.isEmpty ? nil : $0.wave }
                    ?? (previous as NSString).lastPathComponent
            }
            let waveName = wave ?? String(Calendar(identifier: .gregorian).component(.year, from: Date()))
            let policy = OutputPolicy(inputs: [input.path, previous], force: force, language: input.lang)
            var names: [(id: String, file: String)] = []
            var taken = Set<String>()
            for id in asked {
                guard let actor = network.actors.first(where: { $0.id == id }) else { continue }
                let file = Survey.fileName(for: actor, taken: taken)
                taken.insert(file.lowercased())
                names.append((id, file))
            }
            try policy.check(folder: out, files: names.map(\.file) + ["questionnaires.csv"])
            do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) } catch {
                printError(fr ? "\(out): erreur : impossible de créer le dossier" : "\(out): error: cannot create the folder")
                throw Exit.cannotCreate
            }
            var index = CSVWriter(formulaSafe: true)
            index.row([.text("id"), .text("name"), .text("file")])
            for (id, file) in names {
                let actor = network.actors.first { $0.id == id }!
                var questionnaire = Questionnaire(respondent: actor, network: network, wave: waveName)
                questionnaire.language = input.lang
                questionnaire.indicators = trustValue
                questionnaire.taxonomy = taxonomy
                questionnaire.previous = previousAnswers[id] ?? [:]
                questionnaire.previousWave = previousAnswers[id] == nil ? nil : previousWave
                try writeWorkbook({ try questionnaire.workbook() }, to: URL(fileURLWithPath: out).appendingPathComponent(file), language: input.lang)
                index.row([.text(id), .text(actor.name), .text(file)])
            }
            try writeOutput(Data(index.output.utf8), to: URL(fileURLWithPath: out).appendingPathComponent("questionnaires.csv"), language: input.lang)
            let prefilled = names.filter { previousAnswers[$0.id] != nil }.count
            printError(fr ? "\(out) : \(input.lang.count(names.count, "questionnaire écrit", "", frenchPlural: "questionnaires écrits")) (vague \(waveName)\(trustValue ? ", avec les notes de confiance et de valeur" : "")\(previous == nil ? "" : ", \(prefilled) pré-remplis avec la vague précédente")) ; liste : \(out)/questionnaires.csv\n  une fois revenus : ptce survey merge DOSSIER-DES-RÉPONSES --into \(input.path) --out reseau-enquete"
                          : "\(out): \(input.lang.count(names.count, "", "questionnaire written", englishPlural: "questionnaires written")) (wave \(waveName)\(trustValue ? ", with the trust and value ratings" : "")\(previous == nil ? "" : ", \(prefilled) filled in from the previous wave")); list: \(out)/questionnaires.csv\n  once returned: ptce survey merge ANSWERS-FOLDER --into \(input.path) --out survey-network")
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge returned questionnaires into a network folder, each tie with who declared it and whether both sides agree.",
            discussion: """
            RESPONSES are questionnaire files (.xlsx, .ods, or the sheet Questionnaire saved as .csv) or folders of \
            them, in any order. Each is identified by its pre-filled respondent id. Writes into MERGED the network \
            folder (ties with declared_by, status confirmed / one_sided / contradiction, other_side, frequency, \
            intensity; actors with survey, trust_score, value_score), answers.csv (every answer, with its cell), \
            collecte.txt and collecte.json (response rate, who has not answered, reciprocity, contradictions, \
            organisations proposed outside the list — never added). A file that is not a questionnaire or whose \
            layout was edited stops the merge with the cell to fix (exit 65; nothing written); the same respondent \
            twice keeps the newest file; an empty questionnaire counts as not answered.
            """
        )

        @Argument(help: "Returned questionnaires, or folders of them.")
        var responses: [String]

        @Option(help: "The network the questionnaires were written from.")
        var into: String

        @Option(name: .shortAndLong, help: "The folder to write the merged network into.")
        var out: String

        @Option(help: "The actors that were asked, ids or names, comma-separated (default: as survey create).")
        var actors: String?

        @Option(help: "A taxonomy JSON file replacing the bundled one.")
        var taxonomy: String?

        @Option(help: "Language of messages and of collecte.txt: fr or en.")
        var lang: Language = .fr

        @Flag(help: "Replace the files of MERGED that exist.")
        var force = false

        /// The files the arguments name: files as given, folders' questionnaire files in name order.
        func files() throws -> [String] {
            var files: [String] = []
            for path in responses {
                var folder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &folder) else {
                    printError(lang == .fr ? "\(path): erreur : fichier introuvable" : "\(path): error: file not found")
                    throw Exit.noInput
                }
                guard folder.boolValue else { files.append(path); continue }
                let listing = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                // Hidden files and LibreOffice's lock files (.~lock.NAME#) are not answers.
                files += listing.filter { !$0.hasPrefix(".") && !$0.hasPrefix("~$") && ["xlsx", "ods", "csv"].contains(($0 as NSString).pathExtension.lowercased()) }
                    .map { (path as NSString).appendingPathComponent($0) }
            }
            return files
        }

        func run() throws {
            let fr = lang == .fr
            let input = try InputOptions.parse([into, "--lang", lang.rawValue] + (taxonomy.map { ["--taxonomy", $0] } ?? []))
            let taxonomyValue = try input.loadTaxonomy()
            let network = try input.load(quietWarnings: true).network
            let paths = try files()
            guard !paths.isEmpty else {
                printError(fr ? "erreur : aucun questionnaire (.xlsx, .ods ou .csv) dans \(responses.joined(separator: ", "))"
                              : "error: no questionnaire (.xlsx, .ods or .csv) in \(responses.joined(separator: ", "))")
                throw Exit.noInput
            }
            let asked = try SurveyCommand.actors(actors, in: network, language: lang)
            let policy = OutputPolicy(inputs: [into] + responses, force: force, language: lang)
            let outputs = ["actors.csv", "ties.csv", "groups.csv", "memberships.csv", "network.json", "answers.csv", "collecte.txt", "collecte.json"]
            try policy.check(folder: out, files: outputs)
            let result = SurveyMerge.merge(paths: paths, into: network, respondents: asked, taxonomy: taxonomyValue)
            for diagnostic in result.diagnostics { printError(diagnostic.formatted(lang)) }
            guard result.isValid else {
                let errors = lang.count(result.diagnostics.filter { $0.severity == .error }.count, "erreur", "error")
                printError(fr ? "\(errors) : rien n'a été écrit ; corrigez les questionnaires indiqués (ou retirez-les de la liste) puis relancez."
                              : "\(errors): nothing was written; fix the questionnaires named (or leave them out) and run again.")
                throw Exit.dataError
            }
            let folder = URL(fileURLWithPath: out)
            do { try NetworkFolderWriter.write(result.network, to: folder) } catch {
                printError(fr ? "\(out): erreur : impossible d'écrire le dossier" : "\(out): error: cannot write the folder")
                throw Exit.cannotCreate
            }
            try writeOutput(Data(SurveyMerge.answersCSV(result.answers).utf8), to: folder.appendingPathComponent("answers.csv"), language: lang)
            let text = result.collection.text(lang, taxonomy: taxonomyValue)
            try writeOutput(Data(text.utf8), to: folder.appendingPathComponent("collecte.txt"), language: lang)
            try writeOutput(try JSONOutput.encoder().encode(result.collection) + Data("\n".utf8), to: folder.appendingPathComponent("collecte.json"), language: lang)
            print(text, terminator: "")
            printError(fr ? "\(out) : réseau fusionné écrit (avec answers.csv, collecte.txt, collecte.json) ; ensuite : ptce analyze \(out) --out resultats"
                          : "\(out): merged network written (with answers.csv, collecte.txt, collecte.json); next: ptce analyze \(out) --out results")
        }
    }
}
