import Foundation
import GRDB
import TaskaCore

/// One ingested file as the archive stores it: provenance, original bytes and its records.
public struct ArchivedFile: Sendable {
    /// Provenance (nil sha256 when the file could not be read).
    public var source: SourceInfo
    /// The original bytes as the archive stores them, when they are to be kept: compressed
    /// (`OriginalCodec`) when the value is made, on the ingest worker that makes it, so the
    /// archive's single writer thread does not spend its time in zlib.
    let original: StoredOriginal?
    /// Bytes of the original this value holds (compressed when that saved space).
    public var originalBytesHeld: Int { original?.data.count ?? 0 }

    /// Original bytes as the archive stores them: compressed once when made, so a file stored in
    /// several chunks (or offered to the writer more than once) is compressed once.
    public struct StoredOriginal: Sendable {
        let size: Int
        let compression: String
        let data: [UInt8]

        public init(_ bytes: [UInt8]) {
            let stored = OriginalCodec.encode(bytes)
            (size, compression, data) = (bytes.count, stored.compression, stored.data)
        }
    }
    /// Records made from the file, each with its JSON line as `ingest --jsonl` writes it.
    public var records: [(record: TaskaCore.Record, line: String)]
    /// When it was seen.
    public var seenAt: Timestamp
    /// False for the later chunks of a file stored in several parts (its sighting is already in).
    public var recordSighting: Bool
    /// The name-skeleton column of each record, in order (`NameSkeletonFolding.skeletonColumn`);
    /// a record without one is stored with '' (`rebuildSkeletons` fills it later).
    public var skeletons: [String]

    public init(source: SourceInfo, original: [UInt8]?, records: [(record: TaskaCore.Record, line: String)], seenAt: Timestamp,
                recordSighting: Bool = true, skeletons: [String] = []) {
        self.init(source: source, stored: original.map(StoredOriginal.init), records: records, seenAt: seenAt,
                  recordSighting: recordSighting, skeletons: skeletons)
    }

    public init(source: SourceInfo, stored original: StoredOriginal?, records: [(record: TaskaCore.Record, line: String)],
                seenAt: Timestamp, recordSighting: Bool = true, skeletons: [String] = []) {
        self.source = source
        self.original = original
        self.records = records
        self.seenAt = seenAt
        self.recordSighting = recordSighting
        self.skeletons = skeletons
    }
}

/// A search hit: the record's stored fields and its rank (lower is better, bm25).
public struct ArchiveHit: Sendable, Equatable {
    /// The record's row (`record.id`): one record id has a row per pipeline.
    public var rowID: Int64 = 0
    public var recordId: String
    public var title: String?
    public var language: String?
    public var published: String?
    public var path: String
    public var text: String
    public var searchKey: String
    public var rank: Double
    /// The record's traces that matched the query's entity filters, in text order.
    public var entities: [ArchiveEntity] = []
}

/// A trace of a stored record: its kind, normalised value and scalar offsets into the text.
public struct ArchiveEntity: Sendable, Equatable {
    public var kind: String
    public var value: String
    public var start: Int
    public var end: Int

    public init(kind: String, value: String, start: Int, end: Int) {
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
    }
}

/// An entity filter of a search: records with a trace of `kind` (and `value`, when given).
public struct EntityFilter: Sendable, Equatable {
    public var kind: String
    /// The normalised value (as records' entities hold it), or nil for any value.
    public var value: String?

    public init(kind: String, value: String? = nil) {
        self.kind = kind
        self.value = value
    }
}

/// A search over the archive; `terms` are already in search-key form (see `searchKey`).
public struct ArchiveQuery: Sendable {
    public var terms: [String]
    /// A BCP 47 prefix: `ha` matches `ha-Latn`.
    public var language: String?
    /// Inclusive date bounds (`YYYY-MM-DD`), on the publication date, else the ingestion date.
    public var since: String?
    public var until: String?
    public var limit: Int
    public var offset: Int
    /// Records must hold a trace matching each filter.
    public var entities: [EntityFilter]
    /// When not empty, match these name-skeleton clauses (`SkeletonQuery.clauses`) in the
    /// `nameSkeleton` column instead of `terms` in `searchKey`.
    public var skeletonClauses: [[[String]]] = []

    /// Whether `s` is a day as the date filters take it: `YYYY-MM-DD` in ASCII digits.
    public static func isDay(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    public init(terms: [String], language: String? = nil, since: String? = nil, until: String? = nil, limit: Int = 20, offset: Int = 0,
                entities: [EntityFilter] = [], skeletonClauses: [[[String]]] = []) {
        self.entities = entities
        self.skeletonClauses = skeletonClauses
        self.terms = terms
        self.language = language
        self.since = since
        self.until = until
        self.limit = limit
        self.offset = offset
    }
}

/// An original whose bytes no longer hash to its name.
public struct FixityFailure: Sendable, Equatable {
    public var sha256: String
    public var actual: String
    public var paths: [String]
}

/// Counts for `taska stats`.
public struct ArchiveStats: Sendable, Equatable {
    public var documents = 0
    public var records = 0
    public var errors = 0
    public var originalBytes = 0
    public var byLanguage: [(String, Int)] = []
    public var byFormat: [(String, Int)] = []
    public var byCharset: [(String, Int)] = []
    public var byMonth: [(String, Int)] = []

    public static func == (a: ArchiveStats, b: ArchiveStats) -> Bool {
        a.documents == b.documents && a.records == b.records && a.errors == b.errors && a.originalBytes == b.originalBytes
            && a.byLanguage.elementsEqual(b.byLanguage, by: ==) && a.byFormat.elementsEqual(b.byFormat, by: ==)
            && a.byCharset.elementsEqual(b.byCharset, by: ==) && a.byMonth.elementsEqual(b.byMonth, by: ==)
    }
}

/// The embedded archive: documents, sightings, records with full-text search, errors and
/// original bytes in one SQLite file (WAL mode).
///
/// Re-ingesting the same bytes under the same pipeline adds a sighting and nothing else; a
/// changed pipeline adds new records beside the old ones.
public final class Archive: @unchecked Sendable {
    public let path: String
    let writer: any DatabaseWriter
    /// The repost band log's keys, in memory for this archive's write transactions.
    let bandMirror = RepostClusters.BandMirror()
    /// Page cache of the writing connection, in KiB.
    static let writerCacheKiB = 65_536
    /// Write-ahead log pages (4 KiB) after which a commit copies the log into the file. Why
    /// not SQLite's 1,000: a page rewritten by several transactions between two checkpoints
    /// (the cluster table, the band log, index pages near the root) is copied once.
    static let checkpointPages = 16_384

    /// Opens (creating and migrating when needed) the archive at `path`.
    public init(path: String, readOnly: Bool = false) throws(ArchiveError) {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(10)
        configuration.label = "taska.archive"
        // The writer's page cache: the FTS and repost-band indexes take random inserts, which
        // SQLite's default 2 MiB cache turns into a page read each (readers keep the default).
        configuration.prepareDatabase { db in
            guard !db.configuration.readonly else { return }
            try db.execute(sql: "PRAGMA cache_size = -\(Archive.writerCacheKiB)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Archive.checkpointPages)")
        }
        do {
            if readOnly, !FileManager.default.fileExists(atPath: path) {
                throw ArchiveError.cannotOpen(path: path, reason: "no such file (ingest something first: taska ingest PATH --archive \(path))")
            }
            writer = try DatabasePool(path: path, configuration: configuration)
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
        if !readOnly { try migrate() }
    }

    /// Closes the archive after a run that wrote to it: the write-ahead log is checkpointed into
    /// the file and emptied, so the file alone holds every record.
    /// Why explicit: a process that exits with a connection still open leaves the log beside the
    /// file (nothing is lost, but a copy of the file without its `-wal` misses the last writes).
    public func close() throws(ArchiveError) {
        try wrap {
            if !(writer.configuration.readonly) {
                _ = try writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            }
            try writer.close()
        }
    }

    /// An in-memory archive, for tests.
    public init(inMemory: Void = ()) throws(ArchiveError) {
        path = ":memory:"
        do { writer = try DatabaseQueue() } catch { throw .cannotOpen(path: path, reason: "\(error)") }
        try migrate()
    }

    private func migrate() throws(ArchiveError) {
        do {
            let migrator = ArchiveMigrator.migrator
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded { throw ArchiveError.newerSchema(path: path) }
            try migrator.migrate(writer)
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw .database(path: path, reason: "\(error)")
        }
    }

    /// Runs `body` in a read transaction, its errors as `ArchiveError`.
    func wrapRead<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        try wrap { try writer.read { db in try body(db) } }
    }

    func wrap<T>(_ body: () throws -> T) throws(ArchiveError) -> T {
        do { return try body() } catch let error as ArchiveError { throw error } catch {
            throw .database(path: path, reason: "\(error)")
        }
    }

    // MARK: Writing

    /// Stores files in one transaction: documents, sightings, originals, records, errors.
    public func store(_ files: [ArchivedFile]) throws(ArchiveError) {
        try wrap {
            try writer.write { db in
                var reposts = RepostClusters.Transaction(mirror: bandMirror)
                for file in files { try Self.store(file, db, reposts: &reposts) }
            }
        }
    }

    /// Cached statements: the writer is serial, and compiling a statement costs more than running it.
    private static func store(_ file: ArchivedFile, _ db: Database, reposts: inout RepostClusters.Transaction) throws {
        let seenAt = file.seenAt.iso8601(fraction: true)
        let sha = file.source.sha256
        if !sha.isEmpty {
            let first = file.records.first?.record.document
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO document (sha256, bytes, mediaType, charset, firstSeenAt) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [sha, file.source.bytes, first?.mediaType, first?.charset?.charset, seenAt])
            if file.recordSighting {
                try db.cachedStatement(sql: """
                    INSERT INTO sighting (sha256, path, pathBytes, modified, seenAt) VALUES (?, ?, ?, ?, ?)
                    """).execute(arguments: [sha, file.source.path, file.source.pathBytes.map { Data($0) }, file.source.modified?.iso8601(), seenAt])
            }
            if let original = file.original {
                try db.cachedStatement(sql: """
                    INSERT OR IGNORE INTO original (sha256, size, compression, data) VALUES (?, ?, ?, ?)
                    """).execute(arguments: [sha, original.size, original.compression, Data(original.data)])
            }
        }
        for (index, (record, line)) in file.records.enumerated() {
            let d = record.document
            if let failure = record.failure {
                // One error row per file, content and pipeline: a retry of the same bytes adds nothing.
                let exists = try Bool.fetchOne(db.cachedStatement(sql: """
                    SELECT EXISTS(SELECT 1 FROM error WHERE path = ? AND sha256 IS ? AND stage = ? AND pipelineHash = ?)
                    """), arguments: [d.source.path, sha.isEmpty ? nil : sha, failure.stage, record.pipelineHash]) ?? false
                if !exists {
                    try db.cachedStatement(sql: """
                        INSERT INTO error (path, sha256, stage, message, pipelineHash, json, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """).execute(arguments: [d.source.path, sha.isEmpty ? nil : sha, failure.stage, failure.message, record.pipelineHash, line, seenAt])
                }
                continue
            }
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO record (recordId, sha256, subIndex, pipelineName, pipelineVersion, pipelineHash, path,
                    title, language, published, text, searchKey, json, ingestedAt, nameSkeleton)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [d.id, sha, d.subIndex, record.pipelineName, record.pipelineVersion, record.pipelineHash,
                                 d.source.path, d.title, d.language, d.metadata.published ?? d.message?.date,
                                 d.normalized?.text ?? "", d.normalized?.searchKey ?? "", line,
                                 record.ingestedAt.iso8601(fraction: true),
                                 index < file.skeletons.count ? file.skeletons[index] : ""])
            guard db.changesCount > 0 else { continue }
            let rowID = db.lastInsertedRowID
            if let sketch = d.repostSketch {
                try RepostClusters.add(record: rowID, date: d.metadata.published ?? d.message?.date, sketch: sketch, db, in: &reposts)
            }
            for entity in d.normalized?.entities ?? [] {
                guard entity.stage != nil, let value = entity.value else { continue }
                try db.cachedStatement(sql: "INSERT INTO entity (record, kind, value, start, \"end\") VALUES (?, ?, ?, ?, ?)").execute(arguments: [rowID, entity.type, value, entity.start, entity.end])
            }
        }
    }

    /// What a merge added.
    public struct MergeSummary: Sendable, Equatable {
        public var documents = 0
        public var records = 0
        public var errors = 0
        public var sightings = 0
    }

    /// Adds everything of the archive at `other` that this one lacks; merging twice adds nothing.
    ///
    /// Documents and originals are keyed by content hash, records by (record id, pipeline hash),
    /// sightings by (hash, path, time) and errors by (path, hash, stage, pipeline hash).
    public func merge(from other: String) throws(ArchiveError) -> MergeSummary {
        guard FileManager.default.fileExists(atPath: other) else {
            throw .cannotOpen(path: other, reason: "no such file")
        }
        // Check the other archive's schema first (and migrate nothing in it).
        _ = try Archive(path: other, readOnly: true)
        return try wrap {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS other", arguments: [other])
                defer { try? db.execute(sql: "DETACH DATABASE other") }
                var summary = MergeSummary()
                try db.inTransaction {
                    try db.execute(sql: "INSERT OR IGNORE INTO document SELECT * FROM other.document")
                    summary.documents = db.changesCount
                    try db.execute(sql: "INSERT OR IGNORE INTO original SELECT * FROM other.original")
                    try db.execute(sql: """
                        INSERT INTO sighting (sha256, path, pathBytes, modified, seenAt)
                        SELECT o.sha256, o.path, o.pathBytes, o.modified, o.seenAt FROM other.sighting o
                        WHERE NOT EXISTS (SELECT 1 FROM sighting s WHERE s.sha256 = o.sha256 AND s.path = o.path AND s.seenAt = o.seenAt)
                        ORDER BY o.id
                        """)
                    summary.sightings = db.changesCount
                    let lastRecord = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM record") ?? 0
                    // Name skeletons come along when the other archive has them (v3), else ''.
                    let hasSkeletons = try Bool.fetchOne(db, sql: """
                        SELECT EXISTS(SELECT 1 FROM pragma_table_info('record', 'other') WHERE name = 'nameSkeleton')
                        """) ?? false
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO record (recordId, sha256, subIndex, pipelineName, pipelineVersion, pipelineHash, path,
                            title, language, published, text, searchKey, json, ingestedAt, nameSkeleton)
                        SELECT recordId, sha256, subIndex, pipelineName, pipelineVersion, pipelineHash, path,
                            title, language, published, text, searchKey, json, ingestedAt, \(hasSkeletons ? "nameSkeleton" : "''")
                        FROM other.record ORDER BY id
                        """)
                    summary.records = db.changesCount
                    // The merged records' traces, read from their JSON (the other archive may
                    // predate the entity table).
                    try db.execute(sql: """
                        INSERT INTO entity (record, kind, value, start, "end")
                        SELECT r.id, json_extract(e.value, '$.type'), json_extract(e.value, '$.value'),
                               json_extract(e.value, '$.start'), json_extract(e.value, '$.end')
                        FROM record r, json_each(r.json, '$.entities') e
                        WHERE r.id > ? AND json_extract(e.value, '$.stage') IS NOT NULL
                          AND json_extract(e.value, '$.value') IS NOT NULL
                        ORDER BY r.id, e.id
                        """, arguments: [lastRecord])
                    // Merged records join clusters by the fingerprints the other archive kept
                    // (an archive older than the repost tables has none: `taska reindex`).
                    if try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM other.sqlite_master WHERE name = 'repost')") == true {
                        let rows = try Row.fetchAll(db, sql: """
                            SELECT r.id, r.published, p.fingerprint FROM record r
                            JOIN other.record o ON o.recordId = r.recordId AND o.pipelineHash = r.pipelineHash
                            JOIN other.repost p ON p.record = o.id
                            WHERE r.id > ? ORDER BY r.id
                            """, arguments: [lastRecord])
                        var reposts = RepostClusters.Transaction(mirror: bandMirror)
                        for row in rows {
                            let bytes: Data = row["fingerprint"]
                            guard let fingerprint = RepostFingerprint(encoded: [UInt8](bytes)) else { continue }
                            try RepostClusters.add(record: row["id"], date: row["published"], sketch: RepostSketch(fingerprint: fingerprint), db, in: &reposts)
                        }
                    }
                    try db.execute(sql: """
                        INSERT INTO error (path, sha256, stage, message, pipelineHash, json, at)
                        SELECT o.path, o.sha256, o.stage, o.message, o.pipelineHash, o.json, o.at FROM other.error o
                        WHERE NOT EXISTS (SELECT 1 FROM error e WHERE e.path = o.path AND e.sha256 IS o.sha256
                                          AND e.stage = o.stage AND e.pipelineHash = o.pipelineHash)
                        ORDER BY o.id
                        """)
                    summary.errors = db.changesCount
                    return .commit
                }
                return summary
            }
        }
    }

    /// A stored record with its provenance, for reading rooms and APIs.
    public struct StoredRecord: Sendable {
        public var recordId: String
        public var sha256: String
        public var json: String
        public var pipelineName: String
        public var pipelineVersion: String
        public var pipelineHash: String
        public var sightings: [(path: String, seenAt: String)]
        public var hasOriginal: Bool
        public var originalSize: Int?
    }

    /// The newest record with this id (any pipeline), or nil.
    public func record(id recordId: String) throws(ArchiveError) -> StoredRecord? {
        try wrap {
            try writer.read { db in
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT recordId, sha256, json, pipelineName, pipelineVersion, pipelineHash FROM record
                    WHERE recordId = ? ORDER BY id DESC LIMIT 1
                    """, arguments: [recordId]) else { return nil }
                let sha: String = row["sha256"]
                let sightings = try Row.fetchAll(db, sql: "SELECT path, seenAt FROM sighting WHERE sha256 = ? ORDER BY id", arguments: [sha])
                    .map { (path: $0["path"] as String, seenAt: $0["seenAt"] as String) }
                let size = try Int.fetchOne(db, sql: "SELECT size FROM original WHERE sha256 = ?", arguments: [sha])
                return StoredRecord(recordId: row["recordId"], sha256: sha, json: row["json"], pipelineName: row["pipelineName"],
                                    pipelineVersion: row["pipelineVersion"], pipelineHash: row["pipelineHash"],
                                    sightings: sightings, hasOriginal: size != nil, originalSize: size)
            }
        }
    }

    /// The original bytes stored under `sha256`, or nil.
    public func original(sha256: String) throws(ArchiveError) -> [UInt8]? {
        try wrap {
            try writer.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT data, compression, size FROM original WHERE sha256 = ?", arguments: [sha256]) else {
                    return nil
                }
                return try Self.originalBytes(row)
            }
        }
    }

    /// Whether content `sha256` already has records or an error row under `pipelineHash`.
    public func contains(sha256: String, pipelineHash: String) throws(ArchiveError) -> Bool {
        try wrap {
            try writer.read { db in
                try Bool.fetchOne(db, sql: """
                    SELECT EXISTS(SELECT 1 FROM record WHERE sha256 = ? AND pipelineHash = ?)
                        OR EXISTS(SELECT 1 FROM error WHERE sha256 = ? AND pipelineHash = ?)
                    """, arguments: [sha256, pipelineHash, sha256, pipelineHash]) ?? false
            }
        }
    }

    /// Whether a record id (or an error for that content) is committed under `pipelineHash`;
    /// used to reconcile JSON Lines written before a crash.
    public func isCommitted(recordId: String?, sha256: String?, path: String, pipelineHash: String) throws(ArchiveError) -> Bool {
        try wrap {
            try writer.read { db in
                if let recordId, try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM record WHERE recordId = ? AND pipelineHash = ?)",
                                                   arguments: [recordId, pipelineHash]) == true { return true }
                return try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM error WHERE path = ? AND sha256 IS ? AND pipelineHash = ?)",
                                         arguments: [path, sha256, pipelineHash]) ?? false
            }
        }
    }

    /// Every record as (record id, pipeline hash, text), sorted: for comparing archives.
    public func recordKeys() throws(ArchiveError) -> [String] {
        try wrap {
            try writer.read { db in
                try String.fetchAll(db, sql: "SELECT recordId || ' ' || pipelineHash || ' ' || sha256 || ' ' || text FROM record ORDER BY recordId, pipelineHash")
            }
        }
    }

    // MARK: Reading

    /// Ranked full-text search (bm25), with optional language, date and entity filters; with
    /// entity filters and no terms, the matching records in ingestion order.
    public func search(_ query: ArchiveQuery) throws(ArchiveError) -> [ArchiveHit] {
        let terms = query.terms.filter { !$0.isEmpty }
        var arguments: StatementArguments = []
        // Ranking sorts every match, so the sorted query carries only row ids and ranks; the
        // texts are read for the page of hits alone (a common word matches a tenth of a
        // million-record archive).
        let filtered = !query.entities.isEmpty || query.language != nil || query.since != nil || query.until != nil
        var sql: String
        if terms.isEmpty && query.skeletonClauses.isEmpty {
            guard !query.entities.isEmpty else { return [] }
            sql = "SELECT record.id AS rowid, 0.0 AS rank FROM record WHERE 1"
        } else {
            let match: String
            if !query.skeletonClauses.isEmpty {
                guard let expression = Self.skeletonExpression(query.skeletonClauses) else { return [] }
                match = expression
            } else {
                guard let pattern = FTS5Pattern(matchingAllTokensIn: terms.joined(separator: " ")) else { return [] }
                // Only the words' column: a skeleton token must never match a word by chance.
                match = "{searchKey} : (" + pattern.rawPattern + ")"
            }
            sql = filtered ? """
                SELECT record.id AS rowid, bm25(record_ft) AS rank
                FROM record_ft JOIN record ON record.id = record_ft.rowid
                WHERE record_ft MATCH ?
                """ : "SELECT rowid, bm25(record_ft) AS rank FROM record_ft WHERE record_ft MATCH ?"
            _ = arguments.append(contentsOf: [match])
        }
        for filter in query.entities {
            sql += " AND EXISTS (SELECT 1 FROM entity WHERE entity.record = record.id AND entity.kind = ?"
            _ = arguments.append(contentsOf: [filter.kind])
            if let value = filter.value {
                sql += " AND entity.value = ?"
                _ = arguments.append(contentsOf: [value])
            }
            sql += ")"
        }
        if let language = query.language {
            sql += " AND (record.language = ? OR record.language LIKE ? || '-%')"
            _ = arguments.append(contentsOf: [language, language])
        }
        let day = "COALESCE(substr(record.published, 1, 10), substr(record.ingestedAt, 1, 10))"
        if let since = query.since { sql += " AND \(day) >= ?"; _ = arguments.append(contentsOf: [since]) }
        if let until = query.until { sql += " AND \(day) <= ?"; _ = arguments.append(contentsOf: [until]) }
        sql += " ORDER BY rank, rowid LIMIT ? OFFSET ?"
        _ = arguments.append(contentsOf: [query.limit, query.offset])
        let finalSQL = sql
        let finalArguments = arguments
        let filters = query.entities
        return try wrap {
            try writer.read { db in
                let page = try Row.fetchAll(db, sql: finalSQL, arguments: finalArguments).map { (id: $0["rowid"] as Int64, rank: $0["rank"] as Double) }
                let details = try db.cachedStatement(sql: """
                    SELECT recordId, title, language, published, path, text, searchKey FROM record WHERE id = ?
                    """)
                return try page.compactMap { entry -> ArchiveHit? in
                    guard let row = try Row.fetchOne(details, arguments: [entry.id]) else { return nil }
                    var hit = ArchiveHit(rowID: entry.id, recordId: row["recordId"], title: row["title"], language: row["language"],
                                         published: row["published"], path: row["path"], text: row["text"],
                                         searchKey: row["searchKey"], rank: entry.rank)
                    if !filters.isEmpty {
                        hit.entities = try Row.fetchAll(db, sql: """
                            SELECT kind, value, start, "end" FROM entity WHERE record = ? ORDER BY start, id
                            """, arguments: [entry.id])
                            .map { ArchiveEntity(kind: $0["kind"], value: $0["value"], start: $0["start"], end: $0["end"]) }
                            .filter { e in filters.contains { $0.kind == e.kind && ($0.value == nil || $0.value == e.value) } }
                    }
                    return hit
                }
            }
        }
    }

    /// The FTS5 expression of skeleton clauses on the `nameSkeleton` column, or nil when a
    /// token is not a skeleton token (ASCII letters and digits only).
    static func skeletonExpression(_ clauses: [[[String]]]) -> String? {
        var parts: [String] = []
        for clause in clauses {
            var alternatives: [String] = []
            for tokens in clause where !tokens.isEmpty {
                guard tokens.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) } }) else {
                    return nil
                }
                alternatives.append("(" + tokens.map { "\"\($0)\"" }.joined(separator: " AND ") + ")")
            }
            guard !alternatives.isEmpty else { return nil }
            parts.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        guard !parts.isEmpty else { return nil }
        return "{nameSkeleton} : (" + parts.joined(separator: " AND ") + ")"
    }

    /// Whether the archive has the name-skeleton column (written by a taska that knows
    /// migration `v3 name skeletons`); a read-only archive from before it has none.
    public func hasNameSkeletons() throws(ArchiveError) -> Bool {
        try wrapRead { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM pragma_table_info('record') WHERE name = 'nameSkeleton')") ?? false
        }
    }

    /// Fills the name-skeleton column of records that have none (records stored before the
    /// migration `v3 name skeletons`, or by a writer that computed none), or of every record
    /// when `all` is true (after the skeleton rules changed); `skeleton` is the caller's
    /// `NameSkeletonFolding.skeletonColumn(searchKey:)`. Works in batches, one transaction
    /// each, so readers go on meanwhile and an interrupted run resumes where it stopped.
    /// Returns the number of records updated; `progress` gets (done, total) after each batch.
    public func rebuildSkeletons(all: Bool = false, using skeleton: (_ searchKey: String) -> String,
                                 progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(ArchiveError) -> Int {
        let condition = all ? "1" : "nameSkeleton = '' AND searchKey != ''"
        let total = try wrapRead { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE \(condition)") ?? 0 }
        var done = 0
        var after: Int64 = 0
        while true {
            let batch = try wrapRead { db in
                try Row.fetchAll(db, sql: "SELECT id, searchKey FROM record WHERE id > ? AND \(condition) ORDER BY id LIMIT 500",
                                 arguments: [after]).map { (id: $0["id"] as Int64, key: $0["searchKey"] as String) }
            }
            guard let last = batch.last else { break }
            let updates = batch.map { (id: $0.id, skeleton: skeleton($0.key)) }
            try wrap {
                try writer.write { db in
                    for update in updates {
                        try db.execute(sql: "UPDATE record SET nameSkeleton = ? WHERE id = ?", arguments: [update.skeleton, update.id])
                    }
                }
            }
            after = last.id
            done += batch.count
            progress?(done, total)
        }
        return done
    }

    /// Every record's JSON line, in ingestion order, then every error's. Record lines end with
    /// the record's current `cluster` and `clusterSize` (derived data, kept out of `json`).
    public func forEachLine(_ visit: (String) throws -> Void) throws(ArchiveError) {
        try wrap {
            try writer.read { db in
                let sql = try db.tableExists("repost") ? """
                    SELECT r.json, r.recordId, f.recordId AS first, c.size FROM record r
                    LEFT JOIN repost p ON p.record = r.id LEFT JOIN cluster c ON c.id = p.cluster LEFT JOIN record f ON f.id = c.first
                    ORDER BY r.id
                    """ : "SELECT json, recordId, NULL AS first, NULL AS size FROM record ORDER BY id"
                let records = try Row.fetchCursor(db, sql: sql)
                while let row = try records.next() {
                    let json: String = row["json"]
                    let id: String = row["recordId"]
                    let cluster = RecordCluster(cluster: row["first"] ?? id, size: row["size"] ?? 1)
                    try visit(Self.withCluster(json, cluster))
                }
                let errors = try String.fetchCursor(db, sql: "SELECT json FROM error ORDER BY id")
                while let line = try errors.next() { try visit(line) }
            }
        }
    }

    /// A record's JSON object with `cluster` and `clusterSize` appended.
    public static func withCluster(_ json: String, _ cluster: RecordCluster) -> String {
        guard json.hasSuffix("}") else { return json }
        return String(json.dropLast()) + ",\"cluster\":" + JSONValue.string(cluster.cluster).serialized()
            + ",\"clusterSize\":\(cluster.size)}"
    }

    /// The original bytes of an `original` row (columns data, compression, size).
    private static func originalBytes(_ row: Row) throws -> [UInt8] {
        let stored: Data = row["data"]
        return try OriginalCodec.decode([UInt8](stored), compression: row["compression"], size: row["size"])
    }

    /// Every distinct path content `sha` was seen under, in the order first seen.
    private static func paths(of sha: String, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT path FROM sighting WHERE sha256 = ? GROUP BY path ORDER BY MIN(id)", arguments: [sha])
    }

    /// Every stored original with the paths it was seen under, in hash order.
    public func forEachOriginal(_ visit: (_ sha256: String, _ paths: [String], _ bytes: [UInt8]) throws -> Void) throws(ArchiveError) {
        try wrap {
            try writer.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT sha256, data, compression, size FROM original ORDER BY sha256")
                while let row = try rows.next() {
                    let sha: String = row["sha256"]
                    let data = try Self.originalBytes(row)
                    let paths = try Self.paths(of: sha, db)
                    try visit(sha, paths, data)
                }
            }
        }
    }

    /// A stored original with what the archive knows of it.
    public struct StoredObject: Sendable {
        public var sha256: String
        public var paths: [String]
        public var bytes: [UInt8]
        public var mediaType: String?
        public var charset: String?
        public var firstSeenAt: String
    }

    /// Every stored original with its document facts, in hash order (one in memory at a time).
    public func forEachObject(_ visit: (StoredObject) throws -> Void) throws(ArchiveError) {
        try wrap {
            try writer.read { db in
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT original.sha256, original.data, original.compression, original.size,
                           document.mediaType, document.charset, document.firstSeenAt
                    FROM original JOIN document ON document.sha256 = original.sha256 ORDER BY original.sha256
                    """)
                while let row = try rows.next() {
                    let sha: String = row["sha256"]
                    let data = try Self.originalBytes(row)
                    let paths = try Self.paths(of: sha, db)
                    try visit(StoredObject(sha256: sha, paths: paths, bytes: data, mediaType: row["mediaType"],
                                           charset: row["charset"], firstSeenAt: row["firstSeenAt"]))
                }
            }
        }
    }

    /// Re-hashes every stored original; returns those whose bytes no longer match (or no
    /// longer inflate).
    public func verify() throws(ArchiveError) -> (checked: Int, failures: [FixityFailure]) {
        try wrap {
            try writer.read { db in
                var checked = 0
                var failures: [FixityFailure] = []
                let rows = try Row.fetchCursor(db, sql: "SELECT sha256, data, compression, size FROM original ORDER BY sha256")
                while let row = try rows.next() {
                    checked += 1
                    let sha: String = row["sha256"]
                    let actual: String
                    do {
                        actual = SHA256.hex(of: try Self.originalBytes(row))
                    } catch {
                        actual = "(undecodable: \(error))"
                    }
                    if actual != sha {
                        let paths = try Self.paths(of: sha, db)
                        failures.append(FixityFailure(sha256: sha, actual: actual, paths: paths))
                    }
                }
                return (checked, failures)
            }
        }
    }

    /// Counts by language, format, charset and month.
    public func stats() throws(ArchiveError) -> ArchiveStats {
        try wrap {
            try writer.read { db in
                var s = ArchiveStats()
                s.documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0
                s.records = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record") ?? 0
                s.errors = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM error") ?? 0
                s.originalBytes = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(size), 0) FROM original") ?? 0
                func grouped(_ sql: String) throws -> [(String, Int)] {
                    try Row.fetchAll(db, sql: sql).map { (($0[0] as String?) ?? "unknown", $0[1]) }
                }
                s.byLanguage = try grouped("SELECT language, COUNT(*) FROM record GROUP BY language ORDER BY COUNT(*) DESC, language")
                s.byFormat = try grouped("SELECT mediaType, COUNT(*) FROM document GROUP BY mediaType ORDER BY COUNT(*) DESC, mediaType")
                s.byCharset = try grouped("SELECT charset, COUNT(*) FROM document GROUP BY charset ORDER BY COUNT(*) DESC, charset")
                s.byMonth = try grouped("""
                    SELECT substr(COALESCE(published, ingestedAt), 1, 7) AS month, COUNT(*) FROM record GROUP BY month ORDER BY month
                    """)
                return s
            }
        }
    }
}
