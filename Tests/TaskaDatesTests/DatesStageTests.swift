import Testing
import TaskaCore
@testable import TaskaDates

/// The stage fills `dates`, warns, and fills `metadata.published` only when asked.
@Suite struct DatesStageTests {
    func document(_ text: String, published: String? = nil) -> SourceDocument {
        var d = SourceDocument(source: SourceInfo(path: "t.txt", bytes: 0, sha256: "00"), bytes: [])
        d.normalized = NormalizedText(text: text, searchKey: text.lowercased(), direction: .ltr, scripts: [], paragraphs: [])
        d.metadata.published = published
        return d
    }

    func run(_ options: DatesOptions, _ document: SourceDocument) throws -> SourceDocument {
        var out: [SourceDocument] = []
        try DatesStage(options: options).process(document) { out.append($0) }
        #expect(out.count == 1)
        return out[0]
    }

    @Test func listsMentionsAndWarnsOnDisagreement() throws {
        let doc = try run(DatesOptions(), document("في ١٥ رمضان ١٤٤٣هـ الموافق ١٨ أبريل ٢٠٢٢م، عقد الاجتماع."))
        #expect(doc.dates.map(\.calendar) == ["islamic-umalqura", "gregorian"])
        #expect(doc.warnings.map(\.code) == ["dual-date-disagrees"])
        #expect(doc.metadata.published == nil)
    }

    @Test func fillsPublishedOnlyWhenAskedAndMissing() throws {
        let text = "Maiduguri, 12 March 2024 - The council met on 14 March 2024."
        let filled = try run(DatesOptions(fillPublished: true), document(text))
        #expect(filled.metadata.published == "2024-03-12" && filled.metadata.publishedFrom == "dates")
        let kept = try run(DatesOptions(fillPublished: true), document(text, published: "2024-03-10"))
        #expect(kept.metadata.published == "2024-03-10" && kept.metadata.publishedFrom == nil)
        #expect(try run(DatesOptions(), document(text)).metadata.published == nil)
        let far = try run(DatesOptions(fillPublished: true, publishedWindow: 5), document(text))
        #expect(far.metadata.published == nil)
    }

    @Test func offLeavesTheDocumentAlone() throws {
        let doc = try run(DatesOptions(find: false), document("On 7 March 2022 they met."))
        #expect(doc.dates.isEmpty && doc.warnings.isEmpty)
    }
}
