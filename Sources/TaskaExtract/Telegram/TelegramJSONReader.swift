import TaskaCore

/// Telegram Desktop JSON exports (`result.json`): one document per ordinary message.
///
/// Reads single-chat exports (`{"name", "type", "id", "messages": […]}`) and full-account
/// exports (`{"chats": {"list": [chat…]}, "left_chats": …}`) with `JSONTokenizer`, one
/// message at a time, so memory stays flat however large the file: a message is read into a
/// small tree, turned into a document and emitted before the next one is read. A file too
/// large to load (`payloadPath` set) is streamed from disk.
///
/// Text comes from `text_entities` (always an array); `text` is only checked against it.
/// Service and unsupported messages are skipped; their counts, and anything the tokenizer
/// tolerated outside a message, go onto the **last** record of the export (the counts are
/// only known at the end, and the reader holds back one record to attach them).
struct TelegramJSONReader: FormatReader {
    var name: String { "telegram-json" }

    /// Top-level keys that make a JSON object a Telegram export.
    static let exportKeys: Set<String> = ["messages", "chats", "left_chats", "personal_information", "frequent_contacts"]
    /// How much of the head `accepts` reads.
    static let probeBytes = 1 << 20

    func accepts(_ document: SourceDocument) -> Bool {
        let type = document.mediaType ?? ""
        let jsonName = document.source.documentName.lowercased().hasSuffix(".json")
        guard type == "application/json" || (type.isEmpty && jsonName) || (document.payloadPath != nil && jsonName) else {
            return false
        }
        var text = document.text
        let head: [UInt8] = text.isEmpty
            ? Array(document.bytes.prefix(Self.probeBytes))
            : text.withUTF8 { Array(UnsafeBufferPointer(rebasing: $0.prefix(Self.probeBytes))) }  // one copy, not byte by byte
        return Self.looksLikeExport(head)
    }

    /// Whether the top-level object of `head` has a Telegram export key before `head` ends.
    static func looksLikeExport(_ head: [UInt8]) -> Bool {
        let tokens = JSONTokenizer(stream: MemoryByteStream(head))
        do {
            guard try tokens.next() == .beginObject else { return false }
            while case .key(let key) = try tokens.next() {
                if exportKeys.contains(key) { return true }
                try tokens.skipValue()
            }
        } catch {
            return false
        }
        return false
    }

    func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        let stream: any ByteStream
        if document.payloadPath != nil {
            stream = try document.openPayload()
        } else if !document.text.isEmpty {
            stream = StringByteStream(document.text)
        } else {
            stream = MemoryByteStream(document.bytes)
        }
        try read(stream: stream, document: document, emit: emit)
    }

    /// Reads an export from `stream`; the documents it emits copy `document`'s provenance.
    func read(stream: any ByteStream, document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var base = document
        base.text = ""
        base.bytes = []
        base.blocks = []
        try withoutActuallyEscaping(emit) { emit in
            let session = TelegramJSONSession(base: base, emit: emit)
            let tokens = JSONTokenizer(stream: stream, maxDepth: document.limits.maxDepth)
            do {
                try readRoot(tokens, session)
            } catch let limit as LimitExceeded {
                // Messages read so far keep their records; the export gets an error record.
                try session.flushPending()
                throw limit
            } catch let failure as JSONTokenizer.Failure {
                if session.emitted == 0 {
                    throw ExtractError.unparsable(path: document.source.path, syntax: "Telegram JSON", reason: failure.description)
                }
                session.globalWarning("json-truncated",
                                      "The export is malformed at \(failure) after \(session.emitted) messages; messages after that point are missing — export the chat again if you can")
            }
            session.addGlobalEvents(tokens.drainEvents())
            try session.finish()
        }
    }

    private struct Chat {
        var name: String?
        var type: String?
        var id: Int64?
    }

    private func readRoot(_ tokens: JSONTokenizer, _ session: TelegramJSONSession) throws {
        guard try tokens.next() == .beginObject else {
            throw JSONTokenizer.Failure(offset: tokens.offset, reason: "the top level is not a JSON object")
        }
        try readChat(tokens, session)
    }

    /// The keys of one chat object (the root of a single-chat export, or an item of `list`),
    /// up to and including its closing brace. Full-account lists are entered from here too.
    private func readChat(_ tokens: JSONTokenizer, _ session: TelegramJSONSession) throws {
        var chat = Chat()
        while true {
            switch try tokens.next() {
            case .endObject, .end:
                return
            case .key(let key):
                switch key {
                case "name": chat.name = try tokens.readValue().string
                case "type": chat.type = try tokens.readValue().string
                case "id": chat.id = try tokens.readValue().int64
                case "messages": try readMessages(tokens, session, chat: chat)
                case "chats", "left_chats": try readChatList(tokens, session)
                default: try tokens.skipValue()
                }
            default:
                throw JSONTokenizer.Failure(offset: tokens.offset, reason: "a key was expected in an object")
            }
        }
    }

    /// `{"about": …, "list": [chat…]}` (or a bare array of chats).
    private func readChatList(_ tokens: JSONTokenizer, _ session: TelegramJSONSession) throws {
        switch try tokens.peek() {
        case .beginArray:
            try readChatArray(tokens, session)
        case .beginObject:
            _ = try tokens.next()
            while case .key(let key) = try tokens.next() {
                if key == "list", try tokens.peek() == .beginArray {
                    try readChatArray(tokens, session)
                } else {
                    try tokens.skipValue()
                }
            }
        default:
            try tokens.skipValue()
        }
    }

    private func readChatArray(_ tokens: JSONTokenizer, _ session: TelegramJSONSession) throws {
        _ = try tokens.next()  // [
        while true {
            switch try tokens.peek() {
            case .endArray, .end:
                _ = try tokens.next()
                return
            case .beginObject:
                _ = try tokens.next()
                try readChat(tokens, session)
            default:
                try tokens.skipValue()
            }
        }
    }

    private func readMessages(_ tokens: JSONTokenizer, _ session: TelegramJSONSession, chat: Chat) throws {
        guard try tokens.peek() == .beginArray else {
            try tokens.skipValue()
            session.globalWarning("messages-not-array", "A `messages` field is not an array; it was skipped")
            return
        }
        _ = try tokens.next()
        while true {
            switch try tokens.peek() {
            case .endArray, .end:
                _ = try tokens.next()
                return
            case .beginObject:
                session.addGlobalEvents(tokens.drainEvents())
                let message = try tokens.readValue()
                let events = tokens.drainEvents()
                try session.handle(message, chatName: chat.name, chatType: chat.type, chatId: chat.id, events: events)
            default:
                try tokens.skipValue()
                session.notObject += 1
            }
        }
    }
}
