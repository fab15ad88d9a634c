import Foundation

/// The one JSON encoder set-up of every file and report ptce writes: indented, keys sorted (the same value always
/// gives the same bytes), slashes unescaped, snake_case keys for ptce's own reports (`largest_component`), and never a
/// NaN or an infinity written as a number (encoding fails instead: undefined values are encoded as null upstream).
package enum JSONOutput {
    package static func encoder(snakeCaseKeys: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        encoder.nonConformingFloatEncodingStrategy = .throw
        return encoder
    }
}
