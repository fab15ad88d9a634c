import Foundation

/// Pajek `.net` (Batagelj & Mrvar's Pajek; read by igraph's `Read_Pajek` and networkx's `read_pajek`): numbered
/// vertices with a quoted label, `*Edges` (undirected) and `*Arcs` (directed) with an optional weight, also
/// `*Edgeslist` / `*Arcslist`, `*Matrix` (a symmetric matrix as undirected ties, any other as arcs), `.paj`
/// projects (their first network), a BOM at the start. The format has no attributes: written, it keeps actors (id as label, since Pajek
/// labels are the identity in igraph and networkx) and ties with their weight; groups, memberships, kinds and dates
/// are left out (the command says so). Read: vertex numbers become ids, labels names, kinds `unknown`.
public enum Pajek {
    /// The network as Pajek `.net`: vertices and weighted edges or arcs only.
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

    /// Pajek has no escape inside quotes: a double quote in a label becomes a single quote, and every character a
    /// reader could take for the end of a line (networkx splits with Python's `splitlines`, which also cuts at vertical
    /// tab, form feed, U+001C–U+001E, U+0085, U+2028 and U+2029) or that is invisible (other control characters)
    /// becomes a space, so that one vertex is always one line.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "'"
            case "\u{85}", "\u{2028}", "\u{2029}": result += " "
            default: result.unicodeScalars.append(scalar.properties.generalCategory == .control ? " " : scalar)
            }
        }
        return result + "\""
    }

    /// Reads a Pajek `.net` file (every problem located; Windows-1252 read with a warning).
    public static func load(path: String, options: LoadOptions) -> LoadResult {
        let builder = NetworkBuilder(options: options)
        let data: Data
        do { data = try InputFile.read(path) } catch {
            builder.diagnostics.append(error.diagnostic)
            return builder.result()
        }
        let text: String
        if let utf8 = String(validating: data, as: UTF8.self) {
            text = utf8
        } else {
            // Pajek itself (Windows) writes labels in the ANSI code page: read as Windows-1252, and say so.
            text = CSVReader.decodeWindows1252(Array(data))
            builder.diagnostics.append(Diagnostic(.warning, SourceLocation(file: path, line: firstLineNotUTF8(data), column: 1), code: "not-utf8",
                Localized(fr: "le fichier n'est pas en UTF-8 : il a été lu comme Windows-1252 (l'encodage de Pajek sous Windows)",
                          en: "the file is not UTF-8: it was read as Windows-1252 (Pajek's encoding on Windows)"),
                hint: Localized(fr: "vérifiez les accents des noms", en: "check the accents of the names")))
        }
        var parser = Parser(path: path, builder: builder)
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (offset, raw) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            parser.read(line: raw.trimmingCharacters(in: .whitespacesAndNewlines), number: offset + 1)
        }
        if builder.diagnostics.allSatisfy({ $0.severity != .error }) {
            parser.finish().load(into: builder)
        }
        builder.finish()
        return builder.result()
    }

    /// The state of one reading: the section, the vertices declared and listed, their labels, the graph so far.
    private struct Parser {
        let path: String
        let builder: NetworkBuilder
        var graph = PropertyGraph()
        var section = ""
        var labels: [String: String] = [:]
        /// `*Vertices N`: N when given; vertex numbers must lie in 1…N.
        var declared: Int?
        var listed = Set<Int>()
        /// The rows of a `*Matrix` section, with their line.
        var matrix: [(values: [Double], line: Int)] = []
        let edgeHint = Localized(fr: "une ligne de lien est « numéro numéro [poids] »", en: "an edge line is 'number number [weight]'")
        let vertexHint = Localized(fr: "le fichier commence par « *Vertices N » puis une ligne « numéro \"nom\" » par sommet, numérotés de 1 à N",
                                   en: "the file starts with '*Vertices N', then one line 'number \"name\"' per vertex, numbered 1 to N")

        init(path: String, builder: NetworkBuilder) {
            self.path = path
            self.builder = builder
        }

        func fail(_ line: Int, _ column: Int, _ fr: String, _ en: String, hint: Localized? = nil) {
            builder.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: line, column: column), code: "pajek",
                Localized(fr: fr, en: en), hint: hint ?? edgeHint))
        }

        /// A vertex number of an edge line outside `*Vertices N`.
        func outside(_ token: String) -> Bool {
            guard let declared, let number = Int(token) else { return false }
            return number < 1 || number > declared
        }

        /// Set at the end of a `.paj` project's first network: the rest (other networks, partitions, vectors) is not read.
        var stopped = false
        var networks = 0

        /// One line, trimmed: a comment, a section header or a line of the current section.
        mutating func read(line: String, number lineNumber: Int) {
            if stopped || line.isEmpty || line.hasPrefix("%") { return }
            if line.hasPrefix("*") {
                let word = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { $0.lowercased() } ?? ""
                if word == "*network" { networks += 1 }
                if (word == "*network" && networks > 1) || ["*partition", "*vector", "*permutation", "*cluster", "*hierarchy"].contains(word) {
                    stopped = true
                    builder.diagnostics.append(Diagnostic(.warning, SourceLocation(file: path, line: lineNumber, column: 1), code: "pajek-project",
                        Localized(fr: "projet Pajek : seul le premier réseau est lu (la suite, à partir de « \(line.prefix(40)) », est laissée)",
                                  en: "Pajek project: only the first network is read (the rest, from '\(line.prefix(40))', is left)")))
                    return
                }
            }
            if line.hasPrefix("*") { return header(line, lineNumber) }
            let tokens = Pajek.tokenize(line)
            let location = SourceLocation(file: path, line: lineNumber, column: 1)
            switch section {
            case "*vertices": vertex(tokens, lineNumber, location)
            case "*edges", "*arcs":
                guard tokens.count >= 2, Int(tokens[0]) != nil, Int(tokens[1]) != nil else { return fail(lineNumber, 1, "lien illisible « \(line) »", "unreadable edge '\(line)'") }
                if let bad = tokens.prefix(2).first(where: outside), let declared {
                    return fail(lineNumber, 1, "sommet \(bad) hors de 1…\(declared) (*Vertices \(declared))", "vertex \(bad) outside 1…\(declared) (*Vertices \(declared))")
                }
                var edge = PropertyGraph.Edge(source: tokens[0], target: tokens[1], directed: section == "*arcs", location: location)
                if tokens.count > 2 {
                    guard let weight = Double(tokens[2]), weight.isFinite else { return fail(lineNumber, 1, "poids « \(tokens[2]) » invalide", "invalid weight '\(tokens[2])'") }
                    edge.properties["weight"] = .double(weight)
                }
                graph.edges.append(edge)
            case "*matrix":
                // One row of the adjacency matrix per line: row i, column j not 0 is a tie i–j of that weight.
                var row: [Double] = []
                for token in tokens {
                    guard let value = Double(token.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                        return fail(lineNumber, 1, "valeur de matrice illisible « \(token) »", "unreadable matrix value '\(token)'")
                    }
                    row.append(value)
                }
                guard let declared, row.count == declared else {
                    return fail(lineNumber, 1, "\(row.count) valeurs sur cette ligne de *Matrix, \(declared ?? 0) attendues (*Vertices)",
                                "\(row.count) values on this *Matrix line, \(declared ?? 0) expected (*Vertices)")
                }
                matrix.append((row, lineNumber))
            case "*edgeslist", "*arcslist":
                guard let first = tokens.first else { return }
                if let bad = tokens.first(where: outside), let declared {
                    return fail(lineNumber, 1, "sommet \(bad) hors de 1…\(declared) (*Vertices \(declared))", "vertex \(bad) outside 1…\(declared) (*Vertices \(declared))")
                }
                for other in tokens.dropFirst() {
                    graph.edges.append(PropertyGraph.Edge(source: first, target: other, directed: section == "*arcslist", location: location))
                }
            default:
                fail(lineNumber, 1, "ligne hors de toute section (*Vertices, *Edges, *Arcs)", "line outside any section (*Vertices, *Edges, *Arcs)")
            }
        }

        /// `*Vertices N`, `*Edges`, `*Arcs`, `*Edgeslist`, `*Arcslist`, `*Matrix`, `*Network`.
        mutating func header(_ line: String, _ lineNumber: Int) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            section = words.first.map { $0.lowercased() } ?? ""
            if section == "*vertices" {
                guard words.count >= 2, let count = Int(words[1]), count >= 0 else {
                    return fail(lineNumber, 1, "« \(line) » : le nombre de sommets manque ou n'est pas un entier",
                                "'\(line)': the number of vertices is missing or not a whole number", hint: vertexHint)
                }
                guard count <= Pajek.maximumVertices else {
                    return fail(lineNumber, 1, "\(count) sommets annoncés : ptce en lit au plus \(Pajek.maximumVertices)",
                                "\(count) vertices declared: ptce reads at most \(Pajek.maximumVertices)", hint: vertexHint)
                }
                declared = count
            }
            if !["*vertices", "*edges", "*arcs", "*edgeslist", "*arcslist", "*network", "*matrix"].contains(section) {
                fail(lineNumber, 1, "section Pajek inconnue « \(line) »", "unknown Pajek section '\(line)'")
            }
            if section == "*matrix" && declared == nil {
                fail(lineNumber, 1, "*Matrix sans « *Vertices N » avant", "*Matrix without '*Vertices N' before it", hint: vertexHint)
            }
        }

        /// `number "label" …`: numbered within 1…N, listed once.
        mutating func vertex(_ tokens: [String], _ lineNumber: Int, _ location: SourceLocation) {
            guard let first = tokens.first, let number = Int(first) else { return fail(lineNumber, 1, "numéro de sommet attendu", "vertex number expected") }
            if let declared, !(1...max(declared, 1)).contains(number) || declared == 0 {
                return fail(lineNumber, 1, "sommet \(number) hors de 1…\(declared) (*Vertices \(declared))",
                            "vertex \(number) outside 1…\(declared) (*Vertices \(declared))", hint: vertexHint)
            }
            guard listed.insert(number).inserted else {
                return fail(lineNumber, 1, "sommet \(number) déjà décrit plus haut", "vertex \(number) is listed twice", hint: vertexHint)
            }
            let label = tokens.count > 1 ? tokens[1] : first
            labels[first] = label
            graph.nodes.append(PropertyGraph.Element(id: first, properties: ["label": .string(label)], location: location))
        }

        /// The graph read, once no line had an error: vertices of `*Vertices N` without a line added (igraph writes
        /// none), and unique labels made the ids (igraph and networkx write labels as the identity).
        mutating func finish() -> PropertyGraph {
            // A *Matrix: a symmetric one gives undirected ties (each pair once), any other arcs.
            if !matrix.isEmpty {
                let n = matrix.count
                let symmetric = (0..<n).allSatisfy { i in (0..<n).allSatisfy { j in j >= matrix[i].values.count || i >= matrix[j].values.count || matrix[i].values[j] == matrix[j].values[i] } }
                for i in 0..<n {
                    for (j, value) in matrix[i].values.enumerated() where value != 0 && j < n && !(symmetric && j < i) {
                        graph.edges.append(PropertyGraph.Edge(source: String(i + 1), target: String(j + 1), directed: !symmetric,
                                                              properties: ["weight": .double(value)], location: SourceLocation(file: path, line: matrix[i].line, column: 1)))
                    }
                }
            }
            if let declared {
                for number in 1...max(declared, 1) where declared > 0 && !listed.contains(number) {
                    let id = String(number)
                    labels[id] = id
                    graph.nodes.append(PropertyGraph.Element(id: id, properties: ["label": .string(id)], location: SourceLocation(file: path, line: 1, column: 1)))
                }
            }
            guard Set(labels.values).count == labels.count else { return graph }
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
            return graph
        }
    }

    /// The most vertices a `*Vertices` line may declare: vertices without a line are created, so a 25-byte file can
    /// ask for this many actors (a fuzzed `*Vertices 535251` took 84 s and 580 MB in a debug build). 300,000 is above
    /// a hundred times the synthetic national network (266,785 actors at `--scale 100`).
    static let maximumVertices = 300_000

    /// The number of the first line that is not valid UTF-8.
    static func firstLineNotUTF8(_ data: Data) -> Int {
        for (offset, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where String(validating: line, as: UTF8.self) == nil {
            return offset + 1
        }
        return 1
    }

    /// Splits on blanks (or `separators`), keeping "quoted labels" whole; quotes removed.
    static func tokenize(_ line: String, separators: Set<Character> = [" ", "\t"]) -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle(); continue }
            if !quoted && separators.contains(character) {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
