import Foundation
import GRDB
import Testing
import TaskaCore
import TaskaReposts
@testable import TaskaStore

private let pipeline = Pipeline(name: "telegram", version: "0.1.0", stages: [])

/// A stored record of `key` (a search key), sketched as the reposts stage would.
private func file(_ key: String, path: String, published: String?, options: RepostsOptions = RepostsOptions()) -> ArchivedFile {
    let bytes = Array((key + path).utf8)
    var doc = SourceDocument(source: SourceInfo(path: path, bytes: bytes.count, sha256: SHA256.hex(of: bytes)), bytes: [])
    doc.normalized = NormalizedText(text: key, searchKey: key, direction: .ltr, scripts: [], paragraphs: [])
    doc.metadata.published = published
    doc.repostSketch = RepostsStage.sketch(searchKey: key, options: options)
    let record = Record(document: doc, pipeline: pipeline, ingestedAt: Timestamp(seconds: 1_700_000_000))
    return ArchivedFile(source: doc.source, original: bytes, records: [(record, record.json.serialized())], seenAt: Timestamp(seconds: 1_700_000_000))
}

private func id(_ f: ArchivedFile) -> String { f.records[0].record.document.id }

@Suite struct ArchiveRepostTests {
    let post = "sojoji sun kwace makamai da dama bayan fafatawa da mayakan a kusa da tafkin chadi ranar lahadi"
    let other = "hukumar zabe ta ce za ta fitar da sakamakon zaben gwamna a jihar borno cikin kwanaki uku"

    @Test func copiesJoinTheEarliestRecordsCluster() throws {
        let archive = try Archive()
        let copy = file("breaking:\n" + post + "\n— sahel dispatch", path: "b.json", published: "2024-03-02T10:00:00")
        let original = file(post, path: "a.json", published: "2024-03-01T09:00:00")
        let alone = file(other, path: "c.json", published: "2024-03-01T08:00:00")
        // The copy arrives first: the cluster is named after the earliest record all the same.
        try archive.store([copy])
        try archive.store([alone, original])
        let clusters = try archive.clusters(ofRecordIds: [id(copy), id(original), id(alone)])
        #expect(clusters[id(copy)] == RecordCluster(cluster: id(original), size: 2))
        #expect(clusters[id(original)] == RecordCluster(cluster: id(original), size: 2))
        #expect(clusters[id(alone)] == RecordCluster(cluster: id(alone), size: 1))
        let (cluster, copies) = try #require(try archive.reposts(of: id(copy)))
        #expect(cluster.size == 2 && copies.map(\.recordId) == [id(original), id(copy)])
        #expect(try archive.largestClusters(limit: 5).map(\.size) == [2])
    }

    @Test func aRecordMatchingTwoClustersJoinsTheEarliestOnly() throws {
        let archive = try Archive()
        let long = post + " " + other
        // Two trimmed halves that do not match each other, then the whole post that matches both.
        // One row per band: every pair sharing a three-word run is a candidate, so the test
        // checks the join, not the luck of the bands.
        let wide = RepostsOptions(bands: 32, rows: 1)
        let first = file(post + " kuma suka kama wasu", path: "a.json", published: "2024-01-01", options: wide)
        let second = file("da dumi-dumi " + other, path: "b.json", published: "2024-01-02", options: wide)
        let whole = file(long + " kuma suka kama wasu", path: "c.json", published: "2024-01-03", options: wide)
        try archive.store([first, second])
        #expect(try archive.clusters(ofRecordIds: [id(first)])[id(first)]?.size == 1)
        try archive.store([whole])
        let clusters = try archive.clusters(ofRecordIds: [id(first), id(second), id(whole)])
        #expect(clusters[id(first)] == RecordCluster(cluster: id(first), size: 2))
        #expect(clusters[id(whole)] == RecordCluster(cluster: id(first), size: 2))
        #expect(clusters[id(second)] == RecordCluster(cluster: id(second), size: 1))
    }

    @Test func postsMatchingOnlyAMemberDoNotChain() throws {
        let archive = try Archive()
        let wide = RepostsOptions(bands: 32, rows: 1)
        let first = file(post + " kuma suka kama wasu", path: "a.json", published: "2024-01-01", options: wide)
        let whole = file(post + " " + other + " kuma suka kama wasu", path: "c.json", published: "2024-01-02", options: wide)
        let second = file("da dumi-dumi " + other, path: "b.json", published: "2024-01-03", options: wide)
        // `second` matches `whole`, a member of `first`'s cluster, and not `first`: no chain.
        try archive.store([first])
        try archive.store([whole])
        try archive.store([second])
        let clusters = try archive.clusters(ofRecordIds: [id(first), id(second), id(whole)])
        #expect(clusters[id(whole)] == RecordCluster(cluster: id(first), size: 2))
        #expect(clusters[id(second)] == RecordCluster(cluster: id(second), size: 1))
        #expect(try bandRows(archive, distinctRecords: true) == 2, "members add no band keys")
    }

    @Test func identicalCopiesShareOneIndexEntry() throws {
        let archive = try Archive()
        let copies = (0..<50).map { file(post, path: "ch\($0).json", published: "2024-02-\(String(format: "%02d", $0 % 28 + 1))") }
        try archive.store(copies)
        #expect(try archive.clusters(ofRecordIds: [id(copies[7])])[id(copies[7])]?.size == 50)
        #expect(try bandRows(archive) == RepostsOptions().bands, "only the first copy is indexed")
    }

    /// Band keys in the index and its log (the newest centres' keys, merged in batches).
    func bandRows(_ archive: Archive, distinctRecords: Bool = false) throws -> Int {
        let column = distinctRecords ? "count(DISTINCT record)" : "count(*)"
        return try archive.wrapRead { db in
            try Int.fetchOne(db, sql: "SELECT \(column) FROM (SELECT record FROM repost_band UNION ALL SELECT record FROM repost_band_log)") ?? 0
        }
    }

    @Test func keysAreFoundInTheLogAndAfterItIsMergedIntoTheIndex() throws {
        let archive = try Archive()
        let original = file(post, path: "a.json", published: "2024-03-01")
        try archive.store([original])
        let logged = try archive.wrapRead { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM repost_band_log") ?? 0 }
        #expect(logged == RepostsOptions().bands)
        // A copy finds the original through the log's mirror.
        try archive.store([file("breaking:\n" + post, path: "b.json", published: "2024-03-02")])
        try archive.writer.write { db in try archive.bandMirror.merge(db) }
        let counts = try archive.wrapRead { db in
            [try Int.fetchOne(db, sql: "SELECT count(*) FROM repost_band_log") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM repost_band") ?? -1]
        }
        #expect(counts == [0, RepostsOptions().bands])
        // And through the index once merged.
        try archive.store([file(post + "\n— sahel dispatch", path: "c.json", published: "2024-03-03")])
        #expect(try archive.clusters(ofRecordIds: [id(original)])[id(original)] == RecordCluster(cluster: id(original), size: 3))
    }

    @Test func aRolledBackMergeLeavesTheMirrorReloaded() throws {
        let archive = try Archive()
        let original = file(post, path: "a.json", published: "2024-03-01")
        try archive.store([original])
        // The merge empties the mirror, then its transaction rolls back: the log keeps the keys,
        // and the next transaction must read them again.
        struct Abort: Error {}
        #expect(throws: Abort.self) { try archive.writer.write { db in try archive.bandMirror.merge(db); throw Abort() } }
        try archive.store([file("breaking:\n" + post, path: "b.json", published: "2024-03-02")])
        #expect(try archive.clusters(ofRecordIds: [id(original)])[id(original)] == RecordCluster(cluster: id(original), size: 2))
    }

    @Test func keysIndexedWithoutAWordCountAreStillMatched() throws {
        let archive = try Archive()
        let original = file(post, path: "a.json", published: "2024-03-01")
        try archive.store([original])
        // New keys carry their record's word count.
        let counts = try archive.wrapRead { db in try Int?.fetchAll(db, sql: "SELECT words FROM repost_band_log") }
        #expect(counts.count == RepostsOptions().bands && Set(counts).count == 1 && (counts.first ?? nil) ?? 0 > 0, "\(counts)")
        // As an archive indexed before word counts were kept beside the keys.
        try archive.writer.write { db in
            try archive.bandMirror.merge(db)
            try db.execute(sql: "UPDATE repost_band SET words = NULL")
        }
        #expect(try archive.wrapRead { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM repost_band WHERE words IS NULL") } == RepostsOptions().bands)
        try archive.store([file("breaking:\n" + post, path: "b.json", published: "2024-03-02")])
        #expect(try archive.clusters(ofRecordIds: [id(original)])[id(original)] == RecordCluster(cluster: id(original), size: 2))
    }

    @Test func theIndexInMemoryHoldsWhatTheTableGivesProbes() throws {
        // Random rows merged in batches into the table and into the arrays: for every key the
        // arrays give what `SELECT … WHERE key = ? LIMIT 8` gives (a few keys hold many rows).
        var state: UInt64 = 7
        func next(_ bound: UInt64) -> Int64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int64((state >> 33) % bound) }
        let db = try DatabaseQueue()
        try db.write { db in try db.execute(sql: "CREATE TABLE band (key INTEGER NOT NULL, record INTEGER NOT NULL, words INTEGER, PRIMARY KEY (key, record)) WITHOUT ROWID") }
        var index = RepostClusters.IndexedBands(limit: 8)
        for _ in 0..<5 {
            var rows: [(key: Int64, entry: RepostClusters.BandMirror.Entry)] = []
            for _ in 0..<2_000 {
                let words = next(4) == 0 ? nil : Int32(next(500))
                rows.append((next(3) == 0 ? next(12) : next(1_000_000), .init(record: next(5_000), words: words)))
            }
            try db.write { db in
                for row in rows {
                    try db.execute(sql: "INSERT OR IGNORE INTO band VALUES (?, ?, ?)", arguments: [row.key, row.entry.record, row.entry.words])
                }
            }
            rows.sort { ($0.key, $0.entry.record) < ($1.key, $1.entry.record) }
            index = index.merged(withSorted: rows)
        }
        let keys = try db.read { db in try Int64.fetchAll(db, sql: "SELECT DISTINCT key FROM band") }
        #expect(keys.count > 1_000)
        var loaded = RepostClusters.IndexedBands(limit: 8)
        try db.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT key, record, words FROM band ORDER BY key, record")
            while let row = try rows.next() { loaded.appendInOrder(key: row[0], entry: .init(record: row[1], words: row[2])) }
        }
        #expect(loaded.count == index.count)
        var mismatches = 0
        try db.read { db in
            for key in keys {
                let table = try Row.fetchAll(db, sql: "SELECT record, words FROM band WHERE key = ? LIMIT 8", arguments: [key])
                    .map { RepostClusters.BandMirror.Entry(record: $0[0], words: $0[1]) }
                var merged: [RepostClusters.BandMirror.Entry] = []
                index.entries(key: key) { merged.append($0) }
                var fresh: [RepostClusters.BandMirror.Entry] = []
                loaded.entries(key: key) { fresh.append($0) }
                if merged != table || fresh != table { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        var absent: [RepostClusters.BandMirror.Entry] = []
        index.entries(key: -1) { absent.append($0) }
        #expect(absent.isEmpty)
    }

    @Test func whatIsHeldInMemoryGivesTheClustersTheTablesGive() throws {
        // Posts from shared sentences (copies, trims, template instances), stored in the same
        // batches into an archive that reads the tables and one that holds the index and the
        // centres in memory (a tiny centre budget, so it is emptied and refilled as it goes).
        let sentences = [post, other, "an kai hari a wani kauye da ke karamar hukumar gwoza a daren jiya",
                         "rundunar soji ta ce ta kashe mayaka goma sha biyu a dajin sambisa", "mutane da dama sun tsere zuwa maiduguri"]
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(bound)) }
        var files: [ArchivedFile] = []
        for n in 0..<240 {
            var lines = (0..<(1 + next(3))).map { _ in sentences[next(sentences.count)] }
            if next(3) == 0 { lines.insert("sanarwa \(next(9)):", at: 0) }
            if next(4) == 0 { lines.append("lamba \(next(5))") }
            files.append(file(lines.joined(separator: "\n"), path: "p\(n).json", published: "2024-01-\(10 + next(20))"))
        }
        let onDisk = try Archive()
        let inMemory = try Archive()
        inMemory.bandMirror.loadAfter = 0
        inMemory.bandMirror.centreBudget = 2_000
        for (i, batch) in stride(from: 0, to: files.count, by: 16).map({ Array(files[$0..<min($0 + 16, files.count)]) }).enumerated() {
            try onDisk.store(batch)
            try inMemory.store(batch)
            if i % 4 == 3 {
                try onDisk.writer.write { db in try onDisk.bandMirror.merge(db) }
                try inMemory.writer.write { db in try inMemory.bandMirror.merge(db) }
            }
        }
        #expect(inMemory.bandMirror.indexLoaded && !onDisk.bandMirror.indexLoaded)
        let ids = files.map(id)
        let expected = try onDisk.clusters(ofRecordIds: ids)
        #expect(Set(expected.values.map(\.cluster)).count < 100, "the posts form clusters")
        #expect(try inMemory.clusters(ofRecordIds: ids) == expected)
    }

    @Test func theIndexInMemoryFollowsMergesHereAndCommitsElsewhere() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("taska-bandindex-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let a = try Archive(path: path)
        let b = try Archive(path: path)
        a.bandMirror.loadAfter = 0
        b.bandMirror.loadAfter = 0
        let first = file(post, path: "a.json", published: "2024-03-01")
        let second = file(other, path: "b.json", published: "2024-03-02")
        try a.store([first])                                // a's index: loaded from an empty table
        #expect(a.bandMirror.indexLoaded)
        try a.writer.write { db in try a.bandMirror.merge(db) }   // first's keys: the table and a's index
        try a.store([file("sanarwa:\n" + post, path: "c.json", published: "2024-03-03")])
        try b.store([second])                               // b logs second's keys ...
        try b.writer.write { db in try b.bandMirror.merge(db) }   // ... and merges them: a's index lacks them
        try a.store([file(other + "\nkarin bayani", path: "d.json", published: "2024-03-04")])
        let clusters = try a.clusters(ofRecordIds: [id(first), id(second)])
        #expect(clusters[id(first)]?.size == 2)
        #expect(clusters[id(second)]?.size == 2, "a copy found through keys another connection merged")
    }

    @Test func aSecondConnectionReadsKeysLoggedByTheFirst() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("taska-bandlog-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let a = try Archive(path: path)
        let b = try Archive(path: path)
        let first = file(post, path: "a.json", published: "2024-03-01")
        let second = file(other, path: "b.json", published: "2024-03-02")
        try a.store([first])                                              // a's mirror holds first's keys
        try b.store([file("sanarwa:\n" + post, path: "c.json", published: "2024-03-03")])   // b loads the log
        try b.store([second])                                             // the log changes under a
        try a.store([file(other + "\nkarin bayani", path: "d.json", published: "2024-03-04")])
        let clusters = try a.clusters(ofRecordIds: [id(first), id(second)])
        #expect(clusters[id(first)]?.size == 2)
        #expect(clusters[id(second)]?.size == 2)
    }

    @Test func reindexInTheProcessThatHeldTheIndexStartsAfresh() throws {
        // The index and the centres in memory, the log just merged (so the emptied tables look
        // like the log the mirror holds): the rebuild must not match against what was held.
        let archive = try Archive()
        archive.bandMirror.loadAfter = 0
        let files = [file(post, path: "a.json", published: "2024-03-01"), file("sanarwa:\n" + post, path: "b.json", published: "2024-03-02"),
                     file(other, path: "c.json", published: nil)]
        try archive.store(files)
        try archive.writer.write { db in try archive.bandMirror.merge(db) }
        #expect(archive.bandMirror.indexLoaded)
        let before = try archive.clusters(ofRecordIds: files.map(id))
        // Keys held from before would bring each record back as its own candidate.
        _ = try archive.rebuildClusters(sketch: { RepostsStage.sketch(searchKey: $0, options: RepostsOptions()) })
        #expect(try archive.clusters(ofRecordIds: files.map(id)) == before)
        let orphans = try archive.wrapRead { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM cluster c WHERE NOT EXISTS (SELECT 1 FROM repost WHERE record = c.first)")
        }
        #expect(orphans == 0)
    }

    @Test func reindexRebuildsTheSameClusters() throws {
        let archive = try Archive()
        let files = [file(post, path: "a.json", published: "2024-03-01"), file("sanarwa:\n" + post, path: "b.json", published: "2024-03-02"),
                     file(other, path: "c.json", published: nil)]
        try archive.store(files)
        var lines: [String] = []
        try archive.forEachLine { lines.append($0) }
        let done = try archive.rebuildClusters(sketch: { RepostsStage.sketch(searchKey: $0, options: RepostsOptions()) })
        var again: [String] = []
        try archive.forEachLine { again.append($0) }
        #expect(done == 3 && again == lines)
        #expect(lines[1].hasSuffix(",\"cluster\":\"\(id(files[0]))\",\"clusterSize\":2}"))
    }

    @Test func greetingsStayAlone() throws {
        let archive = try Archive()
        let a = file("allahu akbar", path: "a.json", published: nil), b = file("allahu akbar", path: "b.json", published: nil)
        try archive.store([a, b])
        #expect(try archive.clusters(ofRecordIds: [id(b)])[id(b)] == RecordCluster(cluster: id(b), size: 1))
        #expect(try archive.largestClusters(limit: 5).isEmpty)
    }
}

@Suite struct ArchiveRepostMergeTests {
    @Test func mergedRecordsJoinClusters() throws {
        let folder = NSTemporaryDirectory() + "taska-merge-reposts-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let post = "sojoji sun kwace makamai da dama bayan fafatawa da mayakan a kusa da tafkin chadi ranar lahadi"
        let a = try Archive(path: folder + "/a.sqlite"), b = try Archive(path: folder + "/b.sqlite")
        let original = file(post, path: "a.json", published: "2024-03-01"), copy = file("sanarwa:\n" + post, path: "b.json", published: "2024-03-02")
        try a.store([original])
        try b.store([copy])
        _ = try a.merge(from: folder + "/b.sqlite")
        _ = try a.merge(from: folder + "/b.sqlite")
        #expect(try a.clusters(ofRecordIds: [id(copy)])[id(copy)] == RecordCluster(cluster: id(original), size: 2))
    }
}
