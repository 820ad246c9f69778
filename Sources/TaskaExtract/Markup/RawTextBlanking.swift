/// Markup text with the bodies of `script` and `style` elements blanked, for libxml2 to parse.
///
/// Why: libxml2 reads raw text one character at a time, and on real pages script and style
/// bodies are about 40 % of the bytes, none of which Taska keeps. Each body becomes one space,
/// so the element still gets its (elided) text node. `HTMLTreeBuilder` checks that every blanked
/// body was parsed as the raw text of an elided element; `MarkupParser` parses the original
/// otherwise, and when the parse stops with a message (its line number moved with the blanking).
struct RawTextBlanking {
    /// The text with the bodies blanked.
    let bytes: [UInt8]
    /// For each blanked body, the offset in `bytes` of the `>` before it.
    let starts: [Int]

    /// Nil when there is nothing worth blanking.
    init?(_ text: UnsafeBufferPointer<UInt8>, bodies: [Range<Int>]) {
        let removed = bodies.reduce(0) { $0 + $1.count }
        guard removed >= 1024 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.count - removed + bodies.count)
        var starts: [Int] = []
        starts.reserveCapacity(bodies.count)
        var copied = 0
        for body in bodies {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<body.lowerBound]))
            starts.append(out.count - 1)
            out.append(0x20)
            copied = body.upperBound
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied...]))
        self.bytes = out
        self.starts = starts
    }
}
