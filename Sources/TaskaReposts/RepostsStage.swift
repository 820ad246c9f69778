import TaskaCore

/// The reposts stage: sketches the normalised text so the archive can put the record in the
/// cluster of its near-duplicates (`cluster`, `clusterSize`; docs/reposts.md).
///
/// Why a stage and not the archive alone: the sketch is the costly part and runs here, in
/// parallel; the archive only looks candidates up and verifies them, in order.
public struct RepostsStage: Stage {
    public var options: RepostsOptions

    public init(options: RepostsOptions = RepostsOptions()) {
        self.options = options
    }

    public var name: String { "reposts" }
    public var configuration: String { options.canonicalDescription }

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        guard let key = document.normalized?.searchKey, let sketch = Self.sketch(searchKey: key, options: options) else {
            return try emit(document)
        }
        var doc = document
        doc.repostSketch = sketch
        try emit(doc)
    }

    /// The sketch of a search key, or nil when the text is too short to be clustered.
    public static func sketch(searchKey: String, options: RepostsOptions) -> RepostSketch? {
        let fingerprint = RepostFingerprint(searchKey: searchKey, maxWords: options.maxWords)
        guard fingerprint.wordCount >= options.minWords else { return nil }
        return RepostSketch(bands: fingerprint.bandKeys(bands: options.bands, rows: options.rows),
                            fingerprint: fingerprint.encoded, containment: options.containment)
    }
}
