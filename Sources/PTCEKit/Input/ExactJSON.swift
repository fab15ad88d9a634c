import Foundation

/// JSON decoded with numbers exact to the last digit.
///
/// swift-corelibs-foundation's `JSONSerialization` rounds some long decimals wrongly (`22.304496200000003` reads
/// as `22.30449620000001`); `JSONDecoder` parses them correctly. This decodes a document with `JSONDecoder` and
/// returns the same `Any` tree `JSONSerialization` would (dictionaries, arrays, `String`, `NSNumber`, `NSNull`), so
/// readers keep one code path. Syntax errors are still found (and located) by `JSONSerialization` first.
enum ExactJSON {
    static func object(with data: Data) throws -> Any {
        try JSONDecoder().decode(Node.self, from: data).value
    }

    private struct Node: Decodable {
        let value: Any

        init(from decoder: Decoder) throws {
            if var array = try? decoder.unkeyedContainer() {
                var items: [Any] = []
                while !array.isAtEnd { items.append(try array.decode(Node.self).value) }
                value = items
                return
            }
            if let object = try? decoder.container(keyedBy: Key.self) {
                var items: [String: Any] = [:]
                for key in object.allKeys { items[key.stringValue] = try object.decode(Node.self, forKey: key).value }
                value = items
                return
            }
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { value = NSNull() }
            else if let flag = try? single.decode(Bool.self) { value = NSNumber(value: flag) }
            else if let integer = try? single.decode(Int64.self) { value = NSNumber(value: integer) }
            else if let number = try? single.decode(Double.self) { value = NSNumber(value: number) }
            else { value = try single.decode(String.self) }
        }
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}
