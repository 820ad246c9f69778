import Foundation
import Testing
import GRDB
import TaskaCore
import TaskaTestSupport
@testable import TaskaStore

private let pipelineV1 = Pipeline(name: "communiques", version: "0.1.0", stages: [])

private func file(_ text: String, key: String? = nil, path: String = "inbox/a.txt", language: String? = "ha-Latn",
                  published: String? = nil, pipeline: Pipeline = pipelineV1, fail: Bool = false) -> ArchivedFile {
    let bytes = Array(text.utf8)
    let sha = SHA256.hex(of: bytes)
    var doc = SourceDocument(source: SourceInfo(path: path, bytes: bytes.count, sha256: sha), bytes: [])
    doc.mediaType = "text/plain"
    doc.charset = CharsetDecision(charset: "utf-8", source: .validated, confidence: 1)
    doc.normalized = NormalizedText(text: text, searchKey: key ?? text.lowercased(), direction: .ltr, scripts: [], paragraphs: [])
    doc.language = language
    doc.metadata.published = published
    let record: TaskaCore.Record = fail
        ? Record(document: doc, failure: StageFailure(stage: "decode", message: "\(path): broken"), pipeline: pipeline, ingestedAt: Timestamp(seconds: 1_700_000_000))
        : Record(document: doc, pipeline: pipeline, ingestedAt: Timestamp(seconds: 1_700_000_000))
    return ArchivedFile(source: doc.source, original: bytes, records: [(record, record.json.serialized())],
                        seenAt: Timestamp(seconds: 1_700_000_000))
}

private func count(_ archive: Archive) throws -> ArchiveStats { try archive.stats() }

@Suite struct ArchiveTests {
    @Test func storesDocumentsRecordsAndOriginals() throws {
        let archive = try Archive()
        try archive.store([file("Gwamnati ta ce za a gyara hanya."), file("Ruwan sama ya yi yawa.", path: "inbox/b.txt")])
        let stats = try count(archive)
        #expect(stats.documents == 2 && stats.records == 2 && stats.errors == 0)
        #expect(stats.byLanguage.map(\.0) == ["ha-Latn"])
    }

    @Test func reingestingTheSameBytesAddsNothingButASighting() throws {
        let archive = try Archive()
        try archive.store([file("Iri daya.")])
        try archive.store([file("Iri daya.", path: "other/name.txt")])
        let stats = try count(archive)
        #expect(stats.documents == 1 && stats.records == 1)
        var paths: [String] = []
        try archive.forEachOriginal { _, p, _ in paths = p }
        #expect(paths == ["inbox/a.txt", "other/name.txt"])
    }

    @Test func aChangedPipelineReDerives() throws {
        let archive = try Archive()
        try archive.store([file("Iri daya.")])
        let v2 = Pipeline(name: "communiques", version: "0.2.0", stages: [])
        try archive.store([file("Iri daya.", pipeline: v2)])
        #expect(try count(archive).records == (pipelineV1.hash == v2.hash ? 1 : 2))
    }

    @Test func errorsAreStoredOnce() throws {
        let archive = try Archive()
        try archive.store([file("\u{0}\u{1}", fail: true)])
        try archive.store([file("\u{0}\u{1}", fail: true)])
        #expect(try count(archive).errors == 1)
    }

    @Test func searchRanksAndFilters() throws {
        let archive = try Archive()
        try archive.store([
            file("Ƙasa ta yi ruwa. Ƙasa tana da kyau.", key: "ƙasa ta yi ruwa. ƙasa tana da kyau.", path: "a", published: "2024-03-01"),
            file("Kasa na gari.", key: "kasa na gari.", path: "b", published: "2024-05-01"),
            file("مدرسة جديدة", key: "مدرسه جديده", path: "c", language: "ar-Arab", published: "2023-01-01"),
        ])
        let hausa = try archive.search(ArchiveQuery(terms: ["ƙasa"]))
        #expect(hausa.map(\.path) == ["a"])   // ƙ and k stay distinct
        #expect(try archive.search(ArchiveQuery(terms: ["مدرسه"])).map(\.path) == ["c"])
        #expect(try archive.search(ArchiveQuery(terms: ["مدرسه"], language: "ha")).isEmpty)
        #expect(try archive.search(ArchiveQuery(terms: ["مدرسه"], language: "ar")).map(\.path) == ["c"])
        #expect(try archive.search(ArchiveQuery(terms: ["kasa"], since: "2024-04-01")).map(\.path) == ["b"])
        #expect(try archive.search(ArchiveQuery(terms: ["kasa"], until: "2024-04-01")).isEmpty)
        #expect(try archive.search(ArchiveQuery(terms: [""])).isEmpty)
        #expect(try archive.search(ArchiveQuery(terms: ["\"*"])).isEmpty)
    }

    @Test func anArchiveFromBeforeChatMessagesGetsThemOnOpening() throws {
        let dir = try TemporaryFolder(prefix: "taska-archive")
        let path = dir.path("taska.sqlite")
        // An archive at schema v1 with one chat message record and one other record.
        do {
            let raw = try DatabaseQueue(path: path)
            try ArchiveMigrator.migrator.migrate(raw, upTo: "v1 documents, sightings, records, errors, originals")
            try raw.write { db in
                try db.execute(sql: "INSERT INTO document (sha256, bytes, firstSeenAt) VALUES ('aa', 1, 't')")
                let message = #"{"message":{"chat":{"name":"Labarai","type":"public_channel","id":42},"id":7,"date":"2026-03-02T07:05:11Z","sender":"Aisha","senderId":"user1","author":null,"forwardedFrom":"Rediyo","replyTo":3,"edited":null,"media":null}}"#
                for (id, json) in [("aa#0", message), ("aa#1", #"{"message":null}"#)] {
                    try db.execute(sql: """
                        INSERT INTO record (recordId, sha256, pipelineName, pipelineVersion, pipelineHash, path, text, searchKey, json, ingestedAt)
                        VALUES (?, 'aa', 'p', '1', 'h', 'x', '', '', ?, 't')
                        """, arguments: [id, json])
                }
            }
        }
        let archive = try Archive(path: path)
        let chats = try archive.chats()
        #expect(chats == [ArchivedChat(key: "Labarai", id: 42, name: "Labarai", type: "public_channel", messages: 1,
                                        first: "2026-03-02T07:05:11Z", last: "2026-03-02T07:05:11Z")])
        let report = try archive.chatReport(try archive.chat(named: "42"))
        #expect(report.forwards.map(\.name) == ["Rediyo"] && report.replies == 1)
        #expect(report.threads == [ChatThread(root: 3, rootPresent: false, replies: 1, first: "2026-03-02T07:05:11Z", last: "2026-03-02T07:05:11Z")])
        #expect(throws: ArchiveError.self) { try archive.chat(named: "Other") }
    }

    @Test func verifyFindsAFlippedByte() throws {
        let dir = try TemporaryFolder(prefix: "taska-archive")
        let path = dir.path("taska.sqlite")
        do {
            let archive = try Archive(path: path)
            try archive.store([file("Takarda ta farko."), file("Takarda ta biyu.", path: "inbox/b.txt")])
            #expect(try archive.verify().failures.isEmpty)
        }
        // Flip one byte of one stored original behind the archive's back.
        do {
            let raw = try DatabaseQueue(path: path)
            try raw.write { db in
                try db.execute(sql: "UPDATE original SET data = CAST('Takarda ta farkO.' AS BLOB), compression = 'none' WHERE size = 17")
            }
        }
        let reopened = try Archive(path: path, readOnly: true)
        let result = try reopened.verify()
        #expect(result.checked == 2)
        #expect(result.failures.count == 1)
        #expect(result.failures.first?.paths == ["inbox/a.txt"])
    }

    @Test func originalsAreCompressedAndComeBackBitForBit() throws {
        let archive = try Archive()
        let text = String(repeating: "Ruwan sama ya sauka a Maiduguri. ", count: 200)
        let small = "ƙ"
        try archive.store([file(text), file(small, path: "small.txt")])
        var restored: [String: [UInt8]] = [:]
        try archive.forEachOriginal { _, paths, bytes in restored[paths[0]] = bytes }
        #expect(restored["inbox/a.txt"] == Array(text.utf8))
        #expect(restored["small.txt"] == Array(small.utf8))
        #expect(try archive.stats().originalBytes == text.utf8.count + small.utf8.count)
        #expect(try archive.verify().failures.isEmpty)
        #expect(OriginalCodec.encode(Array(text.utf8)).compression == "zlib")
        #expect(OriginalCodec.encode(Array(text.utf8)).data.count < text.utf8.count / 10)
        #expect(OriginalCodec.encode((0..<100).map { UInt8($0) }).compression == "none")
    }

    @Test func exportLinesAreTheStoredRecords() throws {
        let archive = try Archive()
        let f = file("Layi daya.")
        try archive.store([f, file("x", path: "bad", fail: true)])
        var lines: [String] = []
        try archive.forEachLine { lines.append($0) }
        #expect(lines.count == 2)
        // The stored line, with the record's current repost cluster appended (alone: itself, 1).
        #expect(lines[0] == String(f.records[0].line.dropLast()) + ",\"cluster\":\"\(f.records[0].record.document.id)\",\"clusterSize\":1}")
        #expect(lines[1].contains("\"error\""))
    }

    @Test func readOnlyOpenOfAMissingArchiveSaysWhatToDo() {
        do {
            _ = try Archive(path: "/nonexistent/taska.sqlite", readOnly: true)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("taska ingest"))
        }
    }
}
