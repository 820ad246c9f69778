import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaExtract

private typealias S = ContainerTestSupport

@Suite struct FeedReaderTests {
    private func read(_ fixture: String, mediaType: String = "application/xml") throws -> [SourceDocument] {
        let text = String(decoding: try fileBytes(fixturePath("feeds/" + fixture)), as: UTF8.self)
        return try S.extract(text, mediaType: mediaType, path: fixture)
    }

    @Test func rss2HausaGivesOneDocumentPerItem() throws {
        let items = try read("labarai-ha.rss", mediaType: "application/rss+xml")
        #expect(items.count == 3)
        #expect(items.map(\.subIndex) == [0, 1, 2])
        #expect(items[0].title == "An buɗe sabuwar kasuwar kifi a Baga")
        #expect(items[0].metadata.canonicalURL == "http://labarai.example/kasuwar-kifi")
        #expect(items[0].metadata.published == "2024-03-05T09:30:00+01:00")
        #expect(items[0].metadata.author == "Aisha Musa")
        #expect(items[0].metadata.siteName == "Labaran Tafkin Chadi")
        #expect(items[0].metadata.declaredLanguage == "ha")
        // content:encoded wins over description; its <script> is not text.
        #expect(items[0].blocks.map(\.text) == ["An buɗe sabuwar kasuwar kifi a Baga",
                                                 "Masunta a Baga sun yi maraba da buɗe sabuwar kasuwar kifi a ranar Litinin.",
                                                 "Shugaban kasuwar ya ce za a riƙa sayar da kifi kowace safiya."])
        #expect(items[0].blocks[0].kind == .heading)
        // Escaped HTML in description is parsed; RSS author "email (Name)" gives the name.
        #expect(items[1].blocks.map(\.text).dropFirst() == ["Ma'aikata sun fara gyaran hanyar a makon jiya.", "Ana sa ran kammala aikin cikin wata uku."])
        #expect(items[1].metadata.author == "Ibrahim Bukar")
        #expect(items[1].metadata.published == "2024-03-06T14:00:00Z")
        #expect(items.allSatisfy { $0.text.isEmpty && $0.blocks.allSatisfy { $0.declaredLanguage == "ha" } })
    }

    @Test func atomArabicEntries() throws {
        let entries = try read("akhbar-ar.atom", mediaType: "application/atom+xml")
        #expect(entries.count == 2)
        #expect(entries[0].title == "حملة تطعيم للأطفال في مايدوغوري")
        #expect(entries[0].metadata.canonicalURL == "http://akhbar.example/tateem")
        #expect(entries[0].metadata.published == "2024-03-07T09:00:00+01:00")
        #expect(entries[0].metadata.modified == "2024-03-08T10:00:00Z")
        #expect(entries[0].metadata.author == "فاطمة علي")
        #expect(entries[0].metadata.declaredLanguage == "ar")
        #expect(entries[0].blocks.count == 3)
        #expect(entries[1].blocks.last?.text == "حفرت البلدية ثلاثة آبار جديدة لتوفير مياه الشرب للسكان.")
        // No <published>: the publication date is unknown (null, never guessed from <updated>).
        #expect(entries[1].metadata.published == nil)
        #expect(entries[1].metadata.modified == "2024-03-06T12:30:00Z")
    }

    @Test func rss1RDFItemsAreSiblingsOfTheChannel() throws {
        let items = try read("notices-en.rdf")
        #expect(items.count == 2)
        #expect(items[0].metadata.published == "2024-03-04T07:00:00Z")
        #expect(items[0].metadata.author == "Bol Health Committee")
        #expect(items[1].metadata.published == "2024-03-05")
        #expect(items[1].metadata.canonicalURL == "http://notices.example/school")
        #expect(items[1].blocks.last?.text == "Parents can enrol their children at the primary school in Bagasola all week.")
    }

    @Test func rfc822Dates() {
        #expect(FeedDate.iso8601("Tue, 05 Mar 2024 09:30:00 +0100") == "2024-03-05T09:30:00+01:00")
        #expect(FeedDate.iso8601("5 Mar 24 09:30 EST") == "2024-03-05T09:30:00-05:00")
        #expect(FeedDate.iso8601("Mon, 4 Nov 2019 16:28:00 GMT") == "2019-11-04T16:28:00Z")
        #expect(FeedDate.iso8601("2024-03-05T09:30:00Z") == "2024-03-05T09:30:00Z")
        #expect(FeedDate.iso8601("yesterday") == nil)
    }

    @Test func emptyFeedGivesTheChannelWithAWarning() throws {
        let docs = try S.extract(#"<rss version="2.0"><channel><title>T</title><description>Babu labari</description></channel></rss>"#, mediaType: "application/rss+xml")
        #expect(docs.count == 1)
        #expect(docs[0].warnings.contains { $0.code == "feed-empty" })
    }

    @Test func otherXMLIsNotAFeed() throws {
        let docs = try S.extract(#"<?xml version="1.0"?><catalog><title>Kundin</title><entry>daya</entry></catalog>"#, mediaType: "application/xml")
        #expect(docs.count == 1)
        #expect(docs[0].subIndex == nil)
        #expect(docs[0].blocks.map(\.text).contains("daya"))
    }

    /// The shared real feeds (../shared/formats/feeds): skipped when absent.
    @Test(arguments: [("rssparser__guardian.rss", -1), ("rssparser__heise.atom", -1), ("rssparser__reddit.rss", -1),
                      ("rssparser__craigslist.rss", -1), ("rssparser__narro.rss", -1)])
    func realFeedItemCounts(file: String, _: Int) throws {
        guard let dir = sharedPath("formats/feeds") else { return }
        let bytes = try fileBytes(dir + "/" + file)
        let text = String(decoding: bytes, as: UTF8.self)
        let tag = XMLRootSniffer.localName(XMLRootSniffer.rootName(of: text) ?? "") == "feed" ? "<entry" : "<item"
        // Count item start tags (not <items>) in the raw text.
        var expected = 0
        var rest = Substring(text)
        while let r = rest.range(of: tag) {
            let next = rest[r.upperBound...].first
            if next == ">" || next == " " || next == "\n" || next == "\r" || next == "\t" { expected += 1 }
            rest = rest[r.upperBound...]
        }
        let docs = try S.extract(text, mediaType: "application/xml", path: file)
        #expect(docs.count == expected, "\(file)")
        #expect(docs.allSatisfy { $0.title != nil })
        #expect(docs.filter { !$0.blocks.isEmpty }.count == expected)
    }
}
