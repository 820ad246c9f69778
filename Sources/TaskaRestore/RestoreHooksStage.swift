import TaskaCore

/// The restore-hooks stage: writes Hausa `ɓ ɗ ƙ ƴ` where OCR or ASCII typing left `b d k y`, in
/// segments the detect stage labelled `ha` only, and lists every changed word in the record's
/// `restored` spans, counted in a `hooks-restored` warning.
///
/// Why after detect: the language of each span decides whether a `k` may be a `ƙ`; an English
/// or Kanuri word is never touched. The search key is rebuilt from the restored text with the
/// same folding as the normalize stage (handed in), so search sees what the record shows.
public struct RestoreHooksStage: Stage {
    public var options: RestoreHooksOptions
    let folding: any SearchKeyFolding

    public init(options: RestoreHooksOptions = RestoreHooksOptions(), folding: any SearchKeyFolding) {
        self.options = options
        self.folding = folding
    }

    public var name: String { "restore-hooks" }
    public var configuration: String { options.canonicalDescription }

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        try document.checkDeadline("stopped before hooked-letter restoration")
        guard options.apply != .none, let normalized = document.normalized, let segments = document.segments else {
            return try emit(document)
        }
        let hausa = segments.filter { $0.language == "ha" && $0.script == "Latn" && $0.end > $0.start }.map { $0.start..<$0.end }
        guard !hausa.isEmpty else { return try emit(document) }
        let restorer = HookRestorer(model: try HookModel.shipped())
        var scalars = ScalarValues.of(normalized.text)
        let ranges: [Range<Int>]
        switch options.apply {
        case .all:
            ranges = hausa
        case .ocr, .lost:
            let ocrPages = (document.pages ?? []).filter { $0.source == .ocr }.map { $0.start..<$0.end }
            var chosen = Self.withHookEvidence(Self.intersection(hausa, ocrPages), in: scalars, share: options.ocrHookedShare)
            let outside = Self.subtracting(ocrPages, from: hausa)
            if options.apply == .lost, !outside.isEmpty, hooksLost(restorer.survey(scalars, in: outside)) { chosen += outside }
            ranges = chosen.sorted { $0.lowerBound < $1.lowerBound }
        case .none:
            ranges = []
        }
        let (spans, letters) = restorer.restore(&scalars, in: ranges)
        guard !spans.isEmpty else { return try emit(document) }
        var doc = document
        let text = HookLetters.string(scalars)
        doc.normalized?.text = text
        doc.normalized?.searchKey = folding.searchKey(text)
        doc.restored = (doc.restored + spans).sorted { $0.start < $1.start }
        doc.warn(name, "hooks-restored", Self.message(letters: letters, words: spans.count), count: letters)
        try emit(doc)
    }

    /// The OCR'd Hausa `ranges` to restore: all of them when at least `share` of their words
    /// hold a hooked letter (the page was printed with hooks), else only the sentences that
    /// hold one. Why sentences: a segment is a run of one language, often a whole page, while a
    /// page may quote hooked and hook-free sources side by side.
    static func withHookEvidence(_ ranges: [Range<Int>], in scalars: [UInt32], share: Double) -> [Range<Int>] {
        var words = 0, hooked = 0
        var sentences: [(range: Range<Int>, hooked: Bool)] = []
        scalars.withUnsafeBufferPointer { text in
            for range in ranges {
                for sentence in Self.sentences(text, in: range) {
                    var any = false
                    HookRestorer.forEachWordRange(text, in: sentence) { word in
                        words += 1
                        if text[word].contains(where: HookLetters.isHooked) { hooked += 1; any = true }
                    }
                    sentences.append((sentence, any))
                }
            }
        }
        guard words > 0, Double(hooked) < share * Double(words) else { return ranges }
        return sentences.filter(\.hooked).map(\.range)
    }

    /// `range` of `text` cut after each line break, and each `.` `!` `?` `؟` that a space, a line
    /// break or the end follows.
    static func sentences(_ text: UnsafeBufferPointer<UInt32>, in range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let v = text[i]
            let stop = v == 0x2E || v == 0x21 || v == 0x3F || v == 0x061F
            if v == 0x0A || stop && (i + 1 >= range.upperBound || text[i + 1] == 0x20 || text[i + 1] == 0x0A) {
                out.append(start..<(i + 1))
                start = i + 1
            }
            i += 1
        }
        if start < range.upperBound { out.append(start..<range.upperBound) }
        return out
    }

    /// Whether text outside OCR pages looks hook-lost: no hooked letter or apostrophe hook
    /// spelling at all, and enough words the model would restore.
    func hooksLost(_ survey: HookRestorer.Survey) -> Bool {
        survey.hookSpellings == 0 && survey.restorable >= options.minimumWords
            && Double(survey.restorable) >= options.minimumShare * Double(survey.words)
    }

    /// The warning text, e.g. `Restored 3 hooked letters (ɓ ɗ ƙ ƴ) in 2 Hausa words …`.
    static func message(letters: Int, words: Int) -> String {
        "Restored \(letters) hooked letter\(letters == 1 ? "" : "s") (ɓ ɗ ƙ ƴ) in \(words) Hausa word\(words == 1 ? "" : "s") "
            + "written with b d k y; the record's restored spans list them with the source's spelling"
    }

    /// The parts of `a` inside some range of `b` (both sorted and non-overlapping).
    static func intersection(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for x in a {
            for y in b {
                let lo = max(x.lowerBound, y.lowerBound), hi = min(x.upperBound, y.upperBound)
                if lo < hi { out.append(lo..<hi) }
            }
        }
        return out
    }

    /// The parts of `a` outside every range of `b`.
    static func subtracting(_ b: [Range<Int>], from a: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for x in a {
            var pieces = [x]
            for y in b {
                pieces = pieces.flatMap { p -> [Range<Int>] in
                    var rest: [Range<Int>] = []
                    if p.lowerBound < min(p.upperBound, y.lowerBound) { rest.append(p.lowerBound..<min(p.upperBound, y.lowerBound)) }
                    if max(p.lowerBound, y.upperBound) < p.upperBound { rest.append(max(p.lowerBound, y.upperBound)..<p.upperBound) }
                    return rest
                }
            }
            out += pieces
        }
        return out
    }
}
