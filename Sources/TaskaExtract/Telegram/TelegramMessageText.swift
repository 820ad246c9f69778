import TaskaCore

/// The flattened text of one message with its entities (Unicode scalar offsets), built run by
/// run, then split into one block per line.
///
/// Both Telegram readers build through this, so a JSON and an HTML export of one message give
/// the same text and spans.
struct TelegramMessageText {
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var spans: [Entity] = []

    var isEmpty: Bool { scalars.isEmpty }
    var count: Int { scalars.count }
    var text: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    mutating func append(_ text: String) {
        scalars.append(contentsOf: text.unicodeScalars)
    }

    /// Appends `text` as one entity of `type` (`plain` adds no span).
    mutating func append(_ text: String, type: String, href: String? = nil) {
        let start = scalars.count
        append(text)
        if type != "plain" && scalars.count > start {
            spans.append(Entity(type: type, start: start, end: scalars.count, href: href))
        }
    }

    /// Adds a span over `[start, count)` (an HTML element that has just been closed).
    mutating func addSpan(type: String, from start: Int, href: String? = nil) {
        if scalars.count > start {
            spans.append(Entity(type: type, start: start, end: scalars.count, href: href))
        }
    }

    /// Removes leading and trailing whitespace (HTML layout), moving spans with the text.
    mutating func trim() {
        var lead = 0
        while lead < scalars.count, scalars[lead].properties.isWhitespace { lead += 1 }
        var end = scalars.count
        while end > lead, scalars[end - 1].properties.isWhitespace { end -= 1 }
        guard lead > 0 || end < scalars.count else { return }
        scalars = Array(scalars[lead..<end])
        spans = spans.compactMap { e in
            var e = e
            e.start = min(max(e.start - lead, 0), scalars.count)
            e.end = min(max(e.end - lead, 0), scalars.count)
            return e.end > e.start ? e : nil
        }
    }

    /// One paragraph block per line (`\n`); spans are cut at line ends and re-based onto each
    /// line. Empty lines give no block.
    func blocks() -> [TextBlock] {
        var out: [TextBlock] = []
        var lineStart = 0
        let ordered = spans.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        func flush(_ end: Int) {
            guard end > lineStart else { return }
            var line = String.UnicodeScalarView()
            line.append(contentsOf: scalars[lineStart..<end])
            var lineSpans: [Entity] = []
            for e in ordered where e.start < end && e.end > lineStart {
                var piece = e
                piece.start = max(e.start, lineStart) - lineStart
                piece.end = min(e.end, end) - lineStart
                if piece.end > piece.start { lineSpans.append(piece) }
            }
            out.append(TextBlock(kind: .paragraph, text: String(line), spans: lineSpans))
        }
        for (i, s) in scalars.enumerated() where s == "\n" {
            flush(i)
            lineStart = i + 1
        }
        flush(scalars.count)
        return out
    }
}
