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
                .style(ReportAssets.css + HTMLReport.printFooter(input.title + " — " + input.language.longDate(input.date)))
            ),
            .body(
                page.header(),
                page.keyFigures(),
                page.diagramSection(),
                page.centralitySection(),
                page.bridgesSection(),
                page.groupsSection(),
                page.collectionSection(),
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

    /// The printed pages' footer: the title and date at the bottom left of every page (the page number is at the
    /// right, in the constant stylesheet). The text goes into a CSS string with every character but ASCII letters and
    /// digits written as a 6-digit escape, so no title can end the string, the rule or the style element.
    static func printFooter(_ text: String) -> String {
        var escaped = ""
        for scalar in OutputText.clean(text).unicodeScalars {
            // A space right after an escape is read as the escape's end: spaces are escaped too.
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) {
                escaped.unicodeScalars.append(scalar)
            } else {
                escaped += String(format: "\\%06X", scalar.value)
            }
        }
        return "\n@media print { @page { @bottom-left { content: \"\(escaped)\"; font: 8pt sans-serif; color: #5a5a5a; } } }\n"
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

    /// "1 acteur", "3 acteurs".
    func count(_ n: Int, _ french: String, _ english: String) -> String { input.language.count(n, french, english) }

    /// A group kind in words: GES and PTCE as acronyms, the others by the taxonomy's label.
    func groupKind(_ kind: String) -> String { MapData.groupKind(kind, taxonomy: input.taxonomy, language: input.language) }

    /// A brokerage role in words (Gould and Fernandez).
    func roleName(_ role: String) -> String {
        let names: [String: (String, String)] = [
            "coordinator": ("coordinateur", "coordinator"), "itinerant": ("consultant", "itinerant"),
            "gatekeeper": ("gardien", "gatekeeper"), "representative": ("représentant", "representative"),
            "boundary_spanner": ("passeur de frontière", "boundary spanner"), "liaison": ("agent de liaison", "liaison"),
        ]
        return names[role].map { fr ? $0.0 : $0.1 } ?? role.replacingOccurrences(of: "_", with: " ")
    }

    /// The actors without any tie in this view, by name (degree 0 in the centrality table).
    var isolatedNames: [String] {
        input.centrality.rows.filter { (($0.values[.degree] ?? nil) ?? 1) == 0 }.map(\.name).sorted()
    }

    /// A file's name, never its folder: a report is sent around, the reader's disk is nobody's business.
    func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    func section(_ id: String, _ title: String, _ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .element(named: "section", nodes: [.id(id), .h2(.literal(title))] + nodes)
    }

    /// A table, sortable by its headers when scripts run; rows beyond `HTMLReport.shortList` in a "show all" fold.
    /// `printRows`: on paper, only that many rows (the caller says so in a line printed above the table).
    /// `rest`: the file where every row is, said when the screen shows only the first `screenRows`.
    func table(printRows: Int? = nil, _ headers: [(String, Bool)], _ rows: [[String]], caption: String? = nil,
               rest: (fr: String, en: String) = ("resultats.xlsx", "resultats.xlsx")) -> Node<HTML.BodyContext> {
        // Without a caller's limit, a long table prints its first `printedRows` rows and says so (a national network's
        // table of groups has thousands of rows).
        guard printRows != nil || rows.count <= Self.printedRows else {
            let more = rows.count - Self.printedRows
            let line = rows.count <= Self.screenRows
                ? t("Sur papier, les \(Self.printedRows) premières lignes ; les \(more) autres sont à l'écran.",
                    "On paper, the first \(Self.printedRows) rows; the \(more) others are on screen.")
                : t("Sur papier, les \(Self.printedRows) premières lignes ; à l'écran, les \(Self.screenRows) premières ; toutes (\(rows.count)) sont dans \(rest.fr).",
                    "On paper, the first \(Self.printedRows) rows; on screen, the first \(Self.screenRows); all of them (\(rows.count)) are in \(rest.en).")
            return .group(.p(.class("print-only explain"), .literal(line)),
                          table(printRows: Self.printedRows, headers, rows, caption: caption, rest: rest))
        }
        func build(_ slice: ArraySlice<[String]>, short: Bool = false) -> Node<HTML.BodyContext> {
            .table(
                .class(short ? "sortable short" : "sortable"),
                .unwrap(caption) { .caption(.literal($0)) },
                .thead(.tr(.forEach(headers) { header in .th(.class(header.1 ? "n" : ""), .literal(header.0)) })),
                .tbody(.forEach(Array(slice.enumerated())) { index, row in
                    .tr(.class(printRows.map { index >= $0 ? "screen-only" : "" } ?? ""),
                        .forEach(Array(row.enumerated())) { index, cell in .td(.class(headers[index].1 ? "n" : ""), .literal(cell)) })
                })
            )
        }
        if rows.count <= HTMLReport.shortList + 5 { return build(rows[...]) }
        // On screen the first rows and a fold with all of them, or with the first `screenRows` and where the others
        // are (a national network has 200,000 brokers: a page no browser shows usefully); on paper the whole table.
        let cut = rows.count > Self.screenRows
        let summary = cut ? t("Afficher les \(Self.screenRows) premières lignes (sur \(rows.count))", "Show the first \(Self.screenRows) rows (of \(rows.count))")
                          : t("Tout afficher (\(rows.count) lignes)", "Show all (\(rows.count) rows)")
        return .div(
            .class("fold"),
            build(rows.prefix(HTMLReport.shortList), short: true),
            .element(named: "details", nodes: [
                .class("more"),
                .element(named: "summary", nodes: [Node<HTML.BodyContext>.literal(summary)]),
                build(rows.prefix(Self.screenRows)),
                cut ? .p(.class("explain screen-only"), .literal(t("Les \(rows.count - Self.screenRows) autres lignes ne sont pas dans la page : toutes sont dans \(rest.fr).",
                                                                  "The \(rows.count - Self.screenRows) other rows are not in the page: all are in \(rest.en)."))) : .empty,
            ])
        )
    }

    /// Rows of a table shown on screen at most (the first ones, in the table's order).
    static let screenRows = 1_000
    /// Where every group's row is.
    static let groupsSheet = (fr: "resultats.xlsx (feuille Groupes)", en: "resultats.xlsx (sheet Groups)")

    func explain(_ text: String) -> Node<HTML.BodyContext> { .p(.class("explain"), .literal(text)) }
    func answer(_ text: String) -> Node<HTML.BodyContext> { .p(.class("answer"), .literal(text)) }

    // MARK: Sections

    func header() -> Node<HTML.BodyContext> {
        let s = input.summary
        var subtitle = t("Rapport d'analyse du réseau de coopération", "Cooperation network analysis report")
        if let at = input.at { subtitle += t(" — liens actifs en \(at)", " — ties active in \(at)") }
        subtitle += " — " + input.language.longDate(input.date)
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
            reading = t("\(count(s.actors, "acteur", "actor")), dont \(s.isolatedActors) sans aucun lien renseigné ; le plus grand ensemble d'acteurs reliés en compte \(s.largestComponent).",
                        "\(count(s.actors, "acteur", "actor")), \(s.isolatedActors) of them without any recorded tie; the largest set of connected actors has \(s.largestComponent).")
        }
        let isolated = isolatedNames
        let listed = isolated.prefix(40).joined(separator: ", ") + (isolated.count > 40 ? t(" et \(isolated.count - 40) autres", " and \(isolated.count - 40) more") : "")
        return section("chiffres", t("Chiffres clés", "Key figures"),
            answer(reading),
            isolated.isEmpty || s.ties == 0 ? .empty :
                .p(.class("todo"), .literal(t("Sans lien renseigné : \(listed). À faire : demandez-leur avec qui ils travaillent et ajoutez ces liens (onglet Liens), ou vérifiez qu'ils appartiennent bien au réseau.",
                                               "No recorded tie: \(listed). To do: ask them whom they work with and add those ties (Ties sheet), or check that they belong to the network."))),
            .div(.class("figures"),
                 figure("\(s.actors)", t("acteurs", "actors")),
                 figure("\(s.ties)", t("liens de partenariat", "partnership ties")),
                 figure("\(s.groups)", t("groupes (GES, PTCE…)", "groups (GES, PTCE…)")),
                 figure("\(s.memberships)", t("appartenances", "memberships")),
                 figure(number(s.density, 4), t("densité (part des liens possibles)", "density (share of possible ties)")),
                 figure("\(s.components)", t("composantes (îlots)", "components (islands)"))),
            .h3(.literal(t("Acteurs par famille", "Actors by family"))),
            table([(t("Famille", "Family"), false), (t("Acteurs", "Actors"), true)], s.actorsByFamily.map { [$0.label, "\($0.count)"] }),
            // On screen only (in resultats.xlsx too): on paper the key figures stay on their first page.
            .element(named: "details", nodes: [
                .class("more screen-only"),
                .element(named: "summary", nodes: [Node<HTML.BodyContext>.literal(t("Détail : acteurs par nature, liens par type, groupes", "Detail: actors by kind, ties by type, groups"))]),
                .h3(.literal(t("Acteurs par nature", "Actors by kind"))),
                table([(t("Nature", "Kind"), false), (t("Acteurs", "Actors"), true)], s.actorsByKind.map { [$0.label, "\($0.count)"] }),
                .h3(.literal(t("Liens par type", "Ties by type"))),
                s.tiesByType.isEmpty ? explain(t("Aucun lien.", "No tie.")) :
                    table([(t("Type", "Type"), false), (t("Liens", "Ties"), true)], s.tiesByType.map { [$0.label, "\($0.count)"] }),
                .h3(.literal(t("Groupes", "Groups"))),
                table([(t("Groupe", "Group"), false), (t("Nature", "Kind"), false), (t("Membres", "Members"), true)],
                      s.groupSizes.map { [$0.name, groupKind($0.kind), "\($0.members)"] }, rest: Self.groupsSheet),
            ])
        )
    }

    func diagramSection() -> Node<HTML.BodyContext> {
        var nodes: [Node<HTML.BodyContext>] = [
            .p(.class("explain"), .literal(t("Chaque forme est un acteur, sa couleur et sa forme sa famille (légende en tête de carte). Les cadres en pointillés sont les GES et PTCE.",
                                             "Each shape is an actor, its colour and shape its family (legend at the top of the map). Dashed frames are GES and PTCE.")),
               .span(.class("screen-only"), .literal(t(" Cliquez sur un acteur (ou Tab puis Entrée) pour voir ses partenaires et sa fiche ; molette ou +/− pour zoomer, glisser pour se déplacer.",
                                                    " Click an actor (or Tab then Enter) to see its partners and card; wheel or +/− to zoom, drag to move.")))),
        ]
        if let whole = input.wholeDiagram {
            nodes.append(mapTools())
            nodes.append(.div(.class("map-area"),
                              .div(.class("diagram"), .id("diagramme"), .attribute(named: "tabindex", value: "0"),
                                   .attribute(named: "aria-label", value: t("Carte : flèches pour se déplacer, + et − pour zoomer, 0 pour tout afficher",
                                                                             "Map: arrows to move, + and − to zoom, 0 to show all")),
                                   .raw(HTMLReport.inlineSVG(whole))),
                              .element(named: "aside", nodes: [.id("fiche"), .class("screen-only"), .attribute(named: "hidden", value: "hidden"),
                                                               .attribute(named: "aria-live", value: "polite")])))
            nodes.append(.raw("<script type=\"application/json\" id=\"map-data\">" + MapData(input: input).json() + "</script>"))
        } else {
            nodes.append(answer(t("Le réseau compte trop d'acteurs pour une carte lisible : voici la vue agrégée par famille (un cercle par famille, l'épaisseur des traits selon le nombre de liens).",
                                  "The network has too many actors for a readable map: here is the view aggregated by family (one circle per family, line width by number of ties).")))
        }
        if let aggregate = input.aggregateDiagram {
            nodes.append(.h3(.literal(t("Vue agrégée par famille", "Aggregate view by family"))))
            nodes.append(.p(.class("explain screen-only"), .literal(t("Cliquez sur une famille (ou Tab puis Entrée) pour voir ses acteurs, les plus reliés d'abord, et ses liens vers les autres familles.",
                                                                      "Click a family (or Tab then Enter) to see its actors, best connected first, and its ties to the other families."))))
            nodes.append(.div(.class("map-area"),
                              .div(.class("diagram"), .id("diagramme-agrege"), .attribute(named: "tabindex", value: "0"), .raw(HTMLReport.inlineSVG(aggregate))),
                              .element(named: "aside", nodes: [.id("fiche-agrege"), .class("screen-only fiche"), .attribute(named: "hidden", value: "hidden"),
                                                               .attribute(named: "aria-live", value: "polite")])))
            nodes.append(.raw("<script type=\"application/json\" id=\"aggregate-data\">" + AggregateData(input: input).json() + "</script>"))
        }
        return .element(named: "section", nodes: [.id("carte"), .h2(.literal(t("Carte du réseau", "Network map")))] + nodes)
    }

    /// The map's tools (screen only): search with completion, zoom, filters by family, tie type and group, a year
    /// slider when ties are dated, reset and large mode. Only constants and indices go into attributes; names are
    /// text (the options of the completion list, the labels).
    func mapTools() -> Node<HTML.BodyContext> {
        let data = MapData(input: input)
        let names = Array(Set(input.network.actors.map(\.name))).sorted()
        func button(_ id: String, _ text: String, _ label: String) -> Node<HTML.BodyContext> {
            .element(named: "button", nodes: [.id(id), .attribute(named: "type", value: "button"), .attribute(named: "title", value: label), .literal(text)])
        }
        func checkbox(_ kind: String, _ index: Int, _ label: String) -> Node<HTML.BodyContext> {
            .element(named: "label", nodes: [
                .element(named: "input", nodes: [.attribute(named: "type", value: "checkbox"), .attribute(named: "checked", value: "checked"),
                                                 .attribute(named: "data-\(kind)", value: String(index))]),
                .literal(" " + label),
            ])
        }
        var tools: [Node<HTML.BodyContext>] = [
            .element(named: "label", nodes: [.literal(t("Chercher un acteur ", "Find an actor ")),
                .element(named: "input", nodes: [.id("map-search"), .attribute(named: "type", value: "search"), .attribute(named: "list", value: "map-names"),
                                                 .attribute(named: "autocomplete", value: "off")])]),
            .element(named: "datalist", nodes: [.id("map-names")] + names.map { .element(named: "option", nodes: [.literal($0)]) }),
            button("zoom-in", "+", t("Zoomer", "Zoom in")), button("zoom-out", "−", t("Dézoomer", "Zoom out")),
            button("map-reset", t("Tout réafficher", "Show all again"), t("Annule la sélection, les filtres et le zoom", "Clears the selection, the filters and the zoom")),
            button("map-large", t("Grand écran", "Large mode"), t("Carte en plein écran, textes agrandis (projection)", "Map full screen, larger text (projector)")),
        ]
        if let years = data.years {
            tools.append(.element(named: "label", nodes: [
                .literal(t("Année ", "Year ")),
                .element(named: "input", nodes: [.id("map-year"), .attribute(named: "type", value: "range"), .attribute(named: "min", value: String(years[0])),
                                                 .attribute(named: "max", value: String(years[1] + 1)), .attribute(named: "value", value: String(years[1] + 1)),
                                                 .attribute(named: "step", value: "1")]),
                .element(named: "output", nodes: [.id("map-year-value"), .literal(t("toutes les années", "all years"))]),
            ]))
        }
        let filters: Node<HTML.BodyContext> = .element(named: "details", nodes: [
            .class("map-filters"),
            .element(named: "summary", nodes: [.literal(t("Filtres", "Filters"))]),
            .div(.class("filter-group"), .b(.literal(t("Familles : ", "Families: "))), .group(data.families.enumerated().map { checkbox("family", $0.offset, $0.element.label) })),
            .div(.class("filter-group"), .b(.literal(t("Types de lien : ", "Tie types: "))), .group(data.types.enumerated().map { checkbox("type", $0.offset, $0.element.label) })),
            data.groups.isEmpty ? .empty : .div(.class("filter-group"), .element(named: "label", nodes: [
                .b(.literal(t("Groupe : ", "Group: "))),
                .element(named: "select", nodes: [.id("map-group"),
                    .element(named: "option", nodes: [.attribute(named: "value", value: "all"), .literal(t("tous les acteurs", "all actors"))])]
                    + data.groups.enumerated().map { .element(named: "option", nodes: [.attribute(named: "value", value: String($0.offset)), .literal($0.element.name + " (" + $0.element.kind + ")")]) }),
            ])),
        ])
        return .div(.class("map-tools screen-only"), .attribute(named: "role", value: "toolbar"), .group(tools), filters)
    }

    func centralitySection() -> Node<HTML.BodyContext> {
        let c = input.centrality
        func top(_ metric: Metric, _ sentence: String) -> Node<HTML.BodyContext> {
            guard c.metrics.contains(metric) else { return .empty }
            let rows = c.ranked(by: metric).prefix(10).filter { ($0.values[metric] ?? nil).map { $0 > 0 } ?? false }
            let heading: String
            switch metric {
            case .betweenness: heading = t("Les passeurs (intermédiarité)", "The go-betweens (betweenness)")
            case .degree: heading = t("Les plus connectés (nombre de partenaires)", "The best connected (number of partners)")
            case .eigenvector: heading = t("L'influence par les relations (centralité de vecteur propre)", "Influence through relations (eigenvector centrality)")
            default: heading = metric.label(input.language)
            }
            return .group(
                .h3(.literal(heading)),
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
        // A survey with many non-respondents: the measures below depend on who answered (ptce's threshold: 80 %).
        let caution: Node<HTML.BodyContext> = input.summary.survey.flatMap { survey in
            guard let rate = survey.responseRate, rate < 0.8 else { return nil }
            return .p(.class("todo"), .literal(t("Prudence : ces liens viennent d'une enquête à laquelle \(percent(rate)) seulement des structures interrogées ont répondu. Les absents ne déclarent aucun lien : leur place, et celle de leurs partenaires, est sous-estimée.",
                                                    "Caution: these ties come from a survey only \(percent(rate)) of the organisations asked answered. Those missing declare no tie: their place, and that of their partners, is underestimated.")))
        } ?? .empty
        return section("piliers", t("Qui tient le réseau ensemble ?", "Who holds the network together?"),
            caution,
            lead,
            top(.betweenness, t("Part des plus courts chemins entre deux autres acteurs qui passent par celui-ci : les passeurs, sans qui des acteurs seraient éloignés (0,25 : un quart des chemins).",
                                "Betweenness: share of shortest paths between two other actors that go through this one — the go-betweens without whom actors would be far apart.")),
            top(.degree, t("Partenaires : nombre de liens directs — les plus connectés.", "Partners: number of direct ties — the best connected.")),
            top(.eigenvector, t("Être lié à des acteurs eux-mêmes bien liés : l'influence qui passe par les relations (1 pour le plus influent, les autres en proportion).",
                                "Being tied to actors who are well tied themselves: influence through relations (1 for the most influential, the others in proportion)."))
        )
    }

    func bridgesSection() -> Node<HTML.BodyContext> {
        guard let c = input.cooperation else {
            return section("passerelles", t("Passerelles entre les mondes", "Bridges between worlds"),
                           answer(t("Pas de lien dans cette vue : rien à mesurer entre les mondes.", "No tie in this view: nothing to measure between worlds.")))
        }
        let reading: String
        if let ei = c.eiIndex, let expected = c.expectedEIIndex {
            reading = Reading.eiIndex(ei, expected: expected, pValue: c.eiPValue, permutations: c.permutations,
                                      unit: ("familles", "families"), feminine: true, language: input.language)
        } else {
            reading = t("Indice E-I indéfini (une seule famille).", "E-I index undefined (a single family).")
        }
        let brokers = c.actorRows.filter { ($0.brokerage.values.reduce(0, +)) > 0 }
            .sorted { ($0.brokerage.values.reduce(0, +), $1.name) > ($1.brokerage.values.reduce(0, +), $0.name) }
        let roles = brokers.first.map { Array($0.brokerage.keys).sorted() } ?? []
        return section("passerelles", t("Passerelles entre les mondes", "Bridges between worlds"),
            answer(reading + " " + c.passerelleSentence(input.language)),
            explain(t("Indice E-I (voir le glossaire) : −1 quand tous les liens restent à l'intérieur des familles, +1 quand tous vont d'une famille à une autre. p = \(number(c.eiPValue)) sur \(c.permutations) tirages au hasard des familles (graine \(c.seed)) : la part des tirages où l'écart est au moins aussi grand ; sous 0,05, l'écart est dit significatif.",
                      "E-I index (see the glossary): −1 when all ties stay inside families, +1 when all go from one family to another. p = \(number(c.eiPValue)) over \(c.permutations) random draws of the families (seed \(c.seed)): the share of draws where the gap is at least as large; below 0.05 the gap is called significant.")),
            .h3(.literal(t("Par famille", "By family"))),
            table([(t("Famille", "Family"), false), (t("Acteurs", "Actors"), true), (t("Liens internes", "Internal ties"), true),
                   (t("Liens externes", "External ties"), true), ("E-I", true), (t("Part passerelle", "Passerelle share"), true)],
                  c.groups.map { [$0.name, "\($0.actors)", "\($0.internalTies)", "\($0.externalTies)", number($0.eiIndex, 2), percent($0.passerelleShare)] }),
            .h3(.literal(t("Courtiers : qui met en relation des partenaires qui ne se connaissent pas", "Brokers: who links partners who do not know each other"))),
            explain(t("Combien de fois l'acteur relie deux partenaires qui ne sont pas liés entre eux, selon les familles en jeu : coordinateur (tous les trois de la même famille), consultant (les deux autres d'une même famille, pas lui), passeur de frontière (lui et un seul des deux), agent de liaison (trois familles).",
                      "How many times the actor links two partners not tied to each other, by the families involved: coordinator (all one family), itinerant (the two others of one family, not it), boundary spanner (it and one of them), liaison (three families).")),
            brokers.count > 12 ? .p(.class("print-only explain"), .literal(brokers.count <= Self.screenRows
                ? t("Sur papier, les 12 premiers courtiers ; les \(brokers.count - 12) autres sont à l'écran et dans cooperation.json.",
                    "On paper, the first 12 brokers; the \(brokers.count - 12) others are on screen and in cooperation.json.")
                : t("Sur papier, les 12 premiers courtiers ; à l'écran, les \(Self.screenRows) premiers ; tous (\(brokers.count)) sont dans cooperation.json.",
                    "On paper, the first 12 brokers; on screen, the first \(Self.screenRows); all of them (\(brokers.count)) are in cooperation.json."))) : .empty,
            brokers.isEmpty ? explain(t("Aucun courtier : aucun acteur ne relie deux partenaires non liés.", "No broker: no actor links two untied partners.")) :
                table(printRows: 12, [(t("Acteur", "Actor"), false), (t("Famille", "Family"), false)] + roles.map { (roleName($0), true) },
                      brokers.map { row in [row.name, row.group ?? "–"] + roles.map { "\(row.brokerage[$0] ?? 0)" } },
                      rest: ("cooperation.json (les rôles de courtier de chaque acteur)", "cooperation.json (each actor's brokerage roles)"))
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
                      formal.map { [$0.name, groupKind($0.kind), "\($0.members)", "\($0.internalTies)", number($0.density, 2), "\($0.externalTies)",
                                    $0.membersWithoutInternalTie.joined(separator: ", ")] }, rest: Self.groupsSheet),
        ]
        if let communities = c.communities, let agreement = communities.agreementWithFormalGroups {
            nodes.append(.h3(.literal(t("Les communautés trouvées dans les liens", "Communities found in the ties"))))
            let found = communities.communities.filter { $0.size > 1 }.count
            let nmi = agreement.nmi ?? 0
            // No test is run on this agreement: the sentence describes its size only (0 none, 1 complete).
            let strength = agreement.nmi == nil ? t("impossibles à comparer", "impossible to compare") : nmi >= 0.7 ? t("proches", "close") : nmi >= 0.4 ? t("en partie semblables", "partly alike") : t("très différents", "very different")
            nodes.append(answer(t("Les liens dessinent \(count(found, "communauté", "community")) de plus d'un acteur ; comparés aux GES et PTCE, les deux découpages sont \(strength) (information mutuelle normalisée \(number(agreement.nmi, 2)) : 1 si les groupes sur le papier sont exactement ceux qui travaillent ensemble, 0 s'ils n'ont rien à voir ; aucun test de hasard n'est fait sur ce nombre).",
                                  "Ties draw \(count(found, "community", "community")) of more than one actor; compared with GES and PTCE, the two partitions are \(strength) (normalised mutual information \(number(agreement.nmi, 2)): 1 if groups on paper are exactly those who work together, 0 if unrelated; no chance test is run on this number).")))
            nodes.append(explain(t("Communautés trouvées par l'algorithme de Leiden (\(communities.runs) exécutions, stabilité \(number(communities.stability, 2)) : part des exécutions qui trouvent le même découpage).",
                                   "Communities found by the Leiden algorithm (\(communities.runs) runs, stability \(number(communities.stability, 2)): share of runs finding the same partition).")))
        }
        return .element(named: "section", nodes: [.id("groupes"), .h2(.literal(t("GES et PTCE : le papier et les liens", "GES and PTCE: paper and ties")))] + nodes)
    }

    /// "La collecte": for a network from a partnership survey, how many answered, how many ties both sides declared,
    /// what to settle; and the trust and value ratings when they were asked. Nothing for other networks.
    func collectionSection() -> Node<HTML.BodyContext> {
        guard let survey = input.summary.survey else { return .empty }
        var nodes: [Node<HTML.BodyContext>] = []
        let reciprocity = survey.reciprocity.map {
            t(" Entre deux structures qui ont répondu, \(percent($0)) des liens déclarés (\(survey.pairsBetweenRespondents)) le sont des deux côtés.",
              " Between two organisations that answered, \(percent($0)) of the declared ties (\(survey.pairsBetweenRespondents)) are declared by both sides.")
        } ?? ""
        let answered = input.language.count(survey.answered, "structure", "organisation") + t(" sur \(survey.asked) \(survey.answered > 1 ? "ont" : "a") répondu", " of \(survey.asked) answered")
        nodes.append(answer(t("\(answered) (\(percent(survey.responseRate))). Paires de structures déclarées : \(survey.declaredPairs) – confirmées par les deux côtés : \(survey.confirmed) ; déclarées d'un seul côté : \(survey.oneSided) ; contradictoires : \(survey.contradictions).",
                              "\(answered) (\(percent(survey.responseRate))). Pairs of organisations declared: \(survey.declaredPairs) – confirmed by both sides: \(survey.confirmed); declared by one side: \(survey.oneSided); contradictory: \(survey.contradictions).") + reciprocity))
        nodes.append(explain(t("Un lien déclaré d'un seul côté n'est pas faux : l'autre structure n'a peut-être pas répondu, ou ne voit pas la coopération de la même façon. La carte montre tous les liens déclarés ; « --ties confirmed » ne garde que ceux que personne ne conteste.",
                               "A tie declared by one side is not wrong: the other organisation may not have answered, or may not see the cooperation the same way. The map shows every declared tie; '--ties confirmed' keeps only those nobody contests.")))
        if !survey.notAnswered.isEmpty {
            nodes.append(.h3(.literal(t("Sans réponse", "Not answered"))))
            nodes.append(.p(.literal(survey.notAnswered.joined(separator: ", "))))
        }
        if !survey.contradictionList.isEmpty {
            nodes.append(.h3(.literal(t("Contradictions à régler", "Contradictions to settle"))))
            nodes.append(table([(t("Structure", "Organisation"), false), (t("Structure", "Organisation"), false), (t("Ce qui diffère", "What differs"), false)],
                               survey.contradictionList.map { [$0.sourceName, $0.targetName, $0.detail(input.language, taxonomy: input.taxonomy)] }))
        }
        if !survey.rated.isEmpty {
            nodes.append(.h3(.literal(t("Confiance et valeur", "Trust and value"))))
            nodes.append(explain(t("Moyenne des notes de 1 à 4 que les autres structures ont données : confiance (fiabilité, ouverture, mission partagée) et valeur (ressources apportées, influence, implication). En moyenne : confiance \(number(survey.meanTrust, 2)), valeur \(number(survey.meanValue, 2)). Une note donnée par peu de structures dit peu.",
                                   "Mean of the 1–4 ratings the other organisations gave: trust (reliability, openness, shared mission) and value (resources brought, influence, involvement). On average: trust \(number(survey.meanTrust, 2)), value \(number(survey.meanValue, 2)). A rating given by few organisations says little.")))
            nodes.append(table([(t("Structure", "Organisation"), false), (t("Confiance", "Trust"), true), (t("Valeur", "Value"), true), (t("Notée par", "Rated by"), true)],
                               survey.rated.map { [$0.name, number($0.trust, 2), number($0.value, 2), "\($0.raters)"] }))
        }
        return .element(named: "section", nodes: [.id("collecte"), .h2(.literal(t("La collecte", "The survey")) )] + nodes)
    }

    func fragilitySection() -> Node<HTML.BodyContext> {
        guard let robustness = input.robustness else {
            return section("fragilite", t("Fragilité", "Fragility"), explain(t("Pas de lien : rien ne peut se rompre.", "No tie: nothing can break.")))
        }
        let names = robustness.names, order = robustness.removed, curve = robustness.curve
        // The points of failure most paths go through first (the centrality report's betweenness), then by name.
        let betweenness = Dictionary(input.centrality.rows.map { ($0.id, ($0.values[.betweenness] ?? nil) ?? 0) }, uniquingKeysWith: { first, _ in first })
        let articulation = robustness.articulation.map { (name: names[$0], score: betweenness[robustness.ids[$0]] ?? 0) }
            .sorted { ($0.score, $1.name) > ($1.score, $0.name) }.map(\.name)
        let printed = Self.printedPointsOfFailure
        let reading = articulation.isEmpty
            ? t("Aucun acteur n'est un point de rupture : le départ d'un seul acteur ne coupe jamais le réseau en morceaux.",
                "No actor is a single point of failure: no single departure splits the network.")
            : t((articulation.count == 1 ? "1 acteur est un point de rupture : s'il partait" : "\(articulation.count) acteurs sont des points de rupture : si l'un d'eux partait")
                    + ", une partie du réseau serait coupée du reste. Sans les \(min(3, order.count)) plus grands passeurs, le plus grand ensemble relié passe de \(curve[0]) à \(count(curve[min(3, order.count)], "acteur", "actor")).",
                (articulation.count == 1 ? "1 actor is a single point of failure: if it left" : "\(articulation.count) actors are single points of failure: if one of them left")
                    + ", part of the network would be cut off. Without the \(min(3, order.count)) main go-betweens, the largest connected set falls from \(curve[0]) to \(count(curve[min(3, order.count)], "actor", "actor")).")
        return section("fragilite", t("Fragilité : et si un acteur partait ?", "Fragility: what if an actor left?"),
            answer(reading),
            .h3(.literal(t("Taille du plus grand ensemble relié quand on retire les passeurs un à un", "Size of the largest connected set as go-betweens are removed one by one"))),
            chart(points: curve.enumerated().map { (Double($0.offset), Double($0.element)) },
                  xLabel: t("acteurs retirés (par intermédiarité décroissante)", "actors removed (by decreasing betweenness)"),
                  yLabel: t("plus grand ensemble relié", "largest connected set"), id: "courbe-robustesse"),
            // The curve's numbers on screen, in a fold; on paper the chart says it.
            .element(named: "details", nodes: [
                .class("screen-only"),
                .element(named: "summary", nodes: [Node<HTML.BodyContext>.literal(t("Détail de la courbe, acteur par acteur", "The curve actor by actor"))]),
                table([(t("Retirés", "Removed"), true), (t("Dernier retiré", "Last removed"), false), (t("Plus grand ensemble", "Largest set"), true)],
                      curve.enumerated().map { k, size in ["\(k)", k == 0 ? "–" : names[order[k - 1]], "\(size)"] }),
            ]),
            .h3(.literal(t("Points de rupture", "Single points of failure"))),
            articulation.isEmpty ? explain(t("Aucun.", "None.")) : explain(t("Du plus grand passeur (intermédiarité) au plus petit.", "From the main go-between (betweenness) to the least.")),
            articulation.count > printed ? .p(.class("print-only explain"), .literal(t("Sur papier, les \(printed) premiers ; les \(articulation.count - printed) autres sont à l'écran.",
                                                                                     "On paper, the first \(printed); the \(articulation.count - printed) others are on screen."))) : .empty,
            articulation.isEmpty ? .empty : .ul(.forEach(Array(articulation.enumerated())) { .li(.class($0.offset >= printed ? "screen-only" : ""), .literal($0.element)) })
        )
    }

    /// Rows of a long table printed when its caller sets no limit.
    static let printedRows = 40

    /// Points of failure listed on paper (a national network has thousands: 3,416 at scale 10 filled 55 pages).
    static let printedPointsOfFailure = 30

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
            explain(t("Les années où quelque chose a changé (liens, acteurs engagés ou acteur le plus relié), la plus récente d'abord.",
                      "The years when something changed (ties, engaged actors or best-connected actor), the latest first.")),
            table([(t("Année", "Year"), true), (t("Acteurs avec un lien", "Actors with a tie"), true), (t("Liens", "Ties"), true),
                   (t("Densité", "Density"), true), (t("Plus grand ensemble", "Largest set"), true), (t("Acteur le plus relié", "Best-connected actor"), false)],
                  changedYears(rows).reversed().map { ["\($0.year)", "\($0.activeActors)", "\($0.ties)", number($0.density, 3), "\($0.largestComponent)", $0.topActor ?? "–"] })
        )
    }

    /// The first year and every year that differs from the one before.
    func changedYears(_ rows: [Evolution.YearRow]) -> [Evolution.YearRow] {
        rows.enumerated().filter { index, row in
            guard index > 0 else { return true }
            let previous = rows[index - 1]
            return row.ties != previous.ties || row.activeActors != previous.activeActors || row.topActor != previous.topActor
                || row.largestComponent != previous.largestComponent
        }.map(\.element)
    }

    func suggestionsSection() -> Node<HTML.BodyContext> {
        var groupsOf: [String: [String]] = [:]
        let groupName = Dictionary(input.network.groups.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for membership in input.network.memberships { if let name = groupName[membership.group] { groupsOf[membership.member, default: []].append(name) } }
        let departmentOf = Dictionary(input.network.actors.map { ($0.id, $0.department ?? "") }, uniquingKeysWith: { first, _ in first })
        func sharedGroups(_ a: String, _ b: String) -> [String] { Set(groupsOf[a] ?? []).intersection(groupsOf[b] ?? []).sorted() }
        /// Why the two should meet beyond their shared partners: groups they share, the same département.
        func reasons(_ a: String, _ b: String) -> String {
            var parts = sharedGroups(a, b)
            if let department = departmentOf[a], !department.isEmpty, department == departmentOf[b] {
                parts.append(t("même département (\(department))", "same département (\(department))"))
            }
            return parts.isEmpty ? "–" : parts.joined(separator: ", ")
        }
        // Equal scores are ordered by what else the two share (groups, then territory), then by name; at most two
        // suggestions per actor in the list, so that one actor does not fill it.
        let ranked = (input.cooperation?.suggestions ?? []).enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if abs(a.score - b.score) > 1e-9 * max(1, abs(a.score)) { return a.score > b.score }
            let (ga, gb) = (sharedGroups(a.source, a.target).count, sharedGroups(b.source, b.target).count)
            if ga != gb { return ga > gb }
            let da = departmentOf[a.source].map { !$0.isEmpty && $0 == departmentOf[a.target] } ?? false
            let db = departmentOf[b.source].map { !$0.isEmpty && $0 == departmentOf[b.target] } ?? false
            if da != db { return da }
            return x.offset < y.offset
        }.map(\.element)
        var perActor: [String: Int] = [:]
        var suggestions: [CooperationReport.Suggestion] = []
        for suggestion in ranked where suggestions.count < HTMLReport.shortList {
            guard perActor[suggestion.source, default: 0] < 2, perActor[suggestion.target, default: 0] < 2 else { continue }
            perActor[suggestion.source, default: 0] += 1
            perActor[suggestion.target, default: 0] += 1
            suggestions.append(suggestion)
        }
        // Actors without any tie get no score: for each, the best-connected actor of its GES or PTCE, else of its
        // département — someone to start with.
        let degree = Dictionary(input.centrality.rows.map { ($0.id, Int((($0.values[.degree]) ?? nil) ?? 0)) }, uniquingKeysWith: { first, _ in first })
        let actorsByID = Dictionary(input.network.actors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var membersOf: [String: [String]] = [:]
        for membership in input.network.memberships { membersOf[membership.group, default: []].append(membership.member) }
        let formalGroups = input.network.groups.filter { $0.kind == "ges" || $0.kind == "ptce" }
        func bestConnected(_ ids: [String], besides id: String) -> Actor? {
            ids.filter { $0 != id && (degree[$0] ?? 0) > 0 }.compactMap { actorsByID[$0] }
                .max { (degree[$0.id] ?? 0, $1.name) < (degree[$1.id] ?? 0, $0.name) }
        }
        var starts: [String] = []
        for actor in input.network.actors where degree[actor.id] == 0 {
            if let group = formalGroups.first(where: { membersOf[$0.id]?.contains(actor.id) == true }),
               let partner = bestConnected(membersOf[group.id] ?? [], besides: actor.id) {
                starts.append(t("\(actor.name) → \(partner.name) (même \(group.kind.uppercased()) « \(group.name) », le membre le plus relié)",
                                "\(actor.name) → \(partner.name) (same \(group.kind.uppercased()) '\(group.name)', its best-connected member)"))
            } else if let department = actor.department, !department.isEmpty,
                      let partner = bestConnected(input.network.actors.filter { $0.department == department }.map(\.id), besides: actor.id) {
                starts.append(t("\(actor.name) → \(partner.name) (même département \(department), l'acteur le plus relié)",
                                "\(actor.name) → \(partner.name) (same département \(department), its best-connected actor)"))
            }
        }
        return section("rencontres", t("Qui devrait rencontrer qui ?", "Who should meet whom?"),
            explain(t("Des acteurs pas encore liés qui ont des partenaires en commun ; un partenaire commun compte d'autant plus qu'il a peu de partenaires (score d'Adamic–Adar, voir le glossaire). À score égal, les couples qui partagent un groupe ou un département d'abord ; deux suggestions au plus par acteur.",
                      "Actors not yet tied who share partners; a shared partner counts more when it has few partners (Adamic–Adar score, see the glossary). At equal scores, pairs sharing a group or a département first; at most two suggestions per actor.")),
            suggestions.count > 8 ? .p(.class("print-only explain"), .literal(t("Sur papier, les 8 premières suggestions ; les \(suggestions.count - 8) suivantes sont à l'écran.",
                                                                                  "On paper, the first 8 suggestions; the next \(suggestions.count - 8) are on screen."))) : .empty,
            suggestions.isEmpty ? explain(t("Aucune suggestion : aucun couple non lié n'a de partenaire commun.", "No suggestion: no untied pair shares a partner.")) :
                table(printRows: 8, [(t("Acteur", "Actor"), false), (t("Avec", "With"), false), (t("Score", "Score"), true), (t("Partenaires communs", "Shared partners"), false),
                       (t("Aussi en commun", "Also shared"), false), (t("Entre familles", "Across families"), false)],
                      suggestions.map { [$0.sourceName, $0.targetName, number($0.score, 2), $0.sharedPartnersText(input.language), reasons($0.source, $0.target),
                                         $0.crossFamily ? t("oui", "yes") : t("non", "no")] }),
            starts.isEmpty ? .empty : .group(
                .h3(.literal(t("Pour les acteurs sans lien : par qui commencer", "For the actors without a tie: whom to start with"))),
                explain(t("Sans partenaire renseigné, pas de partenaire commun : voici l'acteur le plus relié de leur GES ou PTCE, sinon de leur département.",
                          "Without a recorded partner there is no shared partner: here is the best-connected actor of their GES or PTCE, else of their département.")),
                .ul(.forEach(starts) { .li(.literal($0)) }))
        )
    }

    func qualitySection() -> Node<HTML.BodyContext> {
        // What an animator should check, read from the data as given.
        let isolated = Set(isolatedNames)
        var members = Set<String>()
        let formal = Set(input.network.groups.filter { $0.kind == "ges" || $0.kind == "ptce" }.map(\.id))
        for membership in input.network.memberships where formal.contains(membership.group) { members.insert(membership.member) }
        let lonelyMembers = input.network.actors.filter { members.contains($0.id) && isolated.contains($0.name) }.map(\.name).sorted()
        let withoutKind = input.network.actors.filter { input.taxonomy.family(of: $0.kind) == nil || $0.kind.isEmpty || $0.kind == "unspecified" }.map(\.name).sorted()
        let undated = input.network.ties.filter { $0.since == nil }.count
        var flags: [String] = []
        if !lonelyMembers.isEmpty {
            flags.append(t("Membres d'un GES ou d'un PTCE sans aucun lien renseigné (\(lonelyMembers.count)) : \(lonelyMembers.joined(separator: ", ")). Un membre travaille forcément avec quelqu'un : ses liens manquent sans doute.",
                           "GES or PTCE members without any recorded tie (\(lonelyMembers.count)): \(lonelyMembers.joined(separator: ", ")). A member surely works with someone: its ties are probably missing."))
        }
        if !withoutKind.isEmpty {
            let names = withoutKind.prefix(20).joined(separator: ", ") + (withoutKind.count > 20 ? "…" : "")
            flags.append(t("Acteurs sans nature connue (\(withoutKind.count)) : \(names). Leur famille est « non précisé » sur la carte et dans les calculs entre familles.",
                           "Actors without a known kind (\(withoutKind.count)): \(names). Their family is 'unspecified' on the map and in the measures across families."))
        }
        if undated > 0 && !input.network.ties.isEmpty {
            flags.append(t("\(count(undated, "lien", "tie")) sur \(input.network.ties.count) sans date de début : l'évolution ne les compte pas.",
                           "\(count(undated, "tie", "tie")) of \(input.network.ties.count) without a start date: the evolution does not count them."))
        }
        let clean = input.warnings.isEmpty && flags.isEmpty
        return section("qualite", t("Qualité des données", "Data quality"),
            clean ? answer(t("Aucun avertissement et rien à compléter : les fichiers sont complets et cohérents.", "No warning and nothing to complete: the files are complete and consistent."))
                  : answer(t("À vérifier : \(count(flags.count, "point", "point")) à compléter, \(count(input.warnings.count, "avertissement", "warning")) de lecture.",
                             "To check: \(count(flags.count, "point", "point")) to complete, \(count(input.warnings.count, "reading warning", "reading warning")).")),
            flags.isEmpty ? .empty : .ul(.forEach(flags) { .li(.literal($0)) }),
            input.warnings.isEmpty ? .empty :
                table([(t("Fichier", "File"), false), (t("Ligne", "Line"), true), (t("Message", "Message"), false), (t("Conseil", "Hint"), false)],
                      input.warnings.map { [fileName($0.location.file), "\($0.location.line)", $0.message.text(input.language), $0.hint?.text(input.language) ?? ""] })
        )
    }

    /// The technical words of the report, each in one plain sentence.
    var glossary: [(String, String)] {
        [
            (t("Intermédiarité", "Betweenness"), t("part des plus courts chemins entre deux autres acteurs qui passent par un acteur (normalisée comme networkx : de 0 à 1).",
                                                   "share of the shortest paths between two other actors that go through an actor (normalised as networkx does: 0 to 1).")),
            (t("Centralité de vecteur propre", "Eigenvector centrality"), t("un acteur compte d'autant plus que ses partenaires comptent eux-mêmes ; le plus influent vaut 1.",
                                                                           "an actor counts more when its partners count themselves; the most influential is 1.")),
            (t("Indice E-I", "E-I index"), t("(liens vers d'autres familles − liens dans la famille) ÷ tous les liens, de −1 à +1 (Krackhardt et Stern, 1988).",
                                             "(ties to other families − ties within the family) ÷ all ties, from −1 to +1 (Krackhardt and Stern, 1988).")),
            (t("p (test de permutation)", "p (permutation test)"), t("part des tirages au hasard des familles où l'écart est au moins aussi grand qu'observé ; sous 0,05 l'écart est dit significatif, au-dessus on ne peut pas conclure.",
                                                                     "share of random draws of the families where the gap is at least as large as observed; below 0.05 the gap is called significant, above nothing can be concluded.")),
            (t("Information mutuelle normalisée (NMI)", "Normalised mutual information (NMI)"), t("ressemblance de deux découpages du réseau, de 0 (sans rapport) à 1 (identiques).",
                                                                                               "likeness of two partitions of the network, from 0 (unrelated) to 1 (identical).")),
            (t("Score d'Adamic–Adar", "Adamic–Adar score"), t("somme, sur les partenaires communs, de 1 ÷ log(nombre de partenaires du partenaire commun) (Adamic et Adar, 2003).",
                                                               "sum over shared partners of 1 ÷ log(number of partners of the shared partner) (Adamic and Adar, 2003).")),
            (t("Point de rupture", "Single point of failure"), t("acteur dont le départ coupe le réseau en morceaux (point d'articulation).",
                                                                 "actor whose departure splits the network (articulation point).")),
        ]
    }

    func methodSection() -> Node<HTML.BodyContext> {
        section("methode", t("Méthode et sources", "Method and sources"),
            .p(.literal(t("Données : ", "Data: ") + (input.network.source ?? fileName(input.sourcePath)))),
            .ul(
                .li(.literal(t("Vue : les liens de partenariat renseignés, non pondérés", "View: recorded partnership ties, unweighted")
                          + (input.at.map { t(", actifs en \($0)", ", active in \($0)") } ?? "") + ".")),
                .li(.literal(t("Les mesures sont calculées comme le fait networkx (bibliothèque de référence en analyse de réseaux), à 10⁻¹² près.",
                               "Measures are computed as networkx (the reference network-analysis library) computes them, to within 10⁻¹²."))),
                .li(.literal(t("Références : rôles de courtage, Gould et Fernandez (1989) ; communautés, Leiden (Traag et al., 2019) ; fragilité, Albert, Jeong et Barabási (2000).",
                               "References: brokerage roles, Gould and Fernandez (1989); communities, Leiden (Traag et al., 2019); fragility, Albert, Jeong and Barabási (2000)."))),
                .li(.literal(t("Les tableaux complets sont dans centrality.csv, cooperation.json et summary.json, à côté de ce rapport.",
                            "Full tables are in centrality.csv, cooperation.json and summary.json, beside this report.")))
            ),
            .h3(.literal(t("Glossaire", "Glossary"))),
            .element(named: "dl", nodes: glossary.flatMap { term, meaning -> [Node<HTML.BodyContext>] in
                [.element(named: "dt", nodes: [.literal(term)]), .element(named: "dd", nodes: [.literal(meaning)])]
            }),
            .element(named: "footer", nodes: [.literal("ptce \(input.version) — Graphviz \(input.graphvizVersion) — " + input.language.longDate(input.date))])
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
