import TaskaCore

/// The Detect stage: fills `language`, `languageConfidence`, `languages` and `segments` from
/// the normalised text (see `SegmentTagger`). Segment offsets are Unicode scalar offsets into
/// `normalized.text`. A document without normalised text passes through unchanged.
public struct DetectStage: Stage {
    public var options: DetectOptions

    public init(options: DetectOptions = DetectOptions()) { self.options = options }

    public var name: String { "detect" }
    public var configuration: String { options.canonicalDescription }

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        try document.checkDeadline("stopped before language detection")
        var doc = document
        if let normalized = doc.normalized {
            let tagger = SegmentTagger(identifier: try LanguageIdentifier.shipped(),
                                       minimumLetters: options.minimumLetters,
                                       useDeclaredLanguages: options.useDeclaredLanguages)
            var tagging = tagger.tag(normalized.text,
                                     paragraphs: normalized.paragraphs.map { $0.start..<$0.end },
                                     declared: normalized.declaredLanguages)
            if let allowed = options.languages { tagging = Self.restrict(tagging, to: Set(allowed)) }
            doc.segments = tagging.segments
            doc.languages = tagging.languages
            doc.language = tagging.language
            doc.languageConfidence = tagging.confidence
        }
        try emit(doc)
    }
}

extension DetectStage {
    /// Relabels every segment outside `allowed` as `und` (same offsets, script and confidence)
    /// and merges the language shares accordingly; so is the document language.
    static func restrict(_ tagging: SegmentTagger.Tagging, to allowed: Set<String>) -> SegmentTagger.Tagging {
        func keep(_ tag: String) -> String {
            let parts = tag.split(separator: "-", maxSplits: 1).map(String.init)
            guard let language = parts.first, !allowed.contains(language), language != "und" else { return tag }
            return parts.count == 2 ? "und-\(parts[1])" : "und"
        }
        var result = tagging
        result.segments = tagging.segments.map { segment in
            var s = segment
            if !allowed.contains(s.language) { s.language = "und" }
            return s
        }
        var shares: [(tag: String, share: Double)] = []
        for share in tagging.languages {
            let tag = keep(share.tag)
            if let i = shares.firstIndex(where: { $0.tag == tag }) { shares[i].share += share.share } else { shares.append((tag, share.share)) }
        }
        result.languages = shares.sorted { $0.share > $1.share }.map { LanguageShare(tag: $0.tag, share: $0.share) }
        result.language = tagging.language.map(keep)
        return result
    }
}
