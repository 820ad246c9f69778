/// One page of a paged source (PDF, image) and where its text sits in the record's `text`.
///
/// Why: a reader must be able to go from a passage back to its page, and later stages (Hausa
/// hooked-letter restoration) must find the text that came from OCR rather than the source.
public struct PageInfo: Sendable, Equatable {
    /// Where a page's text came from.
    public enum Source: String, Sendable, Equatable {
        /// The PDF's own text layer.
        case text
        /// Optical character recognition of the rendered page or image.
        case ocr
    }

    /// 1-based page number.
    public var number: Int
    /// Unicode scalar offsets [start, end) into the record's `text` (equal when the page gave no text).
    public var start: Int
    public var end: Int
    public var source: Source
    /// Mean Tesseract word confidence of the page in [0, 1]; `nil` for text-layer pages.
    public var ocrConfidence: Double?

    public init(number: Int, start: Int = 0, end: Int = 0, source: Source, ocrConfidence: Double? = nil) {
        self.number = number
        self.start = start
        self.end = end
        self.source = source
        self.ocrConfidence = ocrConfidence
    }
}
