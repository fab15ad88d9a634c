import Foundation

/// Returned questionnaires merged into the network they were written from (`ptce survey merge`).
///
/// For each pair of actors, the two sides' answers are compared: **confirmed** when both say they work together and
/// agree (the kinds of cooperation and the start year, where both gave one); **contradiction** when both say so but
/// give different kinds or years; **one_sided** when only one says so (`other_side` tells why: the other said no, left
/// the row empty, did not answer, or was not asked). A tie gets one row per kind of cooperation declared (kinds of
/// both sides for a contradiction; `unspecified` when no side gave one), its weight the mean intensity declared (1
/// when none), and the attributes `declared_by`, `status`, `other_side`, `frequency`, `declared_intensity`, `declared_types`, `declared_since`,
/// `survey_wave`. Ties of the network that no answer concerns are kept as they are (documented by their reference).
/// Actors asked get `survey` (`answered` or `not_answered`; an empty questionnaire is not an answer) and, when the
/// ratings were asked, `trust_score` and `value_score` (the mean of the ratings the others gave them, 3 decimals)
/// and `ratings_received`. Partners proposed in "not listed" rows are listed with the closest names, never added.
public enum SurveyMerge {
    public struct Result: Sendable {
        public var network: Network
        /// Every answer kept, one row per respondent and partner: `answers.csv`.
        public var answers: [(respondent: String, answer: Survey.Answer, file: String)]
        public var proposed: [Survey.ProposedPartner]
        public var collection: SurveyCollection
        public var diagnostics: [Diagnostic]
        public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    /// Merges the questionnaires at `paths` into `network`; `respondents` are the ids asked (the default of
    /// `Survey.defaultRespondents` when nil). Nothing is merged when a file has an error: `diagnostics` say which.
    public static func merge(paths: [String], into network: Network, respondents asked: [String]? = nil,
                             taxonomy: Taxonomy = .standard) -> Result {
        var diagnostics: [Diagnostic] = []
        var returns: [SurveyReturn] = []
        for path in paths {
            if let item = SurveyReturn.read(path: path, network: network, taxonomy: taxonomy, diagnostics: &diagnostics) {
                returns.append(item)
            }
        }
        let names = Dictionary(network.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let byRespondent = newest(returns, names: names, diagnostics: &diagnostics)
        let waves = Set(byRespondent.values.map(\.wave).filter { !$0.isEmpty })
        if waves.count > 1 {
            diagnostics.append(Diagnostic(.error, SourceLocation(file: paths.first ?? "", line: 1, column: 1), code: "mixed-waves",
                Localized(fr: "questionnaires de plusieurs vagues mélangés (\(waves.sorted().joined(separator: ", ")))",
                          en: "questionnaires of several waves mixed (\(waves.sorted().joined(separator: ", ")))"),
                hint: Localized(fr: "fusionnez les questionnaires d'une vague à la fois", en: "merge the questionnaires of one wave at a time")))
        }
        var asked = asked ?? Survey.defaultRespondents(network, taxonomy: taxonomy)
        for respondent in byRespondent.keys.sorted() where !asked.contains(respondent) {
            asked.append(respondent)
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: byRespondent[respondent]!.file, line: 1, column: 1), code: "respondent-not-asked",
                Localized(fr: "\(names[respondent] ?? respondent) ne faisait pas partie des structures interrogées ; sa réponse est comptée",
                          en: "\(names[respondent] ?? respondent) was not among the organisations asked; its answer is counted")))
        }
        for (respondent, item) in byRespondent.sorted(by: { $0.key < $1.key }) where item.isEmpty {
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: item.file, line: 1, column: 1), code: "empty-questionnaire",
                Localized(fr: "questionnaire de \(names[respondent] ?? respondent) vide : compté comme sans réponse",
                          en: "\(names[respondent] ?? respondent)'s questionnaire is empty: counted as not answered")))
        }
        let answered = byRespondent.filter { !$0.value.isEmpty }
        let wave = waves.sorted().first ?? ""
        var said: [String: [String: Survey.Answer]] = [:]
        for (respondent, item) in answered {
            for answer in item.answers { said[respondent, default: [:]][answer.partner] = answer }
        }
        var merged = network
        mergeTies(said: said, answered: Set(answered.keys), asked: Set(asked), wave: wave, taxonomy: taxonomy, into: &merged)
        scoreActors(said: said, answered: Set(answered.keys), asked: Set(asked), in: &merged)
        if !wave.isEmpty {
            let note = "enquête partenariats \(wave)"
            merged.source = merged.source.map { $0.contains(note) ? $0 : "\($0) ; \(note)" } ?? note
        }
        var proposed: [Survey.ProposedPartner] = []
        var answerRows: [(respondent: String, answer: Survey.Answer, file: String)] = []
        for (respondent, item) in answered.sorted(by: { $0.key < $1.key }) {
            for var partner in item.proposed {
                partner.proposedBy = names[respondent] ?? respondent
                partner.closest = closestNames(partner.name, in: network)
                proposed.append(partner)
            }
            for answer in item.answers { answerRows.append((respondent, answer, item.file)) }
        }
        let collection = SurveyCollection(network: merged, proposed: proposed, wave: wave) ?? SurveyCollection.empty(wave: wave)
        return Result(network: merged, answers: answerRows, proposed: proposed, collection: collection, diagnostics: diagnostics)
    }

    /// One return per respondent: the newest file (then the later one given); each one left is said.
    static func newest(_ returns: [SurveyReturn], names: [String: String], diagnostics: inout [Diagnostic]) -> [String: SurveyReturn] {
        var byRespondent: [String: SurveyReturn] = [:]
        for item in returns {
            guard let kept = byRespondent[item.respondent] else { byRespondent[item.respondent] = item; continue }
            let newer = (item.modified ?? .distantPast) >= (kept.modified ?? .distantPast)
            let (keep, drop) = newer ? (item, kept) : (kept, item)
            byRespondent[item.respondent] = keep
            let name = names[item.respondent] ?? item.respondent
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: drop.file, line: 1, column: 1), code: "duplicate-respondent",
                Localized(fr: "\(name) a répondu deux fois : la réponse la plus récente (\(keep.file)) est gardée, celle-ci est laissée",
                          en: "\(name) answered twice: the newest answer (\(keep.file)) is kept, this one is left")))
        }
        return byRespondent
    }

    /// The status of one declared pair and the attributes its ties carry.
    static func pairStatus(_ a: String, _ b: String, said: [String: [String: Survey.Answer]], answered: Set<String>, asked: Set<String>,
                           taxonomy: Taxonomy) -> (attributes: [Attribute], types: [String], since: Int?, weight: Double) {
        let sideA = said[a]?[b], sideB = said[b]?[a]
        var attributes: [Attribute] = []
        var types: [String] = []
        var since: Int?
        if let sideA, let sideB, sideA.declaresTie, sideB.declaresTie {
            // What differs, in words of no language: `declared_types` "a:pooling|b:training", `declared_since` "a:2019|b:2021".
            var differs = false
            if !sideA.types.isEmpty && !sideB.types.isEmpty && Set(sideA.types) != Set(sideB.types) {
                differs = true
                attributes.append(Attribute(name: "declared_types", value: "\(a):\(sideA.types.joined(separator: ";"))|\(b):\(sideB.types.joined(separator: ";"))"))
            }
            if let x = sideA.since, let y = sideB.since, x != y {
                differs = true
                attributes.append(Attribute(name: "declared_since", value: "\(a):\(x)|\(b):\(y)"))
            }
            for type in sideA.types + sideB.types where !types.contains(type) { types.append(type) }
            since = [sideA.since, sideB.since].compactMap { $0 }.min()
            attributes.append(Attribute(name: "declared_by", value: "\(a);\(b)"))
            attributes.append(Attribute(name: "status", value: differs ? "contradiction" : "confirmed"))
        } else {
            let declaredA = sideA?.declaresTie ?? false
            let (declarer, other) = declaredA ? (a, b) : (b, a)
            let side = (declaredA ? sideA : sideB)!
            types = side.types
            since = side.since
            let otherSide = said[other]?[declarer]?.worksTogether == false ? "no"
                : answered.contains(other) ? "blank" : asked.contains(other) ? "not_answered" : "not_asked"
            attributes += [Attribute(name: "declared_by", value: declarer), Attribute(name: "other_side", value: otherSide),
                           Attribute(name: "status", value: "one_sided")]
        }
        let sides = [sideA, sideB].compactMap { $0 }.filter(\.declaresTie)
        let frequencies = sides.compactMap(\.frequency)
        if let first = frequencies.first {
            attributes.append(Attribute(name: "frequency", value: Set(frequencies).count == 1 ? first.rawValue : frequencies.map(\.rawValue).joined(separator: "/")))
        }
        let intensities = sides.compactMap(\.intensity)
        var weight = 1.0
        if !intensities.isEmpty {
            weight = Double(intensities.reduce(0, +)) / Double(intensities.count)
            attributes.append(Attribute(name: "declared_intensity", value: shortest(weight)))
        }
        return (attributes, types, since, weight)
    }

    /// The ties of every declared pair, in a fixed order: onto the network's tie of the same pair and kind when there
    /// is one (its dates and reference stay), else new.
    static func mergeTies(said: [String: [String: Survey.Answer]], answered: Set<String>, asked: Set<String>, wave: String,
                          taxonomy: Taxonomy, into merged: inout Network) {
        var pairs = Set<[String]>()
        for (respondent, answers) in said {
            for (partner, answer) in answers where answer.declaresTie { pairs.insert([respondent, partner].sorted()) }
        }
        var surveyTies: [Partnership] = []
        for pair in pairs.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let (a, b) = (pair[0], pair[1])
            var (attributes, types, since, weight) = pairStatus(a, b, said: said, answered: answered, asked: asked, taxonomy: taxonomy)
            if !wave.isEmpty { attributes.append(Attribute(name: "survey_wave", value: wave)) }
            attributes.sort { $0.name < $1.name }
            for type in types.isEmpty ? ["unspecified"] : types {
                if let index = merged.ties.firstIndex(where: { !$0.directed && $0.type == type && Set([$0.source, $0.target]) == Set([a, b]) }) {
                    let kept = merged.ties[index].attributes.filter { old in !attributes.contains { $0.name == old.name } }
                    merged.ties[index].attributes = (kept + attributes).sorted { $0.name < $1.name }
                    merged.ties[index].weight = weight
                } else {
                    surveyTies.append(Partnership(source: a, target: b, type: type, weight: weight, since: since.map { PartialDate(year: $0) },
                                                  reference: wave.isEmpty ? "enquête partenariats" : "enquête partenariats \(wave)", attributes: attributes))
                }
            }
        }
        merged.ties += surveyTies
    }

    /// `survey` on the actors asked; `trust_score`, `value_score` and `ratings_received` on the actors rated.
    static func scoreActors(said: [String: [String: Survey.Answer]], answered: Set<String>, asked: Set<String>, in merged: inout Network) {
        var trust: [String: [Int]] = [:], value: [String: [Int]] = [:], raters: [String: Set<String>] = [:]
        for (respondent, answers) in said {
            for (partner, answer) in answers where !answer.ratings.isEmpty {
                raters[partner, default: []].insert(respondent)
                for (indicator, rating) in answer.ratings {
                    if indicator.isTrust { trust[partner, default: []].append(rating) } else { value[partner, default: []].append(rating) }
                }
            }
        }
        for index in merged.actors.indices {
            let id = merged.actors[index].id
            var extra: [Attribute] = []
            if asked.contains(id) { extra.append(Attribute(name: "survey", value: answered.contains(id) ? "answered" : "not_answered")) }
            if let ratings = trust[id], !ratings.isEmpty { extra.append(Attribute(name: "trust_score", value: mean(ratings))) }
            if let ratings = value[id], !ratings.isEmpty { extra.append(Attribute(name: "value_score", value: mean(ratings))) }
            if let count = raters[id]?.count { extra.append(Attribute(name: "ratings_received", value: "\(count)")) }
            guard !extra.isEmpty else { continue }
            let names = Set(extra.map(\.name))
            merged.actors[index].attributes = (merged.actors[index].attributes.filter { !names.contains($0.name) } + extra).sorted { $0.name < $1.name }
        }
    }

    /// The answers of one respondent in a merged wave's `answers.csv`, for `--previous`.
    public static func previousAnswers(folder: String, taxonomy: Taxonomy = .standard) throws(InputError) -> [String: [String: Survey.Answer]] {
        let path = (folder as NSString).appendingPathComponent("answers.csv")
        let reader = try CSVReader(path: path)
        guard let header = try reader.nextRecord()?.map(\.text) else { return [:] }
        var result: [String: [String: Survey.Answer]] = [:]
        while let record = try reader.nextRecord() {
            var row: [String: String] = [:]
            for (index, field) in record.enumerated() where index < header.count && !field.text.isEmpty { row[header[index]] = field.text }
            guard let respondent = row["respondent"], let partner = row["partner"] else { continue }
            var answer = Survey.Answer(partner: partner)
            answer.worksTogether = row["works_together"].flatMap(Values.bool)
            answer.types = (row["types"] ?? "").split(separator: ";").map(String.init)
            answer.since = row["since"].flatMap { Int($0) }
            answer.frequency = row["frequency"].flatMap(Survey.Frequency.init(rawValue:))
            answer.intensity = row["intensity"].flatMap { Int($0) }
            for indicator in Survey.Indicator.allCases { answer.ratings[indicator] = row[indicator.rawValue].flatMap { Int($0) } }
            answer.comment = row["comment"]
            result[respondent, default: [:]][partner] = answer
        }
        return result
    }

    /// The answers table (`answers.csv`): one row per respondent and partner answered, with the file and cell.
    public static func answersCSV(_ rows: [(respondent: String, answer: Survey.Answer, file: String)]) -> String {
        var writer = CSVWriter(formulaSafe: true)
        writer.row(["respondent", "partner", "works_together", "types", "since", "frequency", "intensity"].map { .text($0) }
                   + Survey.Indicator.allCases.map { .text($0.rawValue) } + [.text("comment"), .text("location")])
        for (respondent, answer, _) in rows {
            var cells: [CSVWriter.Cell] = [.text(respondent), .text(answer.partner),
                                           .text(answer.worksTogether.map { $0 ? "yes" : "no" } ?? ""), .text(answer.types.joined(separator: ";")),
                                           .integer(answer.since), .text(answer.frequency?.rawValue ?? ""), .integer(answer.intensity)]
            cells += Survey.Indicator.allCases.map { .integer(answer.ratings[$0]) }
            cells += [.text(answer.comment ?? ""), .text(answer.location ?? "")]
            writer.row(cells)
        }
        return writer.output
    }

    /// Names of the network close to `name` (at most three): an edit distance of at most a third of its length, one
    /// name containing the other ("Romans" in "Mairie de Romans"), or a distinctive word in common ("Valence" in
    /// "Mairie de Valence" and "Commune de Valence": a word of 4 letters or more found in at most two names of the
    /// network, so that "association" or "groupe" do not count).
    static func closestNames(_ name: String, in network: Network) -> [String] {
        let key = Taxonomy.normalize(name)
        let limit = max(2, key.count / 3)
        func words(_ text: String) -> Set<String> { Set(text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { $0.count >= 4 }) }
        var frequency: [String: Int] = [:]
        for actor in network.actors { for word in words(Taxonomy.normalize(actor.name)) { frequency[word, default: 0] += 1 } }
        let mine = words(key)
        var candidates: [(name: String, distance: Int)] = []
        for actor in network.actors {
            let other = Taxonomy.normalize(actor.name)
            let distance = editDistance(key, other)
            let contains = other.count >= 4 && key.count >= 4 && (key.contains(other) || other.contains(key))
            let shared = !mine.intersection(words(other)).filter { (frequency[$0] ?? 0) <= 2 }.isEmpty
            if distance <= limit || contains || shared { candidates.append((actor.name, distance)) }
        }
        return candidates.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }.prefix(3).map(\.name)
    }

    static func mean(_ values: [Int]) -> String {
        shortest((Double(values.reduce(0, +)) / Double(values.count) * 1000).rounded() / 1000)
    }

    static func shortest(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
