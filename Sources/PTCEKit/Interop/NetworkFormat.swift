import Foundation

/// The forms a network can be read from and written to, chosen by file extension or by name (`--from`, `--to`).
public enum NetworkFormat: String, CaseIterable, Sendable {
    /// A folder of CSV files (actors.csv, ties.csv, groups.csv, memberships.csv).
    case folder
    /// ptce's network JSON (docs/network.schema.json).
    case json
    /// networkx / D3 node-link JSON.
    case nodeLink = "node-link"
    /// GraphML (yEd, Cytoscape, igraph, networkx).
    case graphml
    /// GEXF 1.3 (Gephi).
    case gexf
    /// Pajek `.net`.
    case pajek
    /// Graphviz DOT.
    case dot
    /// A plain edge list (read only).
    case edgeList = "edge-list"
    /// A spreadsheet workbook: `.xlsx` (read and written) or `.ods` (read): one sheet per table.
    case workbook
    /// GML (Gephi, igraph, networkx, Cytoscape, yEd, Newman's data), read only.
    case gml
    /// UCINET DL, read only.
    case ucinet
    /// GDF (GUESS, Gephi), read only.
    case gdf
    /// A file whose extension is none of these: refused with the list (never guessed).
    case unsupported

    /// The format of a path by its extension; a path without a known extension is a folder.
    public init(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": self = .json
        case "graphml", "xml": self = .graphml
        case "gexf": self = .gexf
        case "net", "paj": self = .pajek
        case "dot", "gv": self = .dot
        case "csv", "tsv", "txt": self = .edgeList
        case "xlsx", "ods", "xlsm": self = .workbook
        case "gml": self = .gml
        case "dl": self = .ucinet
        case "gdf": self = .gdf
        default:
            // A folder, or a path to create (an output folder); an existing file of another extension is refused.
            var folder: ObjCBool = false
            let file = FileManager.default.fileExists(atPath: path, isDirectory: &folder) && !folder.boolValue
            self = file ? .unsupported : .folder
        }
    }

    /// The extensions ptce reads, for the message on any other.
    public static let readableExtensions = ".json, .graphml, .xml, .gexf, .gml, .net, .paj, .dl, .gdf, .dot, .gv, .csv, .tsv, .txt, .xlsx, .ods"

    /// The extension a file of this format has (a folder: "d"), for reading a file through a link of that name.
    public var fileExtension: String {
        switch self {
        case .folder: return "d"
        case .json, .nodeLink: return "json"
        case .graphml: return "graphml"
        case .gexf: return "gexf"
        case .pajek: return "net"
        case .dot: return "dot"
        case .edgeList: return "csv"
        case .workbook: return "xlsx"
        case .gml: return "gml"
        case .ucinet: return "dl"
        case .gdf: return "gdf"
        case .unsupported: return ""
        }
    }

    /// What writing `network` in this format leaves out, in words; nil when nothing is (or the format says nothing).
    public func lossNote(for network: Network) -> Localized? {
        switch self {
        case .pajek where !network.groups.isEmpty || network.ties.contains { $0.since != nil || $0.until != nil || !$0.type.isEmpty }:
            return Localized(fr: "Pajek ne garde que les acteurs (identifiant) et les liens (poids) : groupes, appartenances, types, dates et colonnes sont laissés de côté",
                             en: "Pajek keeps only actors (id) and ties (weight): groups, memberships, types, dates and columns are left out")
        case .dot:
            return Localized(fr: "DOT n'a pas de types : les nombres y sont du texte, relus par les contrôles du modèle",
                             en: "DOT has no types: numbers are text there, read back by the model's checks")
        default:
            return nil
        }
    }

    /// Whether `ptce convert` can write it.
    public var isWritable: Bool { ![.edgeList, .gml, .ucinet, .gdf, .unsupported].contains(self) }
}
