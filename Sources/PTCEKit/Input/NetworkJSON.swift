import Foundation

/// The single-file form of a network: one JSON object with `actors`, `groups`, `memberships` and `ties` arrays whose
/// objects use the same keys as the CSV columns (`id`, `name`, `kind`, `creation_year`, `source`, `target`, `since`…),
/// plus `attributes` (an object of free text values). Described by `docs/network.schema.json`.
///
/// Foundation's `JSONSerialization` parses the text; positions for messages come from a scan of where each record
/// of the four arrays starts, so a problem in the 12th tie points to that tie's line.
public enum NetworkJSON {
    /// Reads a network JSON file (`docs/network.schema.json`), every problem located.
    public static func load(path: String, options: LoadOptions) -> LoadResult {
        let builder = NetworkBuilder(options: options)
        let start = SourceLocation(file: path, line: 1, column: 1)
        let data: Data
        do { data = try InputFile.read(path) } catch {
            builder.diagnostics.append(error.diagnostic)
            return builder.result()
        }
        if data.isEmpty {
            builder.diagnostics.append(Diagnostic(.error, start, code: "empty-file",
                Localized(fr: "le fichier est vide", en: "the file is empty"),
                hint: Localized(fr: "un réseau JSON est un objet : {\"actors\": [...], \"ties\": [...]}",
                                en: "a network JSON is an object: {\"actors\": [...], \"ties\": [...]}")))
            return builder.result()
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            builder.diagnostics.append(Diagnostic(.error, malformedLocation(error, data: data, file: path), code: "malformed-json",
                Localized(fr: "JSON mal formé", en: "malformed JSON"),
                hint: Localized(fr: "vérifiez virgules, guillemets et accolades autour de cette position (\(String(describing: (error as NSError).userInfo["NSDebugDescription"] ?? "")))",
                                en: "check commas, quotes and braces around this position (\(String(describing: (error as NSError).userInfo["NSDebugDescription"] ?? "")))")))
            return builder.result()
        }
        let exact = (try? ExactJSON.object(with: data)) ?? object
        guard let root = exact as? [String: Any] else {
            builder.diagnostics.append(Diagnostic(.error, start, code: "json-shape",
                Localized(fr: "le JSON doit être un objet avec les clés actors et ties", en: "the JSON must be an object with keys actors and ties")))
            return builder.result()
        }
        if NodeLinkJSON.looksLikeNodeLink(root) { return NodeLinkJSON.load(root: root, data: data, path: path, options: options) }
        let positions = RecordPositions(data: data)
        builder.network.title = root["title"] as? String
        builder.network.source = root["source"] as? String
        builder.network.synthetic = root["synthetic"] as? Bool ?? false
        let sections: [(String, Bool, (RecordSource) -> Void)] = [
            ("actors", true, builder.addActor), ("groups", false, builder.addGroup),
            ("memberships", false, builder.addMembership), ("ties", true, builder.addTie),
        ]
        for (key, required, add) in sections {
            guard let value = root[key] else {
                if required {
                    builder.diagnostics.append(Diagnostic(.error, start, code: "missing-section",
                        Localized(fr: "clé « \(key) » absente", en: "key '\(key)' is missing"),
                        hint: Localized(fr: "ajoutez \"\(key)\": [] même vide", en: "add \"\(key)\": [] even when empty")))
                }
                continue
            }
            guard let records = value as? [Any] else {
                builder.diagnostics.append(Diagnostic(.error, positions.location(of: key, index: nil, file: path), code: "json-shape",
                    Localized(fr: "« \(key) » doit être une liste", en: "'\(key)' must be an array")))
                continue
            }
            for (index, element) in records.enumerated() {
                let location = positions.location(of: key, index: index, file: path)
                guard let fields = element as? [String: Any] else {
                    builder.diagnostics.append(Diagnostic(.error, location, code: "json-shape",
                        Localized(fr: "chaque élément de « \(key) » doit être un objet", en: "each element of '\(key)' must be an object")))
                    continue
                }
                add(JSONRecord(fields: fields, location: location))
            }
        }
        builder.finish()
        return builder.result()
    }

    /// JSONSerialization on Linux reports "around line L, column C" or a character offset; either becomes a location.
    static func malformedLocation(_ error: Error, data: Data, file: String) -> SourceLocation {
        let text = String(describing: (error as NSError).userInfo["NSDebugDescription"] ?? "")
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if text.contains("line"), numbers.count >= 2 { return SourceLocation(file: file, line: numbers[0], column: numbers[1]) }
        if text.contains("character"), let offset = numbers.last {
            let positions = RecordPositions(data: data)
            return positions.location(atOffset: offset, file: file)
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }

    /// Encodes a network in the JSON form, keys sorted, so the same network always gives the same bytes.
    public static func encode(_ network: Network) throws -> Data {
        let encoder = JSONOutput.encoder(snakeCaseKeys: false)
        return try encoder.encode(Document(network))
    }

    /// The fields of each record under their CSV column names (shared with the interchange formats).
    static func fields(_ actor: Actor) -> [String: JSONValue] { Document.actor(actor) }
    static func fields(_ group: Group) -> [String: JSONValue] { Document.group(group) }
    static func fields(_ membership: Membership) -> [String: JSONValue] { Document.membership(membership) }
    static func fields(_ tie: Partnership) -> [String: JSONValue] { Document.tie(tie) }

    private struct Document: Encodable {
        let network: Network
        init(_ network: Network) { self.network = network }

        enum Keys: String, CodingKey { case title, source, synthetic, actors, groups, memberships, ties }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encodeIfPresent(network.title, forKey: .title)
            try container.encodeIfPresent(network.source, forKey: .source)
            if network.synthetic { try container.encode(true, forKey: .synthetic) }
            try container.encode(network.actors.map(Self.actor), forKey: .actors)
            try container.encode(network.groups.map(Self.group), forKey: .groups)
            try container.encode(network.memberships.map(Self.membership), forKey: .memberships)
            try container.encode(network.ties.map(Self.tie), forKey: .ties)
        }

        static func actor(_ a: Actor) -> [String: JSONValue] {
            compact([
                "id": .string(a.id), "name": .string(a.name), "kind": .string(a.kind), "department": a.department.map(JSONValue.string),
                "commune": a.commune.map(JSONValue.string), "region": a.region.map(JSONValue.string),
                "latitude": a.latitude.map(JSONValue.number), "longitude": a.longitude.map(JSONValue.number),
                "creation_year": a.creationYear.map { .number(Double($0)) }, "fte": a.fte.map(JSONValue.number),
                "revenue": a.revenue.map(JSONValue.number),
                "certifications": a.certifications.isEmpty ? nil : .array(a.certifications.map(JSONValue.string)),
                "website": a.website.map(JSONValue.string), "reference": a.reference.map(JSONValue.string),
                "notes": a.notes.map(JSONValue.string), "attributes": attributes(a.attributes),
            ])
        }

        static func group(_ g: Group) -> [String: JSONValue] {
            compact([
                "id": .string(g.id), "name": .string(g.name), "kind": .string(g.kind), "department": g.department.map(JSONValue.string),
                "commune": g.commune.map(JSONValue.string), "region": g.region.map(JSONValue.string),
                "creation_year": g.creationYear.map { .number(Double($0)) }, "reference": g.reference.map(JSONValue.string),
                "notes": g.notes.map(JSONValue.string), "attributes": attributes(g.attributes),
            ])
        }

        static func membership(_ m: Membership) -> [String: JSONValue] {
            compact([
                "group": .string(m.group), "member": .string(m.member), "role": .string(m.role),
                "since": m.since.map { .string($0.description) }, "until": m.until.map { .string($0.description) },
                "reference": m.reference.map(JSONValue.string), "notes": m.notes.map(JSONValue.string),
            ])
        }

        static func tie(_ t: Partnership) -> [String: JSONValue] {
            compact([
                "source": .string(t.source), "target": .string(t.target), "type": t.type.isEmpty ? nil : .string(t.type),
                "weight": .number(t.weight), "directed": t.directed ? .bool(true) : nil,
                "since": t.since.map { .string($0.description) }, "until": t.until.map { .string($0.description) },
                "reference": t.reference.map(JSONValue.string), "notes": t.notes.map(JSONValue.string),
                "attributes": attributes(t.attributes),
            ])
        }

        static func attributes(_ list: [Attribute]) -> JSONValue? {
            list.isEmpty ? nil : .object(Dictionary(list.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { a, _ in a }))
        }

        static func compact(_ values: [String: JSONValue?]) -> [String: JSONValue] { values.compactMapValues { $0 } }
    }
}

/// A JSON value for writing, numbers as JSON numbers (integers without a fraction).
enum JSONValue: Encodable {
    case string(String), number(Double), bool(Bool), array([JSONValue]), object([String: JSONValue])

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value):
            if value.isFinite, value == value.rounded(), abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// A record of a network JSON file seen through the CSV column names.
private struct JSONRecord: RecordSource {
    let fields: [String: Any]
    let location: SourceLocation
    var line: Int { location.line }

    func value(_ column: String) -> CSVField? {
        guard let raw = fields[column] else { return nil }
        let text: String
        switch raw {
        case let string as String: text = string
        case let array as [Any]: text = array.map { "\($0)" }.joined(separator: " | ")
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { text = number.boolValue ? "true" : "false" } else {
                let double = number.doubleValue
                text = double == double.rounded() && abs(double) < 1e15 ? String(Int64(double)) : "\(double)"
            }
        case is NSNull: return nil
        default: text = "\(raw)"
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : CSVField(text: trimmed, line: location.line, column: location.column)
    }

    func location(_ column: String) -> SourceLocation { location }

    var cells: [(text: String, location: SourceLocation)] {
        let texts = fields.values.compactMap { $0 as? String } + attributes.map(\.value) + attributes.map(\.name)
        return texts.sorted().map { ($0, location) }
    }

    var attributes: [Attribute] {
        guard let object = fields["attributes"] as? [String: Any] else { return [] }
        return object.map { Attribute(name: $0.key, value: "\($0.value)") }
    }
}

/// Where each element of the top-level arrays starts in a JSON text (a structural scan, not a parser).
struct RecordPositions {
    private var starts: [String: [Int]] = [:]
    private var keyOffsets: [String: Int] = [:]
    private var lineStarts: [Int] = [0]

    init(data: Data) {
        let bytes = [UInt8](data)
        var depth = 0, inString = false, escaped = false
        var stringStart = 0, lastKey = "", lastString = ""
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x0A { lineStarts.append(offset + 1) }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    lastString = String(decoding: bytes[(stringStart + 1)..<offset], as: UTF8.self)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                stringStart = offset
            case UInt8(ascii: ":"):
                if depth == 1 { lastKey = lastString; keyOffsets[lastKey] = stringStart }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 2 && byte == UInt8(ascii: "{") { starts[lastKey, default: []].append(offset) }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            default: break
            }
        }
    }

    func location(of key: String, index: Int?, file: String) -> SourceLocation {
        let offset = index.flatMap { i in starts[key].flatMap { i < $0.count ? $0[i] : nil } } ?? keyOffsets[key] ?? 0
        return location(atOffset: offset, file: file)
    }

    func location(atOffset offset: Int, file: String) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(file: file, line: low + 1, column: offset - lineStarts[low] + 1)
    }
}
