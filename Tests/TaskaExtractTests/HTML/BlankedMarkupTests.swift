import Testing
import TaskaCore
@testable import TaskaExtract

/// Script and style bodies and unread attribute values handed to libxml2 blanked give the tree
/// of the original text; a cut that libxml2 does not read as the census did makes the parse
/// fall back.
@Suite struct BlankedMarkupTests {
    /// A script body long enough to be blanked (the blanking needs 1 KiB to be worth a copy).
    static let longScript = "var a = \"<p>not a paragraph</p></div>\";\n" + String(repeating: "f(1 < 2 && '</b>');\n", count: 80)

    private func census(_ text: String) -> MarkupCensus {
        var text = text
        return text.withUTF8 { MarkupCensus.count($0) }
    }

    private func tree(_ html: String, _ blanking: MarkupParser.Blanking) throws -> MarkupTree {
        var parser = MarkupParser()
        parser.blanking = blanking
        return try parser.parse(html, syntax: .html, path: "b.html")
    }

    private func same(_ a: MarkupTree, _ b: MarkupTree) -> Bool {
        a.nodes.count == b.nodes.count && zip(a.nodes, b.nodes).allSatisfy { x, y in
            x.kind == y.kind && x.name == y.name && x.text == y.text && x.parent == y.parent && x.children == y.children
                && x.attributes.map(\.name) == y.attributes.map(\.name) && x.attributes.map(\.value) == y.attributes.map(\.value)
        } && a.parserMessages == b.parserMessages
    }

    @Test func censusFindsTheBodiesLibxml2ReadsAsRawText() {
        let html = "<script>a()</script><STYLE media=x>p{}</sTyLe><script type=\"application/ld+json\">{}</script>"
            + "<script type=\"text/j&#115;on\">{}</script><script/><p>x</p></script><script src=a></script><script>open"
        let c = census(html)
        let bodies = c.rawTextBodies.map { String(decoding: Array(html.utf8)[$0], as: UTF8.self) }
        // Not JSON-LD or what an entity might spell as it, not `<script/>`, not an empty or unclosed body.
        #expect(bodies == ["a()", "p{}"])
    }

    @Test func blankedBodiesGiveTheSameTree() throws {
        let s = Self.longScript
        let cases = [
            "<html><head><script>\(s)</script><style>\n\(s)\n</style></head><body><p>Sannu</p><script>\(s)</script></body></html>",
            "<p>one<script type=text/javascript>\(s)</SCRIPT>two</p><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script>",
            "<div><script>\(s)</scriptx><p>after a prefix end tag</p></div>",
            "<script>\(s)" + String(repeating: "x", count: 2000) + "</script><!-- <script>\(s)</script> --><p>end</p>",
        ]
        for (i, html) in cases.enumerated() {
            #expect(census(html).rawTextBodies.reduce(0) { $0 + $1.count } >= 1024, "case \(i) blanks")
            #expect(same(try tree(html, .census), try tree(html, .none)), "case \(i)")
        }
    }

    @Test func messagesNameLinesOfTheOriginalText() throws {
        // The depth-limit message names the line of the element in the original text, after the
        // script's lines (a parse that stops is redone on the original).
        let html = "<script>\(Self.longScript)</script>\n" + String(repeating: "<div>\n", count: 60)
        var parser = MarkupParser()
        parser.maxDepth = 40
        var messages: [String] = []
        for blanking in [MarkupParser.Blanking.census, .none] {
            parser.blanking = blanking
            do {
                _ = try parser.parse(html, syntax: .html, path: "deep.html")
                Issue.record("the depth limit was not enforced")
            } catch let error as LimitExceeded {
                messages.append(error.found)
            }
        }
        #expect(messages.count == 2 && messages[0] == messages[1], "\(messages)")
        #expect(messages.first?.contains("(line 12") == true, "\(messages)")  // 82 lines of script, then a div per line
    }

    @Test func aBodyThatIsNotRawTextMakesTheParseFallBack() throws {
        let text = String(repeating: "Sannu da zuwa. ", count: 100)
        let html = "<p>\(text)</p><script type=\"application/ld+json\">{\"headline\": \"\(text)\"}</script><script>\(Self.longScript)</script>"
        let utf8 = Array(html.utf8)
        let paragraph = 3..<(3 + text.utf8.count)  // a paragraph's text, not raw text
        let jsonStart = utf8.firstIndex(of: UInt8(ascii: "{"))!
        let json = jsonStart..<(jsonStart + 16 + text.utf8.count)  // JSON-LD, which is kept
        let reference = try tree(html, .none)
        #expect(reference.nodes.contains { $0.text.contains("Sannu") })
        for bodies in [[paragraph], [json], [paragraph] + census(html).rawTextBodies] {
            #expect(same(try tree(html, .given(bodies: bodies, values: [])), reference), "\(bodies)")
        }
    }

    /// A value no reader takes, long enough to be cut.
    static let source = "https://example.org/images/" + String(repeating: "a1b2c3", count: 200) + ".jpg"

    /// The unread values the census would cut, as text, with the byte at each tag end.
    private func unreadValues(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        return census(html).unreadValues.map { String(decoding: bytes[$0.value], as: UTF8.self) + " @" + String(UnicodeScalar(bytes[$0.tagEnd])) }
    }

    @Test func censusFindsUnreadValuesOnlyInTagsLibxml2ReadsAlike() {
        let v = Self.source
        #expect(unreadValues("<p><img src=\"\(v)\" alt=x><img SRCSET='\(v)'/></p>") == [v + " @>", v + " @/"])
        #expect(unreadValues("<div data-payload=\"\(v)\" class=\"\(v)\"><svg><path d=\"\(v)\"></svg></div>") == [v + " @>", v + " @>"])
        let notCut = [
            "<img src=\"short.jpg\">",                       // too short to be worth a cut
            "<a href=\"\(v)\" title=\"\(v)\">x</a>",            // read attributes
            "<img\u{0C}src=\"\(v)\">",                         // form feed: white space to the census only
            "<img / src=\"\(v)\">",                         // a slash libxml2 reads as a bogus attribute
            "<img sr\"c=\"\(v)\">",                           // a name libxml2 splits
            "<body data-x=\"\(v)\">",                       // body, head and html may be discarded
            "<img src=\(v)>",                                // unquoted
            "<img src=\"\(v)\"",                             // never closed
            "<img src=\"\(v)\">\u{0}",                         // NUL ends a value in libxml2
            "<!-- <img src=\"\(v)\"> --><script>\"<img src='\(v)'>\"</script>",
        ]
        for html in notCut { #expect(unreadValues(html).isEmpty, "\(html.prefix(40).debugDescription)") }
    }

    @Test func unreadValuesAreNotKeptWhetherCutOrNot() throws {
        let v = Self.source
        let html = "<div data-id=\"\(v)\" class=\"story\"><img src=\"\(v)\" srcset=\"\(v) 2x\" sizes=100vw alt=\"Sannu\"><p DATA-X=\(v)>Rubutu</p></div>"
        #expect(!census(html).unreadValues.isEmpty)
        for blanking in [MarkupParser.Blanking.census, .none] {
            let t = try tree(html, blanking)
            let attributes = t.nodes.flatMap(\.attributes)
            #expect(attributes.map(\.name) == ["data-id", "class", "src", "srcset", "sizes", "alt", "data-x"])
            #expect(attributes.map(\.value) == ["", "story", "", "", "", "Sannu", ""])
        }
        #expect(same(try tree(html, .census), try tree(html, .none)))
    }

    @Test func cutValuesGiveTheSameTree() throws {
        let v = Self.source, s = Self.longScript
        let cases = [
            "<html><head><script src=\"\(v)\">\(s)</script></head><body><img src=\"\(v)\"/><p>Sannu <b data-x='\(v)'>da</b> zuwa</p></body></html>",
            "<ul>" + String(repeating: "<li data-track=\"\(v)\">item<img srcset=\"\(v)\"></li>", count: 5) + "</ul><p>after</p>",
            "<p>one <img src=\"\(v)\"\n alt=\"line\nbreaks\">two</p><svg><path d=\"\(v)\"/><path d='\(v)'></path></svg>",
            "<table><tr><td data-v=\"\(v)\">x<td data-v=\"\(v)\">y</table><body data-x=\"\(v)\"><p>second body</p>",
        ]
        for (i, html) in cases.enumerated() {
            #expect(census(html).unreadValues.reduce(0) { $0 + $1.value.count } >= 1024, "case \(i) cuts")
            #expect(same(try tree(html, .census), try tree(html, .none)), "case \(i)")
        }
    }

    @Test func aValueThatIsNotOneMakesTheParseFallBack() throws {
        let text = String(repeating: "Sannu da zuwa. ", count: 100)
        let html = "<p>\(text)</p><img src=\"\(Self.source)\">"
        let reference = try tree(html, .none)
        let paragraph = 3..<(3 + text.utf8.count)
        // Text the census took for a value, with a tag end libxml2 does see (the `>` of the img,
        // whose `src` then comes with its value, not empty) or none at all: either way the
        // original is parsed.
        let imgEnd = Array(html.utf8).lastIndex(of: UInt8(ascii: ">"))!
        for tagEnd in [imgEnd, 2, paragraph.upperBound] {
            let values = [MarkupCensus.UnreadValue(value: paragraph, tagEnd: tagEnd, emptyAfterCut: 1)]
            #expect(same(try tree(html, .given(bodies: [], values: values)), reference), "tag end \(tagEnd)")
        }
        #expect(reference.nodes.contains { $0.text == text })
    }
}
