import Foundation
import TaskaCore
import TaskaTestSupport
@testable import TaskaDecode

/// Paths and helpers shared by the Decode tests.
enum Fixtures {
    /// `../shared/formats/legacy-encodings`; nil when absent.
    static let legacyDirectory = sharedPath("formats/legacy-encodings")

    /// `../shared/formats/feeds`; nil when absent.
    static let feedsDirectory = sharedPath("formats/feeds")

    /// Whether the shared legacy samples are present.
    static var hasLegacySamples: Bool { legacyDirectory != nil }
    static var hasFeedSamples: Bool { feedsDirectory != nil }

    static func legacy(_ name: String) throws -> [UInt8] {
        guard let legacyDirectory else { throw FixtureError.absent("../shared/formats/legacy-encodings") }
        return try fileBytes(legacyDirectory + "/" + name)
    }

    static func feed(_ name: String) throws -> [UInt8] {
        guard let feedsDirectory else { throw FixtureError.absent("../shared/formats/feeds") }
        return try fileBytes(feedsDirectory + "/" + name)
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

    enum FixtureError: Error { case outputs(Int), absent(String) }
}
