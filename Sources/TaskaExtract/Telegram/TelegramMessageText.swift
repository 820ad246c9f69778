import TaskaCore

/// The flattened text of one message with its entities (Unicode scalar offsets), built run by
/// run, then split into one block per line.
///
/// Both Telegram readers build through this, so a JSON and an HTML export of one message give
/// the same text and spans. The text is kept as UTF-8 bytes with a running scalar count, so
/// appending a run copies bytes and never builds a `String` character by character.
struct TelegramMessageText {
    private(set) var utf8: [UInt8] = []
    private(set) var spans: [Entity] = []
    /// Unicode scalars in `utf8`.
    private(set) var count = 0

    /// A position in the text: its scalar offset and byte offset.
    struct Mark {
        var scalar: Int
        var byte: Int
    }

    var isEmpty: Bool { utf8.isEmpty }
    var mark: Mark { Mark(scalar: count, byte: utf8.count) }
    var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The text from `mark` to the end.
    func text(from mark: Mark) -> String { String(decoding: utf8[mark.byte...], as: UTF8.self) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0, layout: false) }
    }

    /// Appends HTML text whose line feeds, carriage returns and tabs are layout: each becomes a space.
    mutating func append(layoutText text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0, layout: true) }
    }

    private mutating func append(bytes: UnsafeBufferPointer<UInt8>, layout: Bool) {
        let start = utf8.count
        utf8.append(contentsOf: bytes)
        var scalars = 0
        for i in start..<utf8.count {
            let b = utf8[i]
            if b & 0xC0 != 0x80 { scalars &+= 1 }
            if layout, b == 0x0A || b == 0x0D || b == 0x09 { utf8[i] = 0x20 }
        }
        count += scalars
    }

    /// Appends `text` as one entity of `type` (`plain` adds no span).
    mutating func append(_ text: String, type: String, href: String? = nil) {
        let start = count
        append(text)
        if type != "plain" && count > start {
            spans.append(Entity(type: type, start: start, end: count, href: href))
        }
    }

    /// Adds a span from `mark` to the end (an HTML element that has just been closed).
    mutating func addSpan(type: String, from mark: Mark, href: String? = nil) {
        if count > mark.scalar {
            spans.append(Entity(type: type, start: mark.scalar, end: count, href: href))
        }
    }

    /// Removes leading and trailing whitespace (HTML layout), moving spans with the text.
    mutating func trim() {
        var lead = 0, leadBytes = 0, trailing = 0, endBytes = utf8.count
        utf8.withUnsafeBufferPointer { u in
            while leadBytes < u.count {
                let (value, length) = UTF8Scalars.decode(u, at: leadBytes)
                guard ScalarValues.isWhitespace(value) else { break }
                lead += 1
                leadBytes += length
            }
            while endBytes > leadBytes {
                let start = UTF8Scalars.start(before: endBytes, in: u, lower: leadBytes)
                guard ScalarValues.isWhitespace(UTF8Scalars.decode(u, at: start).value) else { break }
                trailing += 1
                endBytes = start
            }
        }
        guard leadBytes > 0 || endBytes < utf8.count else { return }
        utf8 = Array(utf8[leadBytes..<endBytes])
        count -= lead + trailing
        spans = spans.compactMap { e in
            var e = e
            e.start = min(max(e.start - lead, 0), count)
            e.end = min(max(e.end - lead, 0), count)
            return e.end > e.start ? e : nil
        }
    }

    /// One paragraph block per line (`\n`); spans are cut at line ends and re-based onto each
    /// line. Empty lines give no block.
    func blocks() -> [TextBlock] {
        var out: [TextBlock] = []
        let ordered = spans.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        func flush(_ start: Mark, _ end: Mark) {
            guard end.scalar > start.scalar else { return }
            var lineSpans: [Entity] = []
            for e in ordered where e.start < end.scalar && e.end > start.scalar {
                var piece = e
                piece.start = max(e.start, start.scalar) - start.scalar
                piece.end = min(e.end, end.scalar) - start.scalar
                if piece.end > piece.start { lineSpans.append(piece) }
            }
            out.append(TextBlock(kind: .paragraph, text: String(decoding: utf8[start.byte..<end.byte], as: UTF8.self),
                                 spans: lineSpans))
        }
        var lineStart = Mark(scalar: 0, byte: 0)
        var scalar = 0
        for (i, b) in utf8.enumerated() {
            if b == 0x0A {
                flush(lineStart, Mark(scalar: scalar, byte: i))
                lineStart = Mark(scalar: scalar + 1, byte: i + 1)
            }
            if b & 0xC0 != 0x80 { scalar &+= 1 }
        }
        flush(lineStart, mark)
        return out
    }
}
