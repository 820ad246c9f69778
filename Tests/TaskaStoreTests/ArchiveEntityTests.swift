import Foundation
import Testing
import GRDB
import TaskaCore
import TaskaTestSupport
@testable import TaskaStore

/// Traces in the archive: stored in `entity` from records' found entities, searched by kind and
/// value alone or with words, carried by merges, and added to archives made before the table.
@Suite struct ArchiveEntityTests {
    private let pipeline = Pipeline(name: "communiques", version: "0.1.0", stages: [])

    private func file(_ text: String, path: String, entities: [Entity]) -> ArchivedFile {
        let bytes = Array(text.utf8)
        var doc = SourceDocument(source: SourceInfo(path: path, bytes: bytes.count, sha256: SHA256.hex(of: bytes)), bytes: [])
        doc.normalized = NormalizedText(text: text, searchKey: text.lowercased(), direction: .ltr, scripts: [], paragraphs: [],
                                        entities: entities)
        doc.language = "ha-Latn"
        let record = Record(document: doc, pipeline: pipeline, ingestedAt: Timestamp(seconds: 1_700_000_000))
        return ArchivedFile(source: doc.source, original: bytes, records: [(record, record.json.serialized())],
                            seenAt: Timestamp(seconds: 1_700_000_000))
    }

    private func phone(_ start: Int, _ end: Int, _ value: String) -> Entity {
        Entity(type: "phone", start: start, end: end, value: value, country: "NG", stage: "traces")
    }

    private var files: [ArchivedFile] {
        [
            file("Kira 0803 123 4567 don ruwa.", path: "a", entities: [Entity(type: "bold", start: 0, end: 4), phone(5, 18, "+2348031234567")]),
            file("Kira +234 805 765 4321 don wuta.", path: "b", entities: [phone(5, 22, "+2348057654321")]),
            file("Babu lamba a nan, sai ruwa.", path: "c", entities: []),
        ]
    }

    @Test func searchesByKindValueAndWords() throws {
        let archive = try Archive()
        try archive.store(files)
        let one = try archive.search(ArchiveQuery(terms: [], entities: [EntityFilter(kind: "phone", value: "+2348031234567")]))
        #expect(one.map(\.path) == ["a"])
        #expect(one.first?.entities == [ArchiveEntity(kind: "phone", value: "+2348031234567", start: 5, end: 18)])
        #expect(try archive.search(ArchiveQuery(terms: [], entities: [EntityFilter(kind: "phone")])).map(\.path) == ["a", "b"])
        #expect(try archive.search(ArchiveQuery(terms: ["wuta"], entities: [EntityFilter(kind: "phone")])).map(\.path) == ["b"])
        #expect(try archive.search(ArchiveQuery(terms: ["ruwa"], entities: [EntityFilter(kind: "phone", value: "+2348057654321")])).isEmpty)
        // Source markup (bold) is not a trace and is not stored.
        #expect(try archive.search(ArchiveQuery(terms: [], entities: [EntityFilter(kind: "bold")])).isEmpty)
        // Storing the same records again adds no second row.
        try archive.store(files)
        #expect(try archive.search(ArchiveQuery(terms: [], entities: [EntityFilter(kind: "phone")])).map(\.path) == ["a", "b"])
    }

    @Test func anArchiveFromBeforeTheEntityTableIsMigratedAndMerged() throws {
        let folder = try TemporaryFolder()
        let old = folder.path + "/old.sqlite"
        // An archive as the first schema made it, holding a record.
        do {
            let queue = try DatabaseQueue(path: old)
            try ArchiveMigrator.migrator.migrate(queue, upTo: "v1 documents, sightings, records, errors, originals")
            #expect(try queue.read { try $0.tableExists("entity") } == false)
        }
        let stored = file("Kira 0803 123 4567 don ruwa.", path: "a", entities: [phone(5, 18, "+2348031234567")])
        let line = stored.records[0].line
        let queue = try DatabaseQueue(path: old)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO document (sha256, bytes, firstSeenAt) VALUES (?, 1, 'x')", arguments: [stored.source.sha256])
            try db.execute(sql: """
                INSERT INTO record (recordId, sha256, pipelineName, pipelineVersion, pipelineHash, path, text, searchKey, json, ingestedAt)
                VALUES (?, ?, 'communiques', '0.1.0', 'h', 'a', 'Kira', 'kira', ?, 'x')
                """, arguments: [stored.source.sha256, stored.source.sha256, line])
        }
        try queue.close()
        // A merge reads the old archive without migrating it, taking its records' traces from their JSON.
        let merged = try Archive()
        _ = try merged.merge(from: old)
        #expect(try merged.search(ArchiveQuery(terms: [], entities: [EntityFilter(kind: "phone", value: "+2348031234567")])).count == 1)
        // Opening it for writing adds the table and keeps the record.
        let upgraded = try Archive(path: old)
        #expect(try upgraded.stats().records == 1)
        #expect(try upgraded.search(ArchiveQuery(terms: ["kira"])).count == 1)
    }
}
