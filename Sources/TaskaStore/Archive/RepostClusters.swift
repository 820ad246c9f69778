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
        let probed = try mirror.keysToProbe(keys, db)
        if !probed.isEmpty {
            let lookup = try db.cachedStatement(sql: probed.indices.map { _ in
                "SELECT record, words FROM (SELECT record, words FROM repost_band WHERE key = ? LIMIT \(candidatesPerBand))"
            }.joined(separator: " UNION ALL "))
            let cursor = try Row.fetchCursor(lookup, arguments: StatementArguments(probed))
            while let row = try cursor.next() { note(BandMirror.Entry(record: row[0], words: row[1])) }
        }
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
        let fetch = try db.cachedStatement(sql: "SELECT record, cluster, date, fingerprint FROM repost WHERE record = ?")
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
            guard let row = try Row.fetchOne(fetch, arguments: [id]) else { continue }
            let bytes: Data = row["fingerprint"]
            // Rule 0 read from the stored bytes, for keys indexed without a count: undecoded.
            guard candidate.words != nil
                    || bytes.withUnsafeBytes({ RepostFingerprint.lengthsMayMatch(RepostFingerprint.wordCount(encoded: $0), wordCount) }),
                  // Rule 1 from the stored bytes, before the fingerprint is decoded and prepared.
                  bytes.withUnsafeBytes({ prepared().sharesEnoughRuns(withEncoded: $0, containment: sketch.containment) }),
                  let theirs = RepostFingerprint(encoded: [UInt8](bytes)),
                  theirs == mine || prepared().isSamePost(as: .init(theirs), containment: sketch.containment) else { continue }
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
        try mirror.append(keys: keys, entry: BandMirror.Entry(record: record, words: Int32(clamping: wordCount)), db)
    }

    /// The band keys of the newest centres: `repost_band_log` (persistent, appended in storage
    /// order) mirrored in memory by the archive that writes, and merged into `repost_band` in
    /// key order every `bandLogMerge` rows. Why in memory: probing and filling an indexed
    /// temporary table took about a third of the clustering's time on the writer thread.
    ///
    /// The mirror records which log rows it holds (the log's first and last id); a transaction
    /// that finds the log otherwise (written by another connection, or rolled back) reloads it.
    /// Used only inside the archive's write transactions, which are serial.
    final class BandMirror: @unchecked Sendable {
        private var first: Int64?
        private var last: Int64?
        /// A centre under a key, with its word count (the same-post rule's first test).
        struct Entry {
            var record: Int64
            var words: Int32?
        }
        /// Each key's entries in storage order: the first in `one`, later ones in `more`
        /// (most keys have one record).
        private var one: [Int64: Entry] = [:]
        private var more: [Int64: [Entry]] = [:]
        /// The keys `repost_band` may hold, once `filterAfter` records were looked up: a key it
        /// cannot hold (most keys of a new record) is not probed. Extra keys only cost a probe;
        /// a missing key would lose a match, so the filter is dropped when another connection
        /// committed (`PRAGMA data_version`) and rebuilt from the index when next needed.
        private var filter: BandKeyFilter?
        private var dataVersion: Int64?
        private var lookups = 0
        /// Lookups before the filter is built (reading the index's keys): a small ingest into a
        /// large archive does not pay for the scan.
        var filterAfter = 5_000

        init() {}

        /// Makes the mirror hold the log as it is in `db`.
        func check(_ db: Database) throws {
            let version = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version"))
            if version != dataVersion { (filter, dataVersion, lookups) = (nil, version, 0) }
            let log = try Row.fetchOne(db.cachedStatement(sql:
                "SELECT (SELECT min(id) FROM repost_band_log), (SELECT max(id) FROM repost_band_log)"))
            let first: Int64? = log?[0], last: Int64? = log?[1]
            if first == self.first && last == self.last { return }
            clear()
            let rows = try Row.fetchCursor(db, sql: "SELECT key, record, words FROM repost_band_log ORDER BY id")
            while let row = try rows.next() { insert(key: row[0], entry: Entry(record: row[1], words: row[2])) }
            (self.first, self.last) = (first, last)
        }

        /// Those of `keys` that `repost_band` may hold (all of them until the filter is built).
        func keysToProbe(_ keys: [Int64], _ db: Database) throws -> [Int64] {
            if filter == nil {
                lookups += 1
                guard lookups > filterAfter else { return keys }
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM repost_band") ?? 0
                var built = BandKeyFilter(capacity: max(2 * count, 1 << 18))
                let rows = try Int64.fetchCursor(db, sql: "SELECT key FROM repost_band")
                while let key = try rows.next() { built.insert(key) }
                filter = built
            }
            return filter.map { filter in keys.filter(filter.mayContain) } ?? keys
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
            if filter != nil {
                let rows = try Int64.fetchCursor(db, sql: "SELECT key FROM repost_band_log")
                while let key = try rows.next() { filter?.insert(key) }
                if filter?.isFull == true { filter = nil }
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

    /// A Bloom filter of band keys (three probes; about 16 bits per key at capacity, under
    /// 1 % false positives): which keys may be in `repost_band`.
    struct BandKeyFilter {
        private var bits: [UInt64]
        private let mask: UInt64
        private let capacity: Int
        private var count = 0

        init(capacity: Int) {
            var size = 1 << 20
            while size < capacity * 16 { size <<= 1 }
            bits = [UInt64](repeating: 0, count: size / 64)
            mask = UInt64(size - 1)
            self.capacity = capacity
        }

        /// More keys than it was sized for: rebuild it larger.
        var isFull: Bool { count > capacity }

        mutating func insert(_ key: Int64) {
            count += 1
            var (h, step) = Self.hashes(key)
            for _ in 0..<3 {
                let bit = h & mask
                bits[Int(bit >> 6)] |= 1 << (bit & 63)
                h &+= step
            }
        }

        func mayContain(_ key: Int64) -> Bool {
            var (h, step) = Self.hashes(key)
            for _ in 0..<3 {
                let bit = h & mask
                if bits[Int(bit >> 6)] & (1 << (bit & 63)) == 0 { return false }
                h &+= step
            }
            return true
        }

        /// Two independent hashes of `key` (SplitMix64 finaliser), the second odd.
        private static func hashes(_ key: Int64) -> (UInt64, UInt64) {
            let a = RepostFingerprint.mix(UInt64(bitPattern: key))
            return (a, RepostFingerprint.mix(a) | 1)
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
