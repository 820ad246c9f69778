import TaskaCore
import TaskaStore

/// `taska telegram report` output: a chat's structure as text for reading or as one JSON object.
public enum ChatReportFormatter {
    /// The report as aligned text sections.
    public static func text(_ r: ChatReport) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let c = r.chat
        line("Chat \(c.name ?? c.key) (id \(c.id.map(String.init) ?? "not in the exports")\(c.type.map { ", \($0)" } ?? ""))")
        line("  messages      \(c.messages) (\(r.records) records)")
        line("  first, last   \(c.first ?? "?") … \(c.last ?? "?")")
        if let first = r.firstId, let last = r.lastId {
            line("  message ids   \(first) … \(last): \(r.missingIds) missing in \(r.gapCount) gap\(r.gapCount == 1 ? "" : "s")"
                + (r.serviceMessagesSkipped > 0 ? "; the exports held \(r.serviceMessagesSkipped) service messages, which take ids and Taska skips" : ""))
        }
        line("  edited        \(r.edited)")
        line("  replies       \(r.replies) in \(r.threads.count == 0 ? "no" : "these") threads")
        if !r.gaps.isEmpty {
            line()
            line("Gaps (ids with no message\(r.gapCount > r.gaps.count ? ", first \(r.gaps.count) of \(r.gapCount)" : ""))")
            for g in r.gaps { line("  \(g.lowerBound == g.upperBound ? "\(g.lowerBound)" : "\(g.lowerBound)–\(g.upperBound)")  (\(g.count))") }
        }
        func table(_ title: String, _ rows: [ChatCount]) {
            guard !rows.isEmpty else { return }
            line()
            line(title)
            let width = rows.map(\.count).max().map { String($0).count } ?? 1
            for row in rows {
                let n = String(row.count)
                line("  " + String(repeating: " ", count: width - n.count) + n + "  \(row.name)  \(row.first ?? "") … \(row.last ?? "")")
            }
        }
        table("Forwarded from (messages, first … last)", r.forwards)
        if !r.threads.isEmpty {
            line()
            line("Largest reply threads (root message, replies, first … last reply)")
            for t in r.threads {
                line("  \(t.root)\(t.rootPresent ? "" : " (not in the export)")  \(t.replies)  \(t.first ?? "") … \(t.last ?? "")")
            }
        }
        table("Senders", r.senders)
        table("Media", r.media)
        return out
    }

    /// The report as one JSON object.
    public static func json(_ r: ChatReport) -> String {
        var e = JSONByteWriter()
        func counts(_ key: StaticString, _ rows: [ChatCount]) {
            e.key(key)
            e.beginArray()
            for row in rows {
                e.beginObject()
                e.field("name", row.name)
                e.field("count", row.count)
                if row.first != nil || row.last != nil {
                    e.field("first", row.first)
                    e.field("last", row.last)
                }
                e.endObject()
            }
            e.endArray()
        }
        func int(_ key: StaticString, _ v: Int64?) {
            e.key(key)
            if let v { e.int(Int(v)) } else { e.null() }
        }
        e.beginObject()
        e.key("chat")
        e.beginObject()
        int("id", r.chat.id)
        e.field("key", r.chat.key)
        e.field("name", r.chat.name)
        e.field("type", r.chat.type)
        e.endObject()
        e.field("messages", r.chat.messages)
        e.field("records", r.records)
        e.field("first", r.chat.first)
        e.field("last", r.chat.last)
        int("firstId", r.firstId)
        int("lastId", r.lastId)
        int("missingIds", r.missingIds)
        e.field("gapCount", r.gapCount)
        e.key("gaps")
        e.beginArray()
        for g in r.gaps {
            e.beginArray()
            e.int(Int(g.lowerBound))
            e.int(Int(g.upperBound))
            e.endArray()
        }
        e.endArray()
        e.field("serviceMessagesSkipped", r.serviceMessagesSkipped)
        e.field("edited", r.edited)
        e.field("replies", r.replies)
        e.key("threads")
        e.beginArray()
        for t in r.threads {
            e.beginObject()
            int("root", t.root)
            e.key("rootPresent")
            e.bool(t.rootPresent)
            e.field("replies", t.replies)
            e.field("first", t.first)
            e.field("last", t.last)
            e.endObject()
        }
        e.endArray()
        counts("forwards", r.forwards)
        counts("senders", r.senders)
        counts("media", r.media)
        counts("perDay", r.perDay)
        e.endObject()
        return String(decoding: e.bytes, as: UTF8.self)
    }
}
