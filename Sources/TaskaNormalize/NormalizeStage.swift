import TaskaCore

/// The Normalize stage: extracted blocks (or plain text) → normalised paragraphs, search key,
/// direction, scripts and script runs, with a warning for each kind of repair it made.
///
/// Input is `document.blocks`; when there are none, `document.text` split at blank lines.
/// Output is `document.normalized`. See `TextNormalizer` for the steps.
public struct NormalizeStage: Stage {
    public var options: NormalizeOptions

    public init(options: NormalizeOptions = NormalizeOptions()) { self.options = options }

    public var name: String { "normalize" }

    /// The canonical description of `options`, e.g. `form=nfc orthography=source`.
    public var configuration: String { options.canonicalDescription }

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        try document.checkDeadline("stopped before normalisation")
        var doc = document
        let normalizer = TextNormalizer(options: options)
        let result = doc.blocks.isEmpty
            ? try normalizer.normalizePlainText(doc.text)
            : try normalizer.normalizeBlocks(doc.blocks)
        doc.normalized = result.normalized
        if let pages = doc.pages { doc.pages = pages.placed(in: result.normalized) }
        for warning in result.changes.warnings {
            doc.warn(warning.stage, warning.code, warning.message, count: warning.count)
        }
        try emit(doc)
    }
}
