// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ptce",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ptce", targets: ["ptce"]),
        .library(name: "CoopGraph", targets: ["CoopGraph"]),
        .library(name: "PTCEKit", targets: ["PTCEKit"]),
        .library(name: "PTCERender", targets: ["PTCERender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // `swift package generate-documentation` (make docs): the DocC catalogs of CoopGraph and PTCEKit.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Domain-free graph engine: CSR storage and network-analysis algorithms.
        .target(name: "CoopGraph"),
        // The PTCE domain: model, taxonomy, input, validation, analyses.
        .target(
            name: "PTCEKit",
            dependencies: ["CoopGraph", "CInflate", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Resources/taxonomy.json"), .copy("Resources/departements.json"), .copy("Resources/places.tsv")]
        ),
        // zlib's inflate, for reading workbooks (ZIPFoundation writes them; see Workbook.swift for why it does not read).
        .systemLibrary(name: "CInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libxml2's xmlTextWriter: the workbook's sheets streamed (a tree of 500,000 cells took gigabytes).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libgvc / libcgraph from Debian's libgraphviz-dev, found through pkg-config.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Rendering (Graphviz, in-process) and reports.
        .target(name: "PTCERender", dependencies: ["PTCEKit", "CoopGraph", "CGraphviz"]),
        // The HTML report: Plot builds and escapes the page; swift-crypto hashes its script for the CSP.
        .target(name: "PTCEReport", dependencies: [
            "PTCEKit", "CoopGraph",
            .product(name: "Plot", package: "Plot"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The command-line tool: a thin shell over the libraries.
        .executableTarget(
            name: "ptce",
            dependencies: [
                "PTCEKit", "CoopGraph", "PTCERender", "PTCEReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CoopGraphTests", dependencies: ["CoopGraph"], exclude: ["Fixtures"]),
        .testTarget(name: "PTCEKitTests", dependencies: ["PTCEKit", "CoopGraph"], exclude: ["Fixtures"]),
        .testTarget(name: "PTCERenderTests", dependencies: ["PTCERender", "PTCEKit"], exclude: ["Snapshots", "Fixtures"]),
        .testTarget(name: "PTCEReportTests", dependencies: ["PTCEReport", "PTCEKit"]),
        .testTarget(name: "ptceTests", dependencies: ["PTCEKit"], exclude: ["Fixtures"]),
    ]
)
