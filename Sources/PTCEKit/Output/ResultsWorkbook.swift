import Foundation

/// `resultats.xlsx` (`results.xlsx` in English), written by `ptce analyze` for people who work in a spreadsheet:
/// Synthèse (key figures), Acteurs (every measure, French headers, numbers stored as numbers), Définitions (what each
/// measure says), Liens, Groupes (cohesion: internal ties, members without an internal tie), Collecte (for a network
/// from a partnership survey), Rencontres suggérées and
/// Qualité des données (every warning with its place). `centrality.csv` stays the file for tools.
public struct ResultsWorkbook {
    /// The network analysed.
    public var network: Network
    /// Its vocabulary.
    public var taxonomy: Taxonomy
    /// Language of the sheets and headers.
    public var language: Language
    /// Key figures (sheet "Résumé").
    public var summary: Summary
    /// Measures per actor (sheet "Acteurs").
    public var centrality: CentralityReport
    /// Cooperation across families, when there are ties.
    public var cooperation: CooperationReport?
    /// The reading's warnings (sheet of data quality).
    public var warnings: [Diagnostic]
    /// Date of the analysis, `YYYY-MM-DD`.
    public var date: String

    /// The workbook of these results.
    public init(network: Network, taxonomy: Taxonomy, language: Language, summary: Summary, centrality: CentralityReport,
                cooperation: CooperationReport?, warnings: [Diagnostic], date: String) {
        self.network = network
        self.taxonomy = taxonomy
        self.language = language
        self.summary = summary
        self.centrality = centrality
        self.cooperation = cooperation
        self.warnings = warnings
        self.date = date
    }

    /// The file name for the language.
    public static func fileName(_ language: Language) -> String { language == .fr ? "resultats.xlsx" : "results.xlsx" }

    /// Values within this distance of zero are written as 0: the iterative measures stop at a tolerance of 1e-9 or
    /// finer, so a residue like 2.3e-83 means zero, and a spreadsheet would show it as "2,3E-83".
    static let zeroTolerance = 1e-12

    /// The `.xlsx` file.
    public func data() throws -> Data {
        try XLSXWriter.write([synthesis(), actors(), definitions(), ties(), groups()] + (collection().map { [$0] } ?? []) + [meetings(), quality()])
    }

    private var fr: Bool { language == .fr }
    private func t(_ french: String, _ english: String) -> String { fr ? french : english }
    private func text(_ value: String?) -> SheetData.Cell { value.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
    private func measure(_ value: Double?, _ metric: Metric? = nil) -> SheetData.Cell {
        guard let value, value.isFinite else { return .empty }
        if metric?.isCount == true { return .number(value, .integer) }
        // Strength and eccentricity are whole numbers when ties are not weighted: shown without decimals then.
        if let metric, [.strength, .eccentricity].contains(metric), value == value.rounded() { return .number(value, .integer) }
        return .number(abs(value) < Self.zeroTolerance ? 0 : value, .decimal)
    }
    private func kindLabel(_ id: String) -> String { taxonomy.kinds.first { $0.id == id }?.label(language) ?? id }
    private func familyLabel(_ id: String) -> String { taxonomy.familyLabel(id, language) }

    func synthesis() -> SheetData {
        var rows: [[SheetData.Cell]] = [[.text(t("Indicateur", "Figure")), .text(t("Valeur", "Value"))]]
        rows.append([.text(t("Réseau", "Network")), text(network.title)])
        if network.synthetic { rows.append([.text(t("Données", "Data")), .text(t("SYNTHÉTIQUES (générées)", "SYNTHETIC (generated)"))]) }
        rows.append([.text(t("Acteurs", "Actors")), .number(Double(summary.actors), .integer)])
        rows.append([.text(t("Groupes (GES, PTCE, réseaux…)", "Groups (GES, PTCE, networks…)")), .number(Double(summary.groups), .integer)])
        rows.append([.text(t("Appartenances", "Memberships")), .number(Double(summary.memberships), .integer)])
        rows.append([.text(t("Liens de partenariat", "Partnership ties")), .number(Double(summary.ties), .integer)])
        rows.append([.text(t("Densité (part des paires d'acteurs liées)", "Density (share of actor pairs tied)")), .number(summary.density, .percent)])
        rows.append([.text(t("Composantes (morceaux du réseau)", "Components (pieces of the network)")), .number(Double(summary.components), .integer)])
        rows.append([.text(t("Acteurs du plus grand morceau", "Actors in the largest piece")), .number(Double(summary.largestComponent), .integer)])
        rows.append([.text(t("Acteurs sans aucun lien", "Actors without any tie")), .number(Double(summary.isolatedActors), .integer)])
        for count in summary.actorsByFamily {
            rows.append([.text(t("Acteurs de la famille « \(count.label) »", "Actors of family '\(count.label)'")), .number(Double(count.count), .integer)])
        }
        rows.append([.text(t("Avertissements sur les données", "Warnings about the data")), .number(Double(warnings.count), .integer)])
        rows.append([.text(t("Date de l'analyse", "Date of the analysis")), .text(date)])
        rows.append([.text(t("Source", "Source")), text(network.source)])
        return SheetData(name: t("Synthèse", "Summary"), rows: rows, widths: [48, 60])
    }

    func actors() -> SheetData {
        let ratings = centrality.hasRatings
        let header: [SheetData.Cell] = [.text(t("Identifiant", "Id")), .text(t("Nom", "Name")), .text(t("Type", "Kind")),
                                        .text(t("Famille", "Family"))] + centrality.metrics.map { .text($0.label(language)) }
            + (ratings ? [.text(t("Confiance (note reçue, 1 à 4)", "Trust (rating received, 1 to 4)")), .text(t("Valeur (note reçue, 1 à 4)", "Value (rating received, 1 to 4)"))] : [])
        var rows = [header]
        for row in centrality.rows {
            rows.append([.text(row.id), .text(row.name), .text(kindLabel(row.kind)), .text(familyLabel(row.family))]
                        + centrality.metrics.map { measure(row.values[$0] ?? nil, $0) }
                        + (ratings ? [measure(row.trust), measure(row.value)] : []))
        }
        return SheetData(name: t("Acteurs", "Actors"), rows: rows, widths: [22, 40, 28, 24] + centrality.metrics.map { _ in 14 } + (ratings ? [16, 16] : []))
    }

    /// Sheet "Collecte", for a network from a partnership survey: the figures of `SurveyCollection`, then the
    /// contradictions to settle and the organisations proposed.
    func collection() -> SheetData? {
        guard let survey = summary.survey else { return nil }
        var rows: [[SheetData.Cell]] = [[.text(t("Indicateur", "Figure")), .text(t("Valeur", "Value")), .text(t("Détail", "Detail"))]]
        rows.append([.text(t("Vague", "Wave")), text(survey.wave), .empty])
        rows.append([.text(t("Structures interrogées", "Organisations asked")), .number(Double(survey.asked), .integer), .empty])
        rows.append([.text(t("Structures qui ont répondu", "Organisations that answered")), .number(Double(survey.answered), .integer), .empty])
        rows.append([.text(t("Taux de réponse", "Response rate")), survey.responseRate.map { .number($0, .percent) } ?? .empty, .empty])
        rows.append([.text(t("Sans réponse", "Not answered")), .number(Double(survey.notAnswered.count), .integer), .text(survey.notAnswered.joined(separator: ", "))])
        rows.append([.text(t("Paires déclarées", "Pairs declared")), .number(Double(survey.declaredPairs), .integer), .empty])
        rows.append([.text(t("Confirmées par les deux côtés", "Confirmed by both sides")), .number(Double(survey.confirmed), .integer), .empty])
        rows.append([.text(t("Déclarées d'un seul côté", "Declared by one side")), .number(Double(survey.oneSided), .integer), .empty])
        rows.append([.text(t("Contradictoires", "Contradictory")), .number(Double(survey.contradictions), .integer), .empty])
        rows.append([.text(t("Réciprocité (entre répondants)", "Reciprocity (between respondents)")), survey.reciprocity.map { .number($0, .percent) } ?? .empty,
                     .text(t("paires déclarées des deux côtés parmi les \(survey.pairsBetweenRespondents) déclarées entre deux répondants",
                             "pairs declared by both sides among the \(survey.pairsBetweenRespondents) declared between two respondents"))])
        for pair in survey.contradictionList {
            rows.append([.text(t("Contradiction", "Contradiction")), .text("\(pair.sourceName) – \(pair.targetName)"), .text(pair.detail(language, taxonomy: taxonomy))])
        }
        for partner in survey.proposed {
            rows.append([.text(t("Proposée hors liste", "Proposed outside the list")), .text(partner.name), .text(partner.proposedBy)])
        }
        if let trust = survey.meanTrust { rows.append([.text(t("Confiance moyenne (1 à 4)", "Mean trust (1 to 4)")), .number(trust, .decimal), .empty]) }
        if let value = survey.meanValue { rows.append([.text(t("Valeur moyenne (1 à 4)", "Mean value (1 to 4)")), .number(value, .decimal), .empty]) }
        return SheetData(name: t("Collecte", "Survey"), rows: rows, widths: [40, 30, 80])
    }

    func definitions() -> SheetData {
        var rows: [[SheetData.Cell]] = [[.text(t("Mesure", "Measure")), .text(t("Ce qu'elle dit", "What it says"))]]
        for metric in centrality.metrics { rows.append([.text(metric.label(language)), .text(Self.explanation(metric, language))]) }
        return SheetData(name: t("Définitions", "Definitions"), rows: rows, widths: [22, 100])
    }

    static func explanation(_ metric: Metric, _ language: Language) -> String {
        let fr = language == .fr
        switch metric {
        case .degree: return fr ? "Nombre de partenaires directs." : "Number of direct partners."
        case .degreeCentrality: return fr ? "Partenaires divisés par le nombre d'autres acteurs (de 0 à 1)." : "Partners divided by the number of other actors (0 to 1)."
        case .strength: return fr ? "Somme des poids des liens (égale aux partenaires quand les liens ne sont pas pondérés)." : "Sum of the ties' weights (equal to partners when ties are not weighted)."
        case .betweenness: return fr ? "Part des plus courts chemins entre deux autres acteurs qui passent par celui-ci : qui fait le pont." : "Share of the shortest paths between two other actors that go through this one: who bridges."
        case .closeness: return fr ? "Proximité à tous les autres (inverse de la distance moyenne, corrigée pour les morceaux séparés)." : "Closeness to all others (inverse of the mean distance, corrected for separate pieces)."
        case .harmonic: return fr ? "Somme des inverses des distances aux autres : proximité qui tolère les morceaux séparés." : "Sum of inverse distances to the others: closeness that tolerates separate pieces."
        case .eigenvector: return fr ? "Être lié à des acteurs eux-mêmes bien liés (vecteur propre)." : "Being tied to actors that are themselves well tied (eigenvector)."
        case .katz: return fr ? "Influence par les chemins de toutes longueurs, les plus courts comptant le plus (Katz, alpha 0,1)." : "Influence through paths of every length, shorter ones counting more (Katz, alpha 0.1)."
        case .pagerank: return fr ? "Importance au sens de Google : recevoir des liens d'acteurs importants (amortissement 0,85)." : "Google-style importance: being linked from important actors (damping 0.85)."
        case .clustering: return fr ? "Part des paires de partenaires qui sont aussi partenaires entre eux." : "Share of the actor's partner pairs who are partners of each other."
        case .coreNumber: return fr ? "Le plus grand k tel que l'acteur est dans un groupe où chacun a au moins k partenaires." : "The largest k such that the actor sits in a group where everyone has at least k partners."
        case .eccentricity: return fr ? "Distance au plus éloigné des acteurs de son morceau du réseau." : "Distance to the farthest actor of its piece of the network."
        case .hitsHub: return fr ? "Pointe vers des acteurs faisant autorité (HITS, réseaux orientés)." : "Points to authoritative actors (HITS, directed networks)."
        case .hitsAuthority: return fr ? "Désigné par de bons « carrefours » (HITS, réseaux orientés)." : "Pointed to by good hubs (HITS, directed networks)."
        case .constraint: return fr ? "Dépendance envers des partenaires liés entre eux (Burt) : plus c'est bas, plus l'acteur relie des mondes." : "Dependence on partners tied to each other (Burt): the lower, the more the actor links worlds."
        case .effectiveSize: return fr ? "Nombre de partenaires non redondants (Burt)." : "Number of non-redundant partners (Burt)."
        case .efficiency: return fr ? "Taille effective divisée par le nombre de partenaires." : "Effective size divided by the number of partners."
        case .hierarchy: return fr ? "Concentration de la contrainte sur un seul partenaire (Burt)." : "Concentration of constraint on one partner (Burt)."
        }
    }

    func ties() -> SheetData {
        let names = Dictionary(network.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var rows: [[SheetData.Cell]] = [[.text(t("Structure 1", "Actor 1")), .text(t("Nom 1", "Name 1")), .text(t("Structure 2", "Actor 2")),
                                         .text(t("Nom 2", "Name 2")), .text(t("Type de lien", "Tie type")), .text(t("Poids", "Weight")),
                                         .text(t("Orienté", "Directed")), .text(t("Depuis", "Since")), .text(t("Jusqu'au", "Until")),
                                         .text(t("Source", "Reference"))]]
        for tie in network.ties {
            let type = tie.type.isEmpty ? "" : (taxonomy.tieTypes.first { $0.id == tie.type }?.label(language) ?? tie.type)
            rows.append([.text(tie.source), text(names[tie.source]), .text(tie.target), text(names[tie.target]), text(type),
                         .number(tie.weight, tie.weight == tie.weight.rounded() ? .integer : .decimal),
                         .text(tie.directed ? t("oui", "yes") : t("non", "no")),
                         text(tie.since?.description), text(tie.until?.description), text(tie.reference)])
        }
        return SheetData(name: t("Liens", "Ties"), rows: rows, widths: [22, 36, 22, 36, 30, 8, 9, 11, 11, 50])
    }

    func groups() -> SheetData {
        var rows: [[SheetData.Cell]] = [[.text(t("Identifiant", "Id")), .text(t("Nom", "Name")), .text(t("Type", "Kind")),
                                         .text(t("Membres", "Members")), .text(t("Liens entre membres", "Ties between members")),
                                         .text(t("Densité interne", "Internal density")), .text(t("Liens vers l'extérieur", "Ties outside")),
                                         .text(t("Membres sans lien avec un autre membre", "Members without a tie to another member"))]]
        let names = Dictionary(network.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for group in cooperation?.formalGroups ?? [] {
            let kind = taxonomy.groupKinds.first { $0.id == group.kind }?.label(language) ?? group.kind
            rows.append([.text(group.id), .text(group.name), .text(kind), .number(Double(group.members), .integer),
                         .number(Double(group.internalTies), .integer), group.density.map { .number($0, .percent) } ?? .empty,
                         .number(Double(group.externalTies), .integer),
                         text(group.membersWithoutInternalTie.map { names[$0] ?? $0 }.joined(separator: ", "))])
        }
        return SheetData(name: t("Groupes", "Groups"), rows: rows, widths: [22, 40, 26, 10, 12, 12, 12, 60])
    }

    func meetings() -> SheetData {
        var rows: [[SheetData.Cell]] = [[.text(t("Structure", "Actor")), .text(t("À rencontrer", "To meet")), .text(t("Score", "Score")),
                                         .text(t("Partenaires en commun", "Shared partners")), .text(t("Familles différentes", "Different families"))]]
        for suggestion in cooperation?.suggestions ?? [] {
            rows.append([.text(suggestion.sourceName), .text(suggestion.targetName), .number(suggestion.score, .decimal),
                         .text(suggestion.sharedPartnersText(language)),
                         .text(suggestion.crossFamily ? t("oui", "yes") : t("non", "no"))])
        }
        return SheetData(name: t("Rencontres suggérées", "Suggested meetings"), rows: rows, widths: [36, 36, 9, 60, 12])
    }

    func quality() -> SheetData {
        var rows: [[SheetData.Cell]] = [[.text(t("Où", "Where")), .text(t("Gravité", "Severity")), .text(t("Message", "Message")),
                                         .text(t("Conseil", "Hint"))]]
        for warning in warnings {
            rows.append([.text(warning.location.description), .text(warning.severity == .error ? t("erreur", "error") : t("avertissement", "warning")),
                         .text(warning.message.text(language)), text(warning.hint?.text(language))])
        }
        if warnings.isEmpty { rows.append([.text("—"), .empty, .text(t("aucun avertissement", "no warning")), .empty]) }
        return SheetData(name: t("Qualité des données", "Data quality"), rows: rows, widths: [40, 14, 70, 60])
    }
}
