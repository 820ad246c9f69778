import Testing
import TaskaCore
@testable import TaskaDecode

@Suite struct FormatSnifferTests {
    private func mediaType(_ text: String, path: String = "x") throws -> String? {
        try Fixtures.decode(Array(text.utf8), path: path).mediaType
    }

    @Test func gifRenamedHTMLIsRefusedWithAnActionableMessage() {
        let gif: [UInt8] = Array("GIF89a".utf8) + [1, 0, 1, 0]
        #expect {
            try Fixtures.decode(gif, path: "Fixtures/broken/image.html")
        } throws: { error in
            (error as? DecodeError)?.description
                == "Fixtures/broken/image.html: the file is a GIF image, not text (first bytes 47 49 46 38); nothing was extracted — remove it from the input or rename it"
        }
    }

    /// Magic bytes of the formats decode passes through, with the media type they get.
    static let passedThrough: [([UInt8], String)] = [
        ([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "image/jpeg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png"),
        ([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0], "image/tiff"),
        (Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8), "image/webp"),
        (Array("%PDF-1.7\n".utf8), "application/pdf"),
        (Array(String(repeating: "junk ", count: 100).utf8) + Array("%PDF-1.4\n".utf8), "application/pdf"),
    ]

    /// PDFs and page images are read by extract's PDF and OCR readers, so decode hands them on
    /// as bytes with their media type, whatever the file is called.
    @Test(arguments: FormatSnifferTests.passedThrough)
    func pdfsAndImagesPassThroughUndecoded(bytes: [UInt8], mediaType: String) throws {
        let doc = try Fixtures.decode(bytes, path: "page.html")
        #expect(doc.mediaType == mediaType)
        #expect(doc.bytes == bytes)
        #expect(doc.text.isEmpty)
    }

    @Test func pdfMagicPastTheFirstKilobyteIsNotAPDF() {
        let bytes = Array(String(repeating: "text ", count: 300).utf8) + Array("%PDF-1.4\n".utf8)
        #expect((try? Fixtures.decode(bytes, path: "notes.txt"))?.mediaType != "application/pdf")
    }

    @Test(arguments: [
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "a ZIP archive"),
        (Array("GIF89a".utf8) + [1, 0], "a GIF image"),
        ([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], "an ELF executable or library"),
        (Array("SQLite format 3".utf8) + [0, 0x10], "an SQLite database"),
    ])
    func binaryFormatsAreRefused(bytes: [UInt8], format: String) {
        #expect {
            try Fixtures.decode(bytes, path: "f.txt")
        } throws: { error in
            guard let e = error as? DecodeError, case let .binary(found, first) = e.reason else { return false }
            return found.hasPrefix(format) && first == Array(bytes.prefix(4)) && e.description.hasPrefix("f.txt: the file is \(format)")
        }
    }

    @Test func emptyFileIsRefused() {
        #expect {
            try Fixtures.decode([], path: "docs/empty.html")
        } throws: { error in
            (error as? DecodeError)?.description.hasPrefix("docs/empty.html: the file is empty (0 bytes)") == true
        }
    }

    @Test func unknownBinaryIsRefused() {
        var rng = SeededGenerator(seed: 42)
        let noise = (0..<2048).map { _ in UInt8.random(in: 0...255, using: &rng) }
        #expect {
            try Fixtures.decode(noise, path: "blob.dat")
        } throws: { error in
            guard let e = error as? DecodeError, case .unrecognizedBinary = e.reason else { return false }
            return e.description.contains("blob.dat: the file looks like binary data")
        }
    }

    @Test func containersPassThroughUndecoded() throws {
        let gz: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0]
        let doc = try Fixtures.decode(gz, path: "a.warc.gz")
        #expect(doc.mediaType == "application/gzip")
        #expect(doc.bytes == gz)
        #expect(doc.charset == nil)
        let warc = try Fixtures.decode(Array("WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n".utf8), path: "a.warc")
        #expect(warc.mediaType == "application/warc")
        #expect(!warc.bytes.isEmpty)
    }

    @Test func markupIsClassifiedByRootElement() throws {
        #expect(try mediaType("<!DOCTYPE html>\n<html><body>x</body></html>") == "text/html")
        #expect(try mediaType("  <p>fragment</p>", path: "a.txt") == "text/html")
        #expect(try mediaType("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"/>") == "application/xhtml+xml")
        #expect(try mediaType("<?xml version=\"1.0\"?><!-- c --><rss version=\"2.0\"/>") == "application/rss+xml")
        #expect(try mediaType("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"/>") == "application/atom+xml")
        #expect(try mediaType("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/></TEI>") == "application/tei+xml")
        #expect(try mediaType("<?xml version=\"1.0\"?><?xml-model href=\"x\"?><TEI/>") == "application/tei+xml")
        #expect(try mediaType("<?xml version=\"1.0\"?><catalog/>") == "application/xml")
        #expect(try mediaType("<rdf:RDF xmlns=\"http://purl.org/rss/1.0/\"><channel/></rdf:RDF>") == "application/rss+xml")
        #expect(try mediaType("<unknown>text</unknown>", path: "page.htm") == "text/html")
    }

    @Test func jsonAndPlainText() throws {
        #expect(try mediaType("{\n \"name\": \"Channel\",\n \"messages\": []\n}\n") == "application/json")
        #expect(try mediaType("[1, 2, 3]") == "application/json")
        #expect(try mediaType("[1] A footnote that starts with a bracket.") == "text/plain")
        #expect(try mediaType("Labarai: ƙasa ta ci gaba.") == "text/plain")
    }

    @Test func givenMediaTypeIsKept() throws {
        let doc = try Fixtures.decode(Array("<html><body>x</body></html>".utf8), mediaType: "text/plain")
        #expect(doc.mediaType == "text/plain")
    }

    @Test func utf16WithoutBOMIsTextNotBinary() throws {
        let bytes = "<html><body>Sannu</body></html>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let doc = try Fixtures.decode(bytes, path: "page.html")
        #expect(doc.mediaType == "text/html")
        #expect(doc.text == "<html><body>Sannu</body></html>")
    }

    @Test func extensionHelper() {
        #expect(FormatSniffer.fileExtension(of: "a/b/Page.HTML") == "html")
        #expect(FormatSniffer.fileExtension(of: "a.b/README") == "")
        #expect(FormatSniffer.fileExtension(of: ".hidden") == "")
        #expect(FormatSniffer.fileExtension(of: "a.d/b/.hidden") == "")
        #expect(FormatSniffer.fileExtension(of: "kano.d/ƙasa.tar.GZ") == "gz")
        #expect(FormatSniffer.fileExtension(of: "dir/") == "")
    }
}
