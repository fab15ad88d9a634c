import CoopGraph
import Crypto
import Foundation
import Plot
import PTCEKit

extension Node {
    /// Text shown exactly as written. Plot's `.text` escapes `<` and `>` but keeps anything that looks like an
    /// entity (`&lt;b&gt;` would show as `<b>`, `&#1;` would put a control character in the page), and Plot writes
    /// attribute values unescaped: so every text from data goes through here, with `&` written `&amp;` first and
    /// forbidden characters replaced (`OutputText.clean`), and no data ever goes into an attribute.
    static func literal(_ text: String) -> Node {
        .text(OutputText.clean(text).replacingOccurrences(of: "&", with: "&amp;"))
    }
}

/// Everything the report shows, computed before (`Analysis`): the report only formats it.
public struct ReportInput {
    public var network: Network
    public var taxonomy: Taxonomy
    public var language: PTCEKit.Language
    public var title: String
    public var at: Int?
    public var summary: Summary
    public var centrality: CentralityReport
    /// nil when the view has no tie (the report then says so).
    public var cooperation: CooperationReport?
    /// nil when the view has no tie.
    public var robustness: RobustnessReport?
    /// nil when the ties' dates do not span two years.
    public var evolution: [Evolution.YearRow]?
    /// Every validation problem that did not stop the reading.
    public var warnings: [Diagnostic]
    /// Graphviz's SVG of the whole network (nil above the readable limit) and of the aggregate view.
    public var wholeDiagram: String?
    public var aggregateDiagram: String?
    public var sourcePath: String
    public var version: String
    public var graphvizVersion: String
    public var date: String

    public init(analysis: Analysis, title: String, warnings: [Diagnostic], wholeDiagram: String?, aggregateDiagram: String?,
                sourcePath: String, version: String, graphvizVersion: String, date: String) {
        network = analysis.network
        taxonomy = analysis.taxonomy
        language = analysis.options.language
        self.title = title
        at = analysis.options.at
        summary = analysis.summary
        centrality = analysis.centrality
        cooperation = analysis.cooperation
        robustness = analysis.robustness
        evolution = analysis.evolution
        self.warnings = warnings
        self.wholeDiagram = wholeDiagram
        self.aggregateDiagram = aggregateDiagram
        self.sourcePath = sourcePath
        self.version = version
        self.graphvizVersion = graphvizVersion
        self.date = date
    }
}

/// The report an animator opens, prints and sends: one self-contained HTML file (inline SVG, CSS and script; no
/// request to any host, enforced by its Content-Security-Policy), readable with scripts off, French by default.
///
/// Built with Plot, which escapes every text and attribute: names from spreadsheets are text, never markup. Only
/// three things go in raw: the constant stylesheet and script of `ReportAssets`, and the SVG Graphviz wrote (its
/// labels and tooltips escaped by Graphviz; the prolog and DOCTYPE removed).
public enum HTMLReport {
    /// Rows shown before "show all" in long tables.
    static let shortList = 15

    public static func render(_ input: ReportInput) -> String {
        let fr = input.language == .fr
        let page = Page(input: input)
        let scriptHash = Data(SHA256.hash(data: Data(ReportAssets.script.utf8))).base64EncodedString()
        let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-\(scriptHash)'; base-uri 'none'; form-action 'none'"
        let html = HTML(
            .attribute(named: "lang", value: fr ? "fr" : "en"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"), .content(policy)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.name("generator"), .content("ptce \(input.version)")),
                // Not Plot's `.title`: it also writes og:/twitter: meta attributes, and Plot never escapes attributes.
                .element(named: "title", nodes: [.literal(input.title)]),
                .style(ReportAssets.css)
            ),
            .body(
                page.header(),
                page.keyFigures(),
                page.diagramSection(),
                page.centralitySection(),
                page.bridgesSection(),
                page.groupsSection(),
                page.fragilitySection(),
                page.evolutionSection(),
                page.suggestionsSection(),
                page.qualitySection(),
                page.methodSection(),
                .raw("<script>\(ReportAssets.script)</script>")
            )
        )
        return html.render(indentedBy: .spaces(1))
    }

    /// Graphviz's SVG without its XML prolog, DOCTYPE and comments, for inlining in HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }
}

/// One report's sections.
private struct Page {
    let input: ReportInput
    var fr: Bool { input.language == .fr }

    func number(_ value: Double?, _ digits: Int = 3) -> String { input.language.decimal(value, digits: digits) }
    func percent(_ value: Double?) -> String { input.language.percent(value) }

    func t(_ french: String, _ english: String) -> String { fr ? french : english }

    func section(_ id: String, _ title: String, _ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .element(named: "section", nodes: [.id(id), .h2(.literal(title))] + nodes)
    }

    /// A table, sortable by its headers when scripts run; rows beyond `HTMLReport.shortList` in a "show all" fold.
    func table(_ headers: [(String, Bool)], _ rows: [[String]], caption: String? = nil) -> Node<HTML.BodyContext> {
        func build(_ slice: ArraySlice<[String]>) -> Node<HTML.BodyContext> {
            .table(
                .class("sortable"),
                .unwrap(caption) { .caption(.literal($0)) },
                .thead(.tr(.forEach(headers) { header in .th(.class(header.1 ? "n" : ""), .literal(header.0)) })),
                .tbody(.forEach(slice) { row in
                    .tr(.forEach(Array(row.enumerated())) { index, cell in .td(.class(headers[index].1 ? "n" : ""), .literal(cell)) })
                })
            )
        }
        if rows.count <= HTMLReport.shortList + 5 { return build(rows[...]) }
        return .group(
            build(rows.prefix(HTMLReport.shortList)),
            .element(named: "details", nodes: [
                .class("more"),
                .element(named: "summary", nodes: [Node<HTML.BodyContext>.literal(t("Tout afficher (\(rows.count) lignes)", "Show all (\(rows.count) rows)"))]),
                build(rows[...]),
            ])
        )
    }

    func explain(_ text: String) -> Node<HTML.BodyContext> { .p(.class("explain"), .literal(text)) }
    func answer(_ text: String) -> Node<HTML.BodyContext> { .p(.class("answer"), .literal(text)) }

    // MARK: Sections

    func header() -> Node<HTML.BodyContext> {
        let s = input.summary
        var subtitle = t("Rapport d'analyse du réseau de coopération", "Cooperation network analysis report")
        if let at = input.at { subtitle += t(" — liens actifs en \(at)", " — ties active in \(at)") }
        subtitle += " — \(input.date)"
        return .group(
            .header(.class("top"),
                    .h1(.literal(input.title)),
                    .p(.class("subtitle"), .literal(subtitle))),
            .if(s.synthetic, .p(.class("banner"), .literal(t("DONNÉES SYNTHÉTIQUES : ce réseau est généré, il ne décrit aucune structure réelle.",
                                                           "SYNTHETIC DATA: this network is generated and describes no real organisation.")))),
            .element(named: "nav", nodes: [
                .class("toc"),
                .a(.href("#chiffres"), .literal(t("Chiffres clés", "Key figures"))),
                .a(.href("#carte"), .literal(t("Carte", "Map"))),
                .a(.href("#piliers"), .literal(t("Qui tient le réseau", "Who holds the network"))),
                .a(.href("#passerelles"), .literal(t("Passerelles", "Bridges"))),
                .a(.href("#groupes"), .literal(t("GES et PTCE", "GES and PTCE"))),
                .a(.href("#fragilite"), .literal(t("Fragilité", "Fragility"))),
                .a(.href("#evolution"), .literal(t("Évolution", "Evolution"))),
                .a(.href("#rencontres"), .literal(t("Rencontres", "Meetings"))),
                .a(.href("#qualite"), .literal(t("Qualité des données", "Data quality"))),
                .a(.href("#methode"), .literal(t("Méthode et sources", "Method and sources"))),
            ])
        )
    }

    func keyFigures() -> Node<HTML.BodyContext> {
        let s = input.summary
        func figure(_ value: String, _ label: String) -> Node<HTML.BodyContext> { .div(.class("figure"), .b(.literal(value)), .span(.literal(label))) }
        let reading: String
        if s.ties == 0 {
            reading = t("Aucun lien de partenariat n'est encore renseigné : la carte montre les acteurs et leurs groupes, pas encore qui travaille avec qui.",
                        "No partnership is recorded yet: the map shows actors and their groups, not yet who works with whom.")
        } else {
            reading = t("\(s.actors) acteurs, dont \(s.isolatedActors) sans aucun lien renseigné ; le plus grand ensemble d'acteurs reliés en compte \(s.largestComponent).",
                        "\(s.actors) actors, \(s.isolatedActors) of them without any recorded tie; the largest set of connected actors has \(s.largestComponent).")
        }
        return section("chiffres", t("Chiffres clés", "Key figures"),
            answer(reading),
            .div(.class("figures"),
                 figure("\(s.actors)", t("acteurs", "actors")),
                 figure("\(s.ties)", t("liens de partenariat", "partnership ties")),
                 figure("\(s.groups)", t("groupes (GES, PTCE…)", "groups (GES, PTCE…)")),
                 figure("\(s.memberships)", t("appartenances", "memberships")),
                 figure(number(s.density, 4), t("densité (part des liens possibles)", "density (share of possible ties)")),
                 figure("\(s.components)", t("composantes (îlots)", "components (islands)"))),
            .h3(.literal(t("Acteurs par famille", "Actors by family"))),
            table([(t("Famille", "Family"), false), (t("Acteurs", "Actors"), true)], s.actorsByFamily.map { [$0.label, "\($0.count)"] }),
            .element(named: "details", nodes: [
                .class("more"),
                .element(named: "summary", nodes: [Node<HTML.BodyContext>.literal(t("Détail : acteurs par nature, liens par type, groupes", "Detail: actors by kind, ties by type, groups"))]),
                .h3(.literal(t("Acteurs par nature", "Actors by kind"))),
                table([(t("Nature", "Kind"), false), (t("Acteurs", "Actors"), true)], s.actorsByKind.map { [$0.label, "\($0.count)"] }),
                .h3(.literal(t("Liens par type", "Ties by type"))),
                s.tiesByType.isEmpty ? explain(t("Aucun lien.", "No tie.")) :
                    table([(t("Type", "Type"), false), (t("Liens", "Ties"), true)], s.tiesByType.map { [$0.label, "\($0.count)"] }),
                .h3(.literal(t("Groupes", "Groups"))),
                table([(t("Groupe", "Group"), false), (t("Nature", "Kind"), false), (t("Membres", "Members"), true)],
                      s.groupSizes.map { [$0.name, $0.kind.replacingOccurrences(of: "_", with: " "), "\($0.members)"] }),
            ])
        )
    }

    func diagramSection() -> Node<HTML.BodyContext> {
        var nodes: [Node<HTML.BodyContext>] = [
            explain(t("Chaque forme est un acteur, sa couleur sa famille (légende dans le cadre) ; survolez un acteur pour voir sa fiche. Les cadres en pointillés sont les GES et PTCE.",
                      "Each shape is an actor, its colour its family (legend in the frame); hover over an actor to see its card. Dashed frames are GES and PTCE.")),
        ]
        if let whole = input.wholeDiagram {
            nodes.append(.div(.class("diagram"), .id("diagramme"), .raw(HTMLReport.inlineSVG(whole))))
        } else {
            nodes.append(answer(t("Le réseau compte trop d'acteurs pour une carte lisible : voici la vue agrégée par famille (un cercle par famille, l'épaisseur des traits selon le nombre de liens).",
                                  "The network has too many actors for a readable map: here is the view aggregated by family (one circle per family, line width by number of ties).")))
        }
        if let aggregate = input.aggregateDiagram {
            nodes.append(.h3(.literal(t("Vue agrégée par famille", "Aggregate view by family"))))
            nodes.append(.div(.class("diagram"), .id("diagramme-agrege"), .raw(HTMLReport.inlineSVG(aggregate))))
        }
        return .element(named: "section", nodes: [.id("carte"), .h2(.literal(t("Carte du réseau", "Network map")))] + nodes)
    }

    func centralitySection() -> Node<HTML.BodyContext> {
        let c = input.centrality
        func top(_ metric: Metric, _ sentence: String) -> Node<HTML.BodyContext> {
            guard c.metrics.contains(metric) else { return .empty }
            let rows = c.ranked(by: metric).prefix(10).filter { ($0.values[metric] ?? nil).map { $0 > 0 } ?? false }
            return .group(
                .h3(.literal(metric.label(input.language))),
                explain(sentence),
                rows.isEmpty ? explain(t("Aucun acteur ne se distingue (aucun lien).", "No actor stands out (no tie).")) :
                    table([("#", true), (t("Acteur", "Actor"), false), (t("Famille", "Family"), false), (metric.label(input.language), true)],
                          rows.enumerated().map { index, row in
                              ["\(index + 1)", row.name, input.taxonomy.familyLabel(row.family, input.language),
                               metric.isCount ? String(Int((row.values[metric] ?? 0) ?? 0)) : number(row.values[metric] ?? nil)]
                          })
            )
        }
        let leader = c.ranked(by: .betweenness).first
        let lead: Node<HTML.BodyContext> = leader.flatMap { row in
            guard let value = row.values[.betweenness] ?? nil, value > 0 else { return nil }
            return answer(t("\(row.name) est l'acteur par lequel passent le plus de chemins entre les autres : s'il se retirait, des partenaires se perdraient de vue.",
                            "\(row.name) is the actor most paths between others go through: if it withdrew, partners would lose sight of each other."))
        } ?? .empty
        return section("piliers", t("Qui tient le réseau ensemble ?", "Who holds the network together?"),
            lead,
            top(.betweenness, t("Intermédiarité : part des plus courts chemins entre deux autres acteurs qui passent par celui-ci — les passeurs, sans qui des acteurs seraient éloignés.",
                                "Betweenness: share of shortest paths between two other actors that go through this one — the go-betweens without whom actors would be far apart.")),
            top(.degree, t("Partenaires : nombre de liens directs — les plus connectés.", "Partners: number of direct ties — the best connected.")),
            top(.eigenvector, t("Vecteur propre : être lié à des acteurs eux-mêmes bien liés — l'influence par les relations.",
                                "Eigenvector: being tied to actors who are well tied themselves — influence through relations."))
        )
    }

    func bridgesSection() -> Node<HTML.BodyContext> {
        guard let c = input.cooperation else {
            return section("passerelles", t("Passerelles entre les mondes", "Bridges between worlds"),
                           answer(t("Pas de lien dans cette vue : rien à mesurer entre les mondes.", "No tie in this view: nothing to measure between worlds.")))
        }
        let reading: String
        if let ei = c.eiIndex, let expected = c.expectedEIIndex {
            reading = ei < expected
                ? t("Les liens restent plus souvent entre acteurs de la même famille que le hasard ne le voudrait (indice E-I \(number(ei, 2)) contre \(number(expected, 2)) attendu).",
                    "Ties stay within a family more often than chance would have it (E-I index \(number(ei, 2)) against \(number(expected, 2)) expected).")
                : t("Les liens traversent les familles au moins autant que le hasard ne le voudrait (indice E-I \(number(ei, 2)) contre \(number(expected, 2)) attendu).",
                    "Ties cross families at least as often as chance would have it (E-I index \(number(ei, 2)) against \(number(expected, 2)) expected).")
        } else {
            reading = t("Indice E-I indéfini (une seule famille).", "E-I index undefined (a single family).")
        }
        let brokers = c.actorRows.filter { ($0.brokerage.values.reduce(0, +)) > 0 }
            .sorted { ($0.brokerage.values.reduce(0, +), $1.name) > ($1.brokerage.values.reduce(0, +), $0.name) }
        let roles = brokers.first.map { Array($0.brokerage.keys).sorted() } ?? []
        return section("passerelles", t("Passerelles entre les mondes", "Bridges between worlds"),
            answer(reading + " " + t("Liens passerelles (ESS ↔ hors ESS) : \(c.passerelleTies) sur \(c.ties) (\(percent(c.passerelleShare))).",
                                     "Passerelle ties (social economy ↔ others): \(c.passerelleTies) of \(c.ties) (\(percent(c.passerelleShare))).")),
            explain(t("Indice E-I (Krackhardt et Stern) : −1 tous les liens à l'intérieur des familles, +1 tous entre familles. p = \(number(c.eiPValue)) sur \(c.permutations) permutations (graine \(c.seed)) : la probabilité d'un écart au moins aussi grand si les familles étaient tirées au hasard.",
                      "E-I index (Krackhardt and Stern): −1 all ties inside families, +1 all across. p = \(number(c.eiPValue)) over \(c.permutations) permutations (seed \(c.seed)): the probability of a gap at least as large were families drawn at random.")),
            .h3(.literal(t("Par famille", "By family"))),
            table([(t("Famille", "Family"), false), (t("Acteurs", "Actors"), true), (t("Liens internes", "Internal ties"), true),
                   (t("Liens externes", "External ties"), true), ("E-I", true), (t("Part passerelle", "Passerelle share"), true)],
                  c.groups.map { [$0.name, "\($0.actors)", "\($0.internalTies)", "\($0.externalTies)", number($0.eiIndex, 2), percent($0.passerelleShare)] }),
            .h3(.literal(t("Courtiers (rôles de Gould et Fernandez)", "Brokers (Gould and Fernandez roles)"))),
            explain(t("Combien de fois l'acteur relie deux partenaires qui ne sont pas liés entre eux, selon les familles en jeu : coordinateur (tous de la même famille), itinérant (les deux autres d'une même famille, pas lui), passeur de frontière (lui et un seul des deux), liaison (trois familles).",
                      "How many times the actor links two partners not tied to each other, by the families involved: coordinator (all one family), itinerant (the two others of one family, not it), boundary spanner (it and one of them), liaison (three families).")),
            brokers.isEmpty ? explain(t("Aucun courtier : aucun acteur ne relie deux partenaires non liés.", "No broker: no actor links two untied partners.")) :
                table([(t("Acteur", "Actor"), false), (t("Famille", "Family"), false)] + roles.map { ($0.replacingOccurrences(of: "_", with: " "), true) },
                      brokers.map { row in [row.name, row.group ?? "–"] + roles.map { "\(row.brokerage[$0] ?? 0)" } })
        )
    }

    func groupsSection() -> Node<HTML.BodyContext> {
        guard let c = input.cooperation else {
            return section("groupes", t("GES et PTCE : le papier et les liens", "GES and PTCE: paper and ties"),
                           explain(t("Pas de lien dans cette vue.", "No tie in this view.")))
        }
        let formal = c.formalGroups.filter { ["ges", "ptce"].contains($0.kind) }.sorted { ($0.members, $1.name) > ($1.members, $0.name) }
        var nodes: [Node<HTML.BodyContext>] = [
            explain(t("Pour chaque GES et PTCE : les liens renseignés entre ses membres (densité : part des paires de membres liées), vers l'extérieur, et les membres sans aucun lien avec un autre membre.",
                      "For each GES and PTCE: recorded ties between its members (density: share of member pairs tied), to the outside, and members without any tie to another member.")),
            formal.isEmpty ? explain(t("Aucun GES ni PTCE dans les données.", "No GES or PTCE in the data.")) :
                table([(t("Groupe", "Group"), false), (t("Nature", "Kind"), false), (t("Membres", "Members"), true), (t("Liens internes", "Internal ties"), true),
                       (t("Densité", "Density"), true), (t("Liens externes", "External ties"), true), (t("Membres sans lien interne", "Members without internal tie"), false)],
                      formal.map { [$0.name, $0.kind.uppercased(), "\($0.members)", "\($0.internalTies)", number($0.density, 2), "\($0.externalTies)",
                                    $0.membersWithoutInternalTie.joined(separator: ", ")] }),
        ]
        if let communities = c.communities, let agreement = communities.agreementWithFormalGroups {
            nodes.append(.h3(.literal(t("Les communautés trouvées dans les liens", "Communities found in the ties"))))
            nodes.append(answer(t("\(communities.communities.filter { $0.size > 1 }.count) communautés de plus d'un acteur (Leiden, \(communities.runs) exécutions, stabilité \(number(communities.stability, 2))) ; accord avec les GES et PTCE : NMI \(number(agreement.nmi, 2)) (1 : les groupes sur le papier sont exactement ceux qui travaillent ensemble).",
                                  "\(communities.communities.filter { $0.size > 1 }.count) communities of more than one actor (Leiden, \(communities.runs) runs, stability \(number(communities.stability, 2))); agreement with GES and PTCE: NMI \(number(agreement.nmi, 2)) (1: groups on paper are exactly those who work together).")))
        }
        return .element(named: "section", nodes: [.id("groupes"), .h2(.literal(t("GES et PTCE : le papier et les liens", "GES and PTCE: paper and ties")))] + nodes)
    }

    func fragilitySection() -> Node<HTML.BodyContext> {
        guard let robustness = input.robustness else {
            return section("fragilite", t("Fragilité", "Fragility"), explain(t("Pas de lien : rien ne peut se rompre.", "No tie: nothing can break.")))
        }
        let names = robustness.names, order = robustness.removed, curve = robustness.curve
        let articulation = robustness.articulation.map { names[$0] }.sorted()
        let reading = articulation.isEmpty
            ? t("Aucun acteur n'est un point de rupture : le départ d'un seul acteur ne coupe jamais le réseau en morceaux.",
                "No actor is a single point of failure: no single departure splits the network.")
            : t("\(articulation.count) acteur(s) sont des points de rupture : si l'un d'eux partait, une partie du réseau serait coupée du reste. Sans les \(min(3, order.count)) plus grands passeurs, le plus grand ensemble relié passe de \(curve[0]) à \(curve[min(3, order.count)]) acteurs.",
                "\(articulation.count) actor(s) are single points of failure: if one of them left, part of the network would be cut off. Without the \(min(3, order.count)) main go-betweens, the largest connected set falls from \(curve[0]) to \(curve[min(3, order.count)]) actors.")
        return section("fragilite", t("Fragilité : et si un acteur partait ?", "Fragility: what if an actor left?"),
            answer(reading),
            .h3(.literal(t("Taille du plus grand ensemble relié quand on retire les passeurs un à un", "Size of the largest connected set as go-betweens are removed one by one"))),
            chart(points: curve.enumerated().map { (Double($0.offset), Double($0.element)) },
                  xLabel: t("acteurs retirés (par intermédiarité décroissante)", "actors removed (by decreasing betweenness)"),
                  yLabel: t("plus grand ensemble relié", "largest connected set"), id: "courbe-robustesse"),
            table([(t("Retirés", "Removed"), true), (t("Dernier retiré", "Last removed"), false), (t("Plus grand ensemble", "Largest set"), true)],
                  curve.enumerated().map { k, size in ["\(k)", k == 0 ? "–" : names[order[k - 1]], "\(size)"] }),
            .h3(.literal(t("Points de rupture", "Single points of failure"))),
            articulation.isEmpty ? explain(t("Aucun.", "None.")) : .ul(.forEach(articulation) { .li(.literal($0)) })
        )
    }

    func evolutionSection() -> Node<HTML.BodyContext> {
        guard let rows = input.evolution, let first = rows.first, let last = rows.last else {
            return section("evolution", t("Évolution", "Evolution"),
                           explain(t("Les liens n'ont pas de dates (colonnes since/until) : pas d'évolution à montrer.",
                                     "Ties have no dates (since/until columns): no evolution to show.")))
        }
        return section("evolution", t("Évolution année par année", "Evolution year by year"),
            answer(t("De \(first.year) à \(last.year), le nombre de liens actifs passe de \(first.ties) à \(last.ties), et d'acteurs engagés de \(first.activeActors) à \(last.activeActors).",
                     "From \(first.year) to \(last.year), active ties go from \(first.ties) to \(last.ties), and engaged actors from \(first.activeActors) to \(last.activeActors).")),
            chart(points: rows.map { (Double($0.year), Double($0.ties)) }, xLabel: t("année", "year"), yLabel: t("liens actifs", "active ties"), id: "courbe-evolution"),
            table([(t("Année", "Year"), true), (t("Acteurs avec un lien", "Actors with a tie"), true), (t("Liens", "Ties"), true),
                   (t("Densité", "Density"), true), (t("Plus grand ensemble", "Largest set"), true), (t("Acteur le plus relié", "Best-connected actor"), false)],
                  rows.map { ["\($0.year)", "\($0.activeActors)", "\($0.ties)", number($0.density, 3), "\($0.largestComponent)", $0.topActor ?? "–"] })
        )
    }

    func suggestionsSection() -> Node<HTML.BodyContext> {
        let suggestions = input.cooperation?.suggestions.prefix(15) ?? []
        return section("rencontres", t("Qui devrait rencontrer qui ?", "Who should meet whom?"),
            explain(t("Des acteurs pas encore liés qui ont des partenaires en commun (score d'Adamic–Adar : un partenaire commun compte d'autant plus qu'il a peu de partenaires).",
                      "Actors not yet tied who share partners (Adamic–Adar score: a shared partner counts more when it has few partners).")),
            suggestions.isEmpty ? explain(t("Aucune suggestion : aucun couple non lié n'a de partenaire commun.", "No suggestion: no untied pair shares a partner.")) :
                table([(t("Acteur", "Actor"), false), (t("Avec", "With"), false), (t("Score", "Score"), true), (t("Partenaires communs", "Shared partners"), false),
                       (t("Entre familles", "Across families"), false)],
                      suggestions.map { [$0.sourceName, $0.targetName, number($0.score, 2), $0.sharedPartners.joined(separator: ", "), $0.crossFamily ? t("oui", "yes") : t("non", "no")] })
        )
    }

    func qualitySection() -> Node<HTML.BodyContext> {
        section("qualite", t("Qualité des données", "Data quality"),
            input.warnings.isEmpty
                ? answer(t("Aucun avertissement : les fichiers sont complets et cohérents.", "No warning: the files are complete and consistent."))
                : answer(t("\(input.warnings.count) avertissement(s) : à vérifier dans les fichiers, ligne et colonne indiquées.",
                           "\(input.warnings.count) warning(s): to check in the files, at the line and column given.")),
            input.warnings.isEmpty ? .empty :
                table([(t("Fichier", "File"), false), (t("Ligne", "Line"), true), (t("Message", "Message"), false), (t("Conseil", "Hint"), false)],
                      input.warnings.map { [$0.location.file, "\($0.location.line)", $0.message.text(input.language), $0.hint?.text(input.language) ?? ""] })
        )
    }

    func methodSection() -> Node<HTML.BodyContext> {
        section("methode", t("Méthode et sources", "Method and sources"),
            .p(.literal(t("Données : ", "Data: ") + (input.network.source ?? input.sourcePath))),
            .ul(
                .li(.literal(t("Vue : les liens de partenariat renseignés (ties.csv), non pondérés", "View: recorded partnership ties (ties.csv), unweighted")
                          + (input.at.map { t(", actifs en \($0)", ", active in \($0)") } ?? "") + ".")),
                .li(.literal(t("Mesures de centralité identiques à celles de networkx (normalisées comme lui).", "Centrality measures identical to networkx's (normalised as it does)."))),
                .li(.literal(t("Indice E-I : Krackhardt et Stern (1988) ; rôles de courtage : Gould et Fernandez (1989) ; trous structuraux : Burt (1992) ; communautés : Leiden (Traag et al., 2019) ; suggestions : Adamic et Adar (2003) ; fragilité : Albert, Jeong et Barabási (2000).",
                            "E-I index: Krackhardt and Stern (1988); brokerage roles: Gould and Fernandez (1989); structural holes: Burt (1992); communities: Leiden (Traag et al., 2019); suggestions: Adamic and Adar (2003); fragility: Albert, Jeong and Barabási (2000)."))),
                .li(.literal(t("Les tableaux complets sont dans centrality.csv, cooperation.json et summary.json, à côté de ce rapport.",
                            "Full tables are in centrality.csv, cooperation.json and summary.json, beside this report.")))
            ),
            .element(named: "footer", nodes: [.literal("ptce \(input.version) — Graphviz \(input.graphvizVersion) — \(input.date)")])
        )
    }

    /// A line chart as inline SVG, built with Plot (text escaped like the rest).
    func chart(points: [(Double, Double)], xLabel: String, yLabel: String, id: String) -> Node<HTML.BodyContext> {
        guard points.count > 1 else { return .empty }
        let width = 640.0, height = 260.0, left = 56.0, right = 16.0, top = 16.0, bottom = 44.0
        let xs = points.map(\.0), ys = points.map(\.1)
        let x0 = xs.min()!, x1 = max(xs.max()!, x0 + 1), y1 = max(ys.max()!, 1)
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * (width - left - right) }
        func py(_ y: Double) -> Double { height - bottom - y / y1 * (height - top - bottom) }
        let path = points.map { String(format: "%.1f,%.1f", px($0.0), py($0.1)) }.joined(separator: " ")
        func svg(_ name: String, _ attributes: [(String, String)], _ children: [Node<HTML.BodyContext>] = []) -> Node<HTML.BodyContext> {
            .element(named: name, nodes: attributes.map { Node.attribute(named: $0.0, value: $0.1) } + children)
        }
        let format = { (v: Double) in v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
        var children: [Node<HTML.BodyContext>] = [
            svg("title", [], [.literal(yLabel + " / " + xLabel)]),
            svg("line", [("x1", "\(left)"), ("y1", "\(height - bottom)"), ("x2", "\(width - right)"), ("y2", "\(height - bottom)"), ("stroke", "#888")]),
            svg("line", [("x1", "\(left)"), ("y1", "\(top)"), ("x2", "\(left)"), ("y2", "\(height - bottom)"), ("stroke", "#888")]),
            svg("polyline", [("points", path), ("fill", "none"), ("stroke", "#0072B2"), ("stroke-width", "2.5")]),
            svg("text", [("x", "\(left - 6)"), ("y", "\(py(y1) + 4)"), ("text-anchor", "end"), ("font-size", "11")], [.literal(format(y1))]),
            svg("text", [("x", "\(left - 6)"), ("y", "\(height - bottom + 4)"), ("text-anchor", "end"), ("font-size", "11")], [.literal("0")]),
            svg("text", [("x", "\(left)"), ("y", "\(height - bottom + 16)"), ("text-anchor", "middle"), ("font-size", "11")], [.literal(format(x0))]),
            svg("text", [("x", "\(width - right)"), ("y", "\(height - bottom + 16)"), ("text-anchor", "middle"), ("font-size", "11")], [.literal(format(xs.max()!))]),
            svg("text", [("x", "\((left + width - right) / 2)"), ("y", "\(height - 8)"), ("text-anchor", "middle"), ("font-size", "12")], [.literal(xLabel)]),
            svg("text", [("x", "14"), ("y", "\((top + height - bottom) / 2)"), ("text-anchor", "middle"), ("font-size", "12"),
                         ("transform", "rotate(-90 14 \((top + height - bottom) / 2))")], [.literal(yLabel)]),
        ]
        for point in points {
            children.append(svg("circle", [("cx", String(format: "%.1f", px(point.0))), ("cy", String(format: "%.1f", py(point.1))), ("r", "3"), ("fill", "#0072B2")],
                                [svg("title", [], [.literal("\(format(point.0)) : \(format(point.1))")])]))
        }
        return .div(.class("chart"), .id(id),
                    svg("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img")], children))
    }
}
