import Testing
import TaskaCore
@testable import TaskaExtract

/// The real exports in `../shared/formats/telegram` (skipped when that folder is absent).
/// Expected counts were checked by hand and with Python's `json` module and a regex over
/// the `div.message` blocks.
@Suite struct TelegramSampleTests {
    typealias S = TelegramTestSupport

    static let json = S.sample("tg_json_ar_en_uponthepathofsalaf_excerpt.json")
    static let html1 = S.sample("tg_html_ar_daririhasan_messages1_excerpt.html")
    static let html2 = S.sample("tg_html_ar_daririhasan_messages2_excerpt.html")

    @Test(.enabled(if: json != nil))
    func jsonSample() throws {
        let docs = try S.extract(file: try #require(Self.json), mediaType: "application/json")
        // 48 messages: 44 ordinary, 4 service (create_channel, edit_group_photo, 2 × pin_message).
        #expect(docs.count == 44)
        #expect(S.warning(docs, "service-messages-skipped")?.count == 4)
        #expect(S.warning(docs, "text-mismatch") == nil)
        #expect(S.warning(docs, "unknown-field") == nil)
        let first = try #require(docs.first?.message)
        #expect(first.id == 4)
        #expect(first.chatType == "public_channel")
        #expect(first.chatId == 3204528972)
        #expect(first.date == "2025-11-03T20:19:06Z")
        #expect(first.wallTime == "2025-11-03T21:19:06")
        #expect(first.utcOffset == "+01:00")
        #expect(first.edited == "2026-04-10T13:57:40Z")
        #expect(docs.last?.message?.id == 113)
        let byId = Dictionary(uniqueKeysWithValues: docs.compactMap { d in d.message.map { ($0.id, d) } })
        #expect(byId[73]?.message?.replyTo == 72)
        #expect(byId[78]?.message?.author == "أم مصعب")
        #expect(byId[83]?.message?.mediaType == "video_file")
        #expect(byId[91]?.message?.mediaType == "audio_file")
        #expect(byId[68]?.message?.mediaType == "photo")
        // Text comes whole from text_entities, links keep their href.
        let links = docs.flatMap { $0.blocks.flatMap(\.spans) }.filter { $0.type == "text_link" }
        #expect(!links.isEmpty && links.allSatisfy { $0.href?.hasPrefix("http") == true })
        // Offsets lie inside the block text.
        for doc in docs { for block in doc.blocks { for e in block.spans {
            #expect(e.start >= 0 && e.start < e.end && e.end <= block.text.unicodeScalars.count)
        } } }
    }

    @Test(.enabled(if: html1 != nil))
    func htmlSamplePage1() throws {
        let docs = try S.extract(file: try #require(Self.html1), mediaType: "text/html")
        // 60 blocks: 35 ordinary (10 joined), 24 date separators, 1 "Channel … created".
        #expect(docs.count == 35)
        #expect(S.warning(docs, "date-separators-skipped")?.count == 24)
        #expect(S.warning(docs, "service-messages-skipped")?.count == 1)
        #expect(docs.first?.message?.id == 6)
        #expect(docs.last?.message?.id == 209)
        #expect(docs.first?.message?.date == "2016-08-25T21:43:08Z")
        #expect(docs.first?.message?.utcOffset == "+03:00")
        #expect(docs.first?.message?.forwardedFrom == "إذاعة طلاب العلم الشرعي")
        #expect(docs.allSatisfy { $0.message?.sender != nil })  // joined blocks get the sender
        #expect(docs.allSatisfy { $0.message?.chatName == "قناة الشيخ حسن الدغريري" })
        #expect(docs.filter { $0.message?.forwardedFrom != nil }.count == 6)
    }

    @Test(.enabled(if: html2 != nil))
    func htmlSamplePage2() throws {
        let docs = try S.extract(file: try #require(Self.html2), mediaType: "text/html")
        // 79 blocks: 56 ordinary (3 joined), 23 date separators.
        #expect(docs.count == 56)
        #expect(S.warning(docs, "date-separators-skipped")?.count == 23)
        #expect(S.warning(docs, "service-messages-skipped") == nil)
        #expect(docs.first { $0.message?.id == 1691 }?.message?.replyTo == 277)  // across pages
        #expect(docs.filter { $0.message?.forwardedFrom != nil }.count == 24)
        #expect(docs.filter { $0.message?.mediaType == "audio_file" }.count == 26)
        #expect(docs.filter { $0.message?.mediaType == "photo" }.count == 24)
    }
}
