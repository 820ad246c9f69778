import Testing
import TaskaCore
@testable import TaskaExtract

private func extract(_ text: String, mediaType: String) throws -> SourceDocument {
    var doc = SourceDocument(source: SourceInfo(path: "t", bytes: text.utf8.count, sha256: "00"), bytes: [])
    doc.text = text
    doc.mediaType = mediaType
    var out: [SourceDocument] = []
    try ExtractStage().process(doc) { out.append($0) }
    #expect(out.count == 1)
    return out[0]
}

@Suite struct HTMLBlockTests {
    @Test func paragraphsHeadingsListsAndRows() throws {
        let html = """
        <html><head><title>Labari | Jarida</title><style>p{color:red}</style><script>var x = "no";</script></head>
        <body><h1>Babban labari</h1><p>Sannu   da
        zuwa <b>Kano</b>.</p><ul><li>daya</li><li>biyu</li></ul>
        <table><tr><td>a</td><td>b</td></tr></table><blockquote>magana</blockquote></body></html>
        """
        let doc = try extract(html, mediaType: "text/html")
        #expect(doc.title == "Labari | Jarida")
        #expect(doc.blocks.map(\.text) == ["Babban labari", "Sannu da zuwa Kano.", "daya", "biyu", "a b", "magana"])
        #expect(doc.blocks.map(\.kind) == [.heading, .paragraph, .listItem, .listItem, .tableRow, .quote])
    }

    @Test func scriptsStylesAndHiddenElementsAreNotText() throws {
        let html = #"<body><p>shown</p><div hidden>h1</div><div style="display: none">h2</div><span aria-hidden="true">h3</span><noscript>h4</noscript><template>h5</template></body>"#
        let doc = try extract(html, mediaType: "text/html")
        #expect(doc.blocks.map(\.text) == ["shown"])
    }

    @Test func brSplitsParagraphs() throws {
        let doc = try extract("<p>layi daya<br>layi biyu</p>", mediaType: "text/html")
        #expect(doc.blocks.map(\.text) == ["layi daya", "layi biyu"])
    }

    @Test func declaredLanguageAndDirectionAreKept() throws {
        let html = #"<html lang="ha"><body><p>Hausa</p><div lang="ar" dir="rtl"><p>مرحبا بكم</p></div></body></html>"#
        let doc = try extract(html, mediaType: "text/html")
        #expect(doc.blocks.count == 2)
        #expect(doc.blocks[0].declaredLanguage == "ha")
        #expect(doc.blocks[1].declaredLanguage == "ar")
        #expect(doc.blocks[1].declaredDirection == .rtl)
    }

    @Test func preformattedKeepsLines() throws {
        let doc = try extract("<pre>line one\n  line two</pre>", mediaType: "text/html")
        #expect(doc.blocks.map(\.text) == ["line one", "  line two"])
    }

    @Test func brokenHTMLIsRecovered() throws {
        let doc = try extract("<html><body><p>farko<p>na biyu <div>uku", mediaType: "text/html")
        #expect(doc.blocks.map(\.text) == ["farko", "na biyu", "uku"])
    }

    @Test func entitiesAreDecoded() throws {
        let doc = try extract("<p>Tom &amp; Jerry &laquo;x&raquo; &#1605;</p>", mediaType: "text/html")
        #expect(doc.blocks.map(\.text) == ["Tom & Jerry «x» م"])
    }

    @Test func html5ElementsAndSloppyMarkupDoNotWarn() throws {
        let html = #"<!DOCTYPE html><html lang="ha"><head><meta charset="utf-8"><title>x</title></head><body><header><nav><a href="/">Gida</a></nav></header><main><article><p>Sannu &nbsp; duka & kowa.</p><section>abc</section></article></main><footer>f</footer></body></html>"#
        let doc = try extract(html, mediaType: "text/html")
        #expect(doc.warnings.isEmpty)
        // Navigation and footer are page furniture (boilerplate removal is on by default).
        #expect(doc.blocks.map(\.text) == ["Sannu \u{A0} duka & kowa.", "abc"])
    }

    @Test func emptyPageWarns() throws {
        let doc = try extract("<html><body><script>x()</script></body></html>", mediaType: "text/html")
        #expect(doc.blocks.isEmpty)
        #expect(doc.warnings.map(\.code) == ["no-text"])
    }

    @Test func moderateNestingKeepsText() throws {
        let depth = 200
        let html = String(repeating: "<div>", count: depth) + "zurfi" + String(repeating: "</div>", count: depth)
        let doc = try extract(html, mediaType: "text/html")
        #expect(doc.blocks.map(\.text) == ["zurfi"])
    }

    /// libxml2 2.9.14 alone halts at 256 levels and drops the rest; Taska raises that ceiling
    /// and enforces `max-depth` (2,000 by default) itself.
    @Test func nestingPastLibxml2DefaultKeepsText() throws {
        let depth = 1_000
        let html = String(repeating: "<div>", count: depth) + "zurfi" + String(repeating: "</div>", count: depth) + "<p>bayan</p>"
        let doc = try extract(html, mediaType: "text/html")
        #expect(doc.blocks.map(\.text) == ["zurfi", "bayan"])
        #expect(!doc.warnings.contains { $0.code == "markup-errors" })
    }

    @Test func excessiveNestingIsAnErrorNamingTheLimit() throws {
        let depth = 5_000
        for (text, type) in [("<div>", "text/html"), ("<a>", "application/xml")] {
            let close = text.replacingOccurrences(of: "<", with: "</")
            let markup = String(repeating: text, count: depth) + "zurfi" + String(repeating: close, count: depth)
            #expect {
                try extract(markup, mediaType: type)
            } throws: { error in
                (error as? LimitExceeded)?.limit == "max-depth" && "\(error)".contains("raise `max-depth`")
            }
        }
    }
}

@Suite struct XMLTextTests {
    /// A feed gives one document per item (FeedReader); the channel title is the site name.
    @Test func feedItemsBecomeDocuments() throws {
        let xml = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Labarai</title>
        <item><title>Ruwan sama</title><description>An samu ruwa.</description></item></channel></rss>
        """
        let doc = try extract(xml, mediaType: "application/rss+xml")
        #expect(doc.title == "Ruwan sama")
        #expect(doc.metadata.siteName == "Labarai")
        #expect(doc.subIndex == 0)
        #expect(doc.blocks.map(\.text) == ["Ruwan sama", "An samu ruwa."])
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        for i in 2...9 { xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        xml += "]><lolz>&lol9;</lolz>"
        #expect(throws: ExtractError.self) { try extract(xml, mediaType: "application/xml") }
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let xml = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]><r>a&x;b</r>"#
        let doc = try? extract(xml, mediaType: "application/xml")
        let text = doc?.blocks.map(\.text).joined() ?? ""
        #expect(text == "ab" || text.isEmpty)
    }

    @Test func xmlLangIsADeclaredLanguage() throws {
        let doc = try extract(#"<TEI><text xml:lang="ar"><p>نص</p></text></TEI>"#, mediaType: "application/tei+xml")
        #expect(doc.blocks.first?.declaredLanguage == "ar")
    }
}

@Suite struct PlainTextTests {
    @Test func blankLinesSeparateParagraphs() {
        let blocks = PlainTextSplitter().blocks(of: "one\ntwo\n\n\nthree\r\n\r\nfour\rfive")
        #expect(blocks.map(\.text) == ["one two", "three", "four five"])
    }

    @Test func paragraphSeparatorEndsAParagraph() {
        let blocks = PlainTextSplitter().blocks(of: "a\u{2029}b\u{2028}c")
        #expect(blocks.map(\.text) == ["a", "b c"])
    }

    @Test func whitespaceOnlyGivesNothing() {
        #expect(PlainTextSplitter().blocks(of: " \n\t\n ").isEmpty)
    }

    @Test func unicodeWhitespaceIsTrimmedAtLineEdgesOnly() {
        // NBSP, ideographic space, narrow NBSP, em space and Ogham space mark at the edges go;
        // the same characters inside a line stay, and NEL ends a line.
        let text = "\u{00A0}\u{3000}Sannu\u{202F}da zuwa\u{2003}\u{1680}\u{0085}\u{205F}كيف\u{00A0}حالك\u{000B}\n\u{3000}\n\tnext"
        var ends = PlainTextSplitter.LineEnds()
        let blocks = PlainTextSplitter().blocks(of: text, lineEnds: &ends)
        #expect(blocks.map(\.text) == ["Sannu\u{202F}da zuwa كيف\u{00A0}حالك", "next"])
        #expect(ends == PlainTextSplitter.LineEnds(lf: 2, crlf: 0, cr: 0, other: 1))
    }

    @Test func lineEndStylesAreCounted() {
        var ends = PlainTextSplitter.LineEnds()
        _ = PlainTextSplitter().blocks(of: "a\r\nb\rc\nd\u{2028}e\r\n", lineEnds: &ends)
        #expect(ends == PlainTextSplitter.LineEnds(lf: 1, crlf: 2, cr: 1, other: 1))
        #expect(ends.styles == 4)
    }
}

@Suite struct DamageWarningTests {
    @Test func mixedLineEndsAreReported() throws {
        let doc = try extract("one\r\ntwo\rthree\nfour", mediaType: "text/plain")
        #expect(doc.blocks.map(\.text) == ["one two three four"])
        #expect(doc.warnings.first?.code == "mixed-line-ends")
        #expect(doc.warnings.first?.count == 3)
    }

    @Test func consistentLineEndsAreQuiet() throws {
        let doc = try extract("one\r\ntwo\r\n\r\nthree", mediaType: "text/plain")
        #expect(doc.warnings.isEmpty)
    }

    @Test func markupCutInsideATagIsReported() throws {
        let doc = try extract("<html><body><p>farko</p><p>na biyu <a hre", mediaType: "text/html")
        #expect(doc.blocks.map(\.text).first == "farko")
        #expect(doc.warnings.map(\.code) == ["markup-truncated"])
    }

    @Test func markupEndingInTextIsNotTruncated() throws {
        let doc = try extract("<p>a &lt; b</p> trailing words", mediaType: "text/html")
        #expect(doc.warnings.isEmpty)
    }
}
