/// The value that flows through a pipeline: one document, filled in stage by stage.
///
/// Read fills `source` and `bytes`; Decode sets `charset`, `mediaType` and `text` and drops
/// `bytes`; Extract sets `title` and `blocks`; Normalize sets `normalized`; Detect sets the
/// language fields. A stage that fans out (feed items, Telegram messages, WARC records) emits
/// several documents that share `source` and differ in `subIndex`.
public struct SourceDocument: Sendable {
    /// Provenance of the original file.
    public var source: SourceInfo
    /// Position inside a source that yields several documents (`nil` for a single document).
    public var subIndex: Int?
    /// Bytes still to be decoded. Decode empties this so large payloads are not kept twice.
    /// For a file too large to load (see `payloadPath`) this holds only its first bytes.
    public var bytes: [UInt8]
    /// Set when the reader did not load the whole file (a large container): stream it from
    /// this path with `openPayload` instead of using `bytes`.
    public var payloadPath: String?
    /// The raw bytes of `payloadPath` (which may not be valid UTF-8); used only while
    /// `payloadPath` is their decoding.
    public var payloadPathBytes: [UInt8]?
    /// IANA media type, e.g. `text/html`; set by the reader or Decode's format sniffing.
    public var mediaType: String?
    /// The text parts of an office document or e-book (DOCX, ODT, EPUB), set by `unarchive`
    /// in place of its zip bytes; Decode passes such a document on, Extract reads the parts.
    public var officePackage: OfficePackage?
    /// For a chat export read from a container: the other members of its folder, with their
    /// sizes and SHA-256, which its messages' media files resolve to (set by `unarchive`).
    public var folderMembers: FolderMembers?
    /// A charset named by a transport header (the HTTP response inside a WARC record).
    public var transportCharset: String?
    /// How the bytes were decoded.
    public var charset: CharsetDecision?
    /// The decoded text, before extraction.
    public var text: String
    /// Title found by extraction, if any.
    public var title: String?
    /// Descriptive metadata found by extraction.
    public var metadata: DocumentMetadata
    /// Message facts when the document is one message of a chat export.
    public var message: MessageInfo?
    /// Extracted blocks in reading order.
    public var blocks: [TextBlock]
    /// Pages of a paged source (PDF, image), in order; `nil` for other formats. The reader fills
    /// number, source and OCR confidence (blocks name their page in `TextBlock.page`); Normalize
    /// sets the offsets into the record's text.
    public var pages: [PageInfo]?
    /// Normalised text and its layout facts.
    public var normalized: NormalizedText?
    /// Main language of the document (BCP 47 with script), set by the language stage.
    public var language: String?
    /// Confidence in `language`, in [0, 1].
    public var languageConfidence: Double?
    /// Languages with their share of the text, set by the language stage.
    public var languages: [LanguageShare]
    /// Language-tagged spans; `nil` until a language stage has run.
    public var segments: [Segment]?
    /// Words whose letters a stage inferred (hooked-letter restoration); empty when none.
    public var restored: [RestoredSpan]
    /// Date mentions in the normalised text (the dates stage); empty when none or not run.
    public var dates: [DateSpan]
    /// Near-duplicate sketch from the reposts stage; the archive clusters records by it.
    /// Not part of the record JSON: `cluster` and `clusterSize` come from the archive.
    public var repostSketch: RepostSketch?
    /// Everything noticed along the way.
    public var warnings: [DocumentWarning]
    /// A failure found by the stage that emitted this sub-document (say, one broken record
    /// of a WARC file). The pipeline runs no further stage on it and writes an error record,
    /// while the other sub-documents of the same source go on. `nil` for a healthy document.
    public var failure: StageFailure?
    /// The resource limits of the pipeline running this document (stamped by `Pipeline.run`).
    public var limits: DocumentLimits
    /// When processing of this document must stop (`limits.maxSeconds` after the pipeline
    /// started it); sub-documents of a fan-out share their source's deadline.
    public var deadline: ContinuousClock.Instant?

    public init(source: SourceInfo, subIndex: Int? = nil, bytes: [UInt8], mediaType: String? = nil) {
        self.source = source
        self.subIndex = subIndex
        self.bytes = bytes
        self.payloadPath = nil
        self.payloadPathBytes = nil
        self.mediaType = mediaType
        self.officePackage = nil
        self.folderMembers = nil
        self.transportCharset = nil
        self.charset = nil
        self.text = ""
        self.title = nil
        self.metadata = DocumentMetadata()
        self.message = nil
        self.blocks = []
        self.pages = nil
        self.normalized = nil
        self.language = nil
        self.languageConfidence = nil
        self.languages = []
        self.segments = nil
        self.restored = []
        self.dates = []
        self.repostSketch = nil
        self.warnings = []
        self.failure = nil
        self.limits = DocumentLimits()
        self.deadline = nil
    }

    /// Throws `LimitExceeded` once `deadline` has passed; stages call it between units of work
    /// (blocks, messages, records) so a pathological document is abandoned, not waited on.
    public func checkDeadline(_ what: @autoclosure () -> String = "still processing") throws(LimitExceeded) {
        guard let deadline, ContinuousClock.now >= deadline else { return }
        throw LimitExceeded(limit: "max-seconds", allowed: "\(limits.maxSeconds) s", found: what())
    }

    /// The record id: the SHA-256 of the original bytes, plus `#N` for the Nth sub-document.
    /// A container member is `#mK` (its ordinal in the container), plus `.N` when the member
    /// itself fans out, so members that are feeds or WARC files keep distinct ids.
    public var id: String {
        if let member = source.container {
            return "\(source.sha256)#m\(member.ordinal)" + (subIndex.map { ".\($0)" } ?? "")
        }
        if let subIndex { return "\(source.sha256)#\(subIndex)" }
        return source.sha256
    }

    /// Appends a warning.
    public mutating func warn(_ stage: String, _ code: String, _ message: String, count: Int? = nil) {
        warnings.append(DocumentWarning(stage: stage, code: code, message: message, count: count))
    }
}
