import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaIngest

/// Office documents end to end through the `communiques` pipeline: the hostile office files
/// of `scripts/make-office-fixtures.py` give their golden records (error records for what Taska
/// does not read; `TASKA_UPDATE_GOLDEN=1 swift test --filter FixtureTests` rewrites them), and
/// the good ones the text, direction and metadata a reader expects.
@Suite struct OfficeHostileFixtureTests {
    static var hostile: [String] { FixtureCatalog.documents(in: "office-hostile") }

    @Test(arguments: hostile)
    func recordMatchesGoldenFile(fixture: String) throws {
        let records = ingest(fixture: fixture)
        #expect(records.count == 1, "\(fixture): one record or error record")
        try FixtureTests.expectGolden(fixture, records)
    }

    @Test func eachHostileFileGivesItsOutcome() {
        func only(_ name: String) -> Record? { ingest(fixture: "Fixtures/office-hostile/\(name)").first }
        let refused: [(String, String, String)] = [
            ("workbook.xlsx", "unarchive", "an Excel workbook (XLSX)"),
            ("spreadsheet.ods", "unarchive", "an OpenDocument spreadsheet (ODS)"),
            ("legacy-word.doc", "unarchive", "legacy Office compound"),
            ("letter.rtf", "unarchive", "Rich Text Format (RTF)"),
            ("missing-document.docx", "unarchive", "without its word/document.xml"),
            ("bomb-part.docx", "unarchive", "more than 200 times its size"),
            ("drm.epub", "extract", "encrypted (DRM"),
        ]
        for (name, stage, phrase) in refused {
            let failure = only(name)?.failure
            #expect(failure?.stage == stage, "\(name): \(failure?.message ?? "no error")")
            #expect(failure?.message.contains(phrase) == true, "\(name): \(failure?.message ?? "no error")")
            #expect(failure?.message.hasPrefix("Fixtures/office-hostile/\(name)") == true)
        }
        let tracked = only("tracked-changes.docx")
        #expect(tracked?.failure == nil)
        let text = tracked?.document.normalized?.text ?? ""
        #expect(text.contains("ranar Laraba a ɗakin taro") && !text.contains("Litinin") && !text.contains("takardar filinsa"))
        #expect(tracked?.document.warnings.first { $0.code == "office-tracked-changes" }?.count == 4)
        let furniture = only("headers-footers.docx")
        #expect(furniture?.document.warnings.first { $0.code == "office-headers-footers" }?.count == 4)
        #expect(furniture?.document.normalized?.text.contains("CONFIDENTIAL") == false)
        let broken = only("broken-xml.docx")
        #expect(broken?.failure == nil)
        #expect(broken?.document.warnings.contains { $0.code == "markup-errors" } == true)
        #expect(broken?.document.normalized?.text.contains("za a buɗe rijiyar") == true)
    }
}

@Suite struct OfficeIngestTests {
    @Test func arabicDOCXIsRightToLeftWithItsMetadata() throws {
        let record = try #require(ingest(fixture: "Fixtures/office/bayan-baladiya-ar.docx").first)
        #expect(record.failure == nil)
        let doc = record.document
        #expect(doc.source.container == nil)
        #expect(doc.mediaType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(doc.language == "ar-Arab")
        #expect(doc.title == "بيان بلدية كوكاوا حول توزيع مياه الشرب")
        #expect(doc.metadata.author == "مكتب الإعلام")
        #expect(doc.metadata.created == "2026-03-01T07:00:00Z")
        #expect(doc.metadata.modified == "2026-03-02T12:30:00Z")
        let paragraphs = doc.normalized?.paragraphs ?? []
        #expect(!paragraphs.isEmpty)
        #expect(paragraphs.first?.direction == .rtl)
        // The Latin project name inside an Arabic paragraph keeps its language hint.
        #expect(doc.normalized?.entities.contains { $0.type == "language-hint" && $0.language == "en-US" } == true)
        #expect(doc.normalized?.entities.contains { $0.type == "endnote" } == true)
    }

    @Test func eachOfficeFormatGivesOneRecordInItsLanguage() {
        let expected = [("sanarwar-kasuwa-ha.docx", "ha-Latn"), ("labar-makaranta-knc.odt", "knc-Latn"),
                        ("notice-canoes-en.docx", "en-Latn"), ("labarai-tafki-mixed.epub", "ha-Latn")]
        for (name, language) in expected {
            let records = ingest(fixture: "Fixtures/office/\(name)")
            #expect(records.count == 1, "\(name)")
            #expect(records.first?.document.language == language, "\(name): \(records.first?.document.language ?? "none")")
        }
    }

    @Test func theEPUBReadsItsChaptersInSpineOrder() throws {
        let text = try #require(ingest(fixture: "Fixtures/office/labarai-tafki-mixed.epub").first?.document.normalized?.text)
        let first = try #require(text.range(of: "Babi na ɗaya"))
        let second = try #require(text.range(of: "الفصل الثاني"))
        let third = try #require(text.range(of: "Chapter three"))
        #expect(first.lowerBound < second.lowerBound && second.lowerBound < third.lowerBound)
        #expect(!text.contains("Abubuwan ciki"))
    }
}
