import TaskaCore

/// Normalises text into clean paragraphs and builds its search key and layout facts.
///
/// Used by `NormalizeStage` and by `taska normalize`. Per paragraph, in order:
/// 1. Arabic presentation forms → base letters (`PresentationFormFolder`);
/// 2. line ends → paragraph breaks; bidi controls, stray zero-width characters, tatweel and
///    C0/C1 controls removed; Unicode spaces → one ASCII space; trimmed (`TextCleaner`);
/// 3. only under `options.orthography == .standard`: Hausa/Kanuri standard spelling
///    (`OrthographyFolder`) where `OrthographyGate` says the paragraph is Hausa or Kanuri;
/// 4. ICU NFC (or NFKC), then spaces collapsed again; empty paragraphs are dropped.
///
/// Nothing else changes a letter of `text`: spelling variants are folded in the search key only.
public struct TextNormalizer: Sendable, SearchKeyFolding {
    public var options: NormalizeOptions

    public init(options: NormalizeOptions = NormalizeOptions()) { self.options = options }

    /// Normalised `text`: every line end starts a new paragraph; paragraphs joined by `\n`.
    ///
    /// > Warning: ICU failures (missing ICU data, out of memory) cannot be reported here, and
    /// > `text` is returned unchanged; use `normalizeReport(_:)` to get the error.
    public func normalize(_ text: String) -> String {
        (try? normalizeReport(text).text) ?? text
    }

    /// Normalised `text` with counts of what changed.
    public func normalizeReport(_ text: String) throws(NormalizeError) -> NormalizationReport {
        var changes = NormalizationChanges()
        let paragraphs = try clean(ScalarText.scalars(of: text), changes: &changes)
        return NormalizationReport(text: UTF16Text.string(Self.joined(paragraphs)), changes: changes)
    }

    /// The search form of already-normalised text (see `SearchKeyBuilder` for the folds,
    /// spelling variants included).
    ///
    /// > Warning: if ICU fails, this falls back to `text.lowercased()`; use `makeSearchKey(_:)`
    /// > to get the error instead.
    public func searchKey(_ text: String) -> String {
        (try? makeSearchKey(text)) ?? text.lowercased()
    }

    /// The search form of already-normalised text, or the ICU error.
    public func makeSearchKey(_ text: String) throws(NormalizeError) -> String {
        UTF16Text.string(try SearchKeyBuilder.key(Array(text.utf16)))
    }

    /// Normalises extracted blocks: each block gives one paragraph per line it contains; the
    /// block's declared direction is used as the bidi paragraph level. The blocks' spans are
    /// mapped onto the normalised text (`SpanMapper`); those that cannot be placed are counted
    /// in `changes.spansDropped`.
    public func normalizeBlocks(_ blocks: [TextBlock]) throws(NormalizeError) -> (normalized: NormalizedText, changes: NormalizationChanges) {
        var changes = NormalizationChanges()
        var paragraphs: [CleanParagraph] = []
        for block in blocks {
            let scalars = ScalarText.scalars(of: block.text)
            if block.spans.isEmpty {
                for units in try clean(scalars, changes: &changes) {
                    paragraphs.append(CleanParagraph(units: units, declared: block.declaredDirection, language: block.declaredLanguage,
                                                     page: block.page))
                }
            } else {
                let mapped = try SpanMapper(normalizer: self).paragraphs(of: scalars, spans: block.spans, changes: &changes)
                changes.spansDropped += mapped.dropped
                for p in mapped.paragraphs {
                    paragraphs.append(CleanParagraph(units: p.units, declared: block.declaredDirection,
                                                     language: block.declaredLanguage, spans: p.spans, page: block.page))
                }
            }
        }
        return (try layout(paragraphs), changes)
    }

    /// Normalises plain text that has no extracted blocks: paragraphs are separated by blank
    /// lines, and the lines inside a paragraph are joined with one space.
    public func normalizePlainText(_ text: String) throws(NormalizeError) -> (normalized: NormalizedText, changes: NormalizationChanges) {
        var changes = NormalizationChanges()
        var paragraphs: [CleanParagraph] = []
        for scalars in ParagraphSplitter.blankLineParagraphs(text) {
            for units in try clean(scalars, changes: &changes) {
                paragraphs.append(CleanParagraph(units: units, declared: nil, language: nil))
            }
        }
        return (try layout(paragraphs), changes)
    }

    // MARK: - Steps

    private struct CleanParagraph {
        var units: [UInt16]
        var declared: Direction?
        /// Language declared by the markup around the block (a hint for the language stage).
        var language: String?
        /// Inline spans, scalar offsets into `units`.
        var spans: [Entity] = []
        /// The page of a paged source the block came from.
        var page: Int? = nil
    }

    private var icuForm: ICUNormalizationForm { options.form == .nfkc ? .nfkc : .nfc }

    /// Whether step 3 may run at all.
    private var standardSpelling: Bool { options.orthography == .standard }

    /// Steps 1–4 on one input text; returns its non-empty paragraphs as UTF-16.
    private func clean(_ scalars: [UInt32], changes: inout NormalizationChanges) throws(NormalizeError) -> [[UInt16]] {
        let unfolded = try PresentationFormFolder.fold(scalars, changes: &changes)
        var out: [[UInt16]] = []
        for var paragraph in TextCleaner.paragraphs(unfolded, changes: &changes) {
            if standardSpelling && OrthographyGate.looksHausaOrKanuri(scalars: paragraph) {
                paragraph = OrthographyFolder.fold(paragraph, changes: &changes)
            }
            let normalized = TextCleaner.collapseSpaces(try ICUText.normalize(ScalarText.utf16(paragraph), form: icuForm))
            if !normalized.isEmpty { out.append(normalized) }
        }
        return out
    }

    /// Steps 1–4 on one line (no line ends inside): its paragraph, or nil when nothing is left.
    /// `fold` forces the orthography-fold decision (nil: `options` and `OrthographyGate` decide),
    /// so a span is folded exactly as the line it sits in (see `SpanMapper`).
    func cleanLine(_ scalars: [UInt32], fold: Bool?,
                   changes: inout NormalizationChanges) throws(NormalizeError) -> (units: [UInt16], folded: Bool)? {
        let unfolded = try PresentationFormFolder.fold(scalars, changes: &changes)
        guard var paragraph = TextCleaner.paragraphs(unfolded, changes: &changes).first else { return nil }
        let folds = fold ?? (standardSpelling && OrthographyGate.looksHausaOrKanuri(scalars: paragraph))
        if folds { paragraph = OrthographyFolder.fold(paragraph, changes: &changes) }
        let normalized = TextCleaner.collapseSpaces(try ICUText.normalize(ScalarText.utf16(paragraph), form: icuForm))
        return normalized.isEmpty ? nil : (normalized, folds)
    }

    private static func joined(_ paragraphs: [[UInt16]]) -> [UInt16] {
        var text: [UInt16] = []
        text.reserveCapacity(paragraphs.reduce(0) { $0 + $1.count + 1 })
        for (k, p) in paragraphs.enumerated() {
            if k > 0 { text.append(0x0A) }
            text.append(contentsOf: p)
        }
        return text
    }

    /// Joins paragraphs and computes offsets, directions, script runs, shares and the search key.
    private func layout(_ paragraphs: [CleanParagraph]) throws(NormalizeError) -> NormalizedText {
        var layout: [Paragraph] = []
        layout.reserveCapacity(paragraphs.count)
        var directions: [DirectionResolver.ParagraphDirection] = []
        var runs: [ScriptRun] = []
        var entities: [Entity] = []
        var counts: [String: Int] = [:]
        var offset = 0
        for (k, p) in paragraphs.enumerated() {
            if k > 0 { offset += 1 }  // the "\n" between paragraphs
            let length = ScalarText.scalarCount(p.units[...])
            let direction = try DirectionResolver.paragraph(p.units, declared: p.declared)
            let scripts = try ScriptRunSegmenter.paragraph(p.units)
            layout.append(Paragraph(start: offset, end: offset + length, direction: direction.direction, script: scripts.dominant))
            directions.append(direction)
            for run in scripts.runs {
                runs.append(ScriptRun(start: run.start + offset, end: run.end + offset, script: run.script))
            }
            counts.merge(scripts.counts, uniquingKeysWith: +)
            for span in p.spans {
                var e = span
                e.start += offset
                e.end += offset
                entities.append(e)
            }
            offset += length
        }
        let text = Self.joined(paragraphs.map(\.units))
        let key = try SearchKeyBuilder.key(text)
        return NormalizedText(
            text: UTF16Text.string(text),
            searchKey: UTF16Text.string(key),
            direction: DirectionResolver.document(directions),
            scripts: ScriptRunSegmenter.shares(counts),
            paragraphs: layout,
            scriptRuns: runs,
            entities: entities,
            declaredLanguages: paragraphs.contains { $0.language != nil } ? paragraphs.map(\.language) : [],
            paragraphPages: paragraphs.contains { $0.page != nil } ? paragraphs.map(\.page) : []
        )
    }
}
