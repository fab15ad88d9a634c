// The steps of the getting-started article (Sources/PTCEKit/PTCEKit.docc/GettingStarted.md), as a program:
// build a network in code, compute measures, write and read a workbook, draw a diagram.
import CoopGraph
import Foundation
import PTCEKit
import PTCERender

// 1. A network in code: actors (their kind decides their family), a GES, its members, partnerships.
let network = Network(
    title: "Un PTCE d'exemple",
    actors: [
        Actor(id: "ressourcerie", name: "Ressourcerie du Val", kind: "aci", department: "26"),
        Actor(id: "emploi-26", name: "Emploi 26", kind: "ai", department: "26"),
        Actor(id: "mairie", name: "Mairie de Valence", kind: "commune", department: "26"),
        Actor(id: "lycee", name: "Lycée agricole", kind: "training", department: "26"),
        Actor(id: "scop-bois", name: "Scop Bois", kind: "scop", department: "07"),
    ],
    groups: [Group(id: "ges-val", name: "GES du Val", kind: "ges")],
    memberships: [
        Membership(group: "ges-val", member: "ressourcerie"),
        Membership(group: "ges-val", member: "emploi-26", role: "lead"),
    ],
    ties: [
        Partnership(source: "ressourcerie", target: "emploi-26", type: "joint_project", since: PartialDate(year: 2016)),
        Partnership(source: "ressourcerie", target: "mairie", type: "agreement", weight: 3),
        Partnership(source: "emploi-26", target: "lycee", type: "training"),
        Partnership(source: "scop-bois", target: "ressourcerie", type: "commercial"),
    ])

// 2. Measures: every centrality of every actor, networkx's conventions (docs/conventions.md).
let centrality = CentralityReport(network: network, view: GraphViewOptions(), options: CentralityOptions())
for row in centrality.ranked(by: .betweenness) {
    print(row.name, Language.en.decimal((row.values[.betweenness] ?? nil), digits: 3))
}

// The engine alone, on any graph: CoopGraph knows nothing of PTCE.
var builder = GraphBuilder(nodeCount: 4)
builder.addEdge(0, 1)
builder.addEdge(1, 2)
builder.addEdge(2, 3)
print("path P4 betweenness:", betweenness(builder.build()))

// 3. A workbook: written as animators get it, read back as ptce reads theirs (every problem located).
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-example-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let workbook = folder.appendingPathComponent("reseau.xlsx")
try NetworkFolderWriter.workbook(network).write(to: workbook)
let loaded = NetworkLoader.load(path: workbook.path)
for diagnostic in loaded.diagnostics { print(diagnostic.formatted(.en)) }
print("read back:", loaded.network.actors.count, "actors,", loaded.network.ties.count, "ties, valid:", loaded.isValid)

// 4. A diagram, through Graphviz in-process.
var options = DiagramOptions()
options.language = .en
let diagram = try Diagram(network: network, options: options)
let svg = try diagram.render(.svg).data
try svg.write(to: folder.appendingPathComponent("network.svg"))
print("diagram:", diagram.nodeCount, "nodes,", svg.count, "bytes of SVG")
