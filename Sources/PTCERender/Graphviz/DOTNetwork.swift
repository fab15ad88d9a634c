import CGraphviz
import Foundation
import PTCEKit

/// A network as plain DOT data (not a diagram: no style), and DOT files read back with Graphviz's own parser
/// (cgraph's `agmemread`), so every DOT that Graphviz accepts is read, and a syntax error is reported with the line
/// Graphviz gives. Convention as the other formats (`PropertyGraph`): `ptce_type` tells actors from groups and ties
/// from memberships; a file without it (from another tool) gives actors (`label` as name) and ties (`weight`).
/// DOT has no types: every value is text, numbers are read back by the model's checks.
public enum DOTNetwork {
    public static func write(_ network: Network) -> Data {
        let graph = PropertyGraph(network)
        let directed = network.ties.contains(where: \.directed)
        var lines = [(directed ? "digraph " : "graph ") + quoted(network.title ?? "ptce") + " {"]
        for (key, value) in graph.properties.sorted(by: { $0.key < $1.key }) { lines.append("  \(key)=\(quoted(value.text));") }
        func attributes(_ properties: [String: PropertyValue], keys: [String], extra: [String] = []) -> String {
            let items = keys.compactMap { key in properties[key].map { "\(dotName(key))=\(quoted($0.text))" } } + extra
            return items.isEmpty ? "" : " [" + items.joined(separator: ", ") + "]"
        }
        for node in graph.nodes {
            lines.append("  " + quoted(node.id) + attributes(node.properties, keys: graph.nodeKeys))
        }
        for edge in graph.edges {
            let extra = directed && edge.properties["directed"] != .bool(true) ? ["dir=none"] : []
            lines.append("  " + quoted(edge.source) + (directed ? " -> " : " -- ") + quoted(edge.target)
                         + attributes(edge.properties, keys: graph.edgeKeys, extra: extra))
        }
        lines.append("}")
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The name is written as DOT's `label` (what Graphviz shows).
    static func dotName(_ key: String) -> String { key == "name" ? "label" : key }

    /// DOT quoted string: in DOT only `\"` is an escape; a trailing backslash is kept off the closing quote.
    static func quoted(_ text: String) -> String {
        var body = text.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\r", with: "")
        if body.hasSuffix("\\") && !body.hasSuffix("\\\"") { body += " " }
        return "\"" + body + "\""
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var messages: [String] = []

    public static func load(path: String, options: LoadOptions) -> LoadResult {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            return PropertyGraph.failure(Diagnostic(.error, start, code: "cannot-open", Localized(fr: "fichier illisible", en: "cannot read the file")), options: options)
        }
        let text = String(decoding: data, as: UTF8.self)
        lock.lock()
        defer { lock.unlock() }
        messages = []
        let previousHandler = agseterrf { text in
            if let text { DOTNetwork.messages.append(String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)) }
            return 0
        }
        defer { agseterrf(previousHandler) }
        guard let parsed = text.withCString({ agmemread($0) }) else {
            let message = messages.joined(separator: " ")
            // cgraph says "syntax error in line N near 'x'".
            var line = 1
            if let range = message.range(of: #"line (\d+)"#, options: .regularExpression) {
                line = Int(message[range].dropFirst(5)) ?? 1
            }
            return PropertyGraph.failure(Diagnostic(.error, SourceLocation(file: path, line: line, column: 1), code: "malformed-dot",
                Localized(fr: "DOT illisible : \(message)", en: "unreadable DOT: \(message)"),
                hint: Localized(fr: "vérifiez guillemets, points-virgules et accolades à cette ligne", en: "check quotes, semicolons and braces on this line")), options: options)
        }
        defer { agclose(parsed) }
        var graph = PropertyGraph()
        graph.directed = agisdirected(parsed) != 0
        let origin = SourceLocation(file: path, line: 1, column: 1)
        func symbols(_ kind: Int32) -> [(String, UnsafeMutablePointer<Agsym_t>)] {
            var out: [(String, UnsafeMutablePointer<Agsym_t>)] = []
            var symbol = agnxtattr(parsed, kind, nil)
            while let current = symbol {
                out.append((String(cString: current.pointee.name), current))
                symbol = agnxtattr(parsed, kind, current)
            }
            return out
        }
        for (name, symbol) in symbols(Int32(AGRAPH)) {
            if let value = agxget(UnsafeMutableRawPointer(parsed), symbol) {
                let text = String(cString: value)
                if !text.isEmpty { graph.properties[name] = name == "synthetic" ? .bool(text == "true") : .string(text) }
            }
        }
        let nodeSymbols = symbols(Int32(AGNODE)), edgeSymbols = symbols(Int32(AGEDGE))
        graph.nodeKeys = nodeSymbols.map(\.0)
        graph.edgeKeys = edgeSymbols.map(\.0).filter { $0 != "dir" && $0 != "key" }
        func properties(_ object: UnsafeMutableRawPointer, _ list: [(String, UnsafeMutablePointer<Agsym_t>)]) -> [String: PropertyValue] {
            var out: [String: PropertyValue] = [:]
            for (name, symbol) in list {
                guard let value = agxget(object, symbol) else { continue }
                let text = String(cString: value)
                if !text.isEmpty { out[name] = .string(text) }
            }
            return out
        }
        var node = agfstnode(parsed)
        while let current = node {
            let id = String(cString: agnameof(UnsafeMutableRawPointer(current)))
            graph.nodes.append(PropertyGraph.Element(id: id, properties: properties(UnsafeMutableRawPointer(current), nodeSymbols), location: origin))
            node = agnxtnode(parsed, current)
        }
        node = agfstnode(parsed)
        while let tail = node {
            var edge = agfstout(parsed, tail)
            while let current = edge {
                // From an out-edge, the head is the edge's node; the tail is the node iterated.
                let head = current.pointee.node!
                var values = properties(UnsafeMutableRawPointer(current), edgeSymbols)
                let undirected = values["dir"]?.text == "none"
                values["dir"] = nil
                values["key"] = nil
                graph.edges.append(PropertyGraph.Edge(
                    source: String(cString: agnameof(UnsafeMutableRawPointer(tail))), target: String(cString: agnameof(UnsafeMutableRawPointer(head))),
                    directed: graph.directed && !undirected, properties: values, location: origin))
                edge = agnxtout(parsed, current)
            }
            node = agnxtnode(parsed, tail)
        }
        return graph.network(options: options)
    }
}
