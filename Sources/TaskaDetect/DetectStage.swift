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
            let tagging = tagger.tag(normalized.text,
                                     paragraphs: normalized.paragraphs.map { $0.start..<$0.end },
                                     declared: normalized.declaredLanguages)
            doc.segments = tagging.segments
            doc.languages = tagging.languages
            doc.language = tagging.language
            doc.languageConfidence = tagging.confidence
        }
        try emit(doc)
    }
}
