// swift-tools-version: 6.1
// Taska's libFuzzer targets: a nested package, so the main package's `swift build` and
// `swift test` never compile or link them. Built and run by `scripts/fuzz TARGET SECONDS`.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder ("main", "wt-fuzz", …): the parent folder.
let taska = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let fuzzTargets = ["FuzzDecode", "FuzzHTML", "FuzzXML", "FuzzTelegramJSON", "FuzzWARC", "FuzzNormalize", "FuzzPDF", "FuzzImage", "FuzzContainers", "FuzzDOCX"]

let package = Package(
    name: "TaskaFuzz",
    platforms: [.macOS(.v13)],
    products: fuzzTargets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(path: "..")],
    targets: [
        // The pipeline slices the fuzz targets run (importing the parent's modules through TaskaIngest).
        .target(name: "FuzzSupport", dependencies: [.product(name: "TaskaIngest", package: taska)]),
    ] + fuzzTargets.map { .executableTarget(name: $0, dependencies: ["FuzzSupport"]) }
)
