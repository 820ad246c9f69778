import Testing
@testable import TaskaDecode

@Suite struct CharsetDeclarationScannerTests {
    private func scan(_ s: String) -> CharsetDeclarationScanner.Declaration? {
        Array(s.utf8).withUnsafeBufferPointer { CharsetDeclarationScanner.scan($0) }
    }

    @Test func metaCharsetFarIntoTheDocument() {
        let filler = String(repeating: "<link rel=\"stylesheet\" href=\"/a.css\">\n", count: 100)
        let d = scan("<html><head>\(filler)<META CHARSET='windows-1256'></head></html>")
        #expect(d?.label == "windows-1256")
        #expect(d?.kind == .metaCharset)
        #expect((d?.offset ?? 0) > 1024)
    }

    @Test func httpEquivWithAttributesInAnyOrder() {
        let d = scan(#"<meta content="text/html; charset=iso-8859-6" http-equiv="Content-Type">"#)
        #expect(d?.label == "iso-8859-6")
        #expect(d?.kind == .httpEquiv)
        #expect(CharsetDeclarationScanner.charsetFromContentType("text/html;charset=\"UTF-8\"") == "UTF-8")
        #expect(CharsetDeclarationScanner.charsetFromContentType("text/html") == nil)
    }

    @Test func xmlDeclaration() {
        let d = scan("<?xml version='1.0' encoding='ISO-8859-1'?><rss/>")
        #expect(d?.label == "ISO-8859-1")
        #expect(d?.kind == .xmlDeclaration)
    }

    @Test func declarationsInsideCommentsAreIgnored() {
        let d = scan("<!-- <meta charset=\"utf-8\"> --><meta charset=\"cp1256\">")
        #expect(d?.label == "cp1256")
        #expect(scan("<!-- <meta charset=\"utf-8\"> ") == nil)
        #expect(scan("<meta name=\"description\" content=\"charset=utf-8\">") == nil)
    }
}
