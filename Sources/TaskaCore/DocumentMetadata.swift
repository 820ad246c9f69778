/// Descriptive metadata found in a document. Missing is `nil`, never guessed (except
/// `published` from a date-line, which `publishedFrom` then flags).
public struct DocumentMetadata: Sendable, Equatable {
    public var author: String?
    /// Publication date, ISO 8601 (a date, or a date-time with offset) as found.
    public var published: String?
    /// Set when `published` was not found as metadata but derived (`dates`: the earliest
    /// date-line near the top of the text, by the dates stage); `nil` when found as metadata.
    public var publishedFrom: String?
    /// Last modification date, ISO 8601.
    public var modified: String?
    public var siteName: String?
    public var canonicalURL: String?
    public var description: String?
    /// The language the document declares (`<html lang>`, `xml:lang`, feed `<language>`).
    public var declaredLanguage: String?
    /// Creation date, ISO 8601, from a PDF's info dictionary or XMP; `nil` (and not written) elsewhere.
    public var created: String?
    /// The program that produced the file (a PDF's `Producer`); `nil` (and not written) elsewhere.
    public var producer: String?

    public init(author: String? = nil, published: String? = nil, modified: String? = nil, siteName: String? = nil,
                canonicalURL: String? = nil, description: String? = nil, declaredLanguage: String? = nil,
                created: String? = nil, producer: String? = nil) {
        self.created = created
        self.producer = producer
        self.author = author
        self.published = published
        self.publishedFrom = nil
        self.modified = modified
        self.siteName = siteName
        self.canonicalURL = canonicalURL
        self.description = description
        self.declaredLanguage = declaredLanguage
    }

    public var isEmpty: Bool { self == DocumentMetadata() }
}

/// A message of a chat export (Telegram Desktop), with what makes it a message.
public struct MessageInfo: Sendable, Equatable {
    /// Chat name, type (`public_channel`, `private_group`, …) and id when the export gives one.
    public var chatName: String?
    public var chatType: String?
    public var chatId: Int64?
    /// Message id; signed (private groups have negative ids).
    public var id: Int64
    /// The UTC instant, ISO 8601 with `Z`.
    public var date: String?
    /// The wall-clock time as the export wrote it (no offset), ISO 8601 local.
    public var wallTime: String?
    /// The UTC offset of the wall time, `+03:00`, when the export states it (HTML exports).
    public var utcOffset: String?
    public var sender: String?
    public var senderId: String?
    /// Channel post signature.
    public var author: String?
    public var forwardedFrom: String?
    public var replyTo: Int64?
    /// Edit instant, ISO 8601 UTC.
    public var edited: String?
    /// Media of the message: `photo`, `video_file`, `audio_file`, `sticker`, … and its file, if any.
    public var mediaType: String?
    public var mediaFile: String?
    /// Whether `mediaFile` was looked up among the members of the container the export was
    /// read from; only then are `mediaBytes` and `mediaSha256` written (null: not in it).
    public var mediaLookedUp = false
    /// Size of the container member `mediaFile` names.
    public var mediaBytes: Int?
    /// SHA-256 of the container member `mediaFile` names.
    public var mediaSha256: String?

    public init(id: Int64) {
        self.id = id
    }
}
