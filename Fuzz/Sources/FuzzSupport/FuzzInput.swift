import TaskaCore
import TaskaDecode
import TaskaExtract
import TaskaNormalize

/// One fuzz input as a pipeline document, and the pipeline slices the fuzz targets run.
///
/// Why: every target feeds bytes through the same stages `taska ingest` uses, so a finding is
/// a finding in the product, reproducible with `taska ingest` on the saved input.
public enum FuzzInput {
    /// A document for `bytes`, named `path` (the extension matters to some readers).
    public static func document(_ bytes: [UInt8], path: String, mediaType: String? = nil) -> SourceDocument {
        let source = SourceInfo(path: path, bytes: bytes.count, sha256: SHA256.hex(of: bytes))
        return SourceDocument(source: source, bytes: bytes, mediaType: mediaType)
    }

    /// The bytes libFuzzer hands over.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Runs `document` through `stages` as the pipeline does (a stage that throws gives an
    /// error record), touching every output so nothing is optimised away. Returns the outputs.
    @discardableResult
    public static func run(_ document: SourceDocument, _ stages: [any Stage]) -> Int {
        let pipeline = Pipeline(name: "fuzz", version: "fuzz", stages: stages)
        var seen = 0
        do {
            try pipeline.run(document) { output in
                switch output {
                case .document(let doc):
                    seen &+= doc.blocks.count &+ doc.text.utf8.count &+ (doc.normalized?.text.utf8.count ?? 0)
                case .failure(_, let failure):
                    seen &+= failure.message.utf8.count
                }
            }
        } catch {
            // Only the output closure can throw out of `run`, and ours does not.
            fatalError("pipeline rethrew: \(error)")
        }
        return seen
    }

    /// A stage that overrides the media type Decode sniffed, so a target reaches one reader.
    public struct ForceMediaType: Stage {
        public var mediaType: String
        public init(_ mediaType: String) { self.mediaType = mediaType }
        public var name: String { "force-media-type" }
        public var configuration: String { mediaType }
        public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
            var doc = document
            doc.mediaType = mediaType
            try emit(doc)
        }
    }
}
