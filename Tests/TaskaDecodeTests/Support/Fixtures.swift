import Foundation
import TaskaCore
@testable import TaskaDecode

/// Paths and helpers shared by the Decode tests.
enum Fixtures {
    /// The package root: Tests/TaskaDecodeTests/Support/Fixtures.swift -> up 4 levels.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `<root>/../shared/formats/legacy-encodings`.
    static let legacyDirectory = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/formats/legacy-encodings")

    /// `<root>/../shared/formats/feeds`.
    static let feedsDirectory = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/formats/feeds")

    /// Whether the shared legacy samples are present.
    static var hasLegacySamples: Bool { FileManager.default.fileExists(atPath: legacyDirectory.path) }
    static var hasFeedSamples: Bool { FileManager.default.fileExists(atPath: feedsDirectory.path) }

    static func legacy(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: legacyDirectory.appendingPathComponent(name)))
    }

    static func feed(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: feedsDirectory.appendingPathComponent(name)))
    }

    /// A source document for `bytes` at `path`.
    static func document(_ bytes: [UInt8], path: String = "input.txt", mediaType: String? = nil) -> SourceDocument {
        SourceDocument(source: SourceInfo(path: path, bytes: bytes.count, sha256: String(repeating: "0", count: 64)),
                       bytes: bytes, mediaType: mediaType)
    }

    /// Runs the Decode stage on one document and returns the single output.
    static func decode(_ bytes: [UInt8], path: String = "input.txt", mediaType: String? = nil,
                       transport: String? = nil, options: DecodeOptions = DecodeOptions()) throws -> SourceDocument {
        var doc = document(bytes, path: path, mediaType: mediaType)
        doc.transportCharset = transport
        var out: [SourceDocument] = []
        try DecodeStage(options: options).process(doc) { out.append($0) }
        guard out.count == 1 else { throw FixtureError.outputs(out.count) }
        return out[0]
    }

    /// Encodes `text` with ICU in `charset` (for building legacy inputs).
    static func encode(_ text: String, _ charset: String) throws -> [UInt8] {
        try ICUConverter(charset: charset).encode(text).bytes
    }

    /// How often `needle` occurs in `text`.
    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    enum FixtureError: Error { case outputs(Int) }
}
