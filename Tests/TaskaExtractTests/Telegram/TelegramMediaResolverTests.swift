import Testing
import TaskaCore
@testable import TaskaExtract

/// Media files of an export read from a container resolve to its members (`FolderMembers`).
@Suite struct TelegramMediaResolverTests {
    typealias S = TelegramTestSupport

    static let json = """
    {"name": "Zauren Manoma", "type": "public_channel", "id": 7, "messages": [
     {"id": 1, "type": "message", "date": "2026-01-05T10:00:00", "date_unixtime": "1767607200", "from": "A",
      "file": "files/takarda.pdf", "file_name": "takarda.pdf", "mime_type": "application/pdf", "text": "", "text_entities": []},
     {"id": 2, "type": "message", "date": "2026-01-05T10:01:00", "date_unixtime": "1767607260", "from": "A",
      "photo": "photos/photo_1.jpg", "text": "Hoto", "text_entities": [{"type": "plain", "text": "Hoto"}]},
     {"id": 3, "type": "message", "date": "2026-01-05T10:02:00", "date_unixtime": "1767607320", "from": "A",
      "photo": "photos/photo_2.jpg", "text": "", "text_entities": []},
     {"id": 4, "type": "message", "date": "2026-01-05T10:03:00", "date_unixtime": "1767607380", "from": "A",
      "photo": "(File not included. Change data exporting settings to download.)", "text": "", "text_entities": []},
     {"id": 5, "type": "message", "date": "2026-01-05T10:04:00", "date_unixtime": "1767607440", "from": "A",
      "text": "Babu hoto", "text_entities": [{"type": "plain", "text": "Babu hoto"}]}
    ]}
    """

    static let members = FolderMembers(files: [
        "files/takarda.pdf": .init(bytes: 1200, sha256: String(repeating: "a", count: 64)),
        "photos/photo_1.jpg": .init(bytes: 48_213, sha256: String(repeating: "b", count: 64)),
        "result.json": .init(bytes: 900, sha256: String(repeating: "c", count: 64)),
    ], complete: true)

    @Test func mediaFilesResolveToMembersAndMissingOnesAreCountedOnce() throws {
        var doc = S.document(text: Self.json)
        doc.folderMembers = Self.members
        let docs = try S.extract(doc)
        #expect(docs.count == 5)
        let messages = docs.compactMap(\.message)
        #expect(messages[0].mediaLookedUp && messages[0].mediaBytes == 1200 && messages[0].mediaSha256 == String(repeating: "a", count: 64))
        #expect(messages[1].mediaBytes == 48_213)
        #expect(messages[2].mediaLookedUp && messages[2].mediaBytes == nil && messages[2].mediaSha256 == nil)
        // A file Telegram did not export and a message without media are not looked up.
        #expect(messages[3].mediaFile == nil && !messages[3].mediaLookedUp)
        #expect(messages[4].mediaType == nil && !messages[4].mediaLookedUp)
        let missing = docs.flatMap(\.warnings).filter { $0.code == "telegram-media-missing" }
        #expect(missing.count == 1)
        #expect(missing.first?.count == 1)
        #expect(missing.first?.message.contains("'photos/photo_2.jpg'") == true)
        #expect(missing.first?.message.contains("not in the container") == true)
        #expect(docs.last?.warnings.contains { $0.code == "telegram-media-missing" } == true)
        // The table stays with the export; the message records do not carry it.
        #expect(docs.allSatisfy { $0.folderMembers == nil })
    }

    @Test func aLooseExportIsNotLookedUpAndItsRecordsHaveNoDigests() throws {
        let docs = try S.extract(S.document(text: Self.json))
        #expect(docs.compactMap(\.message).allSatisfy { !$0.mediaLookedUp && $0.mediaBytes == nil })
        #expect(S.warning(docs, "telegram-media-missing") == nil)
        #expect(Self.media(docs[0])?.keys == ["type", "file"])
    }

    @Test func theRecordWritesSizeAndDigestOrNulls() throws {
        var doc = S.document(text: Self.json)
        doc.folderMembers = Self.members
        let docs = try S.extract(doc)
        let present = Self.media(docs[0])
        #expect(present?.keys == ["type", "file", "bytes", "sha256"])
        #expect(present?["bytes"] == .int(1200))
        #expect(present?["sha256"] == .string(String(repeating: "a", count: 64)))
        let missing = Self.media(docs[2])
        #expect(missing?["file"] == .string("photos/photo_2.jpg"))
        #expect(missing?["bytes"] == .null && missing?["sha256"] == .null)
    }

    /// The record's `message.media` object.
    static func media(_ document: SourceDocument) -> JSONValue? {
        Record(document: document, pipeline: Pipeline(name: "t", version: "0", stages: []), ingestedAt: Timestamp(seconds: 0))
            .json["message"]?["media"]
    }

    @Test func anIncompleteTableSaysTheContainerWasNotReadToTheEnd() throws {
        var doc = S.document(text: Self.json)
        doc.folderMembers = FolderMembers(files: Self.members.files, complete: false)
        let warning = S.warning(try S.extract(doc), "telegram-media-missing")
        #expect(warning?.message.contains("not among the members read before the export") == true)
    }

    @Test func htmlPageHrefsResolveWithTheirEscapesUndone() throws {
        let page = """
        <html><head><meta charset="utf-8"><title>Exported Data</title></head><body><div class="page_wrap">
        <div class="page_header"><div class="content"><div class="text bold">Zauren Manoma</div></div></div>
        <div class="page_body chat_page"><div class="history">
        <div class="message default clearfix" id="message5"><div class="body">
        <div class="pull_right date details" title="05.01.2026 10:00:00 UTC+01:00">10:00</div>
        <div class="from_name">Bala Musa</div>
        <div class="media_wrap clearfix"><a class="media clearfix pull_left block_link media_voice_message" href="voice_messages/audio%201.ogg"><div class="body"><div class="title bold">Voice message</div></div></a></div>
        </div></div>
        <div class="message default clearfix" id="message6"><div class="body">
        <div class="pull_right date details" title="05.01.2026 10:01:00 UTC+01:00">10:01</div>
        <div class="from_name">Bala Musa</div>
        <div class="media_wrap clearfix"><a class="media clearfix pull_left block_link media_voice_message" href="voice_messages/audio_2.ogg"><div class="body"><div class="title bold">Voice message</div></div></a></div>
        </div></div>
        </div></div></div></body></html>
        """
        var doc = S.document(text: page, mediaType: "text/html", path: "export.zip")
        doc.folderMembers = FolderMembers(files: ["voice_messages/audio 1.ogg": .init(bytes: 77, sha256: "d")], complete: true)
        let docs = try S.extract(doc)
        #expect(docs.count == 2)
        #expect(docs[0].message?.mediaBytes == 77 && docs[0].message?.mediaSha256 == "d")
        #expect(docs[1].message?.mediaLookedUp == true && docs[1].message?.mediaBytes == nil)
        #expect(docs[1].warnings.contains { $0.code == "telegram-media-missing" && $0.count == 1 })
    }
}
