import Foundation

/// A partnership survey of a PTCE's members (`ptce survey`): one questionnaire workbook per respondent
/// (`Questionnaire`), the returned files read back (`SurveyReturn`), merged into a network whose ties say who declared
/// them and whether the other side agrees (`SurveyMerge`), and the figures of the collection (`SurveyCollection`).
///
/// The wording of the questionnaire lives here, in French and English, so that the writer, the reader and
/// `docs/survey.md` use the same words.
public enum Survey {
    /// How often two organisations work together, from the questionnaire's drop-down list.
    public enum Frequency: String, CaseIterable, Codable, Sendable {
        case never, yearly, quarterly, monthly, weekly

        public func label(_ language: Language) -> String {
            switch (self, language) {
            case (.never, .fr): "jamais"
            case (.yearly, .fr): "annuelle"
            case (.quarterly, .fr): "trimestrielle"
            case (.monthly, .fr): "mensuelle"
            case (.weekly, .fr): "hebdomadaire"
            case (.never, .en): "never"
            case (.yearly, .en): "yearly"
            case (.quarterly, .en): "quarterly"
            case (.monthly, .en): "monthly"
            case (.weekly, .en): "weekly"
            }
        }

        /// The frequency a cell means: either language, any case or accent, masculine forms ("mensuel"), "chaque mois".
        static func read(_ text: String) -> Frequency? {
            let key = Taxonomy.normalize(text)
            guard !key.isEmpty else { return nil }
            let words: [(Frequency, [String])] = [
                (.never, ["jamais", "never", "aucune"]),
                (.yearly, ["annuel", "yearly", "annual", "chaque annee", "une fois par an", "par an"]),
                (.quarterly, ["trimestriel", "quarterly", "chaque trimestre", "par trimestre"]),
                (.monthly, ["mensuel", "monthly", "chaque mois", "par mois"]),
                (.weekly, ["hebdomadaire", "weekly", "chaque semaine", "par semaine"]),
            ]
            for (frequency, forms) in words where forms.contains(where: { key == $0 || key.hasPrefix($0) }) {
                return frequency
            }
            return nil
        }
    }

    /// The six optional ratings (`--trust-value`), each 1 to 4: three of trust, three of value (after the PARTNER tool's
    /// indicators of a partner's trustworthiness and value).
    public enum Indicator: String, CaseIterable, Codable, Sendable {
        case reliability, openness, sharedMission = "shared_mission", resources, influence, involvement

        public var isTrust: Bool { [.reliability, .openness, .sharedMission].contains(self) }

        public func label(_ language: Language) -> String {
            switch (self, language) {
            case (.reliability, .fr): "Fiabilité"
            case (.openness, .fr): "Ouverture"
            case (.sharedMission, .fr): "Mission partagée"
            case (.resources, .fr): "Ressources apportées"
            case (.influence, .fr): "Influence"
            case (.involvement, .fr): "Implication"
            case (.reliability, .en): "Reliability"
            case (.openness, .en): "Openness"
            case (.sharedMission, .en): "Shared mission"
            case (.resources, .en): "Resources brought"
            case (.influence, .en): "Influence"
            case (.involvement, .en): "Involvement"
            }
        }

        /// What the rating asks, for the questionnaire's explanation sheet.
        public func question(_ language: Language) -> String {
            switch (self, language) {
            case (.reliability, .fr): "Ce partenaire fait-il ce qu'il a dit qu'il ferait ?"
            case (.openness, .fr): "Ce partenaire est-il ouvert à la discussion, partage-t-il l'information ?"
            case (.sharedMission, .fr): "Ce partenaire partage-t-il les objectifs du pôle ?"
            case (.resources, .fr): "Ce partenaire apporte-t-il des moyens (argent, locaux, personnes, savoir-faire) ?"
            case (.influence, .fr): "Ce partenaire a-t-il du poids sur le territoire ?"
            case (.involvement, .fr): "Ce partenaire s'implique-t-il dans la vie du pôle ?"
            case (.reliability, .en): "Does this partner do what it said it would do?"
            case (.openness, .en): "Is this partner open to discussion, does it share information?"
            case (.sharedMission, .en): "Does this partner share the cluster's goals?"
            case (.resources, .en): "Does this partner bring resources (money, premises, people, know-how)?"
            case (.influence, .en): "Does this partner carry weight in the territory?"
            case (.involvement, .en): "Is this partner involved in the cluster's life?"
            }
        }
    }

    /// One respondent's answer about one other actor (a row of the questionnaire).
    public struct Answer: Codable, Equatable, Sendable {
        /// The other actor's id.
        public var partner: String
        /// "Travaillez-vous ensemble ?": nil when left empty.
        public var worksTogether: Bool?
        /// Tie-type ids, in the order written.
        public var types: [String] = []
        public var since: Int?
        public var frequency: Frequency?
        /// 1 to 4.
        public var intensity: Int?
        /// 1 to 4 each, by indicator; only the ones given.
        public var ratings: [Indicator: Int] = [:]
        public var comment: String?
        /// Where the answer was read (`FILE[Questionnaire]!A12`), for messages and the answers table.
        public var location: String?

        public init(partner: String, worksTogether: Bool? = nil, types: [String] = [], since: Int? = nil,
                    frequency: Frequency? = nil, intensity: Int? = nil, ratings: [Indicator: Int] = [:], comment: String? = nil) {
            self.partner = partner
            self.worksTogether = worksTogether
            self.types = types
            self.since = since
            self.frequency = frequency
            self.intensity = intensity
            self.ratings = ratings
            self.comment = comment
        }

        /// Nothing written on the row.
        public var isEmpty: Bool {
            worksTogether == nil && types.isEmpty && since == nil && frequency == nil && intensity == nil && ratings.isEmpty
                && (comment ?? "").isEmpty
        }

        /// The respondent says they work together: "oui", or any detail of a cooperation (kind, year, frequency other
        /// than never, intensity) with the first cell left empty.
        public var declaresTie: Bool {
            if let worksTogether { return worksTogether }
            return !types.isEmpty || since != nil || intensity != nil || (frequency.map { $0 != .never } ?? false)
        }
    }

    /// An organisation a respondent works with that the questionnaire did not list ("Autres partenaires non listés").
    public struct ProposedPartner: Codable, Equatable, Sendable {
        public var name: String
        public var kind: String?
        public var commune: String?
        public var types: [String] = []
        public var since: Int?
        /// Who proposed it.
        public var proposedBy: String = ""
        public var location: String?
        /// Existing actors whose names are closest, for the review.
        public var closest: [String] = []

        public init(name: String, kind: String? = nil, commune: String? = nil, types: [String] = [], since: Int? = nil) {
            self.name = name
            self.kind = kind
            self.commune = commune
            self.types = types
            self.since = since
        }
    }

    // MARK: - Wording

    static func text(_ language: Language, _ fr: String, _ en: String) -> String { language == .fr ? fr : en }

    /// The labels of the identity block, in column A, rows 1 to 5.
    static func title(_ l: Language) -> String { text(l, "Questionnaire des partenariats", "Partnership questionnaire") }
    static func respondentLabel(_ l: Language) -> String { text(l, "Identifiant du répondant", "Respondent id") }
    static func organisationLabel(_ l: Language) -> String { text(l, "Structure répondante", "Responding organisation") }
    static func networkLabel(_ l: Language) -> String { text(l, "Réseau", "Network") }
    static func waveLabel(_ l: Language) -> String { text(l, "Vague", "Wave") }
    static func sheetName(_ l: Language) -> String { text(l, "Questionnaire", "Questionnaire") }
    static func unlistedTitle(_ l: Language) -> String { text(l, "Autres partenaires non listés", "Other partners not listed") }

    /// The header of the partners table: the partner's name and family, the answers (the six indicators after the
    /// intensity when collected), a comment, and last the partner's id (what the answers are read by).
    static func partnerHeaders(_ l: Language, indicators: Bool) -> [String] {
        var headers = [text(l, "Structure", "Organisation"), text(l, "Famille", "Family"),
                       text(l, "Travaillez-vous ensemble ?", "Do you work together?"),
                       text(l, "Type(s) de coopération", "Kind(s) of cooperation"), text(l, "Depuis (année)", "Since (year)"),
                       text(l, "Fréquence", "Frequency"), text(l, "Intensité (1 à 4)", "Intensity (1 to 4)")]
        if indicators { headers += Indicator.allCases.map { "\($0.label(l)) " + text(l, "(1 à 4)", "(1 to 4)") } }
        headers += [text(l, "Commentaire", "Comment"), text(l, "Identifiant", "Id")]
        return headers
    }

    static func unlistedHeaders(_ l: Language) -> [String] {
        [text(l, "Nom", "Name"), text(l, "Type de structure", "Kind of organisation"), text(l, "Commune", "Municipality"),
         text(l, "Type(s) de coopération", "Kind(s) of cooperation"), text(l, "Depuis (année)", "Since (year)")]
    }

    /// Rows left for partners not listed.
    static let unlistedRows = 10

    static func yes(_ l: Language) -> String { text(l, "oui", "yes") }
    static func no(_ l: Language) -> String { text(l, "non", "no") }

    /// Who is asked by default: actors of an ESS family (work integration, other social economy, networks) and actors
    /// belonging to a PTCE or a GES.
    public static func defaultRespondents(_ network: Network, taxonomy: Taxonomy = .standard) -> [String] {
        let groupKinds = Dictionary(network.groups.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let members = Set(network.memberships.filter { ["ptce", "ges"].contains(groupKinds[$0.group] ?? "") }.map(\.member))
        return network.actors.filter { members.contains($0.id) || (taxonomy.family(of: $0.kind)?.ess ?? false) }.map(\.id)
    }

    /// A file name for an actor's questionnaire: "Questionnaire – NAME.xlsx", characters file systems refuse replaced.
    public static func fileName(for actor: Actor, taken: Set<String>) -> String {
        let cleaned = String(actor.name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline || $0 == "\t" ? "-" : $0 }.prefix(80))
            .trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".")))
        let base = "Questionnaire – \(cleaned.isEmpty ? actor.id : cleaned)"
        var name = "\(base).xlsx"
        if taken.contains(name.lowercased()) { name = "\(base) (\(actor.id)).xlsx" }
        return name
    }
}
