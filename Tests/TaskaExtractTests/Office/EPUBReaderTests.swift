import Testing
import TaskaCore
@testable import TaskaExtract

private typealias S = OfficeTestSupport

@Suite struct EPUBReaderTests {
    static let container = """
    <container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>\
    <rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
    """

    static func opf(spine: String, manifest: String) -> String {
        """
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\
        <dc:title>Littafi</dc:title><dc:creator>Marubuci</dc:creator><dc:language>ha</dc:language><dc:date>2026-03-01</dc:date>\
        <meta property="dcterms:modified">2026-03-02T08:00:00Z</meta></metadata>\
        <manifest>\(manifest)</manifest><spine>\(spine)</spine></package>
        """
    }

    static func chapter(_ body: String, lang: String = "ha") -> String {
        "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(lang)\"><head><title>x</title></head><body>\(body)</body></html>"
    }

    @Test func chaptersFollowTheSpineNotTheManifestOrTheZip() throws {
        let manifest = """
        <item id="b" href="text/b%20two.xhtml" media-type="application/xhtml+xml"/><item id="a" href="../OPS/text/a.xhtml" media-type="application/xhtml+xml"/>\
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="img" href="i.png" media-type="image/png"/>
        """
        let doc = try S.extract(.epub, [
            "META-INF/container.xml": Self.container,
            "OPS/book.opf": Self.opf(spine: "<itemref idref=\"nav\"/><itemref idref=\"a\"/><itemref idref=\"img\"/><itemref idref=\"b\"/><itemref idref=\"gone\"/>",
                                     manifest: manifest),
            "OPS/nav.xhtml": Self.chapter("<nav><ol><li>Abubuwan ciki</li></ol></nav>"),
            "OPS/text/b two.xhtml": Self.chapter("<p dir=\"rtl\">الفصل الثاني</p>", lang: "ar"),
            "OPS/text/a.xhtml": Self.chapter("<h1>Babi na ɗaya</h1><p>Kasuwar kifi.</p>"),
        ])
        #expect(doc.blocks.map(\.text) == ["Babi na ɗaya", "Kasuwar kifi.", "الفصل الثاني"])
        #expect(doc.blocks[2].declaredLanguage == "ar")
        #expect(doc.blocks[2].declaredDirection == .rtl)
        #expect(doc.title == "Littafi")
        #expect(doc.metadata.author == "Marubuci")
        #expect(doc.metadata.published == "2026-03-01")
        #expect(doc.metadata.modified == "2026-03-02T08:00:00Z")
        #expect(S.warning(doc, "epub-chapters-missing")?.count == 1)
    }

    @Test func encryptedChaptersAreAnError() throws {
        let encryption = """
        <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">\
        <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>\
        <enc:CipherData><enc:CipherReference URI="OPS/font.otf"/></enc:CipherData></enc:EncryptedData>\
        <enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>\
        <enc:CipherData><enc:CipherReference URI="OPS/a.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>
        """
        let parts = ["META-INF/container.xml": Self.container, "META-INF/encryption.xml": encryption,
                     "OPS/book.opf": Self.opf(spine: "<itemref idref=\"a\"/>", manifest: "<item id=\"a\" href=\"a.xhtml\" media-type=\"application/xhtml+xml\"/>"),
                     "OPS/a.xhtml": "garbage"]
        #expect(throws: ExtractError.officeEncrypted(path: "t", part: "OPS/a.xhtml")) { _ = try S.extract(.epub, parts) }
    }

    @Test func aBookWithoutItsPackageDocumentIsAnError() throws {
        #expect(throws: ExtractError.self) { _ = try S.extract(.epub, ["META-INF/container.xml": Self.container]) }
    }

    @Test func hrefsResolveAgainstThePackageFolder() {
        #expect(EPUBReader.resolve("text/ch%201.xhtml#part", against: "OEBPS/") == "OEBPS/text/ch 1.xhtml")
        #expect(EPUBReader.resolve("../Text/./a.xhtml", against: "OEBPS/content/") == "OEBPS/Text/a.xhtml")
        #expect(EPUBReader.resolve("/root.xhtml", against: "OEBPS/") == "root.xhtml")
        #expect(EPUBReader.resolve("../../../../etc/passwd", against: "OEBPS/") == "etc/passwd")
    }
}
