import Foundation
import PTCEKit
import PTCEReport
import Testing

/// The report only formats what `Analysis` computed, and escapes every text from the data.
struct HTMLReportTests {
    /// A path a – b – c – d plus an isolated actor; ties dated 2015–2020.
    static func network(title: String = "Réseau d'essai", name: String = "Acteur B") -> Network {
        Network(
            title: title,
            actors: [
                Actor(id: "a", name: "Acteur A", kind: "aci"), Actor(id: "b", name: name, kind: "ai"),
                Actor(id: "c", name: "Acteur C", kind: "commune"), Actor(id: "d", name: "Acteur D", kind: "scop"),
                Actor(id: "e", name: "Acteur E", kind: "bank"),
            ],
            ties: [
                Partnership(source: "a", target: "b", type: "agreement", since: PartialDate(year: 2015)),
                Partnership(source: "b", target: "c", type: "joint_project", since: PartialDate(year: 2018)),
                Partnership(source: "c", target: "d", type: "commercial", since: PartialDate(year: 2020)),
            ])
    }

    /// `network()` with `count` PTCE named by `nameFormat`, each with one member (a or b in turn).
    static func network(ptce count: Int, nameFormat: String) -> Network {
        var network = Self.network()
        network.groups = (0..<count).map { Group(id: "p\($0)", name: String(format: nameFormat, $0), kind: "ptce") }
        network.memberships = (0..<count).map { Membership(group: "p\($0)", member: $0 % 2 == 0 ? "a" : "b") }
        return network
    }

    static func render(_ analysis: Analysis, edit: (inout ReportInput) -> Void = { _ in }) -> String {
        var input = ReportInput(analysis: analysis, title: analysis.network.title ?? "", warnings: [], wholeDiagram: nil,
                                aggregateDiagram: nil, sourcePath: "reseau.xlsx", version: "test", graphvizVersion: "test", date: "2026-11-29")
        edit(&input)
        return HTMLReport.render(input)
    }

    @Test func robustnessAndEvolutionComeFromTheAnalysis() throws {
        let analysis = Analysis(network: Self.network())
        let robustness = try #require(analysis.robustness)
        // b and c are the cut points of the path; removing b (highest betweenness, then name) leaves c – d.
        #expect(robustness.articulation.map { robustness.names[$0] }.sorted() == ["Acteur B", "Acteur C"])
        #expect(robustness.curve.prefix(3) == [4, 2, 1])
        let evolution = try #require(analysis.evolution)
        #expect(evolution.map(\.year) == Array(2015...2020))
        #expect(evolution.map(\.ties) == [1, 1, 1, 2, 2, 3])
        let page = Self.render(analysis)
        #expect(page.contains("courbe-robustesse"))
        #expect(page.contains("De 2015 à 2020, le nombre de liens actifs passe de 1 à 3"))
        // Given no robustness and no evolution, the report says so: it computes nothing itself.
        let bare = Self.render(analysis) { $0.robustness = nil; $0.evolution = nil }
        #expect(bare.contains("Pas de lien : rien ne peut se rompre."))
        #expect(bare.contains("pas d'évolution à montrer"))
        #expect(!bare.contains("courbe-robustesse"))
    }

    /// A path of 40 actors has 38 points of failure: the middle ones (most paths) come first, and only the first 30
    /// are printed — the others are screen-only, as the printed line says.
    @Test func pointsOfFailureAreRankedAndCutOnPaper() throws {
        let actors = (0..<40).map { Actor(id: "a\($0)", name: String(format: "Acteur %02d", $0), kind: "aci") }
        let ties = (0..<39).map { Partnership(source: "a\($0)", target: "a\($0 + 1)", type: "agreement") }
        let page = Self.render(Analysis(network: Network(title: "Chaîne", actors: actors, ties: ties)))
        #expect(page.contains("Sur papier, les 30 premiers ; les 8 autres sont à l'écran."))
        let list = try #require(page.components(separatedBy: "Points de rupture</h3>").last?.components(separatedBy: "</ul>").first)
        let items = list.components(separatedBy: "<li").dropFirst()
        #expect(items.count == 38)
        #expect(items.first?.contains("Acteur 19") == true || items.first?.contains("Acteur 20") == true)
        #expect(items.prefix(30).allSatisfy { !$0.contains("screen-only") })
        #expect(items.dropFirst(30).allSatisfy { $0.contains("class=\"screen-only\"") })
    }

    /// A long table prints (Chromium printed nothing of a closed fold: `::details-content` is shown on paper) but
    /// only its first 40 rows, as a line printed above it says: 45 PTCE give 5 screen-only rows.
    @Test func longTablesPrintTheirFirstRowsAndSaySo() throws {
        let page = Self.render(Analysis(network: Self.network(ptce: 45, nameFormat: "PTCE %02d")))
        #expect(page.contains("Sur papier, les 40 premières lignes ; les 5 autres sont à l'écran."))
        #expect(page.contains("details.more::details-content { content-visibility: visible; display: contents; }"))
        let whole = try #require(page.components(separatedBy: "<details class=\"more\">").dropFirst().first { $0.contains("PTCE 44") })
        let table = try #require(whole.components(separatedBy: "</table>").first)
        let rows = table.components(separatedBy: "<tr").dropFirst(2)  // the header row is first
        #expect(rows.count == 45)
        #expect(rows.prefix(40).allSatisfy { !$0.contains("screen-only") } && rows.dropFirst(40).allSatisfy { $0.contains("screen-only") })
    }

    /// Beyond 1,000 rows the page holds the first 1,000 and says where all of them are (a national network has
    /// 200,000 brokers and 18,000 groups: a page of 280 MB no browser shows usefully).
    @Test func veryLongTablesStopOnScreenAndSayWhereTheRestIs() throws {
        let count = 1_203
        let page = Self.render(Analysis(network: Self.network(ptce: count, nameFormat: "PTCE %04d")))
        #expect(page.contains("Afficher les 1000 premières lignes (sur \(count))"))
        #expect(page.contains("Les 203 autres lignes ne sont pas dans la page : toutes sont dans resultats.xlsx (feuille Groupes)."))
        // On paper: the first 40, and the printed line says where all of them are (not "the others are on screen").
        #expect(page.contains("Sur papier, les 40 premières lignes ; à l'écran, les 1000 premières ; toutes (\(count)) sont dans resultats.xlsx (feuille Groupes)."))
        #expect(!page.contains("les \(count - 40) autres sont à l'écran"))
        let whole = try #require(page.components(separatedBy: "<details class=\"more\">").dropFirst().first { $0.contains("PTCE 0999") })
        let table = try #require(whole.components(separatedBy: "</table>").first)
        #expect(table.components(separatedBy: "<tr").dropFirst(2).count == 1_000)
    }

    @Test func textFromTheDataIsNeverMarkup() {
        let title = "\"><meta http-equiv=\"refresh\" content=\"0;url=https://example.org\">"
        let name = "<script>alert(1)</script> & <b>gras</b>"
        let page = Self.render(Analysis(network: Self.network(title: title, name: name)))
        #expect(!page.contains("<meta http-equiv=\"refresh\""))
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(!page.contains("<b>gras</b>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;"))
    }

    @Test func englishReportHasNoFrenchHeadings() {
        var options = Analysis.Options()
        options.language = .en
        let page = Self.render(Analysis(network: Self.network(), options: options))
        #expect(page.contains("<html lang=\"en\""))
        #expect(page.contains("Fragility: what if an actor left?"))
        #expect(!page.contains("Fragilité"))
    }

    /// Two families of `size` actors; `ties` between actor indices (0..<size: first family, size..<2·size: second).
    static func twoFamilies(size: Int, ties: [(Int, Int)]) -> Network {
        let actors = (0..<(2 * size)).map { Actor(id: "x\($0)", name: "Acteur \($0)", kind: $0 < size ? "aci" : "commune") }
        return Network(title: "Deux familles", actors: actors,
                       ties: ties.map { Partnership(source: "x\($0.0)", target: "x\($0.1)", type: "agreement") })
    }

    /// The E-I sentence follows the permutation test: two cliques with no tie between them keep ties inside their
    /// family far beyond chance (p < 0.05); a complete graph of 2 + 2 actors is exactly what chance gives (p = 1).
    @Test func theEIHeadlineFollowsItsTest() throws {
        var cliques: [(Int, Int)] = []
        for family in 0..<2 { for a in 0..<6 { for b in (a + 1)..<6 { cliques.append((family * 6 + a, family * 6 + b)) } } }
        let segregated = Analysis(network: Self.twoFamilies(size: 6, ties: cliques))
        let p = try #require(segregated.cooperation?.eiPValue)
        #expect(p < 0.05)
        let page = Self.render(segregated)
        #expect(page.contains("Les liens restent plus souvent à l'intérieur des familles que le hasard ne le voudrait"))
        #expect(page.contains("l'écart est significatif"))
        #expect(!page.contains("On ne peut pas dire"))

        let complete = Analysis(network: Self.twoFamilies(size: 2, ties: [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]))
        #expect(try #require(complete.cooperation?.eiPValue) >= 0.05)
        let plain = Self.render(complete)
        #expect(plain.contains("On ne peut pas dire que les liens restent entre acteurs des mêmes familles plus (ou moins) souvent que le hasard"))
        #expect(plain.contains("non significatif"))
        #expect(!plain.contains("l'écart est significatif"))
        var english = Analysis.Options()
        english.language = .en
        #expect(Self.render(Analysis(network: Self.twoFamilies(size: 2, ties: [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]), options: english))
            .contains("One cannot say that ties stay within families more (or less) often than chance"))
    }

    /// Plain French: dates in words, plurals, no folder path, the actors without a tie named with what to do.
    @Test func plainFrenchAndNamedLooseEnds() {
        let page = Self.render(Analysis(network: Self.network())) { $0.sourcePath = "/home/animatrice/Bureau/reseau.xlsx" }
        #expect(page.contains("29 novembre 2026"))
        #expect(page.firstMatch(of: /\d{4}-\d{2}-\d{2}/) == nil)
        #expect(!page.contains("/home/animatrice"))
        #expect(page.contains("Sans lien renseigné : Acteur E."))
        #expect(!page.contains("(s)"))
        #expect(page.contains("Glossaire"))
    }

    /// An actor without a tie gets someone to start with: the best-connected member of its PTCE; the quality section
    /// names it as a member without a tie.
    @Test func actorsWithoutATieGetSomeoneToStartWith() {
        var network = Self.network()
        network.groups = [Group(id: "p", name: "PTCE d'essai", kind: "ptce")]
        network.memberships = ["b", "c", "e"].map { Membership(group: "p", member: $0) }
        let page = Self.render(Analysis(network: network))
        #expect(page.contains("Acteur E → Acteur B (même PTCE « PTCE d&#39;essai », le membre le plus relié)")
                || page.contains("Acteur E → Acteur B (même PTCE « PTCE d'essai », le membre le plus relié)"))
        #expect(page.contains("Membres d'un GES ou d'un PTCE sans aucun lien renseigné (1) : Acteur E."))
    }

    /// Equal scores: the pair that also shares a group comes first, and the table says what they share.
    @Test func equalSuggestionsAreOrderedByWhatElseIsShared() throws {
        let network = Network(
            title: "Étoile",
            actors: ["h", "a", "b", "c"].map { Actor(id: $0, name: "Acteur \($0.uppercased())", kind: "aci") },
            groups: [Group(id: "g", name: "GES commun", kind: "ges")],
            memberships: [Membership(group: "g", member: "a"), Membership(group: "g", member: "c")],
            ties: ["a", "b", "c"].map { Partnership(source: "h", target: $0, type: "agreement") })
        let page = Self.render(Analysis(network: network))
        let section = try #require(page.range(of: "id=\"rencontres\"")).upperBound
        let text = String(page[section...])
        let ac = try #require(text.range(of: "GES commun")).lowerBound
        let ab = try #require(text.range(of: "Acteur B")).lowerBound
        #expect(ac < ab)
    }
}

