// swift-tools-version: 6.0
// An example of ptce used as a library: the package depends on ptce by path, as another project would by URL.
// Build and run: `cd Examples && swift run GettingStarted` (make example; CI builds it).
import PackageDescription

let package = Package(
    name: "ptce-examples",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "ptce", path: "..")],
    targets: [
        .executableTarget(name: "GettingStarted", dependencies: [
            .product(name: "CoopGraph", package: "ptce"),
            .product(name: "PTCEKit", package: "ptce"),
            .product(name: "PTCERender", package: "ptce"),
        ]),
    ]
)
