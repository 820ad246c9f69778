import Foundation
import Testing
import TaskaCore
@testable import TaskaExtract

/// The event-built HTML tree (`HTMLTreeBuilder`) equals the tree copied from libxml2's own DOM,
/// node for node, on every HTML fixture and, when `../shared` is present, every benchmark page.
@Suite struct HTMLTreeBuilderTests {
    static let root = ExtractionBenchmarkTests.packageRoot

    /// The first difference between the two trees of `html`, or nil.
    static func difference(_ html: String, path: String) throws -> String? {
        var events = MarkupParser()
        events.htmlBuilder = .events
        var dom = MarkupParser()
        dom.htmlBuilder = .dom
        let a = try events.parse(html, syntax: .html, path: path)
        let b = try dom.parse(html, syntax: .html, path: path)
        for (i, (x, y)) in zip(a.nodes, b.nodes).enumerated() {
            let same = x.kind == y.kind && x.name == y.name && x.namespace == y.namespace && x.text == y.text
                && x.parent == y.parent && x.children == y.children
                && x.attributes.map(\.name) == y.attributes.map(\.name) && x.attributes.map(\.value) == y.attributes.map(\.value)
            if !same { return "\(path): node \(i) differs: events \(x.kind) \(x.name) \(x.text.prefix(40).debugDescription) vs DOM \(y.kind) \(y.name) \(y.text.prefix(40).debugDescription) \(x.attributes.map { "\($0.name)=\($0.value)" }) vs \(y.attributes.map { "\($0.name)=\($0.value)" }) children \(x.children.count)/\(y.children.count)" }
        }
        if a.nodes.count != b.nodes.count { return "\(path): \(a.nodes.count) nodes from events, \(b.nodes.count) from the DOM" }
        if a.parserMessages != b.parserMessages { return "\(path): parser messages differ: \(a.parserMessages) vs \(b.parserMessages)" }
        return nil
    }

    static func htmlFiles(under folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { ["html", "htm", "xhtml"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    @Test func fixturesGiveTheSameTree() throws {
        let files = Self.htmlFiles(under: Self.root.appendingPathComponent("Fixtures"))
        #expect(files.count > 15)
        var differences: [String] = []
        for file in files where !file.path.contains("/hostile/") {  // hostile ones: see HostileFixtureTests
            let html = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            if let d = try Self.difference(html, path: file.lastPathComponent) { differences.append(d) }
        }
        #expect(differences.isEmpty, "\(differences)")
    }

    @Test(.enabled(if: ExtractionBenchmarkTests.available, "../shared/bench/extraction is absent"))
    func benchmarkPagesGiveTheSameTree() throws {
        let files = Self.htmlFiles(under: ExtractionBenchmarkTests.bench.appendingPathComponent("pages"))
        #expect(files.count > 300)
        var differences: [String] = []
        for file in files {
            let html = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            if let d = try Self.difference(html, path: file.lastPathComponent) { differences.append(d) }
        }
        #expect(differences.isEmpty, "\(differences.count) pages differ; first: \(differences.prefix(3))")
    }

    @Test func markupEdgeCasesGiveTheSameTree() throws {
        let cases = [
            "plain text, no tags",
            "<p>one<!-- c -->two</p><script>var a = '<b>';</script><style>p{}</style>",
            "<html><body><p>a &amp; b &nbsp; &#x627;<br>c</p> <p>d</p>\n<table><tr><td>x<td>y</table></body></html>",
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html><body>\n<div> <span>s</span> </div>\n</body></html>",
            "<ul><li>one<li>two</ul><p>unclosed <b>bold <i>both</b> italic</i>",
            "<div lang=ha dir=rtl hidden data-x='1' CLASS=\"A b\">Sannu<bdi>عربي</bdi></div><?php echo 1; ?>",
            "<html><head><title>T</title></head><html lang=en><body>second html</body></html>",
            "<?xml version=\"1.0\"?><p>after a PI</p><p>second</p>",
            "<!-- first --><p>one</p>text outside<p>two</p><g:plusone size=small></g:plusone>",
            "<p>one\n<?php echo 1; ?>\n two</p><input checked disabled value=v>",
            "<pre>\n  line one\n  line two\n</pre><textarea>raw <b>text</b></textarea>",
        ]
        let differences = try cases.enumerated().compactMap { try Self.difference($1, path: "case\($0)") }
        #expect(differences.isEmpty, "\(differences)")
    }

    @Test func scriptAndStyleTextIsNotKeptButJSONLDIs() throws {
        let html = """
            <html><head><style>p { color: red }</style><script>var a = "<p>x</p>";</script>
            <script type="Application/LD+JSON">{"@type": "NewsArticle"}</script><script type="text/javascript">f()</script>
            </head><body><p>Sannu</p><noscript><p>kept</p></noscript></body></html>
            """
        for builder in [MarkupParser.Builder.events, .dom] {
            var parser = MarkupParser()
            parser.htmlBuilder = builder
            let tree = try parser.parse(html, syntax: .html, path: "s.html")
            let texts = tree.nodes.indices.filter { tree.nodes[$0].kind == .text }
                .map { (tree.nodes[tree.nodes[$0].parent].name, tree.nodes[$0].text) }
                .filter { !$0.1.allSatisfy(\.isWhitespace) || $0.1.isEmpty }
            #expect(texts.map(\.0) == ["style", "script", "script", "script", "p", "p"], "\(builder)")
            #expect(texts.map(\.1) == ["", "", "{\"@type\": \"NewsArticle\"}", "", "Sannu", "kept"], "\(builder)")
        }
    }

    @Test func limitsStopTheParse() {
        var parser = MarkupParser()
        parser.maxDepth = 50
        let deep = String(repeating: "<div>", count: 60) + "x"
        #expect(throws: LimitExceeded.self) { try parser.parse(deep, syntax: .html, path: "deep.html") }
        var small = MarkupParser()
        small.maxNodes = 100
        let wide = String(repeating: "<p>x</p>", count: 200)
        #expect(throws: LimitExceeded.self) { try small.parse(wide, syntax: .html, path: "wide.html") }
    }
}
