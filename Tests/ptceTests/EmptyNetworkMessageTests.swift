import Foundation
import Testing

/// Issue 22: an empty network is said to be empty; only the filters given are named when they leave no actor.
struct EmptyNetworkMessageTests {
    @Test func emptyFileAndEmptyFilterAreToldApart() throws {
        let folder = try HostileInputTests.folder(["edges.csv": "source,target\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try EndToEndTests.ptce(["centrality", folder.appendingPathComponent("edges.csv").path, "--lang", "en"])
        #expect(empty.status == 65)
        #expect(empty.stderr.hasSuffix("edges.csv: error: the network has no actor (an empty file?)\n"), "\(empty.stderr)")
        let filtered = try EndToEndTests.ptce(["centrality", "Datasets/coorace", "--families", "citizen", "--lang", "en"])
        #expect(filtered.status == 65)
        #expect(filtered.stderr == "Datasets/coorace: error: no actor passes the filters --families\n", "\(filtered.stderr)")
    }
}
