import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaExtract

/// Runners for the WARC, feed, TEI and XML tests (paths: `TaskaTestSupport`).
enum ContainerTestSupport {
    /// A document for `bytes` as the reader makes it (whole file in memory).
    static func document(_ bytes: [UInt8], path: String = "test") -> SourceDocument {
        SourceDocument(source: SourceInfo(path: path, bytes: bytes.count, sha256: "00"), bytes: bytes)
    }

    /// Runs the Unpack stage alone through a pipeline, so per-record failures show as failures.
    static func unpack(_ document: SourceDocument, options: UnpackOptions = UnpackOptions()) throws -> [Pipeline.Output] {
        try Pipeline(name: "t", version: "0", stages: [UnpackStage(options: options)]).collect(document)
    }

    static func unpack(file path: String) throws -> [Pipeline.Output] {
        try unpack(document(try fileBytes(path), path: path))
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
