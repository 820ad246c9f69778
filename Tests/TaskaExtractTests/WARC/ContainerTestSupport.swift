import Foundation
import Testing
import TaskaCore
@testable import TaskaExtract

/// Paths and runners for the WARC, feed, TEI and XML tests.
enum ContainerTestSupport {
    /// The package root, from this file's path (Tests/TaskaExtractTests/WARC/…).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The shared reference samples (`../shared/formats/<kind>`); nil when absent.
    static func samples(_ kind: String) -> String? {
        let dir = packageRoot + "/../shared/formats/" + kind
        return FileManager.default.fileExists(atPath: dir) ? dir : nil
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A document for `bytes` as the reader makes it (whole file in memory).
    static func document(_ bytes: [UInt8], path: String = "test") -> SourceDocument {
        SourceDocument(source: SourceInfo(path: path, bytes: bytes.count, sha256: "00"), bytes: bytes)
    }

    /// Runs the Unpack stage alone through a pipeline, so per-record failures show as failures.
    static func unpack(_ document: SourceDocument, options: UnpackOptions = UnpackOptions()) throws -> [Pipeline.Output] {
        try Pipeline(name: "t", version: "0", stages: [UnpackStage(options: options)]).collect(document)
    }

    static func unpack(file path: String) throws -> [Pipeline.Output] {
        try unpack(document(try bytes(path), path: path))
    }

    /// Runs Extract on decoded text with a media type.
    static func extract(_ text: String, mediaType: String, path: String = "t") throws -> [SourceDocument] {
        var doc = SourceDocument(source: SourceInfo(path: path, bytes: text.utf8.count, sha256: "00"), bytes: [])
        doc.text = text
        doc.mediaType = mediaType
        var out: [SourceDocument] = []
        try ExtractStage().process(doc) { out.append($0) }
        return out
    }
}

extension Pipeline.Output {
    var document: SourceDocument {
        switch self {
        case let .document(d): return d
        case let .failure(d, _): return d
        }
    }

    var failure: StageFailure? {
        if case let .failure(_, f) = self { return f }
        return nil
    }
}
