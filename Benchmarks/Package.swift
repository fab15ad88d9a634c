// swift-tools-version: 6.1
// Benchmarks of the CoopGraph engine, separate from the main package (as apple/swift-nio's Benchmarks/).
// Run: cd Benchmarks && swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
    name: "ptce-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ptce", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Centrality",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CoopGraph", package: "ptce"),
            ],
            path: "Benchmarks/Centrality",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
