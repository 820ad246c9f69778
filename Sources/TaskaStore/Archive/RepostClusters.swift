import Foundation
import GRDB
import TaskaCore


/// Puts a newly stored record into the cluster of its near-duplicates, inside the archive's
/// write transaction, without re-reading other records: candidates come from the LSH band
/// index, each is verified with `RepostFingerprint.isSamePost`, and every cluster a record
/// matches is merged (reposts of reposts belong to the first post's cluster).
enum RepostClusters {
    /// Candidates read per band key, and in all; a hot bucket (a million identical messages)
    /// costs one short index read per band, not a scan.
    static let candidatesPerBand = 8
    static let maxCandidates = 64

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

    static func add(record: Int64, date: String?, sketch: RepostSketch, _ db: Database) throws {
        guard let mine = RepostFingerprint(encoded: sketch.fingerprint) else { return }
        // The same record stored again under another pipeline is not a repost of itself.
        // Cached statements: the writer is serial, and compiling a statement costs more than running it.
        if try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS(SELECT 1 FROM repost JOIN record other ON other.id = repost.record
                          JOIN record me ON me.id = ? WHERE other.recordId = me.recordId)
            """), arguments: [record]) == true { return }

        // Each band's first candidates, then their fingerprints: two cached statements whatever
        // the number of distinct keys (a compound query would be one statement per key count).
        let keys = Array(Set(sketch.bands))
        guard !keys.isEmpty else { return }
        let lookup = try db.cachedStatement(sql: "SELECT record FROM repost_band WHERE key = ? LIMIT \(candidatesPerBand)")
        var ids: [Int64] = []
        for key in keys {
            let cursor = try Int64.fetchCursor(lookup, arguments: [key])
            while let id = try cursor.next() { if !ids.contains(id) { ids.append(id) } }
        }
        ids.sort()
        let fetch = try db.cachedStatement(sql: "SELECT record, cluster, date, fingerprint FROM repost WHERE record = ?")
        var clusters: [Int64] = []
        var alone: [Member] = []
        var identical = false
        for id in ids.prefix(maxCandidates) {
            guard let row = try Row.fetchOne(fetch, arguments: [id]) else { continue }
            let candidate: Int64 = row["record"]
            let bytes: Data = row["fingerprint"]
            guard let theirs = RepostFingerprint(encoded: [UInt8](bytes)) else { continue }
            if theirs == mine {
                identical = true
            } else if !mine.isSamePost(as: theirs, containment: sketch.containment) {
                continue
            }
            if let cluster: Int64 = row["cluster"] {
                if !clusters.contains(cluster) { clusters.append(cluster) }
            } else {
                alone.append(Member(record: candidate, date: row["date"]))
            }
        }
        let me = Member(record: record, date: date)
        let cluster: Int64? = clusters.isEmpty && alone.isEmpty ? nil : try join(me, clusters: clusters, alone: alone, db)
        try db.cachedStatement(sql: "INSERT INTO repost (record, cluster, date, fingerprint) VALUES (?, ?, ?, ?)")
            .execute(arguments: [record, cluster, date, Data(sketch.fingerprint)])
        // An exact copy adds nothing to the index: whatever would find it finds its twin.
        guard !identical else { return }
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO repost_band (key, record) VALUES "
                                            + keys.map { _ in "(?, ?)" }.joined(separator: ", "))
        try insert.execute(arguments: StatementArguments(keys.flatMap { [$0.databaseValue, record.databaseValue] }))
    }

    /// Merges `me`, the matched clusters and the matched lone records into one cluster; returns its id.
    private static func join(_ me: Member, clusters: [Int64], alone: [Member], _ db: Database) throws -> Int64 {
        var earliest = alone.reduce(me) { min($0, $1) }
        var size = 1 + alone.count
        var target: Int64
        if clusters.isEmpty {
            try db.cachedStatement(sql: "INSERT INTO cluster (first, firstDate, size) VALUES (?, ?, 0)")
                .execute(arguments: [earliest.record, earliest.date])
            target = db.lastInsertedRowID
        } else {
            // The largest cluster absorbs the others: fewest rows rewritten.
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT id, first, firstDate, size FROM cluster WHERE id IN (\(clusters.map { _ in "?" }.joined(separator: ",")))"),
                                        arguments: StatementArguments(clusters))
            guard let largest = rows.max(by: { ($0["size"] as Int) < ($1["size"] as Int) }) else { return try join(me, clusters: [], alone: alone, db) }
            target = largest["id"]
            for row in rows {
                size += row["size"] as Int
                earliest = min(earliest, Member(record: row["first"], date: row["firstDate"]))
                let id: Int64 = row["id"]
                guard id != target else { continue }
                try db.cachedStatement(sql: "UPDATE repost SET cluster = ? WHERE cluster = ?").execute(arguments: [target, id])
                try db.cachedStatement(sql: "DELETE FROM cluster WHERE id = ?").execute(arguments: [id])
            }
        }
        for member in alone {
            try db.cachedStatement(sql: "UPDATE repost SET cluster = ? WHERE record = ?").execute(arguments: [target, member.record])
        }
        try db.cachedStatement(sql: "UPDATE cluster SET first = ?, firstDate = ?, size = ? WHERE id = ?")
            .execute(arguments: [earliest.record, earliest.date, size, target])
        return target
    }
}
