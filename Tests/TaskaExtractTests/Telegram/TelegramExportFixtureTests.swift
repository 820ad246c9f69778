import Testing
import TaskaCore
@testable import TaskaExtract

/// The project's own export of one chat, written both as `result.json` and as two HTML pages.
@Suite struct TelegramExportFixtureTests {
    typealias S = TelegramTestSupport

    static let jsonPath = S.fixtures + "/labarai-kasuwa-json/result.json"
    static let page1 = S.fixtures + "/labarai-kasuwa-html/messages.html"
    static let page2 = S.fixtures + "/labarai-kasuwa-html/messages2.html"

    func json() throws -> [SourceDocument] { try S.extract(file: Self.jsonPath, mediaType: "application/json") }
    func html() throws -> [SourceDocument] {
        try S.extract(file: Self.page1, mediaType: "text/html") + S.extract(file: Self.page2, mediaType: "text/html")
    }

    @Test func jsonGivesOneDocumentPerOrdinaryMessage() throws {
        let docs = try json()
        #expect(docs.map { $0.message?.id } == [2, 3, 4, 5, 6, 7, 8, 10, 11])
        #expect(docs.map(\.subIndex) == Array(0..<9))
        #expect(S.warning(docs, "service-messages-skipped")?.count == 2)
        // The summary sits on the last record only.
        #expect(docs.last?.warnings.contains { $0.code == "service-messages-skipped" } == true)
        #expect(docs.dropLast().allSatisfy { !$0.warnings.contains { $0.code == "service-messages-skipped" } })
    }

    @Test func htmlPagesGiveTheSameMessages() throws {
        let docs = try html()
        #expect(docs.map { $0.message?.id } == [2, 3, 4, 5, 6, 7, 8, 10, 11])
        #expect(S.warning(docs, "service-messages-skipped")?.count == 1)  // page 1: chat created
        let separators = docs.flatMap(\.warnings).filter { $0.code == "date-separators-skipped" }.compactMap(\.count)
        #expect(separators == [2, 1])
        #expect(docs.allSatisfy { $0.message?.chatName == "Labaran Kasuwar Maiduguri" })
    }

    @Test func jsonAndHTMLGiveIdenticalInstantsAndTexts() throws {
        let j = try json(), h = try html()
        try #require(j.count == h.count)
        for (a, b) in zip(j, h) {
            let ma = try #require(a.message), mb = try #require(b.message)
            #expect(ma.id == mb.id)
            #expect(ma.date == mb.date)
            #expect(ma.wallTime == mb.wallTime)
            #expect(ma.utcOffset == mb.utcOffset)
            #expect(ma.sender == mb.sender)
            #expect(ma.forwardedFrom == mb.forwardedFrom)
            #expect(ma.replyTo == mb.replyTo)
            #expect(ma.author == mb.author || ma.id == 8)  // 8: signature only in the JSON
            #expect(ma.mediaType == mb.mediaType)
            if ma.id != 8 {  // 8 holds a \x0B the HTML page does not
                #expect(S.text(a) == S.text(b))
                #expect(a.blocks.map { $0.spans.map { [$0.start, $0.end] } } == b.blocks.map { $0.spans.map { [$0.start, $0.end] } })
                #expect(a.blocks.map { $0.spans.map(\.type) } == b.blocks.map { $0.spans.map(\.type) })
            }
        }
    }

    @Test func datesCarryWallTimeAndOffset() throws {
        let first = try #require(try json().first?.message)
        #expect(first.date == "2026-03-02T07:05:11Z")
        #expect(first.wallTime == "2026-03-02T08:05:11")
        #expect(first.utcOffset == "+01:00")
        #expect(first.chatType == "public_supergroup")
        #expect(first.chatId == 1987654321)
        #expect(first.senderId == "user5550001")
    }

    @Test func joinedMessagesCarryTheSenderAcrossPages() throws {
        let docs = try html()
        let byId = Dictionary(uniqueKeysWithValues: docs.compactMap { d in d.message.map { ($0.id, $0) } })
        #expect(byId[3]?.sender == "Aisha Lawan")  // joined, same page
        #expect(byId[5]?.sender == "Musa Bukar")
        #expect(byId[8]?.sender == "Musa Bukar")  // joined, first block of page 2
        #expect(S.warning(docs, "joined-sender-unknown") == nil)
    }

    @Test func joinedSenderUnknownWithoutThePreviousPage() throws {
        var doc = try S.document(path: Self.page2, mediaType: "text/html")
        doc.source.path = "/nonexistent/messages2.html"
        let docs = try S.extract(doc)
        #expect(docs.first?.message?.sender == nil)
        #expect(docs.first?.warnings.contains { $0.code == "joined-sender-unknown" } == true)
    }

    @Test func repliesEditsForwardsAndMedia() throws {
        for docs in [try json(), try html()] {
            let byId = Dictionary(uniqueKeysWithValues: docs.compactMap { d in d.message.map { ($0.id, d) } })
            #expect(byId[10]?.message?.replyTo == 2)  // on page 1 of the HTML export
            #expect(byId[11]?.message?.replyTo == 10)
            #expect(byId[4]?.message?.forwardedFrom == "Rediyon Borno")
            #expect(byId[6]?.message?.author == "Fatima Ali")
            let media = try #require(byId[5])
            #expect(media.message?.mediaType == "photo")
            #expect(media.message?.mediaFile == nil)
            #expect(media.blocks.isEmpty)
            #expect(!media.warnings.contains { $0.code == "no-text" })
        }
        #expect(try json().first { $0.message?.id == 6 }?.message?.edited == "2026-03-03T09:15:00Z")
    }

    @Test func entitiesKeepOffsetsAndHrefs() throws {
        let docs = try json()
        let first = try #require(docs.first)
        #expect(first.blocks.map(\.text) == ["Barka da safiya! Farashin kasuwa na yau:", "Hatsi ya sauka kaɗan. #Maiduguri"])
        #expect(first.blocks[0].spans == [Entity(type: "bold", start: 17, end: 32)])
        #expect(first.blocks[1].spans == [Entity(type: "hashtag", start: 22, end: 32)])
        let arabic = try #require(docs.first { $0.message?.id == 3 })
        #expect(arabic.blocks[0].spans == [Entity(type: "text_link", start: 22, end: 28, href: "https://example.org/suq")])
        let english = try #require(docs.first { $0.message?.id == 6 })
        #expect(english.blocks[0].spans.map(\.type) == ["mention", "link", "italic"])
        #expect(english.blocks[0].spans[1].href == "https://example.org/prices")
    }

    @Test func jsonQuirksAreWarningsNotFailures() throws {
        let docs = try json()
        let eight = try #require(docs.first { $0.message?.id == 8 })
        #expect(S.text(eight) == "Farashin shinkafa ya tashi\u{0B}sosai.")
        #expect(eight.warnings.contains { $0.code == "json-x-escape" && $0.count == 2 })
        #expect(eight.warnings.contains { $0.code == "json-duplicate-key" && $0.message.contains("author") })
        #expect(eight.message?.author == "Musa Bukar")  // the last value wins
    }
}
