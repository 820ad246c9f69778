/// A box on a page in points (PDF pages) or pixels (images), top-left origin.
struct Box: Sendable, Equatable {
    var x0: Double, y0: Double, x1: Double, y1: Double

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }

    /// The smallest box holding both.
    func union(_ other: Box) -> Box {
        Box(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
}

/// One word of a PDF text layer as poppler gives it: characters in poppler's order and one
/// box per character (for right-to-left words, the boxes run left to right).
struct RawWord: Sendable, Equatable {
    var scalars: [Unicode.Scalar]
    var boxes: [Box]

    var box: Box { boxes.dropFirst().reduce(boxes.first ?? Box(x0: 0, y0: 0, x1: 0, y1: 0)) { $0.union($1) } }
}

/// One line of a PDF text layer as poppler gives it: its words in poppler's order.
struct RawLine: Sendable, Equatable {
    var words: [RawWord]
}

/// The text layer of one PDF page before layout analysis.
struct RawPage: Sendable, Equatable {
    var width: Double
    var height: Double
    var lines: [RawLine]
}

/// A line ready for layout: text in logical order and its box.
struct PageLine: Sendable, Equatable {
    var text: String
    var box: Box
    /// Whether the line's letters are mostly right-to-left (Arabic script).
    var rtl: Bool
    /// OCR's paragraph start, when layout analysis said so (`nil` for text layers).
    var startsParagraph: Bool? = nil
}

/// A page ready for layout: its lines and size, whatever they came from.
struct PageContent: Sendable, Equatable {
    var number: Int
    var width: Double
    var height: Double
    var lines: [PageLine]
}
