import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaContainers

/// Office documents and e-books are recognised by their members and read as one document
/// (`scripts/make-office-fixtures.py` writes the files).
@Suite struct OfficeContainerTests {
    @Test func kindsFromMembersAndMimetype() {
        #expect(OfficeKind.of(names: ["_rels/.rels", "word/document.xml", "[Content_Types].xml"], mimetype: nil) == .readable(.docx))
        #expect(OfficeKind.of(names: ["[Content_Types].xml", "xl/workbook.xml"], mimetype: nil) == .unsupported("an Excel workbook (XLSX)"))
        #expect(OfficeKind.of(names: ["[Content_Types].xml", "ppt/slides/slide1.xml"], mimetype: nil) == .unsupported("a PowerPoint presentation (PPTX)"))
        #expect(OfficeKind.of(names: ["[Content_Types].xml", "word/styles.xml"], mimetype: nil) == .incomplete(format: "DOCX", missing: "word/document.xml"))
        #expect(OfficeKind.of(names: ["mimetype", "content.xml"], mimetype: "application/vnd.oasis.opendocument.text") == .readable(.odt))
        #expect(OfficeKind.of(names: ["mimetype", "META-INF/container.xml"], mimetype: "application/epub+zip") == .readable(.epub))
        #expect(OfficeKind.of(names: ["mimetype"], mimetype: "application/epub+zip") == .incomplete(format: "EPUB", missing: "META-INF/container.xml"))
        #expect(OfficeKind.of(names: ["mimetype", "content.xml"], mimetype: "application/vnd.oasis.opendocument.presentation") == .unsupported("an OpenDocument presentation (ODP)"))
        // A zip of documents that happens to hold a word/ folder, or a `mimetype` file of another kind, is a zip.
        #expect(OfficeKind.of(names: ["word/notes.txt", "report.html"], mimetype: nil) == nil)
        #expect(OfficeKind.of(names: ["mimetype", "a.txt"], mimetype: "text/plain") == nil)
    }

    @Test func aDOCXIsOneDocumentWithItsTextParts() throws {
        let out = try unarchive("office/sanarwar-kasuwa-ha.docx")
        #expect(out.count == 1)
        let doc = out[0].document
        #expect(out[0].failureMessage == nil)
        #expect(doc.source.container == nil)
        #expect(doc.mediaType == OfficePackage.Format.docx.mediaType)
        #expect(doc.bytes.isEmpty)
        let parts = doc.officePackage?.parts.map(\.name) ?? []
        #expect(parts.contains("word/document.xml") && parts.contains("docProps/core.xml") && parts.contains("word/footnotes.xml"))
        #expect(parts.contains("word/header1.xml"))
        // Relationships and the content-type list are not read.
        #expect(!parts.contains("[Content_Types].xml") && !parts.contains("word/_rels/document.xml.rels"))
        #expect(doc.officePackage?.memberNames.contains("[Content_Types].xml") == true)
    }

    @Test func contentTypesLastIsStillADOCX() throws {
        // LibreOffice writes [Content_Types].xml last: the members decide, not the first one.
        let out = try unarchive("office/notice-canoes-en.docx")
        #expect(out.count == 1)
        #expect(out[0].document.officePackage?.format == .docx)
    }

    @Test func odtAndEPUB() throws {
        let odt = try unarchive("office/labar-makaranta-knc.odt")
        #expect(odt.count == 1)
        #expect(odt[0].document.officePackage?.parts.map(\.name).sorted() == ["content.xml", "meta.xml", "styles.xml"])
        let epub = try unarchive("office/labarai-tafki-mixed.epub")
        #expect(epub.count == 1)
        let names = epub[0].document.officePackage?.parts.map(\.name) ?? []
        #expect(names.contains("OEBPS/content.opf") && names.contains("OEBPS/text/chapter 3.xhtml"))
        #expect(!names.contains("OEBPS/style.css") && !names.contains("OEBPS/images/cover.png"))
    }

    @Test func officeMembersOfAZipAreDocumentsWithTheirChain() throws {
        let out = try unarchive("office/takardu.zip")
        #expect(out.map(\.members) == [["takardu/labar-makaranta-knc.odt"], ["takardu/notice-canoes-en.docx"], ["takardu/karanta.txt"]])
        #expect(out[0].document.officePackage?.format == .odt)
        #expect(out[1].document.officePackage?.format == .docx)
        #expect(out[1].document.source.container?.sha256 != nil)
        #expect(out[2].document.officePackage == nil)
    }

    @Test func unreadableOfficeFormatsAreErrorRecordsThatSayWhatToDo() throws {
        let xlsx = try unarchive("office-hostile/workbook.xlsx")
        #expect(xlsx.count == 1)
        #expect(xlsx[0].failureMessage?.contains("an Excel workbook (XLSX)") == true)
        #expect(xlsx[0].failureMessage?.contains("save the text you need as DOCX, ODT or PDF") == true)
        #expect(try unarchive("office-hostile/spreadsheet.ods").first?.failureMessage?.contains("OpenDocument spreadsheet (ODS)") == true)
        #expect(try unarchive("office-hostile/missing-document.docx").first?.failureMessage?.contains("without its word/document.xml") == true)
        #expect(try unarchive("office-hostile/legacy-word.doc").first?.failureMessage?.contains("save it as DOCX or ODT") == true)
        #expect(try unarchive("office-hostile/letter.rtf").first?.failureMessage?.contains("Rich Text Format") == true)
    }

    @Test func aBombPartStopsTheDocumentAtTheRatio() throws {
        let out = try unarchive("office-hostile/bomb-part.docx")
        #expect(out.count == 1)
        let message = out[0].failureMessage ?? ""
        #expect(message.contains("bomb-part.docx → 'word/document.xml'"), "\(message)")
        #expect(message.contains("more than 200 times"), "\(message)")
    }

    @Test func theMemberLimitBoundsAllPartsTogether() throws {
        let out = try unarchive("office/sanarwar-kasuwa-ha.docx", options: UnarchiveOptions(maxMemberBytes: 4000))
        #expect(out.count == 1)
        #expect(out[0].failureMessage?.contains("text parts decompress to more than 4000 bytes") == true)
    }

    @Test func legacyMembersOfAZipAreErrorRecordsAndTheRestGoesOn() throws {
        let docBytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)
        let zip = StoredZip.bytes([("old.doc", docBytes), ("note.txt", Array("Sanarwa ga jama'a.".utf8))])
        let doc = SourceDocument(source: SourceInfo(path: "t.zip", bytes: zip.count, sha256: "00"), bytes: zip)
        let out = try Pipeline(name: "t", version: "0", stages: [UnarchiveStage()]).collect(doc)
        #expect(out.count == 2)
        #expect(out[0].failureMessage?.contains("'old.doc': a legacy Office compound") == true)
        #expect(out[1].failureMessage == nil)
    }
}

/// A minimal stored (uncompressed) ZIP writer for tests.
enum StoredZip {
    static func bytes(_ members: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16 & 0xFFFF) }
        for (name, data) in members {
            let offset = out.count
            let crc = crc32(data)
            let nameBytes = Array(name.utf8)
            let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc) + le32(data.count) + le32(data.count) + le16(nameBytes.count) + le16(0)
            out += [0x50, 0x4B, 0x03, 0x04] + common + nameBytes + data
            central += [0x50, 0x4B, 0x01, 0x02] + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let start = out.count
        out += central
        out += [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(members.count) + le16(members.count) + le32(central.count) + le32(start) + le16(0)
        return out
    }

    static func crc32(_ data: [UInt8]) -> Int {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return Int(crc ^ 0xFFFF_FFFF)
    }
}
