/// One block of extracted text: a heading, paragraph, list item, quotation or table row.
///
/// Extraction produces blocks; normalisation turns each non-empty block into one paragraph
/// (one line) of the record's `text`.
public struct TextBlock: Sendable, Equatable {
    /// What kind of structure the block came from.
    public enum Kind: String, Sendable, Equatable {
        case heading, paragraph, listItem, quote, tableRow, preformatted, line
    }

    public var kind: Kind
    public var text: String
    /// A language declared by the markup (`lang`, `xml:lang`), if any.
    public var declaredLanguage: String?
    /// A direction declared by the markup (`dir="rtl"`, `<bdo>`), if any.
    public var declaredDirection: Direction?
    /// Inline spans (links, Telegram entities, `<span lang>` hints) as Unicode scalar offsets
    /// into `text`. Normalize maps them onto the record's `text` (see `NormalizedText.entities`).
    public var spans: [Entity]
    /// The 1-based page the block was read from, for paged sources (PDF, images); else `nil`.
    public var page: Int?

    public init(kind: Kind = .paragraph, text: String, declaredLanguage: String? = nil, declaredDirection: Direction? = nil,
                spans: [Entity] = [], page: Int? = nil) {
        self.kind = kind
        self.text = text
        self.declaredLanguage = declaredLanguage
        self.declaredDirection = declaredDirection
        self.spans = spans
        self.page = page
    }
}

/// An inline span of text with a meaning: a link, a Telegram entity (bold, mention, hashtag,
/// …), a language/direction hint from markup, or a trace a stage found (phone, e-mail, …).
///
/// Offsets are Unicode scalar offsets: into `TextBlock.text` inside a block, into the record's
/// `text` once normalised.
public struct Entity: Sendable, Equatable {
    /// `link`, `bold`, `italic`, `mention`, `hashtag`, `code`, `pre`, `blockquote`,
    /// `language-hint`, … (Telegram's entity type names are kept as they are); found traces are
    /// `phone`, `email`, `url`, `telegram`, `hashtag`, `wallet` with `stage` set.
    public var type: String
    public var start: Int
    public var end: Int
    /// Link target, when there is one.
    public var href: String?
    /// Declared language (`lang`) for language hints.
    public var language: String?
    /// Declared direction (`dir`, `<bdo>`, `<bdi>`) for direction hints.
    public var direction: Direction?
    /// The normalised form of a span a stage found (E.164 phone, lowercased e-mail, handle
    /// without `@`, …); nil for spans of the source's markup.
    public var value: String?
    /// ISO 3166 country of a found phone number's calling code.
    public var country: String?
    /// Network of a found wallet address (`btc`, `eth`, `trx`).
    public var network: String?
    /// The stage that found the span in the text (`traces`): inferred by Taska, not marked up
    /// by the source; nil for the source's own spans.
    public var stage: String?

    public init(type: String, start: Int, end: Int, href: String? = nil, language: String? = nil, direction: Direction? = nil,
                value: String? = nil, country: String? = nil, network: String? = nil, stage: String? = nil) {
        self.type = type
        self.start = start
        self.end = end
        self.href = href
        self.language = language
        self.direction = direction
        self.value = value
        self.country = country
        self.network = network
        self.stage = stage
    }
}

/// Writing direction of a paragraph or document.
public enum Direction: String, Sendable, Equatable {
    case ltr, rtl, mixed
}
