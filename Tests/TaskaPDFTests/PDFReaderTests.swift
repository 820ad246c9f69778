import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaPDF

@Suite struct PDFReaderTests {
    static func document(_ relative: String, limits: DocumentLimits = DocumentLimits()) throws -> SourceDocument {
        let bytes = try fileBytes(fixturePath(relative))
        var doc = SourceDocument(source: SourceInfo(path: "Fixtures/" + relative, bytes: bytes.count, sha256: "00"), bytes: bytes,
                                 mediaType: "application/pdf")
        doc.limits = limits
        return doc
    }

    static func read(_ doc: SourceDocument, options: PDFOptions = PDFOptions()) throws -> SourceDocument {
        var out: [SourceDocument] = []
        try PDFReader(options: options).read(doc) { out.append($0) }
        #expect(out.count == 1, "one record per PDF")
        return out[0]
    }

    @Test func aTextPDFGivesParagraphsPagesAndMetadataWithoutItsRunningHeaderAndFooter() throws {
        let doc = try Self.read(Self.document("pdf/sanarwa-kasuwa-ha.pdf"))
        let text = doc.blocks.map(\.text).joined(separator: "\n")
        #expect(doc.title == "Sanarwa game da kasuwar kifi ta Baga")
        #expect(doc.blocks.first?.kind == .heading)
        #expect(text.contains("Ƙungiyar masunta ta Baga ta sanar da jama'a cewa kasuwar kifi za ta koma sabon wurinta"))
        #expect(!text.contains("sanarwa-jihar.example") && !text.contains("14.03.2025") && !text.contains("Shafi na"))
        #expect(doc.pages?.map(\.source) == [.text])
        #expect(doc.pages?.allSatisfy { $0.ocrConfidence == nil } == true)
        #expect(doc.blocks.allSatisfy { $0.page != nil })
        #expect(doc.metadata.producer?.hasPrefix("Skia/PDF") == true)
        #expect(doc.metadata.created == "2025-01-01T00:00:00Z")
        #expect(doc.warnings.contains { $0.code == "pdf-running-furniture" && ($0.count ?? 0) >= 3 })
        #expect(doc.bytes.isEmpty)
    }

    @Test func arabicComesOutInLogicalOrderWithItsLigaturesIntact() throws {
        let doc = try Self.read(Self.document("pdf/bayan-baladiya-ar.pdf"))
        let text = doc.blocks.map(\.text).joined(separator: "\n")
        for phrase in ["على الطريق الرئيسي", "خلال الأسبوع القادم", "إلى موقعه الجديد", "لا يعني إغلاق", "بلا أي رسوم"] {
            #expect(text.contains(phrase), "«\(phrase)» missing")
        }
        #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })
    }

    @Test func twoColumnsAreReadColumnByColumn() throws {
        let doc = try Self.read(Self.document("pdf/labar-bunyi-knc.pdf"))
        let text = doc.blocks.map(\.text).joined(separator: "\n")
        // The first paragraph is whole: its two sentences follow each other.
        #expect(text.contains("kasuwuro ishin. Bulama am bunyi ye kasuwuro gade kəska nəmkalkal kuru ngəwu sədin."))
    }

    @Test func aScannedPageIsReadByOCRWithItsConfidence() throws {
        let doc = try Self.read(Self.document("pdf/scan-notice-en.pdf"))
        let text = doc.blocks.map(\.text).joined(separator: " ")
        #expect(text.contains("cattle market will be held on Thursday"))
        let page = try #require(doc.pages?.first)
        #expect(page.source == .ocr)
        #expect((page.ocrConfidence ?? 0) > 0.8)
        #expect(doc.title == "Notice on market days", "a file-name title from the converter gives way to the heading")
    }

    @Test func ocrNeverLeavesAScanWithoutText() throws {
        let doc = try Self.read(Self.document("pdf/scan-notice-en.pdf"), options: PDFOptions(ocr: .never))
        #expect(doc.blocks.isEmpty)
        #expect(doc.pages?.first?.source == .text)
    }

    @Test func pagesOverTheLimitAreSkippedAndWarned() throws {
        let doc = try Self.read(Self.document("pdf/labar-bunyi-knc.pdf", limits: DocumentLimits(maxPages: 1)))
        #expect(doc.pages?.count == 1)
        #expect(doc.warnings.contains { $0.code == "pdf-pages-skipped" && $0.count == 1 && $0.message.contains("max-pages") })
    }

    @Test func anEncryptedPDFIsRefusedWithWhatToDo() throws {
        #expect {
            try Self.read(Self.document("broken/pdf-encrypted-user-password.pdf"))
        } throws: { error in
            guard let e = error as? PDFError, e.reason == .encrypted else { return false }
            return e.description.contains("encrypted with a user password") && e.description.contains("qpdf --password")
        }
    }

    @Test func aTruncatedPDFIsRefusedAsDamaged() throws {
        #expect {
            try Self.read(Self.document("broken/pdf-truncated-half.pdf"))
        } throws: { error in
            guard let e = error as? PDFError, case .damaged = e.reason else { return false }
            return e.description.contains("damaged or truncated")
        }
    }

    @Test func bytesThatAreNotAPDFAtAllAreRefused() throws {
        var doc = SourceDocument(source: SourceInfo(path: "x.pdf", bytes: 12, sha256: "00"), bytes: Array("%PDF-1.4 junk".utf8),
                                 mediaType: "application/pdf")
        doc.limits = DocumentLimits()
        #expect(throws: PDFError.self) { try Self.read(doc) }
    }

    /// `relative` cut just before its cross-reference table: every object intact, no table, trailer or `%%EOF`.
    static func cutBeforeXref(_ relative: String) throws -> SourceDocument {
        var doc = try document(relative)
        let at = try #require(doc.bytes.withUnsafeBufferPointer { XrefRebuilder.find("\nxref\n", in: $0, 0..<$0.count) })
        doc.bytes = Array(doc.bytes[..<(at + 1)])
        return doc
    }

    @Test func aPDFCutOffBeforeItsCrossReferenceTableIsReadWholeWithAWarning() throws {
        let whole = try Self.read(Self.document("pdf/sanarwa-kasuwa-ha.pdf"))
        let cut = try Self.cutBeforeXref("pdf/sanarwa-kasuwa-ha.pdf")
        let doc = try Self.read(cut)
        #expect(doc.blocks.map(\.text) == whole.blocks.map(\.text))
        #expect(doc.metadata.producer == whole.metadata.producer)
        #expect(doc.warnings.contains { $0.code == "pdf-xref-rebuilt" && $0.message.contains("rebuilt it from the objects") })
        #expect(!whole.warnings.contains { $0.code == "pdf-xref-rebuilt" })
    }

    @Test func theRebuiltTableListsEveryObjectAtItsOffsetAndNamesTheCatalog() throws {
        let cut = try Self.cutBeforeXref("pdf/notice-clinic-en.pdf")
        let repaired = try #require(XrefRebuilder.rebuild(cut.bytes))
        #expect(Array(repaired[..<cut.bytes.count]) == cut.bytes, "the original bytes are kept as they are")
        let tail = String(decoding: repaired[cut.bytes.count...], as: UTF8.self)
        let starts = cut.bytes.withUnsafeBufferPointer { XrefRebuilder.objectStarts($0) }
        #expect(!starts.isEmpty)
        for object in starts { #expect(tail.contains(String(format: "%010d %05d n\r\n", object.offset, object.generation))) }
        #expect(tail.contains("/Root "))
        #expect(tail.hasSuffix("%%EOF\n"))
        // Bytes with no catalog cannot be repaired.
        #expect(XrefRebuilder.rebuild(Array("%PDF-1.4\n1 0 obj\n<< /Type /Page >>\nendobj\n".utf8)) == nil)
        #expect(XrefRebuilder.rebuild(Array("%PDF-1.4 junk".utf8)) == nil)
    }
}

@Suite struct TextListLinesTests {
    static func word(_ text: String, x: Double, y: Double, width: Double = 5) -> RawWord {
        let scalars = Array(text.unicodeScalars)
        let boxes = scalars.indices.map { i in Box(x0: x + Double(i) * width, y0: y, x1: x + Double(i + 1) * width, y1: y + 12) }
        return RawWord(scalars: scalars, boxes: boxes)
    }

    @Test func wordsOnOneBaselineMakeALineAndRightToLeftLinesRunFromTheRight() {
        // poppler-cpp gives words left to right, each in visual order: الفوز is stored زوفلا.
        let words = [Self.word("زوفلا", x: 100, y: 50), Self.word("نم", x: 130, y: 50), Self.word("Page", x: 100, y: 80),
                     Self.word("two", x: 125, y: 80)]
        let lines = PopplerDocument.lines(of: words)
        #expect(lines.count == 2)
        #expect(lines[0].words.map { String(String.UnicodeScalarView($0.scalars)) } == ["من", "الفوز"])
        #expect(lines[0].words[0].boxes.first?.x0 == 130, "boxes stay left to right")
        #expect(lines[1].words.map { String(String.UnicodeScalarView($0.scalars)) } == ["Page", "two"])
    }

    @Test func aWordBackToTheLeftOrFarAwayStartsANewLine() {
        let words = [Self.word("one", x: 300, y: 50), Self.word("two", x: 100, y: 50), Self.word("three", x: 400, y: 50)]
        #expect(PopplerDocument.lines(of: words).count == 3)
    }
}
