import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaOCR
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

    @Test func aDamagedAncillaryChunkIsLeftOutWithAWarningAndThePageRead() throws {
        let original = try fileBytes(fixturePath("pdf/sanarwa-ruwa-ha.png"))
        // A tEXt chunk whose CRC is off by one, after the signature (8 bytes) and IHDR (25).
        let body = Array("tEXt".utf8) + Array("Comment\0damaged".utf8)
        let crc = CRC32.of(body[...]) ^ 1
        let chunk = [0, 0, 0, UInt8(body.count - 4)] + body + [24, 16, 8, 0].map { UInt8(crc >> $0 & 0xFF) }
        let damaged = Array(original[0..<33]) + chunk + Array(original[33...])
        func read(_ bytes: [UInt8]) throws -> SourceDocument {
            let doc = SourceDocument(source: SourceInfo(path: "sanarwa.png", bytes: bytes.count, sha256: "00"), bytes: bytes,
                                     mediaType: "image/png")
            var out: [SourceDocument] = []
            try ImageReader().read(doc) { out.append($0) }
            return try #require(out.first)
        }
        let repaired = try read(damaged), intact = try read(original)
        let warning = try #require(repaired.warnings.first { $0.code == "image-chunks-dropped" })
        #expect(warning.count == 1 && warning.message.contains("tEXt"))
        #expect(!intact.warnings.contains { $0.code == "image-chunks-dropped" })
        #expect(repaired.blocks.map(\.text) == intact.blocks.map(\.text))
    }
}
