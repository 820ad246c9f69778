import Testing
import TaskaCore
@testable import TaskaExtract

@Suite struct InlineSpanTests {
    private func scalars(_ s: String, _ e: Entity) -> String {
        let u = Array(s.unicodeScalars)
        return String(String.UnicodeScalarView(u[e.start..<e.end]))
    }

    @Test func linksAreSpansWithScalarOffsets() throws {
        let html = #"<body><p>Karanta  <a href="/labari/1">labarin ƙasa</a> yanzu, ko <a href="https://x.example">nan</a>.</p></body>"#
        let block = try readHTML(html, removeBoilerplate: false).blocks[0]
        #expect(block.text == "Karanta labarin ƙasa yanzu, ko nan.")
        #expect(block.spans.map(\.type) == ["link", "link"])
        #expect(block.spans.map(\.href) == ["/labari/1", "https://x.example"])
        #expect(block.spans.map { scalars(block.text, $0) } == ["labarin ƙasa", "nan"])
    }

    @Test func languageAndDirectionHints() throws {
        let html = #"""
        <body><p>Limami ya ce <span lang="ar">الله أكبر</span> sau bakwai, <bdi>مرحبا</bdi> da <bdo dir="rtl">abc</bdo> <i dir="ltr">ok</i>.</p></body>
        """#
        let block = try readHTML(html, removeBoilerplate: false).blocks[0]
        let hints = block.spans.filter { $0.type == "language-hint" }
        #expect(hints.map { scalars(block.text, $0) } == ["الله أكبر", "مرحبا", "abc", "ok"])
        #expect(hints.map(\.language) == ["ar", nil, nil, nil])
        #expect(hints.map(\.direction) == [nil, nil, .rtl, .ltr])
    }

    @Test func spansAcrossABreakAreSplitPerBlock() throws {
        let block = try readHTML(#"<body><p><a href="/a">daya<br>biyu</a></p></body>"#, removeBoilerplate: false).blocks
        #expect(block.map(\.text) == ["daya", "biyu"])
        #expect(block.map { $0.spans.map { [$0.start, $0.end] } } == [[[0, 4]], [[0, 4]]])
    }
}
