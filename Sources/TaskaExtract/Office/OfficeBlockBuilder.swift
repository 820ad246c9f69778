import TaskaCore

/// Collects the runs of one paragraph of a word-processing document into a `TextBlock`, with
/// the runs' declared languages and directions as hints.
///
/// A language every text run shares becomes the block's `declaredLanguage`; otherwise each
/// stretch of runs with a language, or with a right-to-left mark in a paragraph that is not
/// right-to-left, becomes a `language-hint` span, as `<span lang dir>` does in HTML.
struct OfficeBlockBuilder {
    /// One run of text with its hints, as scalar offsets into the block's text.
    private struct Run {
        var start: Int
        var end: Int
        var language: String?
        var rtl: Bool
        /// Whether the run has a character other than a space or control.
        var visible: Bool
    }

    private(set) var blocks: [TextBlock] = []
    private var text = ""
    private var count = 0
    private var runs: [Run] = []
    private var spans: [Entity] = []

    /// Whether the current paragraph holds any text yet.
    var isEmpty: Bool { count == 0 }

    /// Appends `piece` to the current paragraph as one run.
    mutating func append(_ piece: String, language: String?, rtl: Bool) {
        guard !piece.isEmpty else { return }
        let n = piece.unicodeScalars.count
        let visible = piece.utf8.contains { $0 > 0x20 }
        if let last = runs.last, last.end == count, last.language == language, last.rtl == rtl {
            runs[runs.count - 1].end += n
            runs[runs.count - 1].visible = last.visible || visible
        } else {
            runs.append(Run(start: count, end: count + n, language: language, rtl: rtl, visible: visible))
        }
        text += piece
        count += n
    }

    /// Marks the whole of the current paragraph (so far) with a span of `type` (`footnote`, `endnote`).
    mutating func mark(_ type: String) {
        guard count > 0 else { return }
        spans.append(Entity(type: type, start: 0, end: count))
    }

    /// Ends the current paragraph as a block of `kind`; nothing when it has no visible text.
    mutating func flush(_ kind: TextBlock.Kind, direction: Direction?) {
        defer {
            text = ""
            count = 0
            runs.removeAll(keepingCapacity: true)
            spans.removeAll(keepingCapacity: true)
        }
        let visible = runs.filter(\.visible)
        guard !visible.isEmpty else { return }
        let languages = Set(visible.map(\.language))
        let shared = languages.count == 1 ? visible[0].language : nil
        var hints: [Entity] = []
        for run in runs where run.visible {
            let language = shared == nil ? run.language : nil
            let rtl = run.rtl && direction != .rtl
            guard language != nil || rtl else { continue }
            let dir: Direction? = rtl ? .rtl : nil
            if var last = hints.last, last.end == run.start, last.language == language, last.direction == dir {
                last.end = run.end
                hints[hints.count - 1] = last
            } else {
                hints.append(Entity(type: "language-hint", start: run.start, end: run.end, language: language, direction: dir))
            }
        }
        blocks.append(TextBlock(kind: kind, text: text, declaredLanguage: shared, declaredDirection: direction,
                                spans: spans + hints))
    }

    /// Appends blocks made elsewhere (a text box's paragraphs, after the one that holds it).
    mutating func append(blocks more: [TextBlock]) {
        blocks.append(contentsOf: more)
    }
}
