import Foundation
import GRDB
import TaskaCore

/// A record's repost cluster: the record id of the cluster's earliest record (the record's own
/// id when it is alone) and how many records the cluster holds.
public struct RecordCluster: Sendable, Hashable {
    public var cluster: String
    public var size: Int

    public init(cluster: String, size: Int) {
        self.cluster = cluster
        self.size = size
    }
}

/// One copy of a post: where and when it appeared.
public struct RepostCopy: Sendable, Equatable {
    public var recordId: String
    /// The record's date (published, or the message's date), when known.
    public var date: String?
    /// The chat a message was posted in, else nil (then `path` says where).
    public var chat: String?
    public var messageId: Int64?
    /// The channel a Telegram forward names as its origin.
    public var forwardedFrom: String?
    public var path: String
    public var title: String?
    /// The first line of the text, cut to about 160 characters.
    public var excerpt: String

    /// Where the copy appeared, as listings show it: `chat #message`, else the path.
    public var place: String { chat.map { "\($0) #\(messageId.map(String.init) ?? "?")" } ?? path }
}

/// A cluster as `taska reposts` lists it.
public struct ClusterSummary: Sendable, Equatable {
    public var cluster: String
    public var size: Int
    public var firstDate: String?
    /// Distinct chats and files the copies appeared in.
    public var places: Int
    public var excerpt: String
}

extension Archive {
    /// The clusters of `recordIds` (records not in the archive are left out).
    public func clusters(ofRecordIds recordIds: [String]) throws(ArchiveError) -> [String: RecordCluster] {
        guard !recordIds.isEmpty else { return [:] }
        return try wrapRead { db in
            var out: [String: RecordCluster] = [:]
            let clustered = try db.tableExists("repost")
            for chunk in stride(from: 0, to: recordIds.count, by: 500).map({ Array(recordIds[$0..<min($0 + 500, recordIds.count)]) }) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                let sql = clustered ? """
                    SELECT r.recordId, f.recordId AS first, c.size FROM record r
                    LEFT JOIN repost p ON p.record = r.id LEFT JOIN cluster c ON c.id = p.cluster
                    LEFT JOIN record f ON f.id = c.first
                    WHERE r.recordId IN (\(marks)) ORDER BY p.record IS NULL DESC, r.id
                    """ : "SELECT recordId, NULL AS first, NULL AS size FROM record WHERE recordId IN (\(marks))"
                // Rows with a repost entry come last and win.
                for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(chunk)) {
                    let id: String = row["recordId"]
                    out[id] = RecordCluster(cluster: row["first"] ?? id, size: row["size"] ?? 1)
                }
            }
            return out
        }
    }

    /// The record's cluster and its first `limit` copies, earliest first; nil when the record is
    /// not in the archive. `cluster.size` counts every copy.
    public func reposts(of recordId: String, limit: Int = 1000) throws(ArchiveError) -> (cluster: RecordCluster, copies: [RepostCopy])? {
        try wrapRead { db in
            let clustered = try db.tableExists("repost")
            guard let row = try Row.fetchOne(db, sql: clustered ? """
                SELECT r.id, p.cluster FROM record r LEFT JOIN repost p ON p.record = r.id
                WHERE r.recordId = ? ORDER BY p.record IS NULL, r.id DESC LIMIT 1
                """ : "SELECT id, NULL AS cluster FROM record WHERE recordId = ? ORDER BY id DESC LIMIT 1",
                arguments: [recordId]) else { return nil }
            let select = """
                SELECT r.recordId, r.published, r.path, r.title, substr(r.text, 1, 400) AS head, m.chat, m.messageId, m.forwardedFrom
                FROM record r LEFT JOIN message m ON m.recordRowId = r.id
                """
            guard let cluster: Int64 = row["cluster"] else {
                let copies = try Row.fetchAll(db, sql: select + " WHERE r.id = ?", arguments: [row["id"] as Int64]).map(Self.copy)
                return (RecordCluster(cluster: recordId, size: 1), copies)
            }
            let copies = try Row.fetchAll(db, sql: select + """
                 JOIN repost p ON p.record = r.id WHERE p.cluster = ?
                 ORDER BY p.date IS NULL, p.date, r.id LIMIT ?
                """, arguments: [cluster, limit]).map(Self.copy)
            let head = try Row.fetchOne(db, sql: "SELECT f.recordId, c.size FROM cluster c JOIN record f ON f.id = c.first WHERE c.id = ?",
                                        arguments: [cluster])
            return (RecordCluster(cluster: head?["recordId"] ?? recordId, size: head?["size"] ?? copies.count), copies)
        }
    }

    /// The largest clusters, largest first (ties: earliest first).
    public func largestClusters(limit: Int, offset: Int = 0) throws(ArchiveError) -> [ClusterSummary] {
        try wrapRead { db in
            guard try db.tableExists("cluster") else { return [] }
            return try Row.fetchAll(db, sql: """
                SELECT c.id, c.size, c.firstDate, f.recordId, substr(f.text, 1, 400) AS head,
                       (SELECT count(DISTINCT coalesce(m.chat, r.path)) FROM repost p JOIN record r ON r.id = p.record
                        LEFT JOIN message m ON m.recordRowId = r.id WHERE p.cluster = c.id) AS places
                FROM cluster c JOIN record f ON f.id = c.first
                ORDER BY c.size DESC, c.firstDate IS NULL, c.firstDate, c.id LIMIT ? OFFSET ?
                """, arguments: [limit, offset]).map { row in
                ClusterSummary(cluster: row["recordId"], size: row["size"], firstDate: row["firstDate"],
                               places: row["places"], excerpt: Self.excerpt(row["head"]))
            }
        }
    }

    /// Drops every cluster and sketches each stored record again with `sketch` (from its search
    /// key), in storage order; `progress` gets the records done. Returns the records sketched.
    public func rebuildClusters(sketch: (String) -> RepostSketch?, progress: ((Int) -> Void)? = nil) throws(ArchiveError) -> Int {
        try wrap {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM repost_band; DELETE FROM repost_band_log; DELETE FROM repost; DELETE FROM cluster;")
                bandMirror.reset()
            }
            var last: Int64 = 0
            var done = 0
            while true {
                let rows = try writer.read { db in
                    try Row.fetchAll(db, sql: "SELECT id, published, searchKey FROM record WHERE id > ? ORDER BY id LIMIT 2000", arguments: [last])
                }
                guard let lastRow = rows.last else { break }
                last = lastRow["id"]
                let sketches = rows.map { row in (id: row["id"] as Int64, date: row["published"] as String?, sketch: sketch(row["searchKey"])) }
                try writer.write { db in
                    var reposts = RepostClusters.Transaction(mirror: bandMirror)
                    for s in sketches {
                        guard let sketch = s.sketch else { continue }
                        try RepostClusters.add(record: s.id, date: s.date, sketch: sketch, db, in: &reposts)
                    }
                }
                done += rows.count
                progress?(done)
            }
            return done
        }
    }

    private static func copy(_ row: Row) -> RepostCopy {
        RepostCopy(recordId: row["recordId"], date: row["published"], chat: row["chat"], messageId: row["messageId"],
                   forwardedFrom: row["forwardedFrom"], path: row["path"], title: row["title"], excerpt: excerpt(row["head"]))
    }

    /// The beginning of the text on one line (line breaks as spaces), cut at a space near 160 characters.
    static func excerpt(_ text: String?) -> String {
        let line = (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        guard line.count > 160 else { return line }
        let cut = line.prefix(160)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }
}
