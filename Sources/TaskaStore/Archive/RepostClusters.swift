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
    /// `repost_band`; the archive mirrors them in memory (`BandMirror`).
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

    /// What `add` keeps across the records of one write transaction: the archive's mirror of
    /// the band log, checked against the log once, since no other connection writes meanwhile.
    struct Transaction {
        fileprivate let mirror: BandMirror
        fileprivate var checked = false
        init(mirror: BandMirror) { self.mirror = mirror }
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
        let mirror = transaction.mirror
        if !transaction.checked {
            try mirror.check(db)
            transaction.checked = true
        }
        // Each candidate with its word count (nil for keys indexed before the count was kept).
        var candidates: [BandMirror.Entry] = []
        func note(_ entry: BandMirror.Entry) { if !candidates.contains(where: { $0.record == entry.record }) { candidates.append(entry) } }
        try mirror.indexedEntries(keys: keys, limit: candidatesPerBand, db, note)
        for key in keys { mirror.entries(key: key, limit: candidatesPerBand, note) }
        candidates.sort { $0.record < $1.record }
        // The record's own run sets, built when a candidate first gets past rule 0 (most
        // records have no candidate at all).
        let wordCount = mine.wordCount
        var preparedSelf: RepostFingerprint.Prepared?
        func prepared() -> RepostFingerprint.Prepared {
            if let p = preparedSelf { return p }
            let p = RepostFingerprint.Prepared(mine)
            preparedSelf = p
            return p
        }
        let fetch = try db.cachedStatement(sql: "SELECT date, fingerprint FROM repost WHERE record = ?")
        // Candidates are centres (members add no band keys; in archives clustered before stars a
        // member's cluster is joined as its centre's). The record joins the earliest stored
        // centre it matches; another matched centre's cluster merges in only when one of the two
        // centres is a trimmed copy of the other (of any length), so posts that merely overlap
        // (A = s1 s2 s3, C = s1 s2 s4, both matching B = s1 s2) do not chain.
        var matched: [(cluster: Int64?, member: Member, fingerprint: RepostFingerprint)] = []
        for candidate in candidates.prefix(maxCandidates) {
            // Rule 0 (lengths) from the band index where it has the count: no fetch at all.
            if let words = candidate.words, !RepostFingerprint.lengthsMayMatch(Int(words), wordCount) { continue }
            let id = candidate.record
            // Its fingerprint and date (neither ever changes): from memory when this archive
            // logged or read them before.
            let centre: BandMirror.Centre
            if let held = mirror.centre(id) {
                centre = held
            } else {
                guard let row = try Row.fetchOne(fetch, arguments: [id]) else { continue }
                centre = BandMirror.Centre(fingerprint: [UInt8](row["fingerprint"] as Data), date: row["date"])
                mirror.hold(id, centre)
            }
            let bytes = centre.fingerprint
            // Rule 0 read from the stored bytes, for keys indexed without a count: undecoded.
            guard candidate.words != nil
                    || bytes.withUnsafeBytes({ RepostFingerprint.lengthsMayMatch(RepostFingerprint.wordCount(encoded: $0), wordCount) }),
                  // Rule 1 from the stored bytes, before the fingerprint is decoded and prepared.
                  bytes.withUnsafeBytes({ prepared().sharesEnoughRuns(withEncoded: $0, containment: sketch.containment) }),
                  let theirs = RepostFingerprint(encoded: bytes),
                  theirs == mine || prepared().isSamePost(as: .init(theirs), containment: sketch.containment) else { continue }
            // Its cluster changes as clusters form and merge: read from the table.
            let cluster = try Row.fetchOne(db.cachedStatement(sql: "SELECT cluster FROM repost WHERE record = ?"), arguments: [id])
            matched.append((cluster?[0], Member(record: id, date: centre.date), theirs))
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
        try mirror.append(keys: keys, entry: BandMirror.Entry(record: record, words: Int32(clamping: wordCount)), db)
        mirror.hold(record, BandMirror.Centre(fingerprint: sketch.fingerprint, date: date))
    }

    /// The band keys of the newest centres: `repost_band_log` (persistent, appended in storage
    /// order) mirrored in memory by the archive that writes, and merged into `repost_band` in
    /// key order every `bandLogMerge` rows. Why in memory: probing and filling an indexed
    /// temporary table took about a third of the clustering's time on the writer thread.
    /// Once `loadAfter` records were looked up, what probes read of `repost_band` (each key's
    /// first `candidatesPerBand` records) is held in memory too (`IndexedBands`).
    ///
    /// The mirror records which log rows it holds (the log's first and last id); a transaction
    /// that finds the log otherwise (written by another connection, or rolled back) reloads it
    /// and forgets the index, as it does when another connection committed (`PRAGMA
    /// data_version`). Used only inside the archive's write transactions, which are serial.
    final class BandMirror: @unchecked Sendable {
        private var first: Int64?
        private var last: Int64?
        /// A centre under a key, with its word count (the same-post rule's first test).
        struct Entry: Equatable {
            var record: Int64
            var words: Int32?
        }
        /// Each key's entries in storage order: the first in `one`, later ones in `more`
        /// (most keys have one record).
        private var one: [Int64: Entry] = [:]
        private var more: [Int64: [Entry]] = [:]
        /// `repost_band` as probes read it, once loaded; nil means probe the table.
        private var index: IndexedBands?
        /// A centre's stored fingerprint and date, as candidates are verified against them.
        struct Centre {
            var fingerprint: [UInt8]
            var date: String?
        }
        /// Centres this archive logged or read, up to `centreBudget` bytes (then emptied and
        /// filled again). Why: at 1,000,000 records most candidates were rows read back from
        /// disk only to fail the same-post rule.
        private var centres: [Int64: Centre] = [:]
        private var centreBytes = 0
        var centreBudget = 256 << 20
        private var dataVersion: Int64?
        private var lookups = 0
        /// Lookups before the index is loaded (reading the whole table): a small ingest into a
        /// large archive does not pay for the scan.
        var loadAfter = 5_000

        init() {}

        /// Whether `repost_band` is held in memory (for tests).
        var indexLoaded: Bool { index != nil }

        /// Makes the mirror hold the log as it is in `db`.
        func check(_ db: Database) throws {
            let version = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version"))
            if version != dataVersion { forget(); dataVersion = version }
            let log = try Row.fetchOne(db.cachedStatement(sql:
                "SELECT (SELECT min(id) FROM repost_band_log), (SELECT max(id) FROM repost_band_log)"))
            let first: Int64? = log?[0], last: Int64? = log?[1]
            if first == self.first && last == self.last { return }
            clear()
            forget()
            let rows = try Row.fetchCursor(db, sql: "SELECT key, record, words FROM repost_band_log ORDER BY id")
            while let row = try rows.next() { insert(key: row[0], entry: Entry(record: row[1], words: row[2])) }
            (self.first, self.last) = (first, last)
        }

        /// Calls `body` with the first `limit` records `repost_band` holds under each of `keys`
        /// (ascending record ids): from memory once the index is loaded, else one compound query.
        func indexedEntries(keys: [Int64], limit: Int, _ db: Database, _ body: (Entry) -> Void) throws {
            if index == nil {
                lookups += 1
                if lookups > loadAfter {
                    var loaded = IndexedBands(limit: limit)
                    let rows = try Row.fetchCursor(db, sql: "SELECT key, record, words FROM repost_band ORDER BY key, record")
                    while let row = try rows.next() { loaded.appendInOrder(key: row[0], entry: Entry(record: row[1], words: row[2])) }
                    index = loaded
                }
            }
            if let index {
                for key in keys { index.entries(key: key, body) }
                return
            }
            let lookup = try db.cachedStatement(sql: keys.indices.map { _ in
                "SELECT record, words FROM (SELECT record, words FROM repost_band WHERE key = ? LIMIT \(limit))"
            }.joined(separator: " UNION ALL "))
            let cursor = try Row.fetchCursor(lookup, arguments: StatementArguments(keys))
            while let row = try cursor.next() { body(Entry(record: row[0], words: row[1])) }
        }

        /// The held fingerprint and date of centre `record`.
        func centre(_ record: Int64) -> Centre? { centres[record] }

        /// Holds centre `record`'s fingerprint and date, within the budget.
        func hold(_ record: Int64, _ centre: Centre) {
            let bytes = centre.fingerprint.count + 64
            if centreBytes + bytes > centreBudget { (centres, centreBytes) = ([:], 0) }
            if centres.updateValue(centre, forKey: record) == nil { centreBytes += bytes }
        }

        /// Forgets the log, the index and the centres: the clustering tables were emptied.
        func reset() {
            clear()
            forget()
        }

        /// Forgets what was read of the archive (another connection wrote, or a write rolled back).
        private func forget() {
            (index, lookups) = (nil, 0)
            (centres, centreBytes) = ([:], 0)
        }

        /// Calls `body` with the first `limit` entries logged under `key`, in storage order.
        func entries(key: Int64, limit: Int, _ body: (Entry) -> Void) {
            guard let head = one[key] else { return }
            body(head)
            guard let tail = more[key] else { return }
            for entry in tail.prefix(limit - 1) { body(entry) }
        }

        /// Logs `record`'s keys (one INSERT, so its rows are numbered consecutively), and merges
        /// the log into `repost_band` once it holds `bandLogMerge` rows.
        func append(keys: [Int64], entry: Entry, _ db: Database) throws {
            let values = keys.map { _ in "(?, ?, ?)" }.joined(separator: ", ")
            try db.cachedStatement(sql: "INSERT INTO repost_band_log (key, record, words) VALUES " + values)
                .execute(arguments: StatementArguments(keys.flatMap { [$0.databaseValue, entry.record.databaseValue, entry.words.databaseValue] }))
            let last = db.lastInsertedRowID
            let first = self.first ?? last - Int64(keys.count) + 1
            if last - first + 1 >= Int64(bandLogMerge) { return try merge(db) }
            for key in keys { insert(key: key, entry: entry) }
            (self.first, self.last) = (first, last)
        }

        /// Moves every logged key into `repost_band`, in key order (each page written once).
        func merge(_ db: Database) throws {
            if let loaded = index {
                var logged: [(key: Int64, entry: Entry)] = []
                let rows = try Row.fetchCursor(db, sql: "SELECT key, record, words FROM repost_band_log ORDER BY key, record")
                while let row = try rows.next() { logged.append((row[0], Entry(record: row[1], words: row[2]))) }
                index = loaded.merged(withSorted: logged)
            }
            try db.execute(sql: """
                INSERT OR IGNORE INTO repost_band (key, record, words) SELECT key, record, words FROM repost_band_log ORDER BY key, record;
                DELETE FROM repost_band_log;
                """)
            clear()
        }

        private func insert(key: Int64, entry: Entry) {
            guard let head = one[key] else { one[key] = entry; return }
            if head.record == entry.record || more[key]?.contains(where: { $0.record == entry.record }) == true { return }
            more[key, default: []].append(entry)
        }

        private func clear() {
            (first, last) = (nil, nil)
            one.removeAll(keepingCapacity: true)
            more.removeAll(keepingCapacity: true)
        }
    }

    /// What probes read of `repost_band`: each key's first `limit` records (ascending, as the
    /// table's primary key orders them), in three arrays sorted by key then record. Why: at
    /// 1,000,000 records, probing the table on disk was the largest part of the writer's
    /// clustering work (about 10 µs a key); the arrays cost 20 bytes a key.
    struct IndexedBands {
        let limit: Int
        private var keys: [Int64] = []
        private var records: [Int64] = []
        /// The word count, -1 where the index has none.
        private var words: [Int32] = []

        init(limit: Int) { self.limit = limit }

        var count: Int { keys.count }

        /// Appends a row that sorts after every row held (by key, then record); a key's rows
        /// past the first `limit` and repeats are dropped.
        mutating func appendInOrder(key: Int64, entry: BandMirror.Entry) {
            if let last = keys.last, last == key {
                var held = 0
                var i = keys.count - 1
                while i >= 0 && keys[i] == key && held < limit { held += 1; i -= 1 }
                if held >= limit || records[keys.count - 1] == entry.record { return }
            }
            keys.append(key)
            records.append(entry.record)
            words.append(entry.words ?? -1)
        }

        /// Calls `body` with the entries held under `key`, ascending by record.
        func entries(key: Int64, _ body: (BandMirror.Entry) -> Void) {
            var i = keys.firstIndex(notBelow: key)
            while i < keys.count && keys[i] == key {
                body(entry(at: i))
                i += 1
            }
        }

        private func entry(at i: Int) -> BandMirror.Entry {
            BandMirror.Entry(record: records[i], words: words[i] < 0 ? nil : words[i])
        }

        /// These rows and `rows` (sorted by key, then record) together, each key's first
        /// `limit` kept: what the table holds after an `INSERT OR IGNORE` of `rows`.
        func merged(withSorted rows: [(key: Int64, entry: BandMirror.Entry)]) -> IndexedBands {
            var out = IndexedBands(limit: limit)
            out.keys.reserveCapacity(keys.count + rows.count)
            out.records.reserveCapacity(keys.count + rows.count)
            out.words.reserveCapacity(keys.count + rows.count)
            var (i, j) = (0, 0)
            while i < keys.count || j < rows.count {
                let takeHeld = j == rows.count
                    || (i < keys.count && (keys[i], records[i]) <= (rows[j].key, rows[j].entry.record))
                if takeHeld {
                    out.appendInOrder(key: keys[i], entry: entry(at: i))
                    i += 1
                } else {
                    out.appendInOrder(key: rows[j].key, entry: rows[j].entry)
                    j += 1
                }
            }
            return out
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
