import Foundation

/// Writes a network as a network folder (`actors.csv`, `groups.csv`, `memberships.csv`, `ties.csv`,
/// `network.json`) that `NetworkLoader` reads back into an equal model.
///
/// Columns are the canonical names of `Datasets/README.md`; free attributes become extra columns (the union over
/// rows, sorted). Numbers are written in the shortest form that reads back to the same `Double`.
public enum NetworkFolderWriter {
    /// Writes `actors.csv`, `ties.csv`, `groups.csv` and `memberships.csv` (and `network.json` for the title and
    /// source) into `folder`, created when missing; every field and free column kept.
    public static func write(_ network: Network, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try actors(network.actors).write(to: folder.appendingPathComponent("actors.csv"), atomically: true, encoding: .utf8)
        try groups(network.groups).write(to: folder.appendingPathComponent("groups.csv"), atomically: true, encoding: .utf8)
        try memberships(network.memberships).write(to: folder.appendingPathComponent("memberships.csv"), atomically: true, encoding: .utf8)
        try ties(network.ties).write(to: folder.appendingPathComponent("ties.csv"), atomically: true, encoding: .utf8)
        var metadata: [String: Any] = ["synthetic": network.synthetic]
        if let title = network.title { metadata["title"] = title }
        if let source = network.source { metadata["source"] = source }
        let data = try JSONSerialization.data(withJSONObject: metadata, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try (data + Data("\n".utf8)).write(to: folder.appendingPathComponent("network.json"))
    }

    /// The rows of one table, written as CSV or as a sheet.
    struct Rows {
        var rows: [[CSVWriter.Cell]] = []
        mutating func row(_ cells: [CSVWriter.Cell]) { rows.append(cells) }
    }

    static func csv(_ rows: [[CSVWriter.Cell]]) -> String {
        var writer = CSVWriter(formulaSafe: false)
        for row in rows { writer.row(row) }
        return writer.output
    }

    /// The network as one workbook: the four tables as sheets Acteurs, Groupes, Adhésions, Liens (canonical column
    /// names, read back by `NetworkLoader` into an equal model) and a sheet Réseau with the title, source and whether
    /// the data are synthetic. Text stays text (a department "05" keeps its zero); numbers are number cells.
    public static func workbook(_ network: Network) throws -> Data {
        func sheet(_ name: String, _ rows: [[CSVWriter.Cell]]) -> SheetData {
            let cells: [[SheetData.Cell]] = rows.map { row in
                row.map { cell in
                    switch cell {
                    case .text(let text): return text.isEmpty ? .empty : .text(text)
                    case .number(let value): return value.map { .number($0, $0 == $0.rounded() ? .integer : .decimal) } ?? .empty
                    case .integer(let value): return value.map { .number(Double($0), .integer) } ?? .empty
                    }
                }
            }
            let columns = rows.first?.count ?? 0
            return SheetData(name: name, rows: cells, widths: (0..<columns).map { $0 < 2 ? 28 : 16 })
        }
        var metadata: [[SheetData.Cell]] = [[.text("key"), .text("value")]]
        if let title = network.title { metadata.append([.text("title"), .text(title)]) }
        if let source = network.source { metadata.append([.text("source"), .text(source)]) }
        metadata.append([.text("synthetic"), .text(network.synthetic ? "true" : "false")])
        return try XLSXWriter.write([
            sheet("Acteurs", actorRows(network.actors)), sheet("Groupes", groupRows(network.groups)),
            sheet("Adhésions", membershipRows(network.memberships)), sheet("Liens", tieRows(network.ties)),
            SheetData(name: "Réseau", rows: metadata, widths: [14, 80]),
        ])
    }

    static func text(_ value: String?) -> CSVWriter.Cell { .text(value ?? "") }
    static func number(_ value: Double?) -> CSVWriter.Cell { .number(value) }
    static func date(_ value: PartialDate?) -> CSVWriter.Cell { .text(value?.description ?? "") }

    static func extraColumns(_ lists: [[Attribute]]) -> [String] {
        Array(Set(lists.flatMap { $0.map(\.name) })).sorted()
    }

    static func extraCells(_ attributes: [Attribute], _ columns: [String]) -> [CSVWriter.Cell] {
        let values = Dictionary(attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        return columns.map { .text(values[$0] ?? "") }
    }

    static func actors(_ actors: [Actor]) -> String { csv(actorRows(actors)) }

    static func actorRows(_ actors: [Actor]) -> [[CSVWriter.Cell]] {
        let extra = extraColumns(actors.map(\.attributes))
        var writer = Rows()
        writer.row((["id", "name", "kind", "department", "commune", "region", "latitude", "longitude", "creation_year", "fte",
                     "revenue", "certifications", "website", "reference", "notes"] + extra).map { .text($0) })
        for a in actors {
            writer.row([text(a.id), text(a.name), text(a.kind), text(a.department), text(a.commune), text(a.region),
                        number(a.latitude), number(a.longitude), .integer(a.creationYear), number(a.fte), number(a.revenue),
                        .text(a.certifications.joined(separator: " | ")), text(a.website), text(a.reference), text(a.notes)]
                       + extraCells(a.attributes, extra))
        }
        return writer.rows
    }

    static func groups(_ groups: [Group]) -> String { csv(groupRows(groups)) }

    static func groupRows(_ groups: [Group]) -> [[CSVWriter.Cell]] {
        let extra = extraColumns(groups.map(\.attributes))
        var writer = Rows()
        writer.row((["id", "name", "kind", "department", "commune", "region", "creation_year", "reference", "notes"] + extra).map { .text($0) })
        for g in groups {
            writer.row([text(g.id), text(g.name), text(g.kind), text(g.department), text(g.commune), text(g.region),
                        .integer(g.creationYear), text(g.reference), text(g.notes)] + extraCells(g.attributes, extra))
        }
        return writer.rows
    }

    static func memberships(_ memberships: [Membership]) -> String { csv(membershipRows(memberships)) }

    static func membershipRows(_ memberships: [Membership]) -> [[CSVWriter.Cell]] {
        var writer = Rows()
        writer.row(["group", "member", "role", "since", "until", "reference", "notes"].map { .text($0) })
        for m in memberships {
            writer.row([text(m.group), text(m.member), text(m.role), date(m.since), date(m.until), text(m.reference), text(m.notes)])
        }
        return writer.rows
    }

    static func ties(_ ties: [Partnership]) -> String { csv(tieRows(ties)) }

    static func tieRows(_ ties: [Partnership]) -> [[CSVWriter.Cell]] {
        let extra = extraColumns(ties.map(\.attributes))
        var writer = Rows()
        writer.row((["source", "target", "type", "weight", "directed", "since", "until", "reference", "notes"] + extra).map { .text($0) })
        for t in ties {
            writer.row([text(t.source), text(t.target), text(t.type), number(t.weight), .text(t.directed ? "yes" : ""),
                        date(t.since), date(t.until), text(t.reference), text(t.notes)] + extraCells(t.attributes, extra))
        }
        return writer.rows
    }
}
