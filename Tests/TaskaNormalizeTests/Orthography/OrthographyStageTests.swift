import Testing
import TaskaCore
@testable import TaskaNormalize

@Suite struct OrthographyStageTests {
    /// Normalize without its own folds, then segments as Detect would set them.
    static func document(_ text: String, _ segments: [(Int, Int, String)]) throws -> SourceDocument {
        var doc = try runStage(makeDocument(text: text), options: NormalizeOptions(orthographyFolds: false))
        doc.segments = segments.map { Segment(start: $0.0, end: $0.1, language: $0.2, script: "Latn", confidence: 0.99) }
        return doc
    }

    static func run(_ doc: SourceDocument) throws -> SourceDocument {
        var out: [SourceDocument] = []
        try OrthographyStage().process(doc) { out.append($0) }
        return out[0]
    }

    @Test func nameAndConfiguration() {
        #expect(OrthographyStage().name == "orthography")
        #expect(OrthographyStage().configuration == "languages=ha,knc")
    }

    @Test func foldsOnlyHausaSegmentsAndRemapsOffsets() throws {
        // Paragraph 1 is Hausa (0..<33), paragraph 2 English (34..<52).
        let text = "Gwamnatin k'asar ta ce 'yan b'ata\n\nThe d'ata is k'ool"
        let doc = try Self.document(text, [(0, 33, "ha"), (34, 52, "en")])
        let before = try #require(doc.normalized)
        #expect(before.paragraphs.map(\.start) == [0, 34])
        let out = try Self.run(doc)
        let n = try #require(out.normalized)
        #expect(n.text == "Gwamnatin ƙasar ta ce ʼyan ɓata\nThe d'ata is k'ool")
        // Two apostrophes dropped inside the Hausa segment: everything after moves by 2.
        #expect(n.paragraphs.map(\.start) == [0, 32])
        #expect(n.paragraphs.map(\.end) == [31, 50])
        #expect(out.segments?.map(\.start) == [0, 32])
        #expect(out.segments?.map(\.end) == [31, 50])
        #expect(scalarSlice(n.text, 32, 50) == "The d'ata is k'ool")
        #expect(n.searchKey != before.searchKey)
        #expect(out.warnings.contains { $0.stage == "orthography" && $0.code == "hausa-letters-folded" && $0.count == 3 })
        // Folded text folds to itself.
        let again = try Self.run(out)
        #expect(again.normalized == n)
    }

    @Test func withoutSegmentsNothingChanges() throws {
        var doc = try Self.document("Gwamnatin k'asar ta ce", [])
        doc.segments = nil
        let out = try Self.run(doc)
        #expect(out.normalized == doc.normalized)
    }
}
