import Foundation
import Testing
import TaskaCore
@testable import TaskaExtract

@Suite struct TelegramJSONReaderTests {
    typealias S = TelegramTestSupport

    @Test func acceptsOnlyTelegramExports() {
        let reader = TelegramJSONReader()
        #expect(reader.accepts(S.document(text: #"{"name": "x", "type": "personal_chat", "id": 1, "messages": []}"#)))
        #expect(reader.accepts(S.document(text: #"{"about": "Here is the data", "chats": {"list": []}}"#)))
        #expect(!reader.accepts(S.document(text: #"{"title": "not telegram", "items": [1, 2]}"#)))
        #expect(!reader.accepts(S.document(text: #"[{"messages": []}]"#)))
        #expect(!reader.accepts(S.document(text: #"{"messages": []}"#, mediaType: "text/plain", path: "notes.txt")))
    }

    @Test func fullAccountExportGivesMessagesOfEveryChat() throws {
        let json = """
        {"about": "Here is the data you requested.", "personal_information": {"first_name": "A"},
         "chats": {"about": "This page lists all chats.", "list": [
          {"name": "Zauren Manoma", "type": "private_group", "id": 44,
           "messages": [{"id": -999967525, "type": "message", "date": "2026-01-05T10:00:00", "date_unixtime": "1767603600",
                         "from": "Bala", "from_id": "user1", "text": "Ina kwana", "text_entities": [{"type": "plain", "text": "Ina kwana"}]},
                        {"id": 5, "type": "service", "date": "2026-01-05T10:01:00", "date_unixtime": "1767603660", "actor": "Bala",
                         "actor_id": "user1", "action": "invite_members", "members": ["Sani"], "text": "", "text_entities": []}]},
          {"name": "Saved Messages", "type": "saved_messages", "id": 7,
           "messages": [{"id": 2, "type": "message", "date": "2026-01-06T09:00:00", "date_unixtime": "1767686400",
                         "from": "A", "from_id": "user9", "text": "", "text_entities": [], "location_information": {"latitude": 11.8, "longitude": 13.1}}]}
         ]},
         "left_chats": {"about": "", "list": []}}
        """
        let docs = try S.extract(S.document(text: json))
        #expect(docs.count == 2)
        #expect(docs[0].message?.id == -999967525)  // signed ids
        #expect(docs[0].message?.chatName == "Zauren Manoma")
        #expect(docs[0].message?.chatType == "private_group")
        #expect(docs[0].message?.utcOffset == "+01:00")
        #expect(docs[1].message?.chatName == "Saved Messages")
        #expect(docs[1].message?.mediaType == "location")
        #expect(docs.map(\.subIndex) == [0, 1])
        #expect(S.warning(docs, "service-messages-skipped")?.count == 1)
    }

    @Test func unknownFieldsAndTextMismatchAreWarnings() throws {
        let json = """
        {"name": "c", "type": "public_channel", "id": 1, "messages": [
         {"id": 1, "type": "message", "date": "2026-01-05T10:00:00", "date_unixtime": "1767607200", "from": "c", "from_id": "channel1",
          "future_field": {"x": 1}, "text": ["Sannu ", {"type": "bold", "text": "duka"}],
          "text_entities": [{"type": "plain", "text": "Sannu "}, {"type": "bold", "text": "duka"}, {"type": "plain", "text": "!"}]}
        ]}
        """
        let docs = try S.extract(S.document(text: json))
        #expect(docs.count == 1)
        #expect(S.text(docs[0]) == "Sannu duka!")  // text_entities is the authority
        #expect(docs[0].blocks[0].spans == [Entity(type: "bold", start: 6, end: 10)])
        #expect(docs[0].warnings.contains { $0.code == "unknown-field" && $0.message.contains("future_field") })
        #expect(docs[0].warnings.contains { $0.code == "text-mismatch" })
        #expect(docs[0].message?.utcOffset == "+00:00")
    }

    @Test func textWithoutEntitiesFallsBackToText() throws {
        let json = #"{"name": "c", "messages": [{"id": 3, "type": "message", "date_unixtime": "1767607200", "text": ["a ", {"type": "text_link", "text": "b", "href": "https://x.example"}]}]}"#
        let docs = try S.extract(S.document(text: json))
        #expect(S.text(docs[0]) == "a b")
        #expect(docs[0].blocks[0].spans == [Entity(type: "text_link", start: 2, end: 3, href: "https://x.example")])
        #expect(docs[0].warnings.contains { $0.code == "text-entities-missing" })
    }

    @Test func entitiesAcrossLinesAreCutPerBlock() throws {
        let json = #"{"name": "c", "messages": [{"id": 3, "type": "message", "date_unixtime": "1767607200", "text": "", "text_entities": [{"type": "plain", "text": "x "}, {"type": "blockquote", "text": "layi daya\nlayi biyu"}, {"type": "plain", "text": "\n\nkarshe"}]}]}"#
        let docs = try S.extract(S.document(text: json))
        #expect(docs[0].blocks.map(\.text) == ["x layi daya", "layi biyu", "karshe"])
        #expect(docs[0].blocks.map(\.spans) == [[Entity(type: "blockquote", start: 2, end: 11)],
                                                [Entity(type: "blockquote", start: 0, end: 9)], []])
    }

    @Test func truncatedExportKeepsTheMessagesReadSoFar() throws {
        let json = #"{"name": "c", "messages": [{"id": 1, "type": "message", "date_unixtime": "1767607200", "text": "a", "text_entities": [{"type": "plain", "text": "a"}]}, {"id": 2, "type": "mess"#
        let docs = try S.extract(S.document(text: json))
        #expect(docs.count == 1)
        #expect(docs[0].warnings.contains { $0.code == "json-truncated" })
    }

    /// Fuzz finding (Fixtures/fuzz/telegram-json): deep nesting overflowed the stack.
    @Test func nestingDeeperThanTheLimitIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let json = #"{"name": "c", "messages": [{"id": 1, "type": "message", "text": "a", "x": "# + deep + "}]}"
        #expect(throws: LimitExceeded.self) { try S.extract(S.document(text: json)) }
        let chats = String(repeating: #"{"chats": ["#, count: 3_000) + "{}" + String(repeating: "]}", count: 3_000)
        #expect(throws: LimitExceeded.self) { try S.extract(S.document(text: chats)) }
        // After a message was read, deep nesting later in the file stops the export with the
        // max-depth error (the messages read before it keep their records: HostileFixtureTests).
        let good = #"{"id": 1, "type": "message", "date_unixtime": "1767607200", "text": "a", "text_entities": [{"type": "plain", "text": "a"}]}"#
        #expect(throws: LimitExceeded.self) { try S.extract(S.document(text: #"{"name": "c", "messages": ["# + good + ", " + deep + "]}")) }
    }

    @Test func exportWithoutMessagesGivesOneRecordThatSaysSo() throws {
        let json = #"{"name": "c", "messages": [{"id": 1, "type": "service", "date_unixtime": "1767607200", "action": "create_channel", "text": "", "text_entities": []}]}"#
        let docs = try S.extract(S.document(text: json))
        #expect(docs.count == 1)
        #expect(docs[0].message == nil)
        #expect(docs[0].warnings.contains { $0.code == "no-messages" })
        #expect(docs[0].warnings.contains { $0.code == "service-messages-skipped" && $0.count == 1 })
    }

    @Test func largeFileStreamsFromPayloadPath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("taska-tg-\(getpid())-result.json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stream = SyntheticExportStream(messages: 2_000)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "could not prepare the test's files")
        var doc = SourceDocument(source: SourceInfo(path: path, bytes: bytes.count, sha256: "ab"), bytes: Array(bytes.prefix(4096)))
        doc.payloadPath = path
        doc.mediaType = "application/json"
        #expect(TelegramJSONReader().accepts(doc))
        var count = 0
        try ExtractStage().process(doc) { _ in count += 1 }
        #expect(count == 2_000)
    }

    /// A large export generated on the fly: the reader must emit messages while the stream is
    /// still near its start (it never loads the whole file) and read in bounded chunks.
    ///
    /// 16 MB by default (about 15 s in a debug build, where the tokenizer runs at ~1 MB/s);
    /// `TASKA_TELEGRAM_STREAM_MB=50` runs the 50 MB case of the issue.
    @Test func largeExportStreamsInFlatMemory() throws {
        let megabytes = ProcessInfo.processInfo.environment["TASKA_TELEGRAM_STREAM_MB"].flatMap(Int.init) ?? 16
        let messages = megabytes * 3_600  // about 280 bytes each
        let stream = SyntheticExportStream(messages: messages)
        var count = 0
        var offsetAtFirstEmit = -1
        let base = SourceDocument(source: SourceInfo(path: "big/result.json", bytes: 0, sha256: "ab"), bytes: [])
        try TelegramJSONReader().read(stream: stream, document: base) { doc in
            if offsetAtFirstEmit < 0 { offsetAtFirstEmit = stream.served }
            count += 1
            #expect(doc.text.isEmpty && doc.bytes.isEmpty)
        }
        #expect(stream.served > megabytes * 1_000_000)
        #expect(count == messages)
        #expect(offsetAtFirstEmit > 0 && offsetAtFirstEmit <= 256 * 1024)
        #expect(stream.largestRequest <= 1 << 16)
    }
}

/// A `result.json` made on the fly, message by message: `served` counts the bytes handed out.
final class SyntheticExportStream: ByteStream {
    private let messages: Int
    private var next = 0
    private var pending: [UInt8] = Array(#"{"name": "Rediyon Gwaji", "type": "public_channel", "id": 77, "messages": ["#.utf8)
    private var pendingOffset = 0
    private var finished = false
    private(set) var served = 0
    private(set) var largestRequest = 0

    init(messages: Int) { self.messages = messages }

    private func refill() {
        pending.removeAll(keepingCapacity: true)
        pendingOffset = 0
        if next < messages {
            let i = next
            next += 1
            let unix = 1_767_607_200 + i
            let body = "Sako na \(i): farashin hatsi a kasuwar Maiduguri ya tsaya. السعر ثابت اليوم. Prices held steady on day \(i)."
            var m = i == 0 ? "\n" : ",\n"
            m += #" {"id": \#(i + 1), "type": "message", "date": "2026-01-05T10:00:00", "date_unixtime": "\#(unix)", "from": "Rediyon Gwaji", "from_id": "channel77", "#
            m += ##""text": "\##(body)", "text_entities": [{"type": "plain", "text": "\##(body)"}, {"type": "hashtag", "text": "#kasuwa"}]}"##
            pending = Array(m.utf8)
        } else if !finished {
            finished = true
            pending = Array("\n]}\n".utf8)
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        largestRequest = max(largestRequest, buffer.count)
        var written = 0
        while written < buffer.count {
            if pendingOffset == pending.count {
                refill()
                if pending.isEmpty { break }
            }
            let n = min(buffer.count - written, pending.count - pendingOffset)
            pending.withUnsafeBytes { src in
                (buffer.baseAddress! + written).copyMemory(from: src.baseAddress! + pendingOffset, byteCount: n)
            }
            pendingOffset += n
            written += n
        }
        served += written
        return written
    }
}
