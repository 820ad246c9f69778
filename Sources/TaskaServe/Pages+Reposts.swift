import TaskaCore
import TaskaStore

extension Pages {
    // MARK: Reposts

    /// The "Also seen" lines of a document page: how many other copies, linking to the cluster.
    func repostsRow(id: String) throws -> String {
        guard let cluster = try archive.clusters(ofRecordIds: [id])[id], cluster.size > 1 else { return "" }
        let others = cluster.size - 1
        return "<p class=\"reposts\"><a href=\"/reposts/\(HTML.urlComponent(id))\">Also seen in \(others) \(others == 1 ? "place" : "places")</a>"
            + (cluster.cluster == id ? " (this is the earliest copy)" : "") + ".</p>\n"
    }

    /// The largest repost clusters.
    public func repostsPage() throws -> String {
        let clusters = try archive.largestClusters(limit: 100)
        var body = "<h1>Reposts</h1>\n<p>Posts that appeared more than once (forwarded, or copied with a new header, signature, hashtags or trimmed), largest first.</p>\n"
        if clusters.isEmpty { body += "<p>No two records in this archive are the same post.</p>\n" }
        body += "<table>\n<tr><th>Copies</th><th>Places</th><th>First seen</th><th>Beginning</th></tr>\n"
        for c in clusters {
            body += "<tr><td>\(c.size)</td><td>\(c.places)</td><td>\(HTML.escape(c.firstDate ?? "undated"))</td>"
                + "<td dir=\"auto\"><a href=\"/reposts/\(HTML.urlComponent(c.cluster))\">\(HTML.escape(c.excerpt.isEmpty ? c.cluster : c.excerpt))</a></td></tr>\n"
        }
        return HTML.page(title: "Reposts", body: body + "</table>\n")
    }

    /// One record's cluster: every copy with where and when it appeared; nil when no such record.
    public func repostPage(id: String) throws -> String? {
        guard let (cluster, copies) = try archive.reposts(of: id, limit: 500) else { return nil }
        var body = "<h1>\(cluster.size) \(cluster.size == 1 ? "copy" : "copies") of one post</h1>\n"
        if copies.count < cluster.size { body += "<p>The first \(copies.count), earliest first.</p>\n" }
        body += "<table>\n<tr><th>When</th><th>Where</th><th>Beginning</th></tr>\n"
        for c in copies {
            let forward = c.forwardedFrom.map { " (forwarded from \(HTML.escape($0)))" } ?? ""
            body += "<tr><td>\(HTML.escape(c.date ?? "undated"))</td><td dir=\"auto\">\(HTML.escape(c.place))\(forward)</td>"
                + "<td dir=\"auto\"><a href=\"/documents/\(HTML.urlComponent(c.recordId))\">\(HTML.escape(c.excerpt))</a></td></tr>\n"
        }
        return HTML.page(title: "Reposts", body: body + "</table>\n")
    }

    /// `{"cluster", "clusterSize", "copies": [...]}` for one record; nil when no such record.
    public func repostsJSON(id: String) throws -> String? {
        guard let (cluster, copies) = try archive.reposts(of: id, limit: 500) else { return nil }
        return JSONValue.object([
            ("cluster", .string(cluster.cluster)), ("clusterSize", .int(cluster.size)),
            ("copies", .array(copies.map { c in
                .object([("id", .string(c.recordId)), ("date", .string(c.date)), ("chat", .string(c.chat)),
                         ("messageId", c.messageId.map { .int(Int($0)) } ?? .null), ("forwardedFrom", .string(c.forwardedFrom)),
                         ("path", .string(c.path))])
            })),
        ]).serialized()
    }
}
