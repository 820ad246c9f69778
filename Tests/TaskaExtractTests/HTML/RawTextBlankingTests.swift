import Testing
import TaskaCore
@testable import TaskaExtract

/// Script and style bodies handed to libxml2 blanked give the tree of the original text; a
/// blanked body that libxml2 does not read as elided raw text makes the parse fall back.
@Suite struct RawTextBlankingTests {
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
            #expect(same(try tree(html, .bodies(bodies)), reference), "\(bodies)")
        }
    }
}
