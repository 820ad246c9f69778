import Foundation
import TaskaCore
import TaskaTestSupport
@testable import TaskaExtract

/// Paths and helpers shared by the Telegram reader tests.
enum TelegramTestSupport {
    static let fixtures = fixturePath("telegram")
    /// A shared reference sample (`../shared/formats/telegram/<name>`); nil when absent.
    static func sample(_ name: String) -> String? { sharedPath("formats/telegram/" + name) }

    /// A document as Decode leaves it: text set, bytes emptied.
    static func document(path: String, mediaType: String) throws -> SourceDocument {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var doc = SourceDocument(source: SourceInfo(path: path, bytes: data.count, sha256: "ab"), bytes: [])
        doc.text = String(decoding: data, as: UTF8.self)
        doc.mediaType = mediaType
        return doc
    }

    static func document(text: String, mediaType: String = "application/json", path: String = "result.json") -> SourceDocument {
        var doc = SourceDocument(source: SourceInfo(path: path, bytes: text.utf8.count, sha256: "ab"), bytes: [])
        doc.text = text
        doc.mediaType = mediaType
        return doc
    }

    /// Runs the Extract stage (the whole reader cascade) and collects what it emits.
    static func extract(_ doc: SourceDocument) throws -> [SourceDocument] {
        var out: [SourceDocument] = []
        try ExtractStage().process(doc) { out.append($0) }
        return out
    }

    static func extract(file path: String, mediaType: String) throws -> [SourceDocument] {
        try extract(try document(path: path, mediaType: mediaType))
    }

    /// The message text as the blocks give it (lines joined by `\n`).
    static func text(_ doc: SourceDocument) -> String {
        doc.blocks.map(\.text).joined(separator: "\n")
    }

    static func warning(_ docs: [SourceDocument], _ code: String) -> DocumentWarning? {
        docs.flatMap(\.warnings).first { $0.code == code }
    }
}
