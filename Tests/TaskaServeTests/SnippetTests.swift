import Foundation
import Testing
import TaskaCore
import TaskaIngest
import TaskaNormalize
import TaskaSearch
import TaskaStore
import TaskaTestSupport
@testable import TaskaServe

/// Search snippets carry hit ranges, so a document's own «…» quotes are never taken for hits.
@Suite struct SnippetTests {
    static let quoted = "قال المتحدث «إن المدرسة ستفتح أبوابها» وأضاف أن «السوق» مغلق اليوم بسبب المطر."

    func archive() throws -> (TemporaryFolder, Archive) {
        let folder = try TemporaryFolder(prefix: "taska-snippet")
        _ = folder.write("bayan.txt", Self.quoted + "\n")
        let archive = try Archive(path: folder.path("a.sqlite"))
        _ = try IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1)
            .run(paths: [folder.path("bayan.txt")], sink: nil, archive: archive)
        return (folder, archive)
    }

    func marked(_ s: Snippet) -> [String] {
        let scalars = Array(s.text.unicodeScalars)
        return s.hits.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    @Test func onlyTheQueryWordsAreHits() throws {
        let (_, archive) = try archive()
        let results = try ArchiveSearch(folding: TextNormalizer()).search(archive, query: "مغلق")
        let snippet = try #require(results.first?.snippet)
        #expect(marked(snippet) == ["مغلق"])
        #expect(snippet.text.contains("«السوق»"))
        // HTML: one <mark>, the document's quotes escaped as text.
        let html = HTML.snippet(snippet)
        #expect(html.components(separatedBy: "<mark>").count == 2)
        #expect(html.contains("<mark>مغلق</mark>"))
        #expect(html.contains("«السوق»"))
    }

    @Test func apiSearchCarriesRangesNotMarkers() throws {
        let (_, archive) = try archive()
        let json = try Pages(archive: archive, folding: TextNormalizer()).searchJSON(Pages.SearchForm(query: "المدرسة"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let hit = try #require((object["hits"] as? [[String: Any]])?.first)
        let snippet = try #require(hit["snippet"] as? [String: Any])
        let text = try #require(snippet["text"] as? String)
        let ranges = try #require(snippet["hits"] as? [[Int]])
        let scalars = Array(text.unicodeScalars)
        #expect(ranges.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) } == ["المدرسة"])
        // The text is the document's, quotes and all; nothing was added to it.
        #expect(text == Self.quoted)
    }

    @Test func piecesAndRenderingFollowTheRanges() {
        let s = Snippet(text: "a «b» c", hits: [6..<7])
        #expect(s.pieces.map(\.text) == ["a «b» ", "c"])
        #expect(s.rendered(open: "[", close: "]") == "a «b» [c]")
        #expect(Snippet(text: "ƙasa da", hits: [0..<4]).rendered(open: "<", close: ">") == "<ƙasa> da")
    }
}
