// swift-tools-version: 6.1
// Taska's benchmarks (ordo-one/benchmark), in a package of their own so that `swift test` of the
// main package never builds them. Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "TaskaBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Taska", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "TaskaBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TaskaCore", package: "Taska"),
                .product(name: "TaskaIngest", package: "Taska"),
            ],
            path: "TaskaBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
