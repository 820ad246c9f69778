import Testing
@testable import TaskaCore

@Suite struct PageInfoTests {
    private let pipeline = Pipeline(name: "communiques", version: "0.1.0", stages: [])

    /// Three pages; the middle one gave no text. Paragraphs: page 1 twice, page 3 once.
    private func normalized() -> NormalizedText {
        NormalizedText(text: "Sanarwa\nKasuwa ta koma\nNa gode", searchKey: "", direction: .ltr, scripts: [],
                       paragraphs: [Paragraph(start: 0, end: 7, direction: .ltr, script: "Latn"),
                                    Paragraph(start: 8, end: 22, direction: .ltr, script: "Latn"),
                                    Paragraph(start: 23, end: 30, direction: .ltr, script: "Latn")],
                       paragraphPages: [1, 1, 3])
    }

    @Test func pagesAreSpannedByTheirParagraphsAndAnEmptyPageSitsWhereTheNextBegins() {
        let pages = [PageInfo(number: 1, source: .text), PageInfo(number: 2, source: .ocr, ocrConfidence: 0.4),
                     PageInfo(number: 3, source: .text)].placed(in: normalized())
        #expect(pages.map { [$0.start, $0.end] } == [[0, 22], [23, 23], [23, 30]])
        #expect(pages[1].source == .ocr && pages[1].ocrConfidence == 0.4)
    }

    @Test func recordsWritePagesAfterParagraphsOnlyForPagedSources() {
        var doc = SourceDocument(source: SourceInfo(path: "a.pdf", bytes: 10, sha256: "ff00"), bytes: [])
        doc.normalized = normalized()
        let plain = Record(document: doc, pipeline: pipeline, ingestedAt: Timestamp(seconds: 0))
        #expect(plain.json["pages"] == nil)
        #expect(plain.json["metadata"]?["producer"] == nil && plain.json["metadata"]?["created"] == nil)

        doc.pages = [PageInfo(number: 1, start: 0, end: 22, source: .text), PageInfo(number: 2, start: 23, end: 30, source: .ocr, ocrConfidence: 0.91234)]
        doc.metadata.created = "2025-01-01T00:00:00Z"
        doc.metadata.producer = "Skia/PDF m156"
        let paged = Record(document: doc, pipeline: pipeline, ingestedAt: Timestamp(seconds: 0))
        guard case let .object(pairs) = paged.json else { Issue.record("not an object"); return }
        let keys = pairs.map(\.0)
        #expect(keys.firstIndex(of: "pages") == keys.firstIndex(of: "paragraphs").map { $0 + 1 })
        guard case let .array(items)? = paged.json["pages"], items.count == 2 else { Issue.record("no pages array"); return }
        #expect(items[1]["source"] == .string("ocr"))
        #expect(items[1]["ocrConfidence"] == .double(0.9123))
        #expect(items[0]["ocrConfidence"] == nil)
        #expect(paged.json["metadata"]?["producer"] == .string("Skia/PDF m156"))
    }
}
