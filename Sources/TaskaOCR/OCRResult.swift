/// One recognised line: its words in reading order, its box in image pixels and confidences.
public struct OCRLine: Sendable, Equatable {
    /// The words joined by one space, in logical (reading) order.
    public var text: String
    /// Box in pixels, top-left origin: [x0, x1) × [y0, y1).
    public var x0: Int, y0: Int, x1: Int, y1: Int
    /// Tesseract's word confidences in [0, 1], one per word.
    public var wordConfidences: [Double]
    /// Whether Tesseract's layout analysis starts a paragraph at this line.
    public var startsParagraph: Bool

    public init(text: String, x0: Int, y0: Int, x1: Int, y1: Int, wordConfidences: [Double], startsParagraph: Bool) {
        self.text = text
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
        self.wordConfidences = wordConfidences
        self.startsParagraph = startsParagraph
    }
}

/// What OCR made of one page image.
public struct OCRPage: Sendable, Equatable {
    public var lines: [OCRLine]
    /// The Tesseract model used (`Latin`, `ara`, `ara+Latin`, …).
    public var model: String
    /// Whether the per-page time limit stopped recognition before the end.
    public var timedOut: Bool

    public init(lines: [OCRLine], model: String, timedOut: Bool) {
        self.lines = lines
        self.model = model
        self.timedOut = timedOut
    }

    /// Mean word confidence in [0, 1], or nil when no word was recognised.
    public var meanConfidence: Double? {
        let all = lines.flatMap(\.wordConfidences)
        return all.isEmpty ? nil : all.reduce(0, +) / Double(all.count)
    }
}
