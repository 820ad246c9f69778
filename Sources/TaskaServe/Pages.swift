import Foundation
import TaskaCore
import TaskaSearch
import TaskaStore

/// Renders the reading room's pages and API bodies from the archive (read-only).
///
/// Kept apart from the HTTP layer so that tests and the API share one rendering path.
public struct Pages: Sendable {
    public let archive: Archive
    /// Searches the archive, folding queries as ingest folded the text.
    public let search: ArchiveSearch
    /// Hits per page.
    public static let pageSize = 20
    /// Longest query accepted, in characters.
    public static let maxQueryLength = 500
    /// Text of a document shown at most (characters); the rest is announced, not rendered.
    public static let maxRenderedText = 2_000_000

    public init(archive: Archive, folding: any SearchKeyFolding, skeletons: (any NameSkeletonFolding)? = nil) {
        self.archive = archive
        self.search = ArchiveSearch(folding: folding, skeletons: skeletons)
    }

    /// Search parameters, bounded.
    public struct SearchForm: Sendable {
        public var query: String
        public var language: String?
        public var since: String?
        public var until: String?
        public var page: Int
        /// Also match names in the other script or spelled another way (`anyScript=1`).
        public var anyScript: Bool

        public init(query: String, language: String? = nil, since: String? = nil, until: String? = nil, page: Int = 1,
                    anyScript: Bool = false) {
            self.anyScript = anyScript
            self.query = String(query.prefix(Pages.maxQueryLength))
            self.language = language.flatMap { $0.isEmpty ? nil : String($0.prefix(16)) }
            self.since = since.flatMap { ArchiveQuery.isDay($0) ? $0 : nil }
            self.until = until.flatMap { ArchiveQuery.isDay($0) ? $0 : nil }
            self.page = min(max(page, 1), 500)
        }
    }


    public func results(_ form: SearchForm) throws -> [SearchResult] {
        guard !form.query.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        // One extra hit tells whether a next page exists.
        return try search.search(archive, query: form.query, language: form.language, since: form.since,
                                          until: form.until, limit: Pages.pageSize + 1,
                                          offset: (form.page - 1) * Pages.pageSize, anyScript: form.anyScript)
    }

    // MARK: Search

    public func searchPage(_ form: SearchForm) throws -> String {
        let all = try results(form)
        let hits = all.prefix(Pages.pageSize)
        var body = """
        <h1>Search the collection</h1>
        <form class="search" method="get" action="/search" role="search">
        <input type="search" name="q" value="\(HTML.attribute(form.query))" maxlength="\(Pages.maxQueryLength)" placeholder="ƙasa, مدرسة, k'asa …" aria-label="Query">
        <select name="language" aria-label="Language">
        """
        for (value, label) in [("", "any language"), ("ha", "Hausa"), ("knc", "Kanuri"), ("ar", "Arabic"), ("en", "English"), ("und", "undetermined")] {
            body += "<option value=\"\(value)\"\(form.language == value || (form.language == nil && value.isEmpty) ? " selected" : "")>\(label)</option>"
        }
        body += """
        </select>
        <input type="date" name="since" value="\(HTML.attribute(form.since ?? ""))" aria-label="Since">
        <input type="date" name="until" value="\(HTML.attribute(form.until ?? ""))" aria-label="Until">
        <label><input type="checkbox" name="anyScript" value="1"\(form.anyScript ? " checked" : "")> any script</label>
        <button type="submit">Search</button>
        </form>

        """
        if !form.query.isEmpty {
            body += "<p class=\"meta\">\(hits.isEmpty ? "No records match." : "Results \((form.page - 1) * Pages.pageSize + 1)–\((form.page - 1) * Pages.pageSize + hits.count)")</p>\n<ol class=\"hits\">\n"
            for result in hits {
                let h = result.hit
                body += """
                <li><a href="/documents/\(HTML.urlComponent(h.recordId))">\(HTML.escape(h.title ?? "(untitled)"))</a>
                <div class="meta"><span lang="en">\(HTML.escape(h.language ?? "und"))</span>\(h.published.map { " · " + HTML.escape($0) } ?? "")</div>
                <div class="path">\(HTML.escape(h.path))</div>
                <p class="snippet" dir="auto"\(Self.langAttribute(h.language))>\(HTML.snippet(result.snippet))</p>\(Self.matchedVia(result))</li>

                """
            }
            body += "</ol>\n<div class=\"pager\">"
            func link(_ page: Int, _ label: String) -> String {
                var query = "q=\(HTML.urlComponent(form.query))&page=\(page)"
                if let l = form.language { query += "&language=\(HTML.urlComponent(l))" }
                if let s = form.since { query += "&since=\(s)" }
                if let u = form.until { query += "&until=\(u)" }
                if form.anyScript { query += "&anyScript=1" }
                return "<a href=\"/search?\(HTML.attribute(query))\">\(label)</a>"
            }
            if form.page > 1 { body += link(form.page - 1, "← previous") }
            if all.count > Pages.pageSize { body += link(form.page + 1, "next →") }
            body += "</div>\n"
        }
        return HTML.page(title: form.query.isEmpty ? "Search" : form.query, body: body)
    }

    /// For a hit found by its name skeleton, a line that says so and how the record spells it.
    static func matchedVia(_ result: SearchResult) -> String {
        guard result.column == .nameSkeleton else { return "" }
        let translated = result.translation.map { " (query translated: <span dir=\"auto\">\(HTML.escape($0))</span>)" } ?? ""
        return "<div class=\"meta matched\">matched via name skeleton: <span dir=\"auto\">\(HTML.escape(result.spellings.joined(separator: " ")))</span>\(translated)</div>"
    }

    static func langAttribute(_ tag: String?) -> String {
        guard let tag, !tag.isEmpty else { return "" }
        let language = tag.split(separator: "-").first.map(String.init) ?? tag
        return " lang=\"\(HTML.attribute(language))\""
    }

    public func searchJSON(_ form: SearchForm) throws -> String {
        let all = try results(form)
        let hits = Array(all.prefix(Pages.pageSize))
        let clusters = try archive.clusters(ofRecordIds: hits.map(\.hit.recordId))
        return JSONValue.object([
            ("query", .string(form.query)), ("page", .int(form.page)), ("more", .bool(all.count > Pages.pageSize)),
            ("hits", .array(hits.map { r in
                .object([("id", .string(r.hit.recordId)), ("title", .string(r.hit.title)), ("language", .string(r.hit.language)),
                         ("date", .string(r.hit.published)), ("path", .string(r.hit.path)), ("snippet", r.snippet.json),
                         ("rank", .double(r.hit.rank)),
                         ("matched", .object([("column", .string(r.column.rawValue)),
                                              ("spellings", .array(r.spellings.map { .string($0) }))]
                                             + (r.translation.map { [("translation", JSONValue.string($0))] } ?? []))),
                         ("cluster", .string(clusters[r.hit.recordId]?.cluster ?? r.hit.recordId)),
                         ("clusterSize", .int(clusters[r.hit.recordId]?.size ?? 1))])
            })),
        ]).serialized()
    }

    // MARK: Document

    /// The document page, or nil when no record has this id.
    public func documentPage(id: String) throws -> String? {
        guard let stored = try archive.record(id: id),
              let record = JSONTokenizer.value(of: Array(stored.json.utf8)) else { return nil }
        let title = record["title"]?.string ?? "(untitled)"
        let source = record["source"] ?? .object([])
        let metadata = record["metadata"] ?? .object([])
        let text = record["text"]?.string ?? ""
        let language = record["language"]?.string
        var body = "<article>\n<h1 dir=\"auto\"\(Self.langAttribute(language))>\(HTML.escape(title))</h1>\n"
        body += "<table class=\"facts\">\n"
        func row(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            body += "<tr><th>\(name)</th><td dir=\"auto\">\(HTML.escape(value))</td></tr>\n"
        }
        row("Language", language)
        row("Direction", record["direction"]?.string)
        for (key, label) in [("author", "Author"), ("published", "Published"), ("modified", "Modified"), ("siteName", "Site"),
                             ("canonicalURL", "Canonical URL"), ("description", "Description"), ("declaredLanguage", "Declared language")] {
            row(label, metadata[key]?.string)
        }
        body += "</table>\n<h2>Provenance</h2>\n<table class=\"facts\">\n"
        for sighting in stored.sightings { row("Seen as", "\(sighting.path) (\(sighting.seenAt))") }
        row("URI", source["uri"]?.string)
        row("SHA-256", stored.sha256)
        row("Size", source["bytes"]?.int64.map { "\($0) bytes" })
        row("Media type", source["mediaType"]?.string)
        if let charset = source["charset"]?.string {
            let why = source["charsetSource"]?.string ?? "?"
            let confidence = source["charsetConfidence"]?.double.map { String(format: "%.2f", $0) } ?? "?"
            row("Charset", "\(charset) (\(why), confidence \(confidence))")
        }
        row("Pipeline", "\(stored.pipelineName) \(stored.pipelineVersion) (\(stored.pipelineHash))")
        row("Ingested", record["ingestedAt"]?.string)
        body += "</table>\n" + (try repostsRow(id: id))
        if stored.hasOriginal {
            body += "<p><a href=\"/documents/\(HTML.urlComponent(id))/original\" download>Download the original (\(stored.originalSize ?? 0) bytes)</a></p>\n"
        }
        let warnings = record["warnings"]?.array ?? []
        if !warnings.isEmpty {
            body += "<h2>Warnings</h2>\n<ul class=\"warnings\">\n"
            for w in warnings { body += "<li><code>\(HTML.escape(w["code"]?.string ?? ""))</code> \(HTML.escape(w["message"]?.string ?? ""))</li>\n" }
            body += "</ul>\n"
        }
        body += "<h2>Text</h2>\n<div class=\"text\">\n" + Self.renderText(record, text: text) + "</div>\n</article>\n"
        return HTML.page(title: title, body: body)
    }

    /// Paragraphs with `dir` and `lang`; inside each, language segments as spans with their own.
    static func renderText(_ record: JSONValue, text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let limit = min(scalars.count, maxRenderedText)
        let paragraphs = record["paragraphs"]?.array ?? []
        let segments = (record["segments"]?.array ?? []).compactMap { s -> (Int, Int, String, String)? in
            guard let a = s["start"]?.int, let b = s["end"]?.int, let l = s["language"]?.string,
                  let sc = s["script"]?.string else { return nil }
            return (a, b, l, sc)
        }
        let documentLanguage = (record["language"]?.string)?.split(separator: "-").first.map(String.init)
        func slice(_ a: Int, _ b: Int) -> String {
            let lo = max(0, min(a, limit)), hi = max(lo, min(b, limit))
            return String(String.UnicodeScalarView(scalars[lo..<hi]))
        }
        func dir(script: String) -> String { ["Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm"].contains(script) ? "rtl" : "ltr" }
        var out = ""
        let spans: [(Int, Int, String, String)] = paragraphs.isEmpty
            ? [(0, scalars.count, "auto", "")]
            : paragraphs.map { ($0["start"]?.int ?? 0, $0["end"]?.int ?? 0, $0["direction"]?.string ?? "auto", $0["script"]?.string ?? "") }
        for (start, end, direction, _) in spans where start < limit {
            let pDir = direction == "rtl" ? "rtl" : direction == "ltr" ? "ltr" : "auto"
            let inside = segments.filter { $0.0 < end && $0.1 > start }
            var paragraphLang = documentLanguage
            if let longest = inside.max(by: { ($0.1 - $0.0) < ($1.1 - $1.0) }) { paragraphLang = longest.2 }
            out += "<p dir=\"\(pDir)\"\(paragraphLang.map { " lang=\"\(HTML.attribute($0))\"" } ?? "")>"
            if inside.isEmpty {
                out += HTML.escape(slice(start, end))
            } else {
                var cursor = start
                for segment in inside {
                    let a = max(segment.0, start), b = min(segment.1, end)
                    if a > cursor { out += HTML.escape(slice(cursor, a)) }
                    out += "<span lang=\"\(HTML.attribute(segment.2))\" dir=\"\(dir(script: segment.3))\">\(HTML.escape(slice(a, b)))</span>"
                    cursor = b
                }
                if cursor < end { out += HTML.escape(slice(cursor, end)) }
            }
            out += "</p>\n"
        }
        if scalars.count > limit {
            out += "<p class=\"meta\">The text continues for \(scalars.count - limit) more characters; download the original or use the API.</p>\n"
        }
        return out
    }

    public func documentJSON(id: String) throws -> String? {
        guard let stored = try archive.record(id: id) else { return nil }
        let sightings = JSONValue.array(stored.sightings.map { .object([("path", .string($0.path)), ("seenAt", .string($0.seenAt))]) })
        // The stored record is already JSON: splice it in unchanged.
        let head = JSONValue.object([
            ("sha256", .string(stored.sha256)), ("sightings", sightings), ("hasOriginal", .bool(stored.hasOriginal)),
        ]).serialized()
        let cluster = try archive.clusters(ofRecordIds: [id])[id] ?? RecordCluster(cluster: id, size: 1)
        return "{\"provenance\":\(head),\"record\":\(Archive.withCluster(stored.json, cluster))}"
    }

    public func original(id: String) throws -> (bytes: [UInt8], name: String)? {
        guard let stored = try archive.record(id: id), let bytes = try archive.original(sha256: stored.sha256) else { return nil }
        let name = (stored.sightings.first?.path).map { ($0 as NSString).lastPathComponent } ?? stored.sha256
        return (bytes, name)
    }

    // MARK: Collection

    public func collectionPage() throws -> String {
        let s = try archive.stats()
        var body = "<h1>The collection</h1>\n<p>\(s.documents) documents, \(s.records) records, \(s.errors) errors, \(s.originalBytes) bytes of originals.</p>\n"
        for (title, rows) in [("By language", s.byLanguage), ("By format", s.byFormat), ("By month", s.byMonth)] {
            body += "<h2>\(title)</h2>\n" + Self.barChart(rows, label: title) + "\n"
        }
        return HTML.page(title: "Collection", body: body)
    }

    /// A horizontal bar chart drawn on the server as SVG (no script, no external asset).
    static func barChart(_ rows: [(String, Int)], label: String) -> String {
        let maxValue = max(rows.map(\.1).max() ?? 1, 1)
        let rowHeight = 22, labelWidth = 190, barWidth = 420
        var svg = "<svg class=\"chart\" role=\"img\" aria-label=\"\(HTML.attribute(label))\" width=\"\(labelWidth + barWidth + 60)\" height=\"\(max(rows.count, 1) * rowHeight + 4)\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, row) in rows.prefix(60).enumerated() {
            let y = i * rowHeight
            let width = max(1, row.1 * barWidth / maxValue)
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(HTML.escape(String(row.0.prefix(28))))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 6)\"></rect>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(row.1)</text>"
        }
        return svg + "</svg>"
    }

    // MARK: Chats

    /// Every chat export's chat, linking to its page.
    public func chatsPage() throws -> String {
        let chats = try archive.chats()
        var body = "<h1>Chats</h1>\n"
        if chats.isEmpty { body += "<p>No chat messages in this archive (ingest a Telegram export).</p>\n" }
        body += "<table>\n<tr><th>Chat</th><th>Id</th><th>Type</th><th>Messages</th><th>First</th><th>Last</th></tr>\n"
        for c in chats {
            body += "<tr><td><a href=\"/chats/\(HTML.urlComponent(c.key))\">\(HTML.escape(c.name ?? c.key))</a></td><td>\(c.id.map(String.init) ?? "")</td>"
                + "<td>\(HTML.escape(c.type ?? ""))</td><td>\(c.messages)</td><td>\(HTML.escape(c.first ?? ""))</td><td>\(HTML.escape(c.last ?? ""))</td></tr>\n"
        }
        return HTML.page(title: "Chats", body: body + "</table>\n")
    }

    /// One chat: its figures, a timeline of messages per day, its id gaps, forwards and threads; nil when no such chat.
    public func chatPage(key: String) throws -> String? {
        guard let chat = try archive.chats().first(where: { $0.key == key }) else { return nil }
        let r = try archive.chatReport(chat, gapLimit: 200, top: 20)
        var body = "<h1>\(HTML.escape(chat.name ?? chat.key))</h1>\n<p>\(chat.messages) messages"
            + " from \(HTML.escape(chat.first ?? "?")) to \(HTML.escape(chat.last ?? "?")); \(r.edited) edited, \(r.replies) replies.</p>\n"
        body += "<h2>Messages per day</h2>\n" + Self.timeline(r.perDay, label: "Messages per day") + "\n"
        if let first = r.firstId, let last = r.lastId {
            body += "<h2>Completeness</h2>\n<p>Message ids \(first) to \(last): \(r.missingIds) missing in \(r.gapCount) gaps"
                + (r.serviceMessagesSkipped > 0 ? " (the exports held \(r.serviceMessagesSkipped) service messages, which take ids and have no record)" : "") + ".</p>\n"
            if !r.gaps.isEmpty {
                body += "<p class=\"gaps\">" + r.gaps.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
                    .joined(separator: ", ") + (r.gapCount > r.gaps.count ? ", …" : "") + "</p>\n"
            }
        }
        if !r.forwards.isEmpty {
            body += "<h2>Forwarded from</h2>\n" + Self.barChart(r.forwards.map { ($0.name, $0.count) }, label: "Forwarded from") + "\n"
        }
        if !r.threads.isEmpty {
            body += "<h2>Largest reply threads</h2>\n<table>\n<tr><th>Root message</th><th>Replies</th><th>First reply</th><th>Last reply</th></tr>\n"
            for t in r.threads {
                body += "<tr><td>\(t.root)\(t.rootPresent ? "" : " (not in the export)")</td><td>\(t.replies)</td><td>\(HTML.escape(t.first ?? ""))</td><td>\(HTML.escape(t.last ?? ""))</td></tr>\n"
            }
            body += "</table>\n"
        }
        if !r.senders.isEmpty {
            body += "<h2>Senders</h2>\n" + Self.barChart(r.senders.map { ($0.name, $0.count) }, label: "Senders") + "\n"
        }
        return HTML.page(title: chat.name ?? chat.key, body: body)
    }

    /// Messages per day as vertical bars drawn on the server (SVG), days without messages left empty.
    static func timeline(_ days: [ChatCount], label: String) -> String {
        let height = 120, width = 720
        let maxValue = max(days.map(\.count).max() ?? 1, 1)
        let step = max(1, width / max(days.count, 1))
        var svg = "<svg class=\"chart timeline\" role=\"img\" aria-label=\"\(HTML.attribute(label))\" width=\"\(max(width, step * days.count) + 40)\" height=\"\(height + 34)\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, day) in days.enumerated() {
            let h = max(1, day.count * height / maxValue)
            svg += "<rect x=\"\(i * step)\" y=\"\(height - h)\" width=\"\(max(1, step - 1))\" height=\"\(h)\"><title>\(HTML.escape(day.name)): \(day.count)</title></rect>"
        }
        if let first = days.first, let last = days.last {
            svg += "<text x=\"0\" y=\"\(height + 16)\">\(HTML.escape(first.name))</text>"
            svg += "<text x=\"\(max(0, step * days.count - 80))\" y=\"\(height + 30)\">\(HTML.escape(last.name))</text>"
            svg += "<text x=\"\(step * days.count + 4)\" y=\"12\">\(maxValue)</text>"
        }
        return svg + "</svg>"
    }

    public func statsJSON() throws -> String {
        let s = try archive.stats()
        func table(_ rows: [(String, Int)]) -> JSONValue { .object(rows.map { ($0.0, .int($0.1)) }) }
        return JSONValue.object([
            ("documents", .int(s.documents)), ("records", .int(s.records)), ("errors", .int(s.errors)),
            ("originalBytes", .int(s.originalBytes)), ("byLanguage", table(s.byLanguage)), ("byFormat", table(s.byFormat)),
            ("byCharset", table(s.byCharset)), ("byMonth", table(s.byMonth)),
        ]).serialized()
    }
}
