import Foundation

/// The forms a network can be read from and written to, chosen by file extension or by name (`--from`, `--to`).
public enum NetworkFormat: String, CaseIterable, Sendable {
    /// A folder of CSV files (actors.csv, ties.csv, groups.csv, memberships.csv).
    case folder
    /// ptce's network JSON (docs/network.schema.json).
    case json
    /// networkx / D3 node-link JSON.
    case nodeLink = "node-link"
    case graphml
    case gexf
    case pajek
    case dot
    /// A plain edge list (read only).
    case edgeList = "edge-list"
    /// A spreadsheet workbook: `.xlsx` (read and written) or `.ods` (read): one sheet per table.
    case workbook

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
        default: self = .folder
        }
    }

    /// Whether `ptce convert` can write it.
    public var isWritable: Bool { self != .edgeList }
}
