/// A word of `text` whose letters a stage inferred rather than read: Unicode scalar offsets
/// [start, end) into the record's `text`, the word as the source had it and as restored.
///
/// Why: the fidelity rule says `text` holds the source's letters; a stage that infers letters
/// (Hausa hooked-letter restoration) must say where, so a reader can tell them apart and undo them.
public struct RestoredSpan: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// The word as the source wrote it (same scalar count as `to`).
    public var from: String
    /// The word as it now stands in `text`.
    public var to: String

    public init(start: Int, end: Int, from: String, to: String) {
        self.start = start
        self.end = end
        self.from = from
        self.to = to
    }
}

/// One page of a paged source (a PDF or an image): Unicode scalar offsets [start, end) into
/// `text` and whether its text came from the file's text layer or from OCR.
///
/// Why here: later stages (hooked-letter restoration) act differently on recognised text, and
/// they must learn it from the document, not from the reader that produced it.
public struct PageSpan: Sendable, Equatable {
    /// Where a page's text came from.
    public enum Source: String, Sendable {
        case text
        case ocr
    }

    /// 1-based page number.
    public var number: Int
    public var start: Int
    public var end: Int
    public var source: Source
    /// Mean word confidence of the OCR engine, in [0, 1]; `nil` for text-layer pages.
    public var ocrConfidence: Double?

    public init(number: Int, start: Int, end: Int, source: Source, ocrConfidence: Double? = nil) {
        self.number = number
        self.start = start
        self.end = end
        self.source = source
        self.ocrConfidence = ocrConfidence
    }
}
