import Foundation

/// UCINET's DL format (Borgatti, Everett and Freeman, UCINET 6 for Windows, "DL" chapter): a header `DL N=5` (or
/// `NR=`/`NC=` equal), `FORMAT = FULLMATRIX | EDGELIST1 | NODELIST1` (full matrix by default), optional
/// `LABELS:` (a list, comma- or blank-separated) or `LABELS EMBEDDED`, then `DATA:`. Read only.
///
/// A DL file holds a matrix: ptce reads a symmetric one as undirected ties (one per pair, weight the value) and any
/// other as directed ties (arcs); a 0 cell is no tie. `EDGELIST1`: lines `i j [value]`; `NODELIST1`: lines `i j k …`
/// (i tied to j, k, …); with embedded labels, the names stand for the numbers (and a full matrix starts with a line
/// of column labels, each row with its label). Vertices are numbered 1…N; with labels the label is the id.
public enum UCINET {
    /// The most vertices a DL header may declare (as for Pajek's `*Vertices`: vertices without a tie are created).
    static let maximumVertices = 300_000

    /// A problem of a DL file, at its line.
    struct Failure: Error {
        let line: Int
        let fr: String
        let en: String
    }

    /// What the lines before `DATA:` say.
    struct Header {
        var n: Int
        var format: String
        var embedded: Bool
        var labels: [String]
        /// The first line of the DL header and the line after `DATA:`, 0-based.
        var first: Int
        var dataLine: Int
    }

    public static func load(path: String, options: LoadOptions) -> LoadResult {
        let data: Data
        do { data = try InputFile.read(path) } catch { return PropertyGraph.failure(error.diagnostic, options: options) }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        do throws(Failure) {
            let header = try readHeader(lines)
            let (names, cells) = try readData(lines, header)
            return graph(names: names, cells: cells, path: path, line: header.first + 1).network(options: options)
        } catch {
            let failure = error
            let hint = Localized(fr: "un fichier DL commence par « DL N=5 », « FORMAT = EDGELIST1 » (ou FULLMATRIX, NODELIST1), puis « DATA: » et les données",
                                 en: "a DL file starts with 'DL N=5', 'FORMAT = EDGELIST1' (or FULLMATRIX, NODELIST1), then 'DATA:' and the data")
            return PropertyGraph.failure(Diagnostic(.error, SourceLocation(file: path, line: failure.line, column: 1), code: "ucinet-dl",
                                                    Localized(fr: failure.fr, en: failure.en), hint: hint), options: options)
        }
    }

    /// The header: everything before `DATA:`, read as words (`N=5`, `n = 5`, `format = edgelist1`, `labels:`).
    static func readHeader(_ lines: [String]) throws(Failure) -> Header {
        guard let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
              lines[first].trimmingCharacters(in: .whitespaces).uppercased().hasPrefix("DL") else {
            throw Failure(line: 1, fr: "ce n'est pas un fichier DL de UCINET (il commence par « DL »)", en: "this is not a UCINET DL file (it starts with 'DL')")
        }
        var n: Int?
        var format = "fullmatrix"
        var embedded = false
        var labels: [String] = []
        var index = first
        var readingLabels = false
        var dataLine: Int?
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            let upper = line.uppercased()
            if upper.hasPrefix("DATA:") || upper == "DATA" { dataLine = index + 1; break }
            if readingLabels && !upper.contains("=") && !upper.hasPrefix("FORMAT") && !upper.hasPrefix("LABELS") {
                labels += splitLabels(line)
                index += 1
                continue
            }
            readingLabels = false
            let normalized = upper.replacingOccurrences(of: " = ", with: "=").replacingOccurrences(of: "= ", with: "=").replacingOccurrences(of: " =", with: "=")
            for word in normalized.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
                if let value = word.split(separator: "=").last, word.hasPrefix("N=") || word.hasPrefix("NR=") || word.hasPrefix("NC=") {
                    guard let count = Int(value), count >= 0 else { throw Failure(line: index + 1, fr: "nombre de sommets illisible « \(word) »", en: "unreadable number of vertices '\(word)'") }
                    n = count
                } else if word.hasPrefix("FORMAT=") {
                    format = String(word.dropFirst(7)).lowercased()
                }
            }
            if upper.contains("EMBEDDED") { embedded = true }
            if upper.hasPrefix("LABELS:") || upper.hasPrefix("ROW LABELS:") || upper.hasPrefix("COL LABELS:") {
                readingLabels = true
                if let colon = line.firstIndex(of: ":") { labels += splitLabels(String(line[line.index(after: colon)...])) }
            }
            index += 1
        }
        guard let dataLine else { throw Failure(line: lines.count, fr: "pas de ligne « DATA: »", en: "no 'DATA:' line") }
        guard let n, n <= maximumVertices else { throw Failure(line: first + 1, fr: "« N= » manque ou dépasse \(maximumVertices)", en: "'N=' is missing or above \(maximumVertices)") }
        guard ["fullmatrix", "fm", "edgelist1", "el1", "nodelist1", "nl1"].contains(format) else {
            throw Failure(line: first + 1, fr: "format DL « \(format) » non pris en charge (FULLMATRIX, EDGELIST1, NODELIST1)", en: "DL format '\(format)' not supported (FULLMATRIX, EDGELIST1, NODELIST1)")
        }
        guard labels.isEmpty || labels.count == n else {
            throw Failure(line: first + 1, fr: "\(labels.count) étiquettes pour N=\(n)", en: "\(labels.count) labels for N=\(n)")
        }
        return Header(n: n, format: format, embedded: embedded, labels: labels, first: first, dataLine: dataLine)
    }

    /// The vertices' names and the matrix's cells not 0 (row, column → value and line).
    static func readData(_ lines: [String], _ header: Header) throws(Failure) -> ([String], [[Int]: (value: Double, line: Int)]) {
        let n = header.n, embedded = header.embedded
        // Embedded labels of an edge or node list name the vertices as they appear.
        let appearing = embedded && header.labels.isEmpty && !header.format.hasPrefix("f")
        var names = header.labels.isEmpty ? (appearing ? [] : (1...max(n, 1)).prefix(n).map(String.init)) : header.labels
        var cells: [[Int]: (value: Double, line: Int)] = [:]
        let rows = lines[header.dataLine...].enumerated().map { (header.dataLine + $0.offset + 1, $0.element.trimmingCharacters(in: .whitespaces)) }.filter { !$0.1.isEmpty }
        func vertex(_ token: String) -> Int? {
            if let number = Int(token), (1...max(n, 1)).contains(number), !embedded { return number - 1 }
            if let position = names.firstIndex(of: token) { return position }
            guard appearing, names.count < n else { return nil }
            names.append(token)
            return names.count - 1
        }
        if header.format.hasPrefix("f") {
            var body = rows
            if embedded, let first = body.first {
                let columnLabels = splitLabels(first.1)
                guard columnLabels.count == n else { throw Failure(line: first.0, fr: "\(columnLabels.count) étiquettes de colonnes pour N=\(n)", en: "\(columnLabels.count) column labels for N=\(n)") }
                names = columnLabels
                body.removeFirst()
            }
            let values = body.flatMap { row in splitLabels(row.1).map { ($0, row.0) } }
            let perRow = embedded ? n + 1 : n
            guard values.count == perRow * n else { throw Failure(line: body.last?.0 ?? header.dataLine, fr: "\(values.count) valeurs pour une matrice \(n) × \(n)", en: "\(values.count) values for a \(n) × \(n) matrix") }
            for i in 0..<n {
                for j in 0..<n {
                    let (token, line) = values[i * perRow + (embedded ? j + 1 : j)]
                    guard let value = Double(token.replacingOccurrences(of: ",", with: ".")) else { throw Failure(line: line, fr: "valeur « \(token) » illisible", en: "unreadable value '\(token)'") }
                    if value != 0 { cells[[i, j]] = (value, line) }
                }
            }
        } else {
            for (line, text) in rows {
                let tokens = splitLabels(text)
                guard tokens.count >= 2, let i = vertex(tokens[0]) else { throw Failure(line: line, fr: "ligne illisible « \(text) »", en: "unreadable line '\(text)'") }
                let targets = header.format.hasPrefix("n") ? Array(tokens.dropFirst()) : [tokens[1]]
                let value = !header.format.hasPrefix("n") && tokens.count > 2 ? Double(tokens[2]) : 1
                guard let value else { throw Failure(line: line, fr: "valeur « \(tokens[2]) » illisible", en: "unreadable value '\(tokens[2])'") }
                for token in targets {
                    guard let j = vertex(token) else { throw Failure(line: line, fr: "sommet inconnu « \(token) »", en: "unknown vertex '\(token)'") }
                    if value != 0 { cells[[i, j]] = (value, line) }
                }
            }
        }
        // Vertices an edge list never named: numbered after the named ones.
        while names.count < n { names.append(String(names.count + 1)) }
        return (names, cells)
    }

    /// The graph of the matrix: a symmetric one as undirected ties (each pair once, its upper triangle; a diagonal
    /// cell a self-tie, which the model reports), any other as arcs.
    static func graph(names: [String], cells: [[Int]: (value: Double, line: Int)], path: String, line: Int) -> PropertyGraph {
        var graph = PropertyGraph()
        for name in names {
            graph.nodes.append(PropertyGraph.Element(id: name, properties: ["label": .string(name)], location: SourceLocation(file: path, line: line, column: 1)))
        }
        let symmetric = cells.allSatisfy { key, cell in cells[[key[1], key[0]]]?.value == cell.value }
        for key in cells.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let cell = cells[key], !(symmetric && key[0] > key[1]) else { continue }
            graph.edges.append(PropertyGraph.Edge(source: names[key[0]], target: names[key[1]], directed: !symmetric,
                                                  properties: ["weight": .double(cell.value)], location: SourceLocation(file: path, line: cell.line, column: 1)))
        }
        graph.nodeKeys = ["label"]
        graph.edgeKeys = ["weight"]
        return graph
    }

    /// Labels or values separated by commas or blanks; quotes removed (Pajek's tokenizer, commas added).
    static func splitLabels(_ text: String) -> [String] {
        Pajek.tokenize(text, separators: [",", " ", "\t"])
    }
}
