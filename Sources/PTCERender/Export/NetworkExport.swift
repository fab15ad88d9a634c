import Foundation
import PTCEKit

/// A network written in one of the single-file interchange formats (`ptce convert`): the readers' counterparts, with
/// the GEXF drawn as the diagrams are (colour by family, size by number of partners, positions from the layout).
public enum NetworkExport {
    public enum Failure: Error, Equatable, Sendable {
        /// Folders and edge lists are not single files (`NetworkFolderWriter` writes folders; edge lists are read only).
        case notAFileFormat(NetworkFormat)
    }

    /// - Parameter layout: GEXF only: lay the network out with Graphviz for `viz:position` (false: no position).
    public static func data(_ network: Network, as format: NetworkFormat, taxonomy: Taxonomy = .standard, layout: Bool = true,
                            language: Language = .fr, creator: String) throws -> Data {
        switch format {
        case .json: return try NetworkJSON.encode(network)
        case .nodeLink: return try NodeLinkJSON.write(network)
        case .graphml: return GraphML.write(network)
        case .gexf: return GEXF.write(network, style: gexfStyle(network, taxonomy: taxonomy, layout: layout, language: language), creator: creator)
        case .pajek: return Pajek.write(network)
        case .dot: return DOTNetwork.write(network)
        case .workbook: return try NetworkFolderWriter.workbook(network)
        case .folder, .edgeList, .gml, .ucinet, .gdf, .unsupported: throw Failure.notAFileFormat(format)
        }
    }

    /// Colours by family as in the diagrams, size 4 + 2·√(number of partners), positions from the diagram's layout;
    /// groups (GES, PTCE, networks) grey, size 4 + 2·√(number of members), at the centre of their placed members (so
    /// Gephi does not stack them all at 0, 0).
    public static func gexfStyle(_ network: Network, taxonomy: Taxonomy, layout: Bool, language: Language) -> GEXF.Style {
        var style = GEXF.Style()
        let diagramStyle = DiagramStyle.standard
        var partners: [String: Int] = [:]
        for tie in network.ties { partners[tie.source, default: 0] += 1; partners[tie.target, default: 0] += 1 }
        for actor in network.actors {
            let family = taxonomy.family(of: actor.kind)?.id ?? "unspecified"
            let hex = diagramStyle.node(family).color.dropFirst()
            if hex.count >= 6, let value = Int(hex.prefix(6), radix: 16) {
                style.colors[actor.id] = ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
            }
            style.sizes[actor.id] = 4 + 2 * Double(partners[actor.id] ?? 0).squareRoot()
        }
        guard layout, !network.actors.isEmpty else {
            var members: [String: Int] = [:]
            for membership in network.memberships { members[membership.group, default: 0] += 1 }
            for group in network.groups {
                style.colors[group.id] = (128, 128, 128)
                style.sizes[group.id] = 4 + 2 * Double(members[group.id] ?? 0).squareRoot()
            }
            return style
        }
        var options = DiagramOptions()
        options.language = language
        if let diagram = try? Diagram(network: network, options: options, taxonomy: taxonomy), let positions = try? diagram.actorPositions() {
            for (index, position) in positions { style.positions[network.actors[index].id] = position }
        }
        var members: [String: [String]] = [:]
        for membership in network.memberships { members[membership.group, default: []].append(membership.member) }
        for group in network.groups {
            style.colors[group.id] = (128, 128, 128)
            style.sizes[group.id] = 4 + 2 * Double(members[group.id]?.count ?? 0).squareRoot()
            let placed = (members[group.id] ?? []).compactMap { style.positions[$0] }
            guard !placed.isEmpty else { continue }
            // Summed in membership order (the file's order): the same position on every run.
            let x = placed.map(\.x).reduce(0, +) / Double(placed.count), y = placed.map(\.y).reduce(0, +) / Double(placed.count)
            style.positions[group.id] = (x, y)
        }
        return style
    }
}
