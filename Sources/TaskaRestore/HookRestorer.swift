import TaskaCore

/// Restores Hausa hooked letters (`ɓ ɗ ƙ ƴ`) where the source has `b d k y` and the model is
/// confident, word by word, in given ranges of a text's scalars.
///
/// Why it never touches more: the fidelity rule. A hooked letter the source has stays; a letter
/// next to an apostrophe (`k'asa`, `'yan`, the source's own hook spelling) stays; only a plain
/// `b d k y` (or capital) can become its hooked letter, one scalar for one, so every offset
/// into the text (paragraphs, segments, entities) stays valid.
public struct HookRestorer: Sendable {
    public let model: HookModel

    public init(model: HookModel) { self.model = model }

    /// What a text's words say about its hooks, before anything is changed: the stage's
    /// `apply: ocr` test for hook-lost text is taken on it.
    public struct Survey: Sendable, Equatable {
        /// Words (runs of letters) in the ranges.
        public var words = 0
        /// Hooked letters plus apostrophe hook spellings of `b d k` inside words (`k'asa`) the
        /// source has; `'y`, the standard spelling of ƴ that OCR and ASCII typing keep, is not one.
        public var hookSpellings = 0
        /// Words the model would change.
        public var restorable = 0
    }

    /// Per-call buffers, reused across words so the word loop allocates nothing.
    struct Scratch {
        var key: [UInt32] = []
        var candidates: [Int] = []
        var utf8: [UInt8] = []
    }

    /// One word's analysis: its span, the candidates the source hooked and those it protects
    /// with an apostrophe (bit j: its j-th `b d k y`), as the model's decision needs them.
    struct Word {
        var start: Int
        var end: Int
        var observed: UInt32
        var protected: UInt32
        /// `b d k` next to an apostrophe inside the word (`k'asa`, `hak'uri`): hook spellings. A
        /// `'y` is not counted (it is the standard spelling of ƴ and survives OCR and ASCII
        /// typing alike), nor a word-initial `'k` (`'kula …'` opens a quotation as often).
        var apostropheHooks: Int = 0
    }

    /// Restores hooks in `ranges` of `scalars` (scalar offsets); returns one span per changed
    /// word, in text order, and the number of letters changed.
    public func restore(_ scalars: inout [UInt32], in ranges: [Range<Int>]) -> (spans: [RestoredSpan], letters: Int) {
        var spans: [RestoredSpan] = []
        var letters = 0
        var scratch = Scratch()
        for range in ranges {
            var changes: [(word: Word, add: UInt32)] = []
            scalars.withUnsafeBufferPointer { text in
                forEachWord(text, in: range, scratch: &scratch) { word, add in changes.append((word, add)) }
            }
            for (word, add) in changes {
                let from = HookLetters.string(scalars[word.start..<word.end])
                var j = 0
                for p in word.start..<word.end where HookLetters.isCandidate(HookLetters.keyScalar(scalars[p])) {
                    if add & (1 << UInt32(j)) != 0, let hooked = HookLetters.hooked(scalars[p]) {
                        scalars[p] = hooked
                        letters += 1
                    }
                    j += 1
                }
                spans.append(RestoredSpan(start: word.start, end: word.end, from: from, to: HookLetters.string(scalars[word.start..<word.end])))
            }
        }
        return (spans, letters)
    }

    /// Restores hooks in the whole of `text` (every word taken as Hausa): the text, the spans
    /// and the number of letters changed.
    public func restore(_ text: String) -> (text: String, spans: [RestoredSpan], letters: Int) {
        var scalars = ScalarValues.of(text)
        let (spans, letters) = restore(&scalars, in: [0..<scalars.count])
        return (spans.isEmpty ? text : HookLetters.string(scalars), spans, letters)
    }

    /// Counts words, the source's hook spellings and the words the model would change.
    public func survey(_ scalars: [UInt32], in ranges: [Range<Int>]) -> Survey {
        var survey = Survey()
        var scratch = Scratch()
        scalars.withUnsafeBufferPointer { text in
            for range in ranges {
                forEachWord(text, in: range, scratch: &scratch, all: true) { word, add in
                    survey.words += 1
                    survey.hookSpellings += word.observed.nonzeroBitCount + word.apostropheHooks
                    if add != 0 { survey.restorable += 1 }
                }
            }
        }
        return survey
    }

    /// Calls `body` for each word in `range` that the model would change (with the bits to
    /// hook), or with `all`, for every word (bits possibly 0).
    func forEachWord(_ text: UnsafeBufferPointer<UInt32>, in range: Range<Int>, scratch: inout Scratch, all: Bool = false,
                     _ body: (Word, UInt32) -> Void) {
        Self.forEachWordRange(text, in: range) { wordRange in
            let word = Self.analyse(text, wordRange, scratch: &scratch)
            var add: UInt32 = 0
            if !scratch.candidates.isEmpty, scratch.candidates.count <= 32 {
                add = scratch.key.withUnsafeBufferPointer { key in
                    scratch.candidates.withUnsafeBufferPointer { candidates in
                        model.decide(key: key, candidates: candidates, observed: word.observed, protected: word.protected,
                                     utf8: &scratch.utf8)
                    }
                }
            }
            if add != 0 || all { body(word, add) }
        }
    }

    /// Calls `body` with each word of `text[range]`: a run of letters and marks, with single
    /// apostrophes between letters inside it (`ta'allaƙa`, `al'umma`).
    static func forEachWordRange(_ text: UnsafeBufferPointer<UInt32>, in range: Range<Int>, _ body: (Range<Int>) -> Void) {
        var i = max(range.lowerBound, 0)
        let end = min(range.upperBound, text.count)
        while i < end {
            guard HookLetters.isWordScalar(text[i]) else { i += 1; continue }
            var j = i + 1
            while j < end {
                if HookLetters.isWordScalar(text[j]) { j += 1; continue }
                if HookLetters.isApostrophe(text[j]), j + 1 < end, HookLetters.isWordScalar(text[j + 1]) { j += 2; continue }
                break
            }
            body(i..<j)
            i = j
        }
    }

    /// Fills `scratch.key` and `scratch.candidates` for the word `text[range]` and says which
    /// candidates the source hooked and which sit next to an apostrophe.
    static func analyse(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, scratch: inout Scratch) -> Word {
        scratch.key.removeAll(keepingCapacity: true)
        scratch.candidates.removeAll(keepingCapacity: true)
        var word = Word(start: range.lowerBound, end: range.upperBound, observed: 0, protected: 0)
        for p in range {
            let s = text[p]
            let k = HookLetters.keyScalar(s)
            if HookLetters.isCandidate(k), scratch.candidates.count < 32 {
                let bit: UInt32 = 1 << UInt32(scratch.candidates.count)
                if HookLetters.plain(s) != nil { word.observed |= bit }
                let before = p > 0 && HookLetters.isApostrophe(text[p - 1])
                let after = p + 1 < text.count && HookLetters.isApostrophe(text[p + 1])
                if before || after {
                    word.protected |= bit
                    // A word-initial `'b 'd 'k` is more often an opening quote than a spelling.
                    if k != 0x79, after || p > range.lowerBound { word.apostropheHooks += 1 }
                }
                scratch.candidates.append(scratch.key.count)
            } else if HookLetters.isCandidate(k) {
                scratch.candidates.append(scratch.key.count)  // > 32 candidates: the word is left alone
            }
            scratch.key.append(k)
        }
        return word
    }
}
