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
}
