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

    public static func load(path: String, options: LoadOptions) -> LoadResult {
        let data: Data
        do { data = try InputFile.read(path) } catch { return PropertyGraph.failure(error.diagnostic, options: options) }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let hint = Localized(fr: "un fichier DL commence par « DL N=5 », « FORMAT = EDGELIST1 » (ou FULLMATRIX, NODELIST1), puis « DATA: » et les données",
                             en: "a DL file starts with 'DL N=5', 'FORMAT = EDGELIST1' (or FULLMATRIX, NODELIST1), then 'DATA:' and the data")
        func failure(_ line: Int, _ fr: String, _ en: String) -> LoadResult {
            PropertyGraph.failure(Diagnostic(.error, SourceLocation(file: path, line: line, column: 1), code: "ucinet-dl", Localized(fr: fr, en: en), hint: hint), options: options)
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
              lines[first].trimmingCharacters(in: .whitespaces).uppercased().hasPrefix("DL") else {
            return failure(1, "ce n'est pas un fichier DL de UCINET (il commence par « DL »)", "this is not a UCINET DL file (it starts with 'DL')")
        }
        // The header: everything before DATA:, read as words (`N=5`, `n = 5`, `format = edgelist1`, `labels:`).
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
                    guard let count = Int(value), count >= 0 else { return failure(index + 1, "nombre de sommets illisible « \(word) »", "unreadable number of vertices '\(word)'") }
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
        guard let dataLine else { return failure(lines.count, "pas de ligne « DATA: »", "no 'DATA:' line") }
        guard let n, n <= maximumVertices else { return failure(first + 1, "« N= » manque ou dépasse \(maximumVertices)", "'N=' is missing or above \(maximumVertices)") }
        guard ["fullmatrix", "fm", "edgelist1", "el1", "nodelist1", "nl1"].contains(format) else {
            return failure(first + 1, "format DL « \(format) » non pris en charge (FULLMATRIX, EDGELIST1, NODELIST1)", "DL format '\(format)' not supported (FULLMATRIX, EDGELIST1, NODELIST1)")
        }
        guard labels.isEmpty || labels.count == n else {
            return failure(first + 1, "\(labels.count) étiquettes pour N=\(n)", "\(labels.count) labels for N=\(n)")
        }
        // Embedded labels of an edge or node list name the vertices as they appear.
        let appearing = embedded && labels.isEmpty && !format.hasPrefix("f")
        var names = labels.isEmpty ? (appearing ? [] : (1...max(n, 1)).prefix(n).map(String.init)) : labels
        var cells: [[Int]: (value: Double, line: Int)] = [:]
        let rows = lines[dataLine...].enumerated().map { (dataLine + $0.offset + 1, $0.element.trimmingCharacters(in: .whitespaces)) }.filter { !$0.1.isEmpty }
        func vertex(_ token: String, _ line: Int) -> Int? {
            if let number = Int(token), (1...max(n, 1)).contains(number), !embedded { return number - 1 }
            if let position = names.firstIndex(of: token) { return position }
            guard appearing, names.count < n else { return nil }
            names.append(token)
            return names.count - 1
        }
        switch format {
        case "fullmatrix", "fm":
            var body = rows
            if embedded, let header = body.first {
                let columnLabels = splitLabels(header.1)
                guard columnLabels.count == n else { return failure(header.0, "\(columnLabels.count) étiquettes de colonnes pour N=\(n)", "\(columnLabels.count) column labels for N=\(n)") }
                names = columnLabels
                body.removeFirst()
            }
            let values = body.flatMap { row in splitLabels(row.1).map { ($0, row.0) } }
            let perRow = embedded ? n + 1 : n
            guard values.count == perRow * n else { return failure(body.last?.0 ?? dataLine, "\(values.count) valeurs pour une matrice \(n) × \(n)", "\(values.count) values for a \(n) × \(n) matrix") }
            for i in 0..<n {
                for j in 0..<n {
                    let (token, line) = values[i * perRow + (embedded ? j + 1 : j)]
                    guard let value = Double(token.replacingOccurrences(of: ",", with: ".")) else { return failure(line, "valeur « \(token) » illisible", "unreadable value '\(token)'") }
                    if value != 0 { cells[[i, j]] = (value, line) }
                }
            }
        default:
            let nodeList = format.hasPrefix("n")
            for (line, text) in rows {
                let tokens = splitLabels(text)
                guard tokens.count >= 2, let i = vertex(tokens[0], line) else { return failure(line, "ligne illisible « \(text) »", "unreadable line '\(text)'") }
                if nodeList {
                    for token in tokens.dropFirst() {
                        guard let j = vertex(token, line) else { return failure(line, "sommet inconnu « \(token) »", "unknown vertex '\(token)'") }
                        cells[[i, j]] = (1, line)
                    }
                } else {
                    guard let j = vertex(tokens[1], line) else { return failure(line, "sommet inconnu « \(tokens[1]) »", "unknown vertex '\(tokens[1])'") }
                    let value = tokens.count > 2 ? Double(tokens[2]) : 1
                    guard let value else { return failure(line, "valeur « \(tokens[2]) » illisible", "unreadable value '\(tokens[2])'") }
                    if value != 0 { cells[[i, j]] = (value, line) }
                }
            }
        }
        // Vertices an edge list never named: numbered after the named ones.
        while names.count < n { names.append(String(names.count + 1)) }
        var graph = PropertyGraph()
        for name in names {
            graph.nodes.append(PropertyGraph.Element(id: name, properties: ["label": .string(name)], location: SourceLocation(file: path, line: first + 1, column: 1)))
        }
        let symmetric = cells.allSatisfy { key, cell in cells[[key[1], key[0]]]?.value == cell.value }
        for key in cells.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let (i, j) = (key[0], key[1])
            // A symmetric matrix: each pair once (its upper triangle); a diagonal cell is a self-tie (the model says so).
            guard let cell = cells[key], !(symmetric && i > j) else { continue }
            graph.edges.append(PropertyGraph.Edge(source: names[i], target: names[j], directed: !symmetric,
                                                  properties: ["weight": .double(cell.value)], location: SourceLocation(file: path, line: cell.line, column: 1)))
        }
        graph.nodeKeys = ["label"]
        graph.edgeKeys = ["weight"]
        return graph.network(options: options)
    }

    /// Labels or values separated by commas or blanks; quotes removed.
    static func splitLabels(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle(); continue }
            if !quoted && (character == "," || character == " " || character == "\t") {
                if !current.isEmpty { out.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
