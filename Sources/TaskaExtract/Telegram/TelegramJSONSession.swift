import TaskaCore

/// The state of one export being read: counts, the record held back, warnings for the end.
final class TelegramJSONSession {
    private let base: SourceDocument
    private let emitDocument: (SourceDocument) throws -> Void
    private var pending: SourceDocument?
    private var global: [DocumentWarning] = []
    private var media: TelegramMediaResolver
    private(set) var emitted = 0
    var service = 0
    var unsupported = 0
    var withoutId = 0
    var notObject = 0

    /// Fields of a message written by Telegram Desktop today; others give `unknown-field`.
    static let knownFields: Set<String> = [
        "id", "type", "date", "date_unixtime", "edited", "edited_unixtime", "from", "from_id", "author",
        "forwarded_from", "forwarded_from_id", "saved_from", "reply_to_message_id", "reply_to_peer_id", "via_bot",
        "photo", "photo_file_size", "width", "height", "file", "file_name", "file_size", "thumbnail",
        "thumbnail_file_size", "media_type", "mime_type", "duration_seconds", "performer", "title", "sticker_emoji",
        "media_spoiler", "self_destruct_period_seconds", "contact_information", "contact_vcard",
        "location_information", "live_location_period_seconds", "place_name", "address", "poll", "game_title",
        "game_description", "game_link", "invoice_information", "inline_bot_buttons", "text", "text_entities",
        "reactions", "actor", "actor_id", "action", "message_id", "members", "inviter", "boosts",
    ]

    /// `base` is the export's document; its `folderMembers` (set when the export was read from
    /// a container) resolve the messages' media files and are not passed on to the records.
    init(base: SourceDocument, emit: @escaping (SourceDocument) throws -> Void) {
        var base = base
        media = TelegramMediaResolver(base.folderMembers)
        base.folderMembers = nil
        self.base = base
        self.emitDocument = emit
    }

    func globalWarning(_ code: String, _ message: String, count: Int? = nil) {
        global.append(DocumentWarning(stage: "extract", code: code, message: message, count: count))
    }

    /// Turns tokenizer events into warnings, one per code with a count.
    static func warnings(for events: [JSONTokenizer.Event]) -> [DocumentWarning] {
        var order: [String] = []
        var details: [String: [String]] = [:]
        var counts: [String: Int] = [:]
        for e in events {
            if details[e.code] == nil { order.append(e.code) }
            let n = e.code == "json-raw-control" ? Int(e.detail) ?? 1 : 1
            counts[e.code, default: 0] += n
            if e.code != "json-raw-control", details[e.code, default: []].count < 5, !details[e.code, default: []].contains(e.detail) {
                details[e.code, default: []].append(e.detail)
            } else if details[e.code] == nil {
                details[e.code] = []
            }
        }
        return order.map { code in
            let n = counts[code] ?? 1
            let seen = (details[code] ?? []).joined(separator: ", ")
            let message: String
            switch code {
            case "json-x-escape":
                message = "Read \(n) `\\xNN` escape\(n == 1 ? "" : "s") (\(seen)) as U+00NN; Telegram writes control characters so, though JSON does not allow it"
            case "json-raw-control":
                message = "Kept \(n) raw control character\(n == 1 ? "" : "s") inside JSON strings (not allowed by JSON; Normalize removes them)"
            case "json-duplicate-key":
                message = "A key appears twice in one object (\(seen)); the last value was kept"
            case "json-bad-escape":
                message = "Read \(n) invalid escape\(n == 1 ? "" : "s") (\(seen)) literally"
            default:
                message = "Read \(n) unquoted word\(n == 1 ? "" : "s") (\(seen)) as text; the JSON is damaged there"
            }
            return DocumentWarning(stage: "extract", code: code, message: message, count: n)
        }
    }

    /// Events seen outside an ordinary message: they go onto the last record.
    func addGlobalEvents(_ events: [JSONTokenizer.Event]) {
        guard !events.isEmpty else { return }
        global += Self.warnings(for: events)
    }

    /// One message object: skipped and counted, or turned into a document and queued.
    func handle(_ message: JSONValue, chatName: String?, chatType: String?, chatId: Int64?,
                events: [JSONTokenizer.Event]) throws {
        guard case .object = message else { notObject += 1; return }
        let type = message["type"]?.string ?? "message"
        if type == "service" { service += 1; addGlobalEvents(events); return }
        if type == "unsupported" { unsupported += 1; addGlobalEvents(events); return }
        guard let id = message["id"]?.int64 else { withoutId += 1; addGlobalEvents(events); return }

        var doc = base
        doc.subIndex = emitted
        doc.restartDeadline()
        doc.warnings += Self.warnings(for: events)
        var info = MessageInfo(id: id)
        info.chatName = chatName
        info.chatType = chatType
        info.chatId = chatId
        let unix = message["date_unixtime"]?.int64
        info.wallTime = message["date"]?.string
        var offset: Int64?
        if let unix {
            info.date = TelegramDate.utcISO(unix)
            if let wall = info.wallTime.flatMap(TelegramDate.wallSeconds) {
                offset = wall - unix
                info.utcOffset = TelegramDate.offsetString(wall - unix)
            }
        } else {
            doc.warn("extract", "message-date-missing", "Message \(id) has no `date_unixtime`; its UTC instant is unknown (the wall time is kept)")
        }
        if let edited = message["edited_unixtime"]?.int64 {
            info.edited = TelegramDate.utcISO(edited)
        } else if let edited = message["edited"]?.string, let wall = TelegramDate.wallSeconds(edited), let offset {
            info.edited = TelegramDate.utcISO(wall - offset)
        }
        info.sender = message["from"]?.string
        info.senderId = message["from_id"]?.string ?? message["from_id"]?.int64.map(String.init)
        info.author = message["author"]?.string
        info.forwardedFrom = message["forwarded_from"]?.string
        info.replyTo = message["reply_to_message_id"]?.int64
        (info.mediaType, info.mediaFile) = Self.media(of: message)
        media.resolve(&info)
        doc.message = info

        let text = Self.text(of: message, id: id, into: &doc)
        doc.blocks = text.blocks()

        let unknown = message.keys.filter { !Self.knownFields.contains($0) }
        if !unknown.isEmpty {
            doc.warn("extract", "unknown-field",
                     "Message \(id) has field\(unknown.count == 1 ? "" : "s") this reader does not know (\(unknown.joined(separator: ", "))); \(unknown.count == 1 ? "it was" : "they were") ignored",
                     count: unknown.count)
        }
        if let held = pending { try emitDocument(held) }
        pending = doc
        emitted += 1
    }

    /// The media type and file of a message: `media_type` or the kind of media field present;
    /// the file is nil when Telegram did not include it (`(File not included…)`).
    static func media(of message: JSONValue) -> (String?, String?) {
        func path(_ key: String) -> String? {
            guard let p = message[key]?.string, !p.isEmpty, !p.hasPrefix("(") else { return nil }
            return p
        }
        if let type = message["media_type"]?.string { return (type, path("file")) }
        if message["photo"] != nil { return ("photo", path("photo")) }
        if message["file"] != nil { return ("file", path("file")) }
        if message["location_information"] != nil { return ("location", nil) }
        if message["contact_information"] != nil { return ("contact", nil) }
        if message["poll"] != nil { return ("poll", nil) }
        if message["game_title"] != nil { return ("game", nil) }
        if message["invoice_information"] != nil { return ("invoice", nil) }
        return (nil, nil)
    }

    /// The text from `text_entities` (the authority), checked against `text`.
    static func text(of message: JSONValue, id: Int64, into doc: inout SourceDocument) -> TelegramMessageText {
        var out = TelegramMessageText()
        func add(_ items: [JSONValue]) {
            for item in items {
                if let s = item.string { out.append(s); continue }
                guard let t = item["text"]?.string else { continue }
                let type = item["type"]?.string ?? "plain"
                let href: String? = type == "text_link" ? item["href"]?.string : (type == "link" ? t : nil)
                out.append(t, type: type, href: href)
            }
        }
        let flat: String?
        switch message["text"] {
        case .string(let s)?: flat = s
        case .array(let items)?:
            flat = items.map { $0.string ?? $0["text"]?.string ?? "" }.joined()
        default: flat = nil
        }
        if case .array(let entities)? = message["text_entities"] {
            add(entities)
            if let flat, flat != out.text {
                doc.warn("extract", "text-mismatch",
                         "Message \(id): `text` and `text_entities` differ; the text was taken from `text_entities`")
            }
        } else {
            switch message["text"] {
            case .string(let s)?: out.append(s)
            case .array(let items)?: add(items)
            default: break
            }
            doc.warn("extract", "text-entities-missing", "Message \(id) has no `text_entities` array; the text was taken from `text`")
        }
        return out
    }

    /// Emits the held-back record as it is (the export is being abandoned, say over a limit).
    func flushPending() throws {
        if let held = pending { pending = nil; try emitDocument(held) }
    }

    /// Emits the held-back record with the export's summary warnings (or, when the export has
    /// no ordinary message, one record without text that carries them).
    func finish() throws {
        var last = pending ?? base
        if pending == nil {
            last.warn("extract", "no-messages", "The Telegram export holds no ordinary message; no message records were made")
        }
        last.warnings += global
        if let missing = media.warning { last.warnings.append(missing) }
        func plural(_ n: Int, _ one: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(one)s" }
        if service > 0 {
            last.warn("extract", "service-messages-skipped",
                      "Skipped \(plural(service, "service message")) (chat created, photo changed, pinned, joined, …) in this export; \(emitted) ordinary messages became records",
                      count: service)
        }
        if unsupported > 0 {
            last.warn("extract", "unsupported-messages-skipped",
                      "Skipped \(plural(unsupported, "message")) Telegram Desktop exported as `unsupported`", count: unsupported)
        }
        if withoutId > 0 {
            last.warn("extract", "messages-without-id-skipped", "Skipped \(plural(withoutId, "message")) without an `id`", count: withoutId)
        }
        if notObject > 0 {
            last.warn("extract", "messages-not-objects-skipped", "Skipped \(plural(notObject, "entry")) of `messages` that are not objects", count: notObject)
        }
        pending = nil
        try emitDocument(last)
    }
}
