/// One output record (schema v1): a finished document or an error, ready for a sink.
///
/// The layout is fixed and documented in README and `schema/record.v1.schema.json`.
/// Offsets in `paragraphs` and `segments` are Unicode scalar offsets into `text`.
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

    /// The record as ordered JSON.
    public var json: JSONValue {
        let d = document
        var sourcePairs: [(String, JSONValue)] = [
            ("path", .string(d.source.path)),
        ]
        if let raw = d.source.pathBytes {
            sourcePairs.append(("pathBytes", .string(Base64.encode(raw))))
        }
        sourcePairs += [
            ("bytes", .int(d.source.bytes)),
            ("sha256", d.source.sha256.isEmpty ? .null : .string(d.source.sha256)),
            ("mediaType", .string(d.mediaType)),
            ("charset", .string(d.charset?.charset)),
            ("charsetSource", .string(d.charset?.source.rawValue)),
            ("charsetConfidence", d.charset.map { .double(Record.round4($0.confidence)) } ?? .null),
            ("modified", .string(d.source.modified?.iso8601())),
        ]
        if let uri = d.source.uri { sourcePairs.append(("uri", .string(uri))) }
        if let id = d.source.warcRecordId { sourcePairs.append(("warcRecordId", .string(id))) }
        if let date = d.source.warcDate { sourcePairs.append(("warcDate", .string(date))) }
        var pairs: [(String, JSONValue)] = [
            ("id", d.source.sha256.isEmpty ? .null : .string(d.id)),
            ("source", .object(sourcePairs)),
            ("pipeline", .object([
                ("name", .string(pipelineName)),
                ("version", .string(pipelineVersion)),
                ("hash", .string(pipelineHash)),
            ])),
        ]
        if let failure {
            pairs.append(("error", .object([("stage", .string(failure.stage)), ("message", .string(failure.message))])))
            pairs.append(("warnings", .array(d.warnings.map(Record.warningJSON))))
            pairs.append(("ingestedAt", .string(ingestedAt.iso8601(fraction: true))))
            return .object(pairs)
        }
        let n = d.normalized
        let m = d.metadata
        pairs += [
            ("title", .string(d.title)),
            ("metadata", .object([
                ("author", .string(m.author)), ("published", .string(m.published)), ("modified", .string(m.modified)),
                ("siteName", .string(m.siteName)), ("canonicalURL", .string(m.canonicalURL)),
                ("description", .string(m.description)), ("declaredLanguage", .string(m.declaredLanguage)),
            ])),
            ("message", d.message.map(Record.messageJSON) ?? .null),
            ("text", .string(n?.text ?? "")),
            ("searchKey", .string(n?.searchKey ?? "")),
            ("direction", .string(n?.direction.rawValue)),
            ("scripts", .array((n?.scripts ?? []).map {
                .object([("script", .string($0.script)), ("share", .double(Record.round4($0.share)))])
            })),
            ("paragraphs", .array((n?.paragraphs ?? []).map {
                .object([("start", .int($0.start)), ("end", .int($0.end)),
                         ("direction", .string($0.direction.rawValue)), ("script", .string($0.script))])
            })),
            ("entities", .array((n?.entities ?? []).map(Record.entityJSON))),
            ("language", .string(d.language)),
            ("languageConfidence", d.languageConfidence.map { .double(Record.round4($0)) } ?? .null),
            ("languages", .array(d.languages.map {
                .object([("tag", .string($0.tag)), ("share", .double(Record.round4($0.share)))])
            })),
            ("segments", d.segments.map { segs in
                .array(segs.map {
                    .object([("start", .int($0.start)), ("end", .int($0.end)), ("language", .string($0.language)),
                             ("script", .string($0.script)), ("confidence", .double(Record.round4($0.confidence)))])
                })
            } ?? .null),
            ("warnings", .array(d.warnings.map(Record.warningJSON))),
            ("ingestedAt", .string(ingestedAt.iso8601(fraction: true))),
        ]
        return .object(pairs)
    }

    private static func entityJSON(_ e: Entity) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", .string(e.type)), ("start", .int(e.start)), ("end", .int(e.end))]
        if let href = e.href { pairs.append(("href", .string(href))) }
        if let language = e.language { pairs.append(("language", .string(language))) }
        if let direction = e.direction { pairs.append(("direction", .string(direction.rawValue))) }
        return .object(pairs)
    }

    private static func messageJSON(_ m: MessageInfo) -> JSONValue {
        func int(_ v: Int64?) -> JSONValue { v.map { .int(Int($0)) } ?? .null }
        return .object([
            ("chat", .object([("name", .string(m.chatName)), ("type", .string(m.chatType)), ("id", int(m.chatId))])),
            ("id", .int(Int(m.id))),
            ("date", .string(m.date)), ("wallTime", .string(m.wallTime)), ("utcOffset", .string(m.utcOffset)),
            ("sender", .string(m.sender)), ("senderId", .string(m.senderId)), ("author", .string(m.author)),
            ("forwardedFrom", .string(m.forwardedFrom)), ("replyTo", int(m.replyTo)), ("edited", .string(m.edited)),
            ("media", m.mediaType == nil && m.mediaFile == nil ? .null
                : .object([("type", .string(m.mediaType)), ("file", .string(m.mediaFile))])),
        ])
    }

    private static func warningJSON(_ w: DocumentWarning) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("stage", .string(w.stage)), ("code", .string(w.code)), ("message", .string(w.message))]
        if let count = w.count { pairs.append(("count", .int(count))) }
        return .object(pairs)
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
