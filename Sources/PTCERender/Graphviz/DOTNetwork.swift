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

    /// DOT quoted string, as Graphviz 2.43's lexer reads it back: in quotes, `\"` is a quote, `\\` is kept as two
    /// backslashes, a backslash before a line break is dropped with the break, and any other backslash is kept. A
    /// quote is therefore written `\"`; the one text DOT cannot hold is an odd run of backslashes just before a quote
    /// or at the very end (its last backslash would escape the quote): such a run gets one more backslash, the only
    /// change a DOT export makes to a name (docs/interop.md).
    static func quoted(_ text: String) -> String {
        var result = "\""
        var run = 0
        for scalar in text.unicodeScalars where scalar != "\r" {
            if scalar == "\\" { run += 1; result += "\\"; continue }
            if scalar == "\"" {
                if run % 2 == 1 { result += "\\" }
                result += "\\\""
            } else {
                result.unicodeScalars.append(scalar)
            }
            run = 0
        }
        if run % 2 == 1 { result += "\\" }
        return result + "\""
    }

    public static func load(path: String, options: LoadOptions) -> LoadResult {
        let data: Data
        do { data = try InputFile.read(path) } catch { return PropertyGraph.failure(error.diagnostic, options: options) }
        let scan = DOTScan(data: data, file: path)
        if let problem = scan.problem { return PropertyGraph.failure(problem, options: options) }
        let result = Graphviz.session { () -> LoadResult in
            guard let parsed = scan.text.withCString({ agmemread($0) }) else { return LoadResult(network: Network(), diagnostics: [], tieCount: 0) }
            defer { agclose(parsed) }
            return read(parsed, path: path, options: options, edgeOperators: scan.edgeOperators)
        }
        // cgraph can return a partial graph after an error ("memory exhausted" on a long edge chain): any error it
        // printed refuses the file, with the line it gives.
        if let failure = result.messages.first(where: \.isError) ?? (result.value.network.actors.isEmpty && result.value.diagnostics.isEmpty ? result.messages.first : nil) {
            var line = 1
            if let range = failure.text.range(of: #"line (\d+)"#, options: .regularExpression) {
                line = Int(failure.text[range].dropFirst(5)) ?? 1
            }
            return PropertyGraph.failure(Diagnostic(.error, SourceLocation(file: path, line: line, column: 1), code: "malformed-dot",
                Localized(fr: "DOT illisible par Graphviz : \(failure.text)", en: "DOT unreadable by Graphviz: \(failure.text)"),
                hint: Localized(fr: "vérifiez guillemets, points-virgules et accolades à cette ligne ; une très longue chaîne a -- b -- c … se découpe en plusieurs lignes a -- b; b -- c; …",
                                en: "check quotes, semicolons and braces on this line; a very long chain a -- b -- c … can be split into lines a -- b; b -- c; …")), options: options)
        }
        return result.value
    }

    private static func read(_ parsed: UnsafeMutablePointer<Agraph_t>, path: String, options: LoadOptions, edgeOperators: Int) -> LoadResult {
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
        if edgeOperators > 0 && graph.edges.isEmpty {
            return PropertyGraph.failure(Diagnostic(.error, origin, code: "malformed-dot",
                Localized(fr: "Graphviz n'a lu aucun des \(edgeOperators) liens du fichier", en: "Graphviz read none of the file's \(edgeOperators) edges"),
                hint: Localized(fr: "le fichier est peut-être tronqué ou trop imbriqué : ouvrez-le dans l'outil qui l'a créé et réexportez-le",
                                en: "the file may be truncated or too deeply nested: open it in the tool that made it and export it again")), options: options)
        }
        return graph.network(options: options)
    }
}
