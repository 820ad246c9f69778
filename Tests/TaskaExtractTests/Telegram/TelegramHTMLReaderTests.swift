import Testing
import TaskaCore
@testable import TaskaExtract

@Suite struct TelegramHTMLReaderTests {
    typealias S = TelegramTestSupport

    private func page(_ history: String) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head>
        <body onload="CheckLocation();"><div class="page_wrap"><div class="page_header"><div class="content">
        <div class="text bold">
        Zauren Manoma
        </div></div></div><div class="page_body chat_page"><div class="history">
        \(history)
        </div></div></div></body></html>
        """
    }

    @Test func acceptsOnlyExportPages() {
        let reader = TelegramHTMLReader()
        #expect(reader.accepts(S.document(text: page(""), mediaType: "text/html", path: "messages.html")))
        #expect(!reader.accepts(S.document(text: "<html><body><div class=\"history\">x</div></body></html>", mediaType: "text/html")))
        #expect(!reader.accepts(S.document(text: page(""), mediaType: "text/plain")))
    }

    @Test func privateGroupMessagesWithNegativeIdsEntitiesAndReplies() throws {
        let history = """
        <div class="message service" id="message-1"><div class="body details">
        5 January 2026
        </div></div>
        <div class="message default clearfix" id="message-999967525"><div class="pull_left userpic_wrap"></div><div class="body">
        <div class="pull_right date details" title="05.01.2026 10:00:00 UTC-05:30">10:00</div>
        <div class="from_name">
        Bala Musa
        </div>
        <div class="text">
        Ina <b>kwana</b> <a href="" onclick="return ShowHashtag(&quot;gona&quot;)">#gona</a> <span class="spoiler">boye</span><br>layi <a href="https://x.example/a">nan</a>
        </div></div></div>
        <div class="message default clearfix joined" id="message-999967524"><div class="body">
        <div class="pull_right date details" title="05.01.2026 10:01:30 UTC-05:30">10:01</div>
        <div class="reply_to details">In reply to <a href="#go_to_message-999967525" onclick="return GoToMessage(-999967525)">this message</a></div>
        <div class="media_wrap clearfix"><a class="media clearfix pull_left block_link media_voice_message" href="voice_messages/audio_1.ogg"><div class="body"><div class="title bold">Voice message</div></div></a></div>
        </div></div>
        """
        let docs = try S.extract(S.document(text: page(history), mediaType: "text/html", path: "/x/messages.html"))
        #expect(docs.count == 2)
        let first = try #require(docs.first?.message)
        #expect(first.id == -999967525)
        #expect(first.chatName == "Zauren Manoma")
        #expect(first.date == "2026-01-05T15:30:00Z")
        #expect(first.wallTime == "2026-01-05T10:00:00")
        #expect(first.utcOffset == "-05:30")
        #expect(docs[0].blocks.map(\.text) == ["Ina kwana #gona boye", "layi nan"])
        #expect(docs[0].blocks[0].spans == [Entity(type: "bold", start: 4, end: 9), Entity(type: "hashtag", start: 10, end: 15),
                                            Entity(type: "spoiler", start: 16, end: 20)])
        #expect(docs[0].blocks[1].spans == [Entity(type: "text_link", start: 5, end: 8, href: "https://x.example/a")])
        let second = try #require(docs.last?.message)
        #expect(second.sender == "Bala Musa")
        #expect(second.replyTo == -999967525)
        #expect(second.mediaType == "voice_message")
        #expect(second.mediaFile == "voice_messages/audio_1.ogg")
        #expect(docs.last?.blocks.isEmpty == true)
        #expect(docs.last?.warnings.contains { $0.code == "date-separators-skipped" && $0.count == 1 } == true)
    }

    @Test func previousPagePaths() {
        #expect(TelegramHTMLReader.previousPath(of: "exp/messages3.html", link: nil) == "exp/messages2.html")
        #expect(TelegramHTMLReader.previousPath(of: "exp/messages2.html", link: nil) == "exp/messages.html")
        #expect(TelegramHTMLReader.previousPath(of: "exp/messages.html", link: nil) == nil)
        #expect(TelegramHTMLReader.previousPath(of: "exp/page.html", link: "messages4.html") == "exp/messages4.html")
        #expect(TelegramHTMLReader.previousPath(of: "page.html", link: "https://t.me/x") == nil)
    }

    @Test func htmlTitleDates() throws {
        let d = try #require(TelegramDate.parseHTMLTitle("26.08.2016 00:43:08 UTC+03:00"))
        #expect(d.date == "2016-08-25T21:43:08Z")
        #expect(d.wallTime == "2016-08-26T00:43:08")
        #expect(d.utcOffset == "+03:00")
        #expect(TelegramDate.parseHTMLTitle("01.01.2026 00:00:00 UTC")?.utcOffset == "+00:00")
        #expect(TelegramDate.parseHTMLTitle("not a date") == nil)
        #expect(TelegramDate.offsetString(-19_800) == "-05:30")
    }
}
