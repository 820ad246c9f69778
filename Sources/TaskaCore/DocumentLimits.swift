/// Per-document resource limits: bytes, markup tree depth and node count, and time.
///
/// Scraped input is hostile by nature (XML bombs, 200,000-deep nesting, 120 MB single lines);
/// a document over a limit becomes an error record that names the limit and how to raise it,
/// and the batch goes on. The pipeline stamps its limits on every document it runs
/// (`SourceDocument.limits`, `SourceDocument.deadline`); stages read them there.
public struct DocumentLimits: Sendable, Equatable {
    /// Largest document (decoded payload of one file or one container record), in bytes.
    /// Containers (WARC, gzip, Telegram JSON) stream and are checked per record.
    public var maxBytes: Int
    /// Deepest element nesting kept in a markup tree (HTML, XML) or JSON value.
    public var maxDepth: Int
    /// Most markup nodes (elements, text, attributes) in one document's tree. The default,
    /// 1,000,000, keeps one document under about 500 MB (libxml2's tree plus Taska's copy);
    /// 4,000,000 measured 1.9 GB peak on a 31 MB page of 3.9 million `<i>a</i>`.
    public var maxNodes: Int
    /// Longest time one document may take through all stages, in seconds; past it the document
    /// is abandoned with an error record and the worker goes on.
    public var maxSeconds: Double
    /// Most pages read from one paged document (PDF); pages past it are skipped with a warning.
    /// Why: a PDF bomb can declare millions of pages in a few kilobytes.
    public var maxPages: Int
    /// Most pixels of one page image handed to OCR (a rendered PDF page or an image file); a
    /// PDF page is rendered at a lower resolution to fit, an image file over it is refused.
    public var maxPagePixels: Int
    /// Longest time OCR may spend on one page, in seconds; past it the page keeps what was
    /// recognised so far and is warned.
    public var maxPageSeconds: Double

    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 2_000, maxNodes: Int = 1_000_000, maxSeconds: Double = 60,
                maxPages: Int = 2_000, maxPagePixels: Int = 40_000_000, maxPageSeconds: Double = 30) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxSeconds = maxSeconds
        self.maxPages = maxPages
        self.maxPagePixels = maxPagePixels
        self.maxPageSeconds = maxPageSeconds
    }

    /// The limits as written under a pipeline file's `limits:` mapping.
    public static let declarations: [OptionDeclaration<DocumentLimits>] = [
        .integer("max-bytes", \.maxBytes, 1...(1 << 40), bytes: true, meaning: "largest document in bytes"),
        .integer("max-depth", \.maxDepth, 1...1_000_000, meaning: "deepest markup/JSON nesting"),
        .integer("max-nodes", \.maxNodes, 1...1_000_000_000, meaning: "most markup nodes in one document"),
        .number("max-seconds", \.maxSeconds, 0.001...86_400, meaning: "longest time for one document through all stages"),
        .integer("max-pages", \.maxPages, 1...1_000_000, meaning: "most pages read from one PDF"),
        .integer("max-page-pixels", \.maxPagePixels, 10_000...1_000_000_000, meaning: "most pixels of one page image given to OCR"),
        .number("max-page-seconds", \.maxPageSeconds, 0.1...3_600, meaning: "longest OCR time for one page"),
    ]
}

extension DocumentLimits: StageOptions {
    public init() { self.init(maxBytes: 64 << 20) }
}

/// A document went over one of its `DocumentLimits`.
public struct LimitExceeded: DocumentError, Equatable {
    /// The pipeline-file key of the limit (`max-bytes`, `max-depth`, `max-nodes`, `max-seconds`).
    public var limit: String
    /// The configured value.
    public var allowed: String
    /// What was found (or how far processing got), in words.
    public var found: String

    public init(limit: String, allowed: String, found: String) {
        self.limit = limit
        self.allowed = allowed
        self.found = found
    }

    public var description: String {
        "The document is over the \(limit) limit (\(allowed)): \(found). It was abandoned; the rest of the batch goes on. If the document is genuine, raise `\(limit)` under `limits:` in the pipeline file"
    }
}

extension SourceDocument {
    /// Gives this document a full `max-seconds` of its own from now.
    ///
    /// Streaming containers (WARC records, Telegram JSON messages) call it for each record they
    /// emit: a record is one document, so a multi-GB container is not abandoned for its total
    /// time, while each record stays bounded.
    public mutating func restartDeadline() {
        deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(limits.maxSeconds * 1000)))
    }
}
