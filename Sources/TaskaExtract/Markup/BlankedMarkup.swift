/// Markup text for libxml2 to parse, with what Taska does not keep cut out: the bodies of
/// `script` and `style` elements, and the values of unread attributes.
///
/// Why: libxml2 reads raw text and attribute values one character at a time (about 130
/// instructions per byte of attribute value), and on real pages script and style bodies are
/// about 40 % of the bytes and unread attribute values (`MarkupTree.Node.isUnreadAttribute`)
/// a third of the attribute bytes, none of which Taska keeps. Each body becomes one space, so
/// the element still gets its (elided) text node; each value becomes empty, its quotes kept.
/// `HTMLTreeBuilder` checks that libxml2 reported an element at every `checkpoints` offset (a
/// `script`/`style` of the elided kind where a body was cut; as many empty unread attributes as
/// the census counted where values were cut); `MarkupParser` parses the original otherwise, and
/// when the parse stops with a message (its line number may have moved).
struct BlankedMarkup {
    /// The text with the cuts made.
    let bytes: [UInt8]
    /// Where libxml2 must report an element, in `bytes`, in order: the `>` before each cut body
    /// (`rawText`), and the end of each start tag that had values cut, with the number of its
    /// unread attributes libxml2 must report empty (`emptyUnread`; -1: not checked).
    let checkpoints: [Checkpoint]

    struct Checkpoint: Equatable {
        var offset: Int
        var rawText: Bool
        var emptyUnread: Int
    }

    /// Nil when there is too little to cut to be worth a copy.
    init?(_ text: UnsafeBufferPointer<UInt8>, bodies: [Range<Int>], values: [MarkupCensus.UnreadValue]) {
        let removed = bodies.reduce(0) { $0 + $1.count } + values.reduce(0) { $0 + $1.value.count }
        guard removed >= 1024 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.count - removed + bodies.count)
        var checkpoints: [Checkpoint] = []
        checkpoints.reserveCapacity(bodies.count + values.count)
        var copied = 0
        var b = 0, v = 0
        // Both lists are in document order and never overlap (values are inside start tags,
        // bodies after them): merge them.
        while b < bodies.count || v < values.count {
            if v < values.count && (b == bodies.count || values[v].value.lowerBound < bodies[b].lowerBound) {
                let (value, tagEnd, empty) = (values[v].value, values[v].tagEnd, values[v].emptyAfterCut)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<value.lowerBound]))
                copied = value.upperBound
                v += 1
                // The tag's last cut value: its end moves left by all that was cut so far.
                if v == values.count || values[v].tagEnd != tagEnd {
                    checkpoints.append(Checkpoint(offset: out.count + (tagEnd - copied), rawText: false, emptyUnread: empty))
                }
            } else {
                let body = bodies[b]
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<body.lowerBound]))
                if let last = checkpoints.last, last.offset == out.count - 1 {
                    checkpoints[checkpoints.count - 1].rawText = true  // the same tag had values cut
                } else {
                    checkpoints.append(Checkpoint(offset: out.count - 1, rawText: true, emptyUnread: -1))
                }
                out.append(0x20)
                copied = body.upperBound
                b += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...]))
        self.bytes = out
        self.checkpoints = checkpoints
    }
}
