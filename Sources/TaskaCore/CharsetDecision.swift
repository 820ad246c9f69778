/// How the Decode stage chose the charset of a document, strongest evidence first.
public enum CharsetSource: String, Sendable, Equatable, CaseIterable {
    /// A byte-order mark at the start of the bytes.
    case bom
    /// A transport header (the HTTP `Content-Type` of a WARC response record).
    case transport
    /// A declaration inside the document (`<meta charset>`, http-equiv, XML declaration).
    case declared
    /// Strict UTF-8 validation succeeded (valid UTF-8 is never relabelled a legacy charset).
    case validated
    /// Statistical detection (ICU's detector plus Taska's byte statistics).
    case detected
    /// Nothing decided; the default (UTF-8 with replacement) was used.
    case `default`
}

/// The charset a document was decoded with, why, and how sure the decoder was.
public struct CharsetDecision: Sendable, Equatable {
    /// Canonical lowercase WHATWG-style name: `utf-8`, `utf-16le`, `windows-1256`, `iso-8859-6`.
    public var charset: String
    public var source: CharsetSource
    /// Confidence in [0, 1].
    public var confidence: Double

    public init(charset: String, source: CharsetSource, confidence: Double) {
        self.charset = charset
        self.source = source
        self.confidence = confidence
    }
}
