import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaPDF

@Suite struct ImageReaderTests {
    @Test func aPageImageIsReadByOCRIntoOneRecordWithOnePage() throws {
        let bytes = try fileBytes(fixturePath("pdf/sanarwa-ruwa-ha.png"))
        let doc = SourceDocument(source: SourceInfo(path: "sanarwa-ruwa-ha.png", bytes: bytes.count, sha256: "00"), bytes: bytes,
                                 mediaType: "image/png")
        var out: [SourceDocument] = []
        try ImageReader().read(doc) { out.append($0) }
        let record = try #require(out.first)
        let text = record.blocks.map(\.text).joined(separator: " ")
        #expect(text.contains("Hukumar ruwa ta sanar da jama'a"))
        #expect(record.title == "Sanarwa game da ruwan sha")
        #expect(record.pages?.count == 1)
        #expect(record.pages?.first?.source == .ocr)
        #expect((record.pages?.first?.ocrConfidence ?? 0) > 0.8)
    }
}
