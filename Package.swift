// swift-tools-version: 6.1
// Taska: scraped documents in Hausa, Kanuri, Arabic and English -> clean, tagged records.
import PackageDescription

let package = Package(
    name: "Taska",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "taska", targets: ["taska"]),
        .library(name: "TaskaCore", targets: ["TaskaCore"]),
        .library(name: "TaskaIngest", targets: ["TaskaIngest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        // SHA-256/512 of every byte read (BoringSSL's assembly; already in the graph via Hummingbird's tests).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
    ],
    targets: [
        // C boundary to ICU: the only code that includes unicode/*.h. Its public header is ICU-free.
        .target(
            name: "CICUShim",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
            ]
        ),
        // C boundary to libxml2 (see Sources/CLibXML2/shim.h for the ICU clash fix).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // C boundary to the system zlib (gzip and WARC.gz streaming; see Sources/CZlib/shim.h).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // C boundary to poppler's GLib API and cairo: PDF text, layout boxes, metadata, page
        // rendering (see Sources/CPoppler/shim.h). Only TaskaPDF/Poppler/ imports it.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // C boundary to Tesseract's C API and leptonica, loaded with dlopen on first use: OCR of
        // page images (see Sources/CTesseract/include/CTesseract.h). Only TaskaOCR/Tesseract/ imports it.
        .target(name: "CTesseract"),
        // poppler's C++ text API (every word of a page with character boxes) behind C functions
        // (see Sources/CPopplerText/include/CPopplerText.h).
        .target(name: "CPopplerText", linkerSettings: [.linkedLibrary("poppler-cpp")]),
        // C boundary to libarchive (ZIP, TAR, 7z, RAR and their compression filters; see Sources/CArchive/shim.h).
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        // A software prefetch for the language model's scorer (see Sources/CPrefetch/include/CPrefetch.h).
        .target(name: "CPrefetch"),
        // glibc's mallopt, which Swift's Glibc module does not import (Sources/CAllocator/include/CAllocator.h).
        .target(name: "CAllocator"),
        .target(name: "TaskaCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TaskaDecode", dependencies: ["TaskaCore", "CICUShim"]),
        .target(name: "TaskaNormalize", dependencies: ["TaskaCore", "CICUShim"]),
        .target(name: "TaskaExtract", dependencies: ["TaskaCore", "CLibXML2", "CZlib"]),
        // OCR: images and rendered pages -> lines with boxes and word confidences (Tesseract).
        .target(name: "TaskaOCR", dependencies: ["TaskaCore", "CTesseract"]),
        // PDF: text layer in reading order, running headers/footers removed, OCR where needed.
        .target(name: "TaskaPDF", dependencies: ["TaskaCore", "TaskaOCR", "CPoppler", "CPopplerText"], resources: [.copy("Resources/ligatures.bin")]),
        // Containers (ZIP, TAR, 7z, RAR) opened member by member through libarchive.
        .target(name: "TaskaContainers", dependencies: ["TaskaCore", "CArchive"]),
        // Language identification; the model ships as a resource (Resources/langid.bin).
        .target(
            name: "TaskaDetect",
            dependencies: ["TaskaCore", "CICUShim", "CPrefetch"],
            resources: [.copy("Resources/langid.bin")]
        ),
        // Hausa hooked-letter restoration; the model ships as a resource (Resources/hooks.bin).
        .target(name: "TaskaRestore", dependencies: ["TaskaCore"], resources: [.copy("Resources/hooks.bin")]),
        // Date mentions in any calendar; Hijri through Foundation's Calendar (ICU underneath).
        .target(name: "TaskaDates", dependencies: ["TaskaCore"]),
        // Traces: phones, e-mail, URLs, Telegram links and handles, hashtags, wallet addresses
        // (checksums through TaskaCore's SHA-256 and a small Keccak-256 of its own).
        .target(name: "TaskaTraces", dependencies: ["TaskaCore"]),
        // Repost clusters: the stage that sketches texts (MinHash LSH over TaskaCore's
        // RepostFingerprint); the archive verifies candidates with the same fingerprint.
        .target(name: "TaskaReposts", dependencies: ["TaskaCore"]),
        .target(name: "TaskaStore", dependencies: ["TaskaCore", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]),
        // Sinks and exports: JSON Lines, originals, BagIt with PREMIS.
        .target(name: "TaskaExport", dependencies: ["TaskaCore", "TaskaStore"]),
        .target(
            name: "TaskaIngest",
            dependencies: ["TaskaCore", "TaskaContainers", "TaskaDecode", "TaskaExtract", "TaskaPDF", "TaskaOCR", "TaskaNormalize", "TaskaDetect", "TaskaRestore", "TaskaDates", "TaskaTraces", "TaskaReposts", "TaskaStore", .product(name: "Yams", package: "Yams")],
            // Copies of Pipelines/*.yaml (the built-in pipelines); a test keeps them equal.
            resources: [.copy("Resources/Pipelines")]
        ),
        // Query folding, ranking and snippets over the archive; folds through `SearchKeyFolding`.
        .target(name: "TaskaSearch", dependencies: ["TaskaCore", "TaskaStore"]),
        .target(
            name: "TaskaServe",
            dependencies: [
                "TaskaCore", "TaskaStore", "TaskaSearch",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(name: "TaskaWatch", dependencies: ["TaskaCore", "TaskaIngest", "TaskaExport", "TaskaStore"]),
        .executableTarget(
            name: "taska",
            dependencies: [
                "TaskaIngest", "TaskaCore", "TaskaNormalize", "TaskaDetect", "TaskaRestore", "TaskaDates", "TaskaTraces", "TaskaReposts", "TaskaStore", "TaskaSearch", "TaskaExport", "TaskaWatch", "TaskaServe", "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers every test target shares (package root, fixture and ../shared paths, temporary
        // folders); a plain target under Tests/, linked only into test bundles, never a product.
        .target(name: "TaskaTestSupport", path: "Tests/TaskaTestSupport"),
        .testTarget(name: "TaskaCoreTests", dependencies: ["TaskaCore", "TaskaTestSupport"]),
        .testTarget(name: "TaskaDecodeTests", dependencies: ["TaskaDecode", "TaskaCore", "TaskaTestSupport"]),
        .testTarget(name: "TaskaNormalizeTests", dependencies: ["TaskaNormalize", "TaskaCore"]),
        // extraction-floors.json is read by path beside its test, not as a bundle resource.
        .testTarget(name: "TaskaContainersTests", dependencies: ["TaskaContainers", "TaskaCore", "TaskaTestSupport"]),
        .testTarget(name: "TaskaExtractTests", dependencies: ["TaskaExtract", "TaskaCore", "TaskaTestSupport"],
                    exclude: ["HTML/extraction-floors.json"]),
        .testTarget(name: "TaskaOCRTests", dependencies: ["TaskaOCR", "TaskaCore", "TaskaTestSupport"]),
        .testTarget(name: "TaskaPDFTests", dependencies: ["TaskaPDF", "TaskaOCR", "TaskaCore", "TaskaTestSupport"]),
        .testTarget(name: "TaskaStoreTests", dependencies: ["TaskaStore", "TaskaReposts", "TaskaCore", "TaskaTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TaskaDetectTests", dependencies: ["TaskaDetect", "TaskaCore", "TaskaTestSupport"]),
        .testTarget(name: "TaskaRestoreTests", dependencies: ["TaskaRestore", "TaskaCore", "TaskaTestSupport"]),
        .testTarget(name: "TaskaDatesTests", dependencies: ["TaskaDates", "TaskaCore", "TaskaTestSupport"]),
        // traces/ holds the dev set (dev.jsonl and its README), read by path like the fixtures.
        .testTarget(name: "TaskaTracesTests", dependencies: ["TaskaTraces", "TaskaCore", "TaskaTestSupport"], exclude: ["traces"]),
        .testTarget(name: "TaskaRepostsTests", dependencies: ["TaskaReposts", "TaskaCore", "TaskaTestSupport"]),
        .testTarget(name: "TaskaWatchTests", dependencies: ["TaskaWatch", "TaskaIngest", "TaskaStore", "TaskaCore", "TaskaTestSupport"]),
        .testTarget(
            name: "TaskaServeTests",
            dependencies: ["TaskaServe", "TaskaSearch", "TaskaStore", "TaskaIngest", "TaskaNormalize", "TaskaCore", "TaskaTestSupport",
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
        .testTarget(name: "TaskaIngestTests", dependencies: ["TaskaIngest", "TaskaDetect", "TaskaExport", "TaskaCore", "TaskaStore", "TaskaTestSupport"]),
        .testTarget(name: "taskaCLITests", dependencies: ["taska", "TaskaTestSupport"]),
    ]
)
