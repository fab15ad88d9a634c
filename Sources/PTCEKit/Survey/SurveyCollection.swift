import Foundation

/// The figures of a partnership survey, read from a merged network (`SurveyMerge`'s attributes: `survey` on actors,
/// `status`, `declared_by`, `other_side`, `declared_types`, `declared_since` on ties), so that `summary`, `analyze` and the report show them
/// for any network that went through `ptce survey merge`, and `collecte.json` holds the same.
///
/// Counts are of **pairs** of actors (a pair declared with two kinds of cooperation is one pair). Reciprocity is the
/// share of pairs declared between two respondents that both declared (confirmed or contradictory): a pair with a
/// non-respondent cannot be confirmed, so it is left out of that share and counted apart.
public struct SurveyCollection: Codable, Sendable, Equatable {
    public struct Pair: Codable, Sendable, Equatable {
        public var source: String
        public var target: String
        public var sourceName: String
        public var targetName: String
        /// For contradictions: the kinds each side named, when they differ (by actor id).
        public var typesBySide: [String: [String]]?
        /// The start year each side gave, when they differ (by actor id).
        public var sinceBySide: [String: Int]?

        /// What differs, in words: "types : Mutualisation de moyens (Membre 03) / Formation (Membre 04)".
        public func detail(_ language: Language, taxonomy: Taxonomy = .standard) -> String {
            let fr = language == .fr
            func who(_ id: String) -> String { id == source ? sourceName : id == target ? targetName : id }
            var parts: [String] = []
            if let typesBySide {
                let sides = [source, target].compactMap { id in typesBySide[id].map { types in
                    types.map { type in taxonomy.tieTypes.first { $0.id == type }?.label(language) ?? type }.joined(separator: " ; ") + " (\(who(id)))"
                } }
                parts.append((fr ? "types : " : "kinds: ") + sides.joined(separator: " / "))
            }
            if let sinceBySide {
                let sides = [source, target].compactMap { id in sinceBySide[id].map { "\($0) (\(who(id)))" } }
                parts.append((fr ? "depuis : " : "since: ") + sides.joined(separator: " / "))
            }
            return parts.joined(separator: " ; ")
        }
    }

    public struct Rated: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var trust: Double?
        public var value: Double?
        public var raters: Int
    }

    public var wave: String
    public var asked: Int
    public var answered: Int
    /// `answered / asked`; nil when nobody was asked.
    public var responseRate: Double?
    /// Names of the actors asked that did not answer (or sent an empty questionnaire), sorted.
    public var notAnswered: [String]
    public var declaredPairs: Int
    public var confirmed: Int
    public var oneSided: Int
    public var contradictions: Int
    /// One-sided pairs by the other side's answer: `no`, `blank`, `not_answered`, `not_asked`.
    public var oneSidedBecause: [String: Int]
    /// Pairs declared where both actors answered.
    public var pairsBetweenRespondents: Int
    /// `(confirmed + contradictions) / pairsBetweenRespondents`; nil without such pairs.
    public var reciprocity: Double?
    /// Share of declared pairs that are one-sided.
    public var oneSidedShare: Double?
    public var contradictionList: [Pair]
    public var proposed: [Survey.ProposedPartner]
    /// Actors rated by others (trust and value means), by name; empty when the ratings were not asked.
    public var rated: [Rated]
    /// Means of the actors' trust and value scores.
    public var meanTrust: Double?
    public var meanValue: Double?

    /// No survey: every count zero.
    static func empty(wave: String) -> SurveyCollection { SurveyCollection(emptyWave: wave) }

    private init(emptyWave: String) {
        wave = emptyWave
        asked = 0
        answered = 0
        notAnswered = []
        declaredPairs = 0
        confirmed = 0
        oneSided = 0
        contradictions = 0
        oneSidedBecause = [:]
        pairsBetweenRespondents = 0
        contradictionList = []
        proposed = []
        rated = []
    }

    /// The figures of `network`, nil when it carries no survey (no actor with `survey`, no tie with `status`).
    public init?(network: Network, proposed: [Survey.ProposedPartner] = [], wave: String? = nil) {
        func attribute(_ attributes: [Attribute], _ name: String) -> String? { attributes.first { $0.name == name }?.value }
        let names = Dictionary(network.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let survey = network.actors.compactMap { actor in attribute(actor.attributes, "survey").map { (actor, $0) } }
        let statused = network.ties.compactMap { tie in attribute(tie.attributes, "status").map { (tie, $0) } }
        guard !survey.isEmpty || !statused.isEmpty else { return nil }
        let answeredIDs = Set(survey.filter { $0.1 == "answered" }.map(\.0.id))
        self.wave = wave ?? statused.lazy.compactMap { attribute($0.0.attributes, "survey_wave") }.first ?? ""
        asked = survey.count
        answered = answeredIDs.count
        responseRate = asked > 0 ? Double(answered) / Double(asked) : nil
        notAnswered = survey.filter { $0.1 != "answered" }.map(\.0.name).sorted { Taxonomy.normalize($0) < Taxonomy.normalize($1) }

        // One entry per pair: a pair's ties share their status.
        var pairs: [[String]: (status: String, otherSide: String?, types: String?, since: String?)] = [:]
        for (tie, status) in statused {
            let key = [tie.source, tie.target].sorted()
            if pairs[key] == nil {
                pairs[key] = (status, attribute(tie.attributes, "other_side"), attribute(tie.attributes, "declared_types"), attribute(tie.attributes, "declared_since"))
            }
        }
        /// "a:x;y|b:z" → ["a": ["x", "y"], "b": ["z"]].
        func sides(_ text: String?) -> [String: [String]]? {
            guard let text else { return nil }
            var result: [String: [String]] = [:]
            for side in text.split(separator: "|") {
                guard let colon = side.firstIndex(of: ":") else { continue }
                result[String(side[..<colon])] = side[side.index(after: colon)...].split(separator: ";").map(String.init)
            }
            return result
        }
        declaredPairs = pairs.count
        confirmed = pairs.values.filter { $0.status == "confirmed" }.count
        contradictions = pairs.values.filter { $0.status == "contradiction" }.count
        oneSided = pairs.values.filter { $0.status == "one_sided" }.count
        var because: [String: Int] = [:]
        for entry in pairs.values where entry.status == "one_sided" { because[entry.otherSide ?? "unknown", default: 0] += 1 }
        oneSidedBecause = because
        pairsBetweenRespondents = pairs.filter { answeredIDs.contains($0.key[0]) && answeredIDs.contains($0.key[1]) }.count
        reciprocity = pairsBetweenRespondents > 0 ? Double(confirmed + contradictions) / Double(pairsBetweenRespondents) : nil
        oneSidedShare = declaredPairs > 0 ? Double(oneSided) / Double(declaredPairs) : nil
        contradictionList = pairs.filter { $0.value.status == "contradiction" }.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map {
            Pair(source: $0.key[0], target: $0.key[1], sourceName: names[$0.key[0]] ?? $0.key[0], targetName: names[$0.key[1]] ?? $0.key[1],
                 typesBySide: sides($0.value.types), sinceBySide: sides($0.value.since)?.compactMapValues { $0.first.flatMap { Int($0) } })
        }
        self.proposed = proposed
        rated = network.actors.compactMap { actor in
            let trust = attribute(actor.attributes, "trust_score").flatMap(Double.init)
            let value = attribute(actor.attributes, "value_score").flatMap(Double.init)
            guard trust != nil || value != nil else { return nil }
            return Rated(id: actor.id, name: actor.name, trust: trust, value: value,
                         raters: attribute(actor.attributes, "ratings_received").flatMap { Int($0) } ?? 0)
        }.sorted { Taxonomy.normalize($0.name) != Taxonomy.normalize($1.name) ? Taxonomy.normalize($0.name) < Taxonomy.normalize($1.name) : $0.id < $1.id }
        let trusts = rated.compactMap(\.trust), values = rated.compactMap(\.value)
        meanTrust = trusts.isEmpty ? nil : trusts.reduce(0, +) / Double(trusts.count)
        meanValue = values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The network with only the ties no survey contests: one-sided and contradictory ties taken out
    /// (`--ties confirmed`); ties without a survey status (documented otherwise) stay.
    public static func confirmedOnly(_ network: Network) -> Network {
        var copy = network
        copy.ties.removeAll { tie in
            let status = tie.attributes.first { $0.name == "status" }?.value
            return status == "one_sided" || status == "contradiction"
        }
        return copy
    }

    /// Whether any tie of `network` carries a survey status.
    public static func hasStatus(_ network: Network) -> Bool {
        network.ties.contains { tie in tie.attributes.contains { $0.name == "status" } }
    }

    /// `collecte.txt`: the figures in sentences, for the animator.
    public func text(_ language: Language, taxonomy: Taxonomy = .standard) -> String {
        let fr = language == .fr
        func t(_ a: String, _ b: String) -> String { fr ? a : b }
        var lines: [String] = []
        lines.append(t("Collecte des partenariats", "Partnership survey") + (wave.isEmpty ? "" : t(" – vague \(wave)", " – wave \(wave)")))
        lines.append("")
        lines.append(t("Réponses : \(answered) sur \(asked) structures interrogées (\(language.percent(responseRate)))",
                       "Answers: \(answered) of \(asked) organisations asked (\(language.percent(responseRate)))"))
        if !notAnswered.isEmpty {
            lines.append(t("Sans réponse (\(notAnswered.count)) : ", "Not answered (\(notAnswered.count)): ") + notAnswered.joined(separator: ", "))
        }
        lines.append("")
        lines.append(t("Paires de structures déclarées : \(declaredPairs)", "Pairs of organisations declared: \(declaredPairs)"))
        lines.append(t("  confirmées par les deux côtés : \(confirmed)", "  confirmed by both sides: \(confirmed)"))
        lines.append(t("  contradictoires (type ou année différents) : \(contradictions)", "  contradictory (different kind or year): \(contradictions)"))
        lines.append(t("  déclarées d'un seul côté : \(oneSided)", "  declared by one side: \(oneSided)")
                     + (oneSidedShare.map { t(" (\(language.percent($0)) des paires)", " (\(language.percent($0)) of pairs)") } ?? ""))
        let reasons: [(String, String, String)] = [("no", "l'autre a répondu non", "the other said no"),
                                                   ("blank", "l'autre a laissé la ligne vide", "the other left the row empty"),
                                                   ("not_answered", "l'autre n'a pas répondu au questionnaire", "the other did not answer the questionnaire"),
                                                   ("not_asked", "l'autre n'était pas interrogé", "the other was not asked")]
        for (key, a, b) in reasons { if let count = oneSidedBecause[key], count > 0 { lines.append("    \(t(a, b)) : \(count)".replacingOccurrences(of: " : ", with: fr ? " : " : ": ")) } }
        if let reciprocity {
            lines.append(t("Réciprocité : \(language.percent(reciprocity)) des \(pairsBetweenRespondents) paires déclarées entre deux répondants sont déclarées des deux côtés",
                           "Reciprocity: \(language.percent(reciprocity)) of the \(pairsBetweenRespondents) pairs declared between two respondents are declared by both sides"))
        }
        if !contradictionList.isEmpty {
            lines.append("")
            lines.append(t("Contradictions à régler avec les deux structures :", "Contradictions to settle with both organisations:"))
            for pair in contradictionList {
                lines.append("  \(pair.sourceName) – \(pair.targetName)" + (fr ? " : " : ": ") + pair.detail(language, taxonomy: taxonomy))
            }
        }
        if !proposed.isEmpty {
            lines.append("")
            lines.append(t("Structures proposées hors liste (à vérifier, non ajoutées) :", "Organisations proposed outside the list (to check, not added):"))
            for partner in proposed {
                let closest = partner.closest.isEmpty ? t(" ; aucun nom proche dans le réseau", "; no close name in the network")
                    : t(" ; noms proches dans le réseau : ", "; close names in the network: ") + partner.closest.joined(separator: ", ")
                lines.append("  \(partner.name)" + (partner.commune.map { " (\($0))" } ?? "") + t(", proposée par ", ", proposed by ") + partner.proposedBy + closest)
            }
        }
        if meanTrust != nil || meanValue != nil {
            lines.append("")
            lines.append(t("Confiance et valeur (moyenne des notes de 1 à 4 reçues des autres) : confiance \(language.decimal(meanTrust, digits: 2)), valeur \(language.decimal(meanValue, digits: 2)) en moyenne",
                           "Trust and value (mean of the 1–4 ratings received from the others): trust \(language.decimal(meanTrust, digits: 2)), value \(language.decimal(meanValue, digits: 2)) on average"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
