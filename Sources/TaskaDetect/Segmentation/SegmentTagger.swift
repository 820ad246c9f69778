import TaskaCore

/// Tags a text with language segments: each paragraph, inside it each ICU sentence, inside a
/// sentence each run of one script, is identified; neighbours of one language and script merge.
///
/// Why runs of one script: a Hausa sentence quoting `الله أكبر` must give an `ar` span between
/// two `ha` spans. Why the paragraph context: a piece with few letters (an all-caps slogan, a
/// two-word quote) says little by itself, so it takes the language its script has in the whole
/// paragraph unless it is sure of its own.
public struct SegmentTagger: Sendable {
    public var identifier: LanguageIdentifier
    /// Pieces with fewer letters than this take the paragraph's language for their script.
    public var minimumLetters: Int
    /// Use declared languages (HTML `lang`) as hints for low-confidence pieces.
    public var useDeclaredLanguages: Bool

    public init(identifier: LanguageIdentifier, minimumLetters: Int = 20, useDeclaredLanguages: Bool = true) {
        self.identifier = identifier
        self.minimumLetters = minimumLetters
        self.useDeclaredLanguages = useDeclaredLanguages
    }

    /// The language fields of a document.
    public struct Tagging: Sendable, Equatable {
        public var segments: [Segment]
        public var languages: [LanguageShare]
        /// Dominant tag by letters (`ha-Latn`), nil for empty text.
        public var language: String?
        public var confidence: Double?
    }

    /// One run of a single script inside a sentence: scalar offsets [start, end).
    struct Piece {
        var start: Int
        var end: Int
        var group: CharacterClass  // .latin, .arabic, .otherLetter or .separator (no letters)
        var prediction: LanguagePrediction
    }

    /// Tags `text` whose paragraphs are `paragraphs` (scalar ranges); `declared[i]` is the
    /// markup's language of paragraph i, if any.
    public func tag(_ text: String, paragraphs: [Range<Int>]? = nil, declared: [String?] = []) -> Tagging {
        let scalars = ScalarValues.of(text)
        let paras = paragraphs ?? Self.lines(scalars)
        var scratch = LanguageIdentifier.Scratch()
        let sentences = SentenceBreaker()
        var perParagraph: [[Segment]] = []
        scalars.withUnsafeBufferPointer { buf in
            for (index, range) in paras.enumerated() where range.lowerBound < range.upperBound && range.upperBound <= buf.count {
                let hint = useDeclaredLanguages && index < declared.count ? declared[index].map(Self.primarySubtag) : nil
                perParagraph.append(tagParagraph(buf, range, hint: hint, sentences: sentences, scratch: &scratch))
            }
        }
        return Self.summary(smoothed(perParagraph).flatMap { $0 })
    }

    /// A short or unsure segment (a heading, a byline) takes the document's main language of
    /// its script, then neighbours of one tag inside a paragraph merge again.
    func smoothed(_ paragraphs: [[Segment]]) -> [[Segment]] {
        // Tags in order of first appearance with their characters and first segment (a document
        // has a handful: a list searched in order, no tag strings built per segment).
        var tags: [(first: Segment, weight: Int)] = []
        for seg in paragraphs.joined() where seg.language != "und" || seg.script != "Zyyy" {
            if let i = tags.firstIndex(where: { Self.sameTag($0.first, seg) }) {
                tags[i].weight += seg.end - seg.start
            } else {
                tags.append((seg, seg.end - seg.start))
            }
        }
        var main: [(segment: Segment, weight: Int)] = []  // per script: its main tag (by characters)
        for tag in tags {
            if let i = main.firstIndex(where: { $0.segment.script == tag.first.script }) {
                if main[i].weight >= tag.weight { continue }
                main[i] = (tag.first, tag.weight)
            } else {
                main.append((tag.first, tag.weight))
            }
        }
        return paragraphs.map { segs in
            var out: [Segment] = []
            out.reserveCapacity(segs.count)
            for var seg in segs {
                if let m = main.first(where: { $0.segment.script == seg.script })?.segment, m.language != seg.language,
                   seg.end - seg.start < minimumLetters * 3 / 2 || seg.confidence < 0.5 {
                    seg.language = m.language
                    seg.confidence = min(max(seg.confidence, 0.5), m.confidence)
                }
                if let last = out.last, Self.sameTag(last, seg) {
                    let a = Double(last.end - last.start), b = Double(seg.end - seg.start)
                    out[out.count - 1].confidence = (last.confidence * a + seg.confidence * b) / (a + b)
                    out[out.count - 1].end = seg.end
                } else {
                    out.append(seg)
                }
            }
            return out
        }
    }

    /// Whether two segments have one tag (`language-script`; neither part holds a `-`).
    @inline(__always)
    static func sameTag(_ a: Segment, _ b: Segment) -> Bool {
        a.language == b.language && a.script == b.script
    }

    /// Paragraph ranges of text split at line feeds.
    static func lines(_ scalars: [UInt32]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for (i, v) in scalars.enumerated() where v == 0x0A {
            out.append(start..<i)
            start = i + 1
        }
        out.append(start..<scalars.count)
        return out
    }

    static func primarySubtag(_ tag: String) -> String {
        String(tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }

    func tagParagraph(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, hint: String?,
                      sentences: SentenceBreaker, scratch: inout LanguageIdentifier.Scratch) -> [Segment] {
        // Sentences by ICU, mapped from UTF-16 back to scalar offsets; a paragraph without any
        // character a sentence can end after is one sentence, without asking ICU.
        let bounds: [Int]
        if ICUScripts.isOneSentence(text, range) {
            bounds = [range.lowerBound, range.upperBound]
        } else {
            var utf16: [UInt16] = []
            var scalarAt: [Int] = []  // UTF-16 offset -> scalar offset
            scalarAt.reserveCapacity(range.count + 1)
            utf16.reserveCapacity(range.count)
            for i in range {
                let v = text[i]
                if v < 0x10000 {
                    utf16.append(UInt16(truncatingIfNeeded: v)); scalarAt.append(i)
                } else {
                    let u = v - 0x10000
                    utf16.append(UInt16(truncatingIfNeeded: 0xD800 + (u >> 10))); scalarAt.append(i)
                    utf16.append(UInt16(truncatingIfNeeded: 0xDC00 + (u & 0x3FF))); scalarAt.append(i)
                }
            }
            scalarAt.append(range.upperBound)
            bounds = sentences.boundaries(utf16).map { scalarAt[min($0, scalarAt.count - 1)] }
        }
        // Pieces: runs of one script within each sentence. Latin words that start with a capital
        // (names, acronyms: `Shekau`, `ISWAP`) inside or before Arabic script stay in its piece:
        // they are no language of their own.
        var pieces: [Piece] = []
        CharacterClass.table.withUnsafeBufferPointer { table in
            for k in 0..<max(bounds.count - 1, 0) where bounds[k] < bounds[k + 1] {
                var start = bounds[k]
                var group = CharacterClass.separator
                var inWord = false, wordIsName = false
                var namesOnly = false  // every Latin word of the current piece is a name
                for i in bounds[k]..<bounds[k + 1] {
                    var cls = CharacterClass.of(text[i], in: table)
                    if cls == .apostrophe { cls = .separator }
                    guard cls == .latin || cls == .arabic || cls == .otherLetter else {
                        if cls != .mark { inWord = false }
                        continue
                    }
                    let wordStart = !inWord
                    inWord = true
                    if cls == .latin && wordStart { wordIsName = CharacterClass.foldLatin(text[i]) != text[i] }
                    if group == .separator {
                        group = cls
                        namesOnly = cls == .latin && wordIsName
                        continue
                    }
                    if cls == group {
                        if cls == .latin && wordStart && !wordIsName { namesOnly = false }
                        continue
                    }
                    if cls == .latin && group == .arabic && wordIsName { continue }
                    if cls == .arabic && group == .latin && namesOnly {
                        group = .arabic
                        continue
                    }
                    // The new script starts at the beginning of its word.
                    pieces.append(Piece(start: start, end: i, group: group, prediction: Self.none))
                    start = i
                    group = cls
                    namesOnly = cls == .latin && wordIsName
                }
                pieces.append(Piece(start: start, end: bounds[k + 1], group: group, prediction: Self.none))
            }
        }
        // Identify each piece, then the whole paragraph per script as context.
        for p in pieces.indices where pieces[p].group != .separator {
            pieces[p].prediction = identifier.identify(text, pieces[p].start..<pieces[p].end, hint: hint, scratch: &scratch)
        }
        var context: [CharacterClass: LanguagePrediction] = [:]
        for group in [CharacterClass.latin, .arabic] {
            let members = pieces.indices.filter { pieces[$0].group == group }
            guard members.count > 1 else { continue }
            // The context can only change a short or unsure piece (the rule below): when there is
            // none, it is not computed (the paragraph would be identified a second time for nothing).
            guard members.contains(where: { pieces[$0].prediction.letters < minimumLetters || pieces[$0].prediction.confidence < 0.5 })
            else { continue }
            var joined: [UInt32] = []
            for m in members {
                joined.append(contentsOf: UnsafeBufferPointer(rebasing: text[pieces[m].start..<pieces[m].end]))
                joined.append(0x20)
            }
            context[group] = joined.withUnsafeBufferPointer {
                identifier.identify($0, 0..<$0.count, hint: hint, scratch: &scratch)
            }
        }
        for p in pieces.indices {
            guard let ctx = context[pieces[p].group], ctx.tag != pieces[p].prediction.tag else { continue }
            let own = pieces[p].prediction
            if own.letters < minimumLetters || (own.confidence < 0.5 && ctx.confidence > own.confidence) {
                pieces[p].prediction = LanguagePrediction(language: ctx.language, script: ctx.script,
                                                          confidence: min(ctx.confidence, max(own.confidence, 0.5)),
                                                          letters: own.letters)
            }
        }
        // Pieces without letters join a neighbour; a paragraph without letters is one `und` piece.
        if pieces.allSatisfy({ $0.group == .separator }) {
            return Self.trimmed(text, range.lowerBound, range.upperBound).map {
                [Segment(start: $0.lowerBound, end: $0.upperBound, language: "und", script: "Zyyy",
                         confidence: LanguageIdentifier.noLetterConfidence)]
            } ?? []
        }
        // Merge neighbours of one tag (letter-weighted confidence).
        var out: [Segment] = []
        var weights: [Int] = []
        for piece in pieces where piece.group != .separator {
            let pr = piece.prediction
            if let last = out.last, last.language == pr.language, last.script == pr.script {
                let w = weights[weights.count - 1]
                let total = max(w + pr.letters, 1)
                out[out.count - 1].end = piece.end
                out[out.count - 1].confidence = (last.confidence * Double(w) + pr.confidence * Double(pr.letters)) / Double(total)
                weights[weights.count - 1] = w + pr.letters
            } else {
                // The first segment starts at the paragraph start; later ones where their piece starts.
                let start = out.isEmpty ? range.lowerBound : piece.start
                if !out.isEmpty { out[out.count - 1].end = start }
                out.append(Segment(start: start, end: piece.end, language: pr.language, script: pr.script,
                                   confidence: pr.confidence))
                weights.append(pr.letters)
            }
        }
        if !out.isEmpty { out[out.count - 1].end = range.upperBound }
        return out.compactMap { seg in
            Self.trimmed(text, seg.start, seg.end).map {
                var s = seg
                s.start = $0.lowerBound
                s.end = $0.upperBound
                return s
            }
        }
    }

    static let none = LanguagePrediction(language: "und", script: "Zyyy", confidence: 0, letters: 0)

    /// `start..<end` without leading and trailing white space; nil when nothing is left.
    static func trimmed(_ text: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Range<Int>? {
        var s = start, e = end
        func isSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0xA0 || (v >= 0x2000 && v <= 0x200A) || v == 0x3000 }
        while s < e && isSpace(text[s]) { s += 1 }
        while e > s && isSpace(text[e - 1]) { e -= 1 }
        return s < e ? s..<e : nil
    }

    /// Document-level fields from segments: shares by letters (characters when there are none).
    static func summary(_ segments: [Segment]) -> Tagging {
        guard !segments.isEmpty else { return Tagging(segments: [], languages: [], language: nil, confidence: nil) }
        // Tags in order of first appearance (a handful per document: a list searched in order).
        var tags: [(first: Segment, weight: Double, confidenceSum: Double)] = []
        for s in segments {
            let w = Double(max(s.end - s.start, 1)) * (s.language == "und" && s.script == "Zyyy" ? 0.01 : 1)
            if let i = tags.firstIndex(where: { sameTag($0.first, s) }) {
                tags[i].weight += w
                tags[i].confidenceSum += w * s.confidence
            } else {
                tags.append((s, w, w * s.confidence))
            }
        }
        let total = tags.reduce(0) { $0 + $1.weight }
        let languages = tags.map { LanguageShare(tag: $0.first.tag, share: $0.weight / total) }
            .sorted { $0.share > $1.share || ($0.share == $1.share && $0.tag < $1.tag) }
        let top = languages[0].tag
        let entry = tags.first { $0.first.tag == top }!
        return Tagging(segments: segments, languages: languages, language: top,
                       confidence: entry.confidenceSum / entry.weight)
    }
}
