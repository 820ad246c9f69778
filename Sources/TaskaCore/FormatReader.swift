/// Reads one document format: recognises its documents and turns each into title, metadata
/// and text blocks — or fans it out into several documents (feed items, chat messages).
///
/// The Extract stage asks its readers in order; the first that accepts a document reads it.
/// The protocol lives in `TaskaCore` so format families in modules of their own (`TaskaPDF`,
/// `TaskaOCR`) can be handed to the Extract stage without depending on `TaskaExtract`.
public protocol FormatReader: Sendable {
    /// Short name for `inspect` output and warnings (`html`, `rss`, `telegram-json`, …).
    var name: String { get }
    /// Whether this reader handles `document` (from its media type and decoded text).
    func accepts(_ document: SourceDocument) -> Bool
    /// Reads `document`, emitting one or more documents with `blocks` (and `title`,
    /// `metadata`, `message`) set. Sub-documents get `subIndex` 0, 1, 2, ….
    func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws
    /// The reader's options in canonical form, hashed into the pipeline hash with the Extract
    /// stage's own (empty for readers without options).
    var configuration: String { get }
}

extension FormatReader {
    public var configuration: String { "" }
}
