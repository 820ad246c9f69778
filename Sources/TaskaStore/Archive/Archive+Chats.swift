import GRDB

/// A chat of the archive (all its exports merged): what `taska telegram report` lists.
public struct ArchivedChat: Sendable, Equatable {
    /// The chat's key in the archive: its name, else its id as text (Telegram's HTML exports
    /// carry no chat id, so the name is what two exports of one chat share).
    public var key: String
    public var id: Int64?
    public var name: String?
    public var type: String?
    /// Distinct message ids.
    public var messages: Int
    public var first: String?
    public var last: String?
}

/// A name with a count and the first and last instant it was seen (UTC, ISO 8601).
public struct ChatCount: Sendable, Equatable {
    public var name: String
    public var count: Int
    public var first: String?
    public var last: String?
}

/// A reply thread: the message replied to (which may be missing from the export) and the
/// messages below it, replies to replies included.
public struct ChatThread: Sendable, Equatable {
    public var root: Int64
    /// Whether the root message is in the archive.
    public var rootPresent: Bool
    public var replies: Int
    public var first: String?
    public var last: String?
}

/// The structure of one chat over every export of it in the archive.
public struct ChatReport: Sendable, Equatable {
    public var chat: ArchivedChat
    /// Records of the chat (a message ingested from two overlapping exports counts twice here, once in `chat.messages`).
    public var records: Int
    public var firstId: Int64?
    public var lastId: Int64?
    /// Ids between the first and the last with no message: service messages Taska skips, deleted
    /// messages, or pages missing from the export.
    public var missingIds: Int64 = 0
    /// Runs of missing ids, the first `gapLimit` of them.
    public var gaps: [ClosedRange<Int64>] = []
    public var gapCount = 0
    /// Service messages the exports held and Taska skipped (from the records' warnings).
    public var serviceMessagesSkipped = 0
    public var edited = 0
    public var replies = 0
    public var forwards: [ChatCount] = []
    public var threads: [ChatThread] = []
    public var senders: [ChatCount] = []
    public var media: [ChatCount] = []
    /// Messages per UTC day, in day order (`YYYY-MM-DD`).
    public var perDay: [ChatCount] = []
}

/// One weighted, dated edge of a chat network.
public struct ChatEdge: Sendable, Equatable {
    public enum Kind: String, Sendable { case forward, mention, posts }
    public enum NodeKind: String, Sendable { case chat, sender, handle }
    public var kind: Kind
    public var source: String
    public var sourceKind: NodeKind
    public var target: String
    public var targetKind: NodeKind
    /// Distinct messages behind the edge.
    public var weight: Int
    public var first: String?
    public var last: String?
}

extension Archive {
    /// Every chat in the archive, most messages first.
    public func chats() throws(ArchiveError) -> [ArchivedChat] {
        try wrapRead { db in
            try Row.fetchAll(db, sql: """
                SELECT chat, max(chatId) AS id, max(chatName) AS name, max(chatType) AS type, count(DISTINCT messageId) AS n,
                       min(date) AS first, max(date) AS last
                FROM message GROUP BY chat ORDER BY n DESC, chat
                """).map {
                ArchivedChat(key: $0["chat"], id: $0["id"], name: $0["name"], type: $0["type"], messages: $0["n"], first: $0["first"], last: $0["last"])
            }
        }
    }

    /// The chat `query` names: its id, or its name (case-insensitive) when that is unique.
    public func chat(named query: String) throws(ArchiveError) -> ArchivedChat {
        let all = try chats()
        if let exact = all.first(where: { $0.key == query || ($0.id.map(String.init) == query) }) { return exact }
        let named = all.filter { $0.name?.caseInsensitiveCompare(query) == .orderedSame }
        if named.count == 1 { return named[0] }
        let list = all.prefix(10).map { "\($0.id.map(String.init) ?? "no id") (\($0.key), \($0.messages) messages)" }.joined(separator: "; ")
        if named.count > 1 {
            throw .notFound(path: path, what: "one chat named \(query): \(named.count) chats have that name; give its id: \(list)")
        }
        throw .notFound(path: path, what: all.isEmpty
            ? "chat \(query): the archive holds no chat messages (ingest a Telegram export first)"
            : "chat \(query); chats here (id, name): \(list)")
    }

    /// Counts, id gaps, edits, forwards, reply threads, senders, media and messages per day of
    /// one chat. Streams the ids in order: memory stays flat however long the chat is.
    public func chatReport(_ chat: ArchivedChat, gapLimit: Int = 100, top: Int = 20) throws(ArchiveError) -> ChatReport {
        try wrapRead { db in
            var report = ChatReport(chat: chat, records: 0)
            let key = chat.key
            report.records = try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE chat = ?", arguments: [key]) ?? 0
            let ids = try Int64.fetchCursor(db, sql: "SELECT DISTINCT messageId FROM message WHERE chat = ? ORDER BY messageId",
                                            arguments: [key])
            var previous: Int64?
            while let id = try ids.next() {
                if report.firstId == nil { report.firstId = id }
                if let p = previous, id > p + 1 {
                    report.missingIds += id - p - 1
                    report.gapCount += 1
                    if report.gaps.count < gapLimit { report.gaps.append((p + 1)...(id - 1)) }
                }
                previous = id
            }
            report.lastId = previous
            report.edited = try Int.fetchOne(db, sql: """
                SELECT count(DISTINCT messageId) FROM message WHERE chat = ? AND edited IS NOT NULL
                """, arguments: [key]) ?? 0
            report.replies = try Int.fetchOne(db, sql: """
                SELECT count(DISTINCT messageId) FROM message WHERE chat = ? AND replyTo IS NOT NULL
                """, arguments: [key]) ?? 0
            report.serviceMessagesSkipped = try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(json_extract(w.value, '$.count')), 0)
                FROM message m JOIN record r ON r.id = m.recordRowId, json_each(r.json, '$.warnings') w
                WHERE m.chat = ? AND instr(r.json, 'service-messages-skipped') > 0
                  AND json_extract(w.value, '$.code') = 'service-messages-skipped'
                """, arguments: [key]) ?? 0
            func counts(_ column: String, _ filter: String = "") throws -> [ChatCount] {
                try Row.fetchAll(db, sql: """
                    SELECT \(column) AS name, count(DISTINCT messageId) AS n, min(date) AS first, max(date) AS last
                    FROM message WHERE chat = ? AND \(column) IS NOT NULL \(filter)
                    GROUP BY 1 ORDER BY n DESC, name LIMIT ?
                    """, arguments: [key, top]).map { ChatCount(name: $0["name"], count: $0["n"], first: $0["first"], last: $0["last"]) }
            }
            report.forwards = try counts("forwardedFrom")
            report.senders = try counts("coalesce(sender, senderId)")
            report.media = try counts("mediaType")
            report.perDay = try Row.fetchAll(db, sql: """
                SELECT substr(date, 1, 10) AS day, count(DISTINCT messageId) AS n
                FROM message WHERE chat = ? AND date IS NOT NULL GROUP BY day ORDER BY day
                """, arguments: [key]).map { ChatCount(name: $0["day"], count: $0["n"]) }
            // Threads: walk down from each replied-to message (present or not) through replies
            // to replies, with the (chat, replyTo) index; only messages in threads are visited.
            report.threads = try Row.fetchAll(db, sql: """
                WITH RECURSIVE thread(id, root) AS (
                    SELECT DISTINCT r.messageId, r.replyTo FROM message r
                    WHERE r.chat = ?1 AND r.replyTo IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM message p INDEXED BY message_on_chat_id
                        WHERE p.chat = ?1 AND p.messageId = r.replyTo AND p.replyTo IS NOT NULL)
                    UNION
                    SELECT c.messageId, thread.root FROM message c JOIN thread ON c.chat = ?1 AND c.replyTo = thread.id
                )
                SELECT t.root AS root, count(DISTINCT t.id) AS n, min(m.date) AS first, max(m.date) AS last,
                       EXISTS (SELECT 1 FROM message p WHERE p.chat = ?1 AND p.messageId = t.root) AS present
                FROM thread t JOIN message m ON m.chat = ?1 AND m.messageId = t.id
                GROUP BY t.root ORDER BY n DESC, t.root LIMIT ?2
                """, arguments: [key, top]).map {
                ChatThread(root: $0["root"], rootPresent: $0["present"], replies: $0["n"], first: $0["first"], last: $0["last"])
            }
            return report
        }
    }

    /// The forward, mention and posting network of every chat, one aggregated edge at a time
    /// (sorted by kind, source, target). Aggregation happens in SQLite, so memory stays flat.
    public func forEachChatEdge(_ visit: (ChatEdge) throws -> Void) throws(ArchiveError) {
        try wrapRead { db in
            // Chats are nodes by name (forwards name their source by name only).
            let rows = try Row.fetchCursor(db, sql: """
                SELECT 'forward' AS kind, forwardedFrom AS source, 'chat' AS sourceKind,
                       coalesce(chatName, chat) AS target, 'chat' AS targetKind,
                       count(DISTINCT chat || ':' || messageId) AS n, min(date) AS first, max(date) AS last
                FROM message WHERE forwardedFrom IS NOT NULL GROUP BY source, target
                UNION ALL
                SELECT 'mention', coalesce(m.sender, m.senderId, m.chatName, m.chat),
                       CASE WHEN coalesce(m.sender, m.senderId) IS NULL THEN 'chat' ELSE 'sender' END,
                       lower(substr(r.text, json_extract(e.value, '$.start') + 1,
                                    json_extract(e.value, '$.end') - json_extract(e.value, '$.start'))),
                       'handle', count(DISTINCT m.chat || ':' || m.messageId), min(m.date), max(m.date)
                FROM message m JOIN record r ON r.id = m.recordRowId, json_each(r.json, '$.entities') e
                WHERE instr(r.json, '"mention"') > 0 AND json_extract(e.value, '$.type') = 'mention'
                GROUP BY 2, 4
                UNION ALL
                SELECT 'posts', coalesce(sender, senderId), 'sender', coalesce(chatName, chat), 'chat',
                       count(DISTINCT chat || ':' || messageId), min(date), max(date)
                FROM message WHERE coalesce(sender, senderId) IS NOT NULL GROUP BY 2, 4
                ORDER BY 1, 2, 4
                """)
            while let row = try rows.next() {
                guard let kind = ChatEdge.Kind(rawValue: row[0]), let source: String = row[1], let target: String = row[3],
                      let sourceKind = ChatEdge.NodeKind(rawValue: row[2]), let targetKind = ChatEdge.NodeKind(rawValue: row[4])
                else { continue }
                try visit(ChatEdge(kind: kind, source: source, sourceKind: sourceKind, target: target, targetKind: targetKind,
                                   weight: row[5], first: row[6], last: row[7]))
            }
        }
    }
}
