import Foundation

/// Pajek `.net` (Batagelj & Mrvar's Pajek; read by igraph's `Read_Pajek` and networkx's `read_pajek`): numbered
/// vertices with a quoted label, `*Edges` (undirected) and `*Arcs` (directed) with an optional weight, also
/// `*Edgeslist` / `*Arcslist`. The format has no attributes: written, it keeps actors (id as label, since Pajek
/// labels are the identity in igraph and networkx) and ties with their weight; groups, memberships, kinds and dates
/// are left out (the command says so). Read: vertex numbers become ids, labels names, kinds `unknown`.
public enum Pajek {
    public static func write(_ network: Network) -> Data {
        var lines = ["*Vertices \(network.actors.count)"]
        var number: [String: Int] = [:]
        for (index, actor) in network.actors.enumerated() {
            number[actor.id] = index + 1
            lines.append("\(index + 1) \(quoted(actor.id))")
        }
        let undirected = network.ties.filter { !$0.directed }, directed = network.ties.filter(\.directed)
        for (header, ties) in [("*Edges", undirected), ("*Arcs", directed)] where !ties.isEmpty {
            lines.append(header)
            for tie in ties {
                guard let a = number[tie.source], let b = number[tie.target] else { continue }
                lines.append("\(a) \(b) \(PropertyValue.double(tie.weight).text)")
            }
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Pajek has no escape inside quotes: a double quote in a label becomes a single quote.
    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ") + "\"" }

    public static func load(path: String, options: LoadOptions) -> LoadResult {
        let builder = NetworkBuilder(options: options)
        let data: Data
        do { data = try InputFile.read(path) } catch {
            builder.diagnostics.append(error.diagnostic)
            return builder.result()
        }
        let text = String(decoding: data, as: UTF8.self)
        var graph = PropertyGraph()
        var section = ""
        var labels: [String: String] = [:]
        func fail(_ line: Int, _ column: Int, _ fr: String, _ en: String) {
            builder.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: line, column: column), code: "pajek",
                Localized(fr: fr, en: en), hint: Localized(fr: "une ligne de lien est « numéro numéro [poids] »", en: "an edge line is 'number number [weight]'")))
        }
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("%") { continue }
            if line.hasPrefix("*") {
                section = line.split(separator: " ").first.map { $0.lowercased() } ?? ""
                if !["*vertices", "*edges", "*arcs", "*edgeslist", "*arcslist", "*network", "*matrix"].contains(section) {
                    fail(lineNumber, 1, "section Pajek inconnue « \(line) »", "unknown Pajek section '\(line)'")
                }
                if section == "*matrix" { fail(lineNumber, 1, "section *Matrix : non prise en charge", "*Matrix section: not supported") }
                continue
            }
            let tokens = tokenize(line)
            let location = SourceLocation(file: path, line: lineNumber, column: 1)
            switch section {
            case "*vertices":
                guard let first = tokens.first, Int(first) != nil else { fail(lineNumber, 1, "numéro de sommet attendu", "vertex number expected"); continue }
                let label = tokens.count > 1 ? tokens[1] : first
                labels[first] = label
                graph.nodes.append(PropertyGraph.Element(id: first, properties: ["label": .string(label)], location: location))
            case "*edges", "*arcs":
                guard tokens.count >= 2, Int(tokens[0]) != nil, Int(tokens[1]) != nil else { fail(lineNumber, 1, "lien illisible « \(line) »", "unreadable edge '\(line)'"); continue }
                var edge = PropertyGraph.Edge(source: tokens[0], target: tokens[1], directed: section == "*arcs", location: location)
                if tokens.count > 2 {
                    guard let weight = Double(tokens[2]), weight.isFinite else { fail(lineNumber, 1, "poids « \(tokens[2]) » invalide", "invalid weight '\(tokens[2])'"); continue }
                    edge.properties["weight"] = .double(weight)
                }
                graph.edges.append(edge)
            case "*edgeslist", "*arcslist":
                guard let first = tokens.first else { continue }
                for other in tokens.dropFirst() {
                    graph.edges.append(PropertyGraph.Edge(source: first, target: other, directed: section == "*arcslist", location: location))
                }
            default:
                fail(lineNumber, 1, "ligne hors de toute section (*Vertices, *Edges, *Arcs)", "line outside any section (*Vertices, *Edges, *Arcs)")
            }
        }
        if builder.diagnostics.isEmpty {
            // igraph and networkx write labels as the identity: when labels are unique, they become the ids.
            let unique = Set(labels.values).count == labels.count
            if unique {
                graph.nodes = graph.nodes.map { node in
                    var copy = node
                    copy.id = labels[node.id] ?? node.id
                    return copy
                }
                graph.edges = graph.edges.map { edge in
                    var copy = edge
                    copy.source = labels[edge.source] ?? edge.source
                    copy.target = labels[edge.target] ?? edge.target
                    return copy
                }
            }
            graph.load(into: builder)
        }
        builder.finish()
        return builder.result()
    }

    /// Splits on blanks, keeping "quoted labels" whole.
    static func tokenize(_ line: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle(); continue }
            if !quoted && (character == " " || character == "\t") {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
