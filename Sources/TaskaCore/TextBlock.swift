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

    public init(kind: Kind = .paragraph, text: String, declaredLanguage: String? = nil, declaredDirection: Direction? = nil) {
        self.kind = kind
        self.text = text
        self.declaredLanguage = declaredLanguage
        self.declaredDirection = declaredDirection
    }
}

/// Writing direction of a paragraph or document.
public enum Direction: String, Sendable, Equatable {
    case ltr, rtl, mixed
}
