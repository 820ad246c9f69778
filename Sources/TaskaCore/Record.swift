/// One output record (schema v1): a finished document or an error, ready for a sink.
///
/// The layout is fixed and documented in docs/records.md and `schema/record.v1.schema.json`.
/// Offsets in `paragraphs`, `pages` and `segments` are Unicode scalar offsets into `text`.
public struct Record: Sendable {
    /// Version of the record layout; bumped on any incompatible change.
    public static let schemaVersion = 1

    public var document: SourceDocument
    public var failure: StageFailure?
    public var pipelineName: String
    public var pipelineVersion: String
    public var pipelineHash: String
    public var ingestedAt: Timestamp

    public init(document: SourceDocument, failure: StageFailure? = nil, pipeline: Pipeline, ingestedAt: Timestamp) {
        self.document = document
        self.failure = failure
        self.pipelineName = pipeline.name
        self.pipelineVersion = pipeline.version
        self.pipelineHash = pipeline.hash
        self.ingestedAt = ingestedAt
    }

    public init(output: Pipeline.Output, pipeline: Pipeline, ingestedAt: Timestamp) {
        switch output {
        case let .document(document): self.init(document: document, pipeline: pipeline, ingestedAt: ingestedAt)
        case let .failure(document, failure):
            self.init(document: document, failure: failure, pipeline: pipeline, ingestedAt: ingestedAt)
        }
    }

    public var isError: Bool { failure != nil }

    private static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

    /// The record as ordered JSON (for tests and golden files; sinks use `writeJSON(to:)`).
    public var json: JSONValue {
        var builder = JSONTreeBuilder()
        emit(into: &builder)
        return builder.result
    }

    /// Appends the record as one line of compact JSON (no newline) to `out`, streamed with no
    /// `JSONValue` tree in between.
    public func writeJSON(to out: inout [UInt8]) {
        var writer = JSONByteWriter()
        swap(&writer.bytes, &out)
        emit(into: &writer)
        swap(&writer.bytes, &out)
    }

    /// The record layout (schema v1), written once for both `json` and `writeJSON(to:)`.
    public func emit<E: JSONEmitter>(into e: inout E) {
        let d = document
        e.beginObject()
        e.field("id", d.source.sha256.isEmpty ? nil : d.id)
        e.key("source")
        e.beginObject()
        e.field("path", d.source.path)
        if let raw = d.source.pathBytes { e.field("pathBytes", Base64.encode(raw)) }
        e.field("bytes", d.source.bytes)
        e.field("sha256", d.source.sha256.isEmpty ? nil : d.source.sha256)
        e.field("mediaType", d.mediaType)
        e.field("charset", d.charset?.charset)
        e.field("charsetSource", d.charset?.source.rawValue)
        e.field("charsetConfidence", d.charset.map { Record.round4($0.confidence) })
        e.field("modified", d.source.modified?.iso8601())
        if let uri = d.source.uri { e.field("uri", uri) }
        if let id = d.source.warcRecordId { e.field("warcRecordId", id) }
        if let date = d.source.warcDate { e.field("warcDate", date) }
        if let member = d.source.container {
            e.key("container")
            e.beginObject()
            e.key("chain")
            e.beginArray()
            for name in member.chain { e.string(name) }
            e.endArray()
            if let sha = member.sha256 { e.field("sha256", sha) }
            if let size = member.bytes { e.field("bytes", size) }
            e.endObject()
        }
        e.endObject()
        e.key("pipeline")
        e.beginObject()
        e.field("name", pipelineName)
        e.field("version", pipelineVersion)
        e.field("hash", pipelineHash)
        e.endObject()
        if let failure {
            e.key("error")
            e.beginObject()
            e.field("stage", failure.stage)
            e.field("message", failure.message)
            e.endObject()
            Record.emitWarnings(d.warnings, into: &e)
            e.field("ingestedAt", ingestedAt.iso8601(fraction: true))
            e.endObject()
            return
        }
        let n = d.normalized
        let m = d.metadata
        e.field("title", d.title)
        e.key("metadata")
        e.beginObject()
        e.field("author", m.author)
        e.field("published", m.published)
        if let from = m.publishedFrom { e.field("publishedFrom", from) }
        e.field("modified", m.modified)
        e.field("siteName", m.siteName)
        e.field("canonicalURL", m.canonicalURL)
        e.field("description", m.description)
        e.field("declaredLanguage", m.declaredLanguage)
        // PDF-only fields: written only when present, so other formats' records are unchanged.
        if let created = m.created { e.field("created", created) }
        if let producer = m.producer { e.field("producer", producer) }
        e.endObject()
        e.key("message")
        if let message = d.message { Record.emitMessage(message, into: &e) } else { e.null() }
        e.field("text", n?.text ?? "")
        e.field("searchKey", n?.searchKey ?? "")
        e.field("direction", n?.direction.rawValue)
        e.key("scripts")
        e.beginArray()
        for script in n?.scripts ?? [] {
            e.beginObject()
            e.field("script", script.script)
            e.field("share", Record.round4(script.share))
            e.endObject()
        }
        e.endArray()
        e.key("paragraphs")
        e.beginArray()
        for p in n?.paragraphs ?? [] {
            e.beginObject()
            e.field("start", p.start)
            e.field("end", p.end)
            e.field("direction", p.direction.rawValue)
            e.field("script", p.script)
            e.endObject()
        }
        e.endArray()
        if let pages = d.pages {
            e.key("pages")
            e.beginArray()
            for page in pages {
                e.beginObject()
                e.field("number", page.number)
                e.field("start", page.start)
                e.field("end", page.end)
                e.field("source", page.source.rawValue)
                if let confidence = page.ocrConfidence { e.field("ocrConfidence", Record.round4(confidence)) }
                e.endObject()
            }
            e.endArray()
        }
        e.key("entities")
        e.beginArray()
        for entity in n?.entities ?? [] { Record.emitEntity(entity, into: &e) }
        e.endArray()
        e.field("language", d.language)
        e.field("languageConfidence", d.languageConfidence.map(Record.round4))
        e.key("languages")
        e.beginArray()
        for share in d.languages {
            e.beginObject()
            e.field("tag", share.tag)
            e.field("share", Record.round4(share.share))
            e.endObject()
        }
        e.endArray()
        e.key("segments")
        if let segments = d.segments {
            e.beginArray()
            for s in segments {
                e.beginObject()
                e.field("start", s.start)
                e.field("end", s.end)
                e.field("language", s.language)
                e.field("script", s.script)
                e.field("confidence", Record.round4(s.confidence))
                e.endObject()
            }
            e.endArray()
        } else {
            e.null()
        }
        if !d.restored.isEmpty {
            e.key("restored")
            Record.emitRestored(d.restored, into: &e)
        }
        if !d.dates.isEmpty {
            e.key("dates")
            e.beginArray()
            for date in d.dates {
                e.beginObject()
                e.field("start", date.start)
                e.field("end", date.end)
                e.field("text", date.text)
                e.field("calendar", date.calendar)
                e.field("value", date.value)
                e.endObject()
            }
            e.endArray()
        }
        Record.emitWarnings(d.warnings, into: &e)
        e.field("ingestedAt", ingestedAt.iso8601(fraction: true))
        e.endObject()
    }

    /// Restored spans as the record writes them (`taska restore-hooks --json` writes the same).
    public static func emitRestored<E: JSONEmitter>(_ spans: [RestoredSpan], into e: inout E) {
        e.beginArray()
        for r in spans {
            e.beginObject()
            e.field("start", r.start)
            e.field("end", r.end)
            e.field("from", r.from)
            e.field("to", r.to)
            e.endObject()
        }
        e.endArray()
    }

    private static func emitEntity<E: JSONEmitter>(_ entity: Entity, into e: inout E) {
        e.beginObject()
        e.field("type", entity.type)
        e.field("start", entity.start)
        e.field("end", entity.end)
        if let href = entity.href { e.field("href", href) }
        if let language = entity.language { e.field("language", language) }
        if let direction = entity.direction { e.field("direction", direction.rawValue) }
        if let value = entity.value { e.field("value", value) }
        if let country = entity.country { e.field("country", country) }
        if let network = entity.network { e.field("network", network) }
        if let stage = entity.stage { e.field("stage", stage) }
        e.endObject()
    }

    private static func emitMessage<E: JSONEmitter>(_ m: MessageInfo, into e: inout E) {
        func int(_ key: StaticString, _ v: Int64?) {
            e.key(key)
            if let v { e.int(Int(v)) } else { e.null() }
        }
        e.beginObject()
        e.key("chat")
        e.beginObject()
        e.field("name", m.chatName)
        e.field("type", m.chatType)
        int("id", m.chatId)
        e.endObject()
        int("id", m.id)
        e.field("date", m.date)
        e.field("wallTime", m.wallTime)
        e.field("utcOffset", m.utcOffset)
        e.field("sender", m.sender)
        e.field("senderId", m.senderId)
        e.field("author", m.author)
        e.field("forwardedFrom", m.forwardedFrom)
        int("replyTo", m.replyTo)
        e.field("edited", m.edited)
        e.key("media")
        if m.mediaType == nil && m.mediaFile == nil {
            e.null()
        } else {
            e.beginObject()
            e.field("type", m.mediaType)
            e.field("file", m.mediaFile)
            if m.mediaLookedUp {
                e.key("bytes")
                if let bytes = m.mediaBytes { e.int(bytes) } else { e.null() }
                e.field("sha256", m.mediaSha256)
            }
            e.endObject()
        }
        e.endObject()
    }

    private static func emitWarnings<E: JSONEmitter>(_ warnings: [DocumentWarning], into e: inout E) {
        e.key("warnings")
        e.beginArray()
        for w in warnings {
            e.beginObject()
            e.field("stage", w.stage)
            e.field("code", w.code)
            e.field("message", w.message)
            if let count = w.count { e.field("count", count) }
            e.endObject()
        }
        e.endArray()
    }
}

/// Standard base64 (RFC 4648), for raw bytes that must survive in JSON.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            for s in [18, 12, 6, 0] { out.append(alphabet[Int(v >> UInt32(s) & 63)]) }
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let v = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(v >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
