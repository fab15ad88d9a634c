import ArgumentParser
import CoopGraph
import PTCEKit
import PTCERender

/// Exit codes of ptce, from BSD's sysexits.h: the one table every command throws from.
enum Exit {
    /// A mistake on the command line (an unknown option or value, options that contradict each other).
    static let usage = ExitCode(64)
    /// The input data is invalid (every problem printed with its location).
    static let dataError = ExitCode(65)
    /// The input does not exist.
    static let noInput = ExitCode(66)
    /// A bug in ptce (Graphviz failed on a checked input, an output could not be encoded).
    static let software = ExitCode(70)
    /// An output cannot be written.
    static let cannotCreate = ExitCode(73)
}

/// A year given on the command line (`--at`): four digits, the same type for every command.
struct Year: Sendable, Equatable {
    var value: Int

    /// Parses `2017`; anything else fails with a usage error that says what is expected.
    static func parse(_ text: String) throws -> Year {
        guard text.count == 4, text.allSatisfy(\.isASCII), let value = Int(text) else {
            throw ValidationError("--at expects a four-digit year (for example --at 2017)")
        }
        return Year(value: value)
    }
}

// The enumerated options: their allowed values are listed in --help and checked by the parser (exit 64).
extension Language: ExpressibleByArgument {}
extension ViewKind: ExpressibleByArgument {}
extension WeightReading: ExpressibleByArgument {}
extension NetworkFormat: ExpressibleByArgument {}
extension CommunityDetection.Method: ExpressibleByArgument {}
extension LayoutEngine: ExpressibleByArgument {}
extension DiagramOptions.ColorBy: ExpressibleByArgument {}
extension DiagramOptions.Clusters: ExpressibleByArgument {}
extension DiagramOptions.Layout: ExpressibleByArgument {}
extension Paper: ExpressibleByArgument {}
extension Orientation: ExpressibleByArgument {}
extension DiagramFormat: ExpressibleByArgument {}
extension Metric: ExpressibleByArgument {}
extension LinkPrediction.Score: ExpressibleByArgument {}

extension DiagramView {
    /// Parses `--view`; fails with a usage error listing the forms a view takes.
    static func parseArgument(_ text: String) throws -> DiagramView {
        guard let view = DiagramView(parsing: text) else {
            throw ValidationError("a view is whole, ego:ID[:RADIUS], group:ID, aggregate:family|kind|region|department|group or core:K (in French: entier, ego:ID, groupe:ID, agrege:famille|nature|region|departement|groupe, coeur:K)")
        }
        return view
    }
}
extension RobustnessReport.Order: ExpressibleByArgument {}
