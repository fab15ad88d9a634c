// swift-tools-version: 6.0
// libFuzzer targets, one per reader of ptce (built with -sanitize=fuzzer,address by `make fuzz`; see README.md).
import PackageDescription

let readers = ["csv-folder", "network-json", "graphml", "gexf", "node-link", "pajek", "dot", "edge-list", "workbook", "gml", "ucinet-dl", "gdf"]

let package = Package(
    name: "ptce-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "ptce", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "PTCEKit", package: "ptce"),
            .product(name: "PTCERender", package: "ptce"),
        ]),
    ] + readers.map { reader in
        .executableTarget(
            name: "fuzz-\(reader)",
            dependencies: ["FuzzSupport"],
            path: "Sources/Targets/\(reader)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
