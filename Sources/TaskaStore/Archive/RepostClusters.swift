import Foundation
import GRDB
import TaskaCore


/// Puts a newly stored record into the cluster of its near-duplicates, inside the archive's
/// write transaction, without re-reading other records. Clusters are stars: a record joins the
/// cluster of the earliest stored record it matches (`RepostFingerprint.isSamePost`) among the
/// records that started a cluster or stand alone; only those records' LSH band keys are indexed.
/// Why stars: single-link clusters chain post A (s1 s2 s3) to B (s1 s2) to C (s1 s2 s4), and
/// on an archive built from shared sentences one chain held tens of thousands of posts.
enum RepostClusters {
    /// Candidates read per band key, and in all; a hot bucket (a million identical messages)
    /// costs one short index read per band, not a scan.
    static let candidatesPerBand = 8
    static let maxCandidates = 64
    /// Rows of `repost_band_log` (ten or so per centre) at which they are merged into
    /// `repost_band`; the writer connection mirrors them in an indexed temporary table.
    static let bandLogMerge = 400_000

    /// A member as the earliest-record rule sees it: dated records before undated ones, then
    /// storage order.
    struct Member: Comparable {
        var record: Int64
        var date: String?
        static func < (a: Member, b: Member) -> Bool {
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.record < b.record
            }
        }
    }

    /// What `add` keeps across the records of one write transaction: the band log's first id,
    /// read (and the writer's mirror checked) once, since no other connection writes meanwhile.
    struct Transaction {
        fileprivate var logFirst: Int64??
        init() {}
    }

    static func add(record: Int64, date: String?, sketch: RepostSketch, _ db: Database, in transaction: inout Transaction) throws {
        guard let mine = RepostFingerprint(encoded: sketch.fingerprint) else { return }
        // The same record stored again under another pipeline is not a repost of itself.
        // Cached statements: the writer is serial, and compiling a statement costs more than running it.
        if try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS(SELECT 1 FROM repost JOIN record other ON other.id = repost.record
                          JOIN record me ON me.id = ? WHERE other.recordId = me.recordId)
            """), arguments: [record]) == true { return }

        // Each band's first candidates in one compound statement (cached per key count, at most
        // `bands` of them: one execution instead of one per key), then their fingerprints.
        let keys = Array(Set(sketch.bands))
        guard !keys.isEmpty else { return }
        let logFirst: Int64?
        if let prepared = transaction.logFirst {
            logFirst = prepared
        } else {
            logFirst = try BandLog.prepare(db)
            transaction.logFirst = .some(logFirst)
        }
        let lookup = try db.cachedStatement(sql: keys.indices.map { _ in
            "SELECT record FROM (SELECT record FROM repost_band WHERE key = ? LIMIT \(candidatesPerBand))"
            + " UNION ALL SELECT record FROM (SELECT record FROM temp.repost_band_recent WHERE key = ? LIMIT \(candidatesPerBand))"
        }.joined(separator: " UNION ALL "))
        var ids: [Int64] = []
        let cursor = try Int64.fetchCursor(lookup, arguments: StatementArguments(keys.flatMap { [$0, $0] }))
        while let id = try cursor.next() { if !ids.contains(id) { ids.append(id) } }
        ids.sort()
        let fetch = try db.cachedStatement(sql: "SELECT record, cluster, date, fingerprint FROM repost WHERE record = ?")
        // Candidates are centres (members add no band keys; in archives clustered before stars a
        // member's cluster is joined as its centre's). The record joins the earliest stored
        // centre it matches; another matched centre's cluster merges in only when one of the two
        // centres is a trimmed copy of the other (of any length), so posts that merely overlap
        // (A = s1 s2 s3, C = s1 s2 s4, both matching B = s1 s2) do not chain.
        var matched: [(cluster: Int64?, member: Member, fingerprint: RepostFingerprint)] = []
        let prepared = RepostFingerprint.Prepared(mine)
        for id in ids.prefix(maxCandidates) {
            guard let row = try Row.fetchOne(fetch, arguments: [id]) else { continue }
            let bytes: Data = row["fingerprint"]
            // Rule 0 (lengths) read from the stored bytes: most candidates end here, undecoded.
            guard bytes.withUnsafeBytes({ RepostFingerprint.lengthsMayMatch(RepostFingerprint.wordCount(encoded: $0), prepared.wordCount) }),
                  let theirs = RepostFingerprint(encoded: [UInt8](bytes)),
                  theirs == mine || prepared.isSamePost(as: .init(theirs), containment: sketch.containment) else { continue }
            matched.append((row["cluster"], Member(record: row["record"], date: row["date"]), theirs))
        }
        let me = Member(record: record, date: date)
        var cluster: Int64?
        if let first = matched.first {
            let target = try join(me, cluster: first.cluster, centre: first.member, db)
            for other in matched.dropFirst() where other.cluster != target
                && (other.fingerprint == first.fingerprint
                    || other.fingerprint.isSamePost(as: first.fingerprint, containment: sketch.containment, minLengthRatio: 0)) {
                try merge(other.cluster, centre: other.member, into: target, db)
            }
            cluster = target
        }
        try db.cachedStatement(sql: "INSERT INTO repost (record, cluster, date, fingerprint) VALUES (?, ?, ?, ?)")
            .execute(arguments: [record, cluster, date, Data(sketch.fingerprint)])
        // A member adds nothing to the index: new copies are matched against its centre.
        guard cluster == nil else { return }
        transaction.logFirst = .some(try BandLog.append(keys: keys, record: record, logFirst: logFirst, db))
    }

    /// The band keys of the newest centres: `repost_band_log` (persistent, appended in storage
    /// order) mirrored on the writer connection by `temp.repost_band_recent` (indexed by key, in
    /// memory or a temporary file, never in the write-ahead log). Merged into `repost_band` in
    /// key order every `bandLogMerge` rows.
    ///
    /// The mirror records which log rows it holds (the log's first and last id); a connection
    /// that finds the log changed by another connection reloads it.
    enum BandLog {
        /// Makes the mirror hold the log; returns the log's first id (nil when it is empty).
        static func prepare(_ db: Database) throws -> Int64? {
            let log = try Row.fetchOne(db.cachedStatement(sql:
                "SELECT (SELECT min(id) FROM repost_band_log), (SELECT max(id) FROM repost_band_log)"))
            let first: Int64? = log?[0], last: Int64? = log?[1]
            let exists = try Bool.fetchOne(db.cachedStatement(sql:
                "SELECT EXISTS(SELECT 1 FROM temp.sqlite_master WHERE name = 'repost_band_recent_state')")) ?? false
            if exists, let state = try Row.fetchOne(db.cachedStatement(sql: "SELECT first, last FROM temp.repost_band_recent_state")),
               state["first"] as Int64? == first, state["last"] as Int64? == last { return first }
            // The mirror's pages stay in memory (up to 32 MiB; `bandLogMerge` rows take about 10).
            try db.execute(sql: "PRAGMA temp.cache_size = -32768")
            try db.execute(sql: """
                CREATE TEMP TABLE IF NOT EXISTS repost_band_recent (key INTEGER NOT NULL, record INTEGER NOT NULL,
                    PRIMARY KEY (key, record)) WITHOUT ROWID;
                CREATE TEMP TABLE IF NOT EXISTS repost_band_recent_state (first INTEGER, last INTEGER);
                DELETE FROM temp.repost_band_recent;
                DELETE FROM temp.repost_band_recent_state;
                INSERT OR IGNORE INTO temp.repost_band_recent (key, record) SELECT key, record FROM repost_band_log;
                """)
            try db.execute(sql: "INSERT INTO temp.repost_band_recent_state (first, last) VALUES (?, ?)", arguments: [first, last])
            return first
        }

        /// Logs `record`'s keys; `logFirst` is the log's first id (what `prepare` returned, or the
        /// last `append`, in the same transaction). Returns the log's first id after it.
        static func append(keys: [Int64], record: Int64, logFirst: Int64?, _ db: Database) throws -> Int64? {
            let values = keys.map { _ in "(?, ?)" }.joined(separator: ", ")
            let arguments = StatementArguments(keys.flatMap { [$0.databaseValue, record.databaseValue] })
            try db.cachedStatement(sql: "INSERT INTO repost_band_log (key, record) VALUES " + values).execute(arguments: arguments)
            let last = db.lastInsertedRowID
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO temp.repost_band_recent (key, record) VALUES " + values)
                .execute(arguments: arguments)
            // One INSERT numbers its rows consecutively: an empty log now starts at this one's first.
            let first = logFirst ?? last - Int64(keys.count) + 1
            if last - first + 1 >= Int64(bandLogMerge) {
                try merge(db)
                return nil
            }
            try db.cachedStatement(sql: "UPDATE temp.repost_band_recent_state SET first = ?, last = ?")
                .execute(arguments: [first, last])
            return first
        }

        /// Moves every logged key into `repost_band`, in key order (each page written once).
        static func merge(_ db: Database) throws {
            try db.execute(sql: """
                INSERT OR IGNORE INTO repost_band (key, record) SELECT key, record FROM temp.repost_band_recent ORDER BY key, record;
                DELETE FROM repost_band_log;
                DELETE FROM temp.repost_band_recent;
                UPDATE temp.repost_band_recent_state SET first = NULL, last = NULL;
                """)
        }
    }

    /// Moves the lone `centre`, or every member of `cluster`, into `target`.
    private static func merge(_ cluster: Int64?, centre: Member, into target: Int64, _ db: Database) throws {
        guard let cluster else {
            try db.cachedStatement(sql: "UPDATE repost SET cluster = ? WHERE record = ?").execute(arguments: [target, centre.record])
            return try absorb(centre, count: 1, into: target, db)
        }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT first, firstDate, size FROM cluster WHERE id = ?"),
                                         arguments: [cluster]) else { return }
        try db.cachedStatement(sql: "UPDATE repost SET cluster = ? WHERE cluster = ?").execute(arguments: [target, cluster])
        try db.cachedStatement(sql: "DELETE FROM cluster WHERE id = ?").execute(arguments: [cluster])
        try absorb(Member(record: row["first"], date: row["firstDate"]), count: row["size"], into: target, db)
    }

    /// Adds `me` to `cluster`, or makes a cluster of the lone `centre` and `me`; returns its id.
    private static func join(_ me: Member, cluster: Int64?, centre: Member, _ db: Database) throws -> Int64 {
        guard let cluster else {
            let earliest = min(me, centre)
            try db.cachedStatement(sql: "INSERT INTO cluster (first, firstDate, size) VALUES (?, ?, 2)")
                .execute(arguments: [earliest.record, earliest.date])
            let id = db.lastInsertedRowID
            try db.cachedStatement(sql: "UPDATE repost SET cluster = ? WHERE record = ?").execute(arguments: [id, centre.record])
            return id
        }
        try absorb(me, count: 1, into: cluster, db)
        return cluster
    }

    /// Counts `count` more records in cluster `target`, whose earliest is now `earliest` if it
    /// is earlier than the cluster's.
    private static func absorb(_ earliest: Member, count: Int, into target: Int64, _ db: Database) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT first, firstDate FROM cluster WHERE id = ?"),
                                         arguments: [target]) else { return }
        let first = min(earliest, Member(record: row["first"], date: row["firstDate"]))
        try db.cachedStatement(sql: "UPDATE cluster SET first = ?, firstDate = ?, size = size + ? WHERE id = ?")
            .execute(arguments: [first.record, first.date, count, target])
    }
}
