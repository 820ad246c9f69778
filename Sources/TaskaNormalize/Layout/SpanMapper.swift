import TaskaCore

/// Maps a block's inline spans (links, Telegram entities, language hints; scalar offsets into
/// `TextBlock.text`) onto its normalised paragraphs.
///
/// How: the block is cut into lines at the line ends `TextCleaner` uses, and each line is
/// cleaned on its own (this gives exactly the paragraphs of cleaning the whole block, since no
/// step looks across a line end). A span is cut at line ends too; each piece is then
/// **normalised the same way as its line** (same orthography-fold decision) and looked up in the
/// normalised line, nearest to where the normalised text before it ends (measured from the
/// previous span that was placed, so errors do not add up).
///
/// Why not an offset map threaded through every step: presentation-form folding, cleaning,
/// Hausa folds and ICU NFC/NFKC would each have to report how they moved every scalar (ICU's
/// normaliser does not), and each future step would have to as well. Normalising the span's
/// own text keeps the steps untouched, and its result is the exact text of the span as it
/// appears in `text`. The price: a span whose edge falls inside something that normalises as
/// a whole (a base letter and a combining mark composed by NFC, a `b'` fold split by the
/// span's edge) may not be found; it is dropped and counted (`spans-dropped`), never placed
/// wrongly. A span that is only spaces or removed controls has no text and is dropped too.
struct SpanMapper {
    /// A normalised paragraph of the block with its spans (offsets into `units` as scalars).
    struct Paragraph {
        var units: [UInt16]
        var spans: [Entity]
    }

    /// How far (in scalars) from the expected place a span's text is looked for.
    static let slack = 3

    let normalizer: TextNormalizer

    /// The block's paragraphs with its spans placed on them, and how many spans (or pieces of
    /// spans cut at line ends) could not be placed.
    func paragraphs(of scalars: [UInt32], spans: [Entity],
                    changes: inout NormalizationChanges) throws(NormalizeError) -> (paragraphs: [Paragraph], dropped: Int) {
        var out: [Paragraph] = []
        var dropped = 0
        for line in Self.lines(of: scalars) {
            let pieces = spans.compactMap { e -> Entity? in
                guard e.start < line.upperBound && e.end > line.lowerBound && e.end > e.start else { return nil }
                var piece = e
                piece.start = max(e.start, line.lowerBound) - line.lowerBound
                piece.end = min(e.end, line.upperBound) - line.lowerBound
                return piece
            }.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
            let lineScalars = Array(scalars[line])
            guard let cleaned = try normalizer.cleanLine(lineScalars, fold: nil, changes: &changes) else {
                dropped += pieces.count
                continue
            }
            let normalized = ScalarText.scalars(utf16: cleaned.units)
            var placed: [Entity] = []
            var anchorRaw = 0
            var anchorNorm = 0
            for piece in pieces {
                var scratch = NormalizationChanges()
                let gap = anchorRaw < piece.start
                    ? try normalizer.cleanLine(Array(lineScalars[anchorRaw..<piece.start]), fold: cleaned.folded, changes: &scratch)
                    : nil
                let expected = anchorNorm + (gap.map { ScalarText.scalarCount($0.units[...]) } ?? 0)
                guard let text = try normalizer.cleanLine(Array(lineScalars[piece.start..<piece.end]), fold: cleaned.folded, changes: &scratch),
                      let position = Self.find(ScalarText.scalars(utf16: text.units), in: normalized, near: expected)
                else {
                    dropped += 1
                    continue
                }
                let length = ScalarText.scalarCount(text.units[...])
                var entity = piece
                entity.start = position
                entity.end = position + length
                placed.append(entity)
                anchorRaw = piece.start
                anchorNorm = position
            }
            out.append(Paragraph(units: cleaned.units, spans: placed))
        }
        // Spans that lie outside the block text.
        dropped += spans.filter { $0.end <= $0.start || $0.start >= scalars.count }.count
        return (out, dropped)
    }

    /// Ranges of the lines of `scalars`, split at the line ends of `TextCleaner` (CRLF is one).
    static func lines(of scalars: [UInt32]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            if ScalarKind.of(scalars[i]) == .lineEnd {
                out.append(start..<i)
                if scalars[i] == 0x0D, i + 1 < scalars.count, scalars[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        out.append(start..<scalars.count)
        return out
    }

    /// The occurrence of `needle` in `haystack` nearest to `expected` (within `slack`).
    static func find(_ needle: [UInt32], in haystack: [UInt32], near expected: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var best: Int?
        for position in max(0, expected - slack)...max(0, expected + slack) where position + needle.count <= haystack.count {
            if haystack[position..<position + needle.count].elementsEqual(needle) {
                if best == nil || abs(position - expected) <= abs(best! - expected) { best = position }
            }
        }
        return best
    }
}
