import Foundation
@testable import PTCEKit

/// Paths of the repository, found from this file (tests need no bundle resources).
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static func fixture(_ relative: String) -> String { path("Tests/PTCEKitTests/Fixtures/" + relative) }
}

/// Reading options fixed in time, so that "future date" warnings do not change with the calendar.
let testOptions = LoadOptions(today: PartialDate(year: 2026, month: 11, day: 23))

func load(_ path: String, keepTies: Bool = true) -> LoadResult {
    var options = testOptions
    options.keepTies = keepTies
    return NetworkLoader.load(path: path, options: options)
}
