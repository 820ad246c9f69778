import Foundation
import TaskaCore
import TaskaExtract

/// Runs one file through a pipeline and keeps what each stage did to each document it yields:
/// the data behind `taska inspect`.
///
/// The pipeline runs unchanged (`Pipeline.run`); each stage is wrapped only to observe its
/// input and outputs, so inspecting shows exactly what ingesting produces.
public struct DocumentInspector: Sendable {
    public var pipeline: Pipeline
    /// Most documents reported for a file that fans out (feeds, chat exports, WARC files);
    /// the others are processed and counted.
    public var maxDocuments: Int

    public init(pipeline: Pipeline, maxDocuments: Int = 20) {
        self.pipeline = pipeline
        self.maxDocuments = max(1, maxDocuments)
    }

    /// What extraction saw for one document: the reader and, for HTML, every block's verdict.
    public struct ExtractTrace: Sendable {
        public var reader: String
        public var inputMediaType: String?
        /// HTML only: every visible block, kept or dropped, with its scores.
        public var decisions: [BlockDecision]?
    }

    /// One document as it came out of the pipeline, with the extraction trace.
    public struct DocumentTrace: Sendable {
        public var document: SourceDocument
        public var failure: StageFailure?
        public var extract: ExtractTrace?
    }

    /// The inspection of one file.
    public struct Inspection: Sendable {
        public var path: String
        public var pipelineName: String
        public var pipelineHash: String
        public var documents: [DocumentTrace]
        /// Documents processed but not reported (over `maxDocuments`).
        public var omitted: Int
        /// The file could not be read at all.
        public var readFailure: String?
    }

    /// Inspects the file at `path`.
    public func inspect(path: String, reader: FileReader = FileReader()) -> Inspection {
        var inspection = Inspection(path: path, pipelineName: pipeline.name, pipelineHash: pipeline.hash,
                                    documents: [], omitted: 0, readFailure: nil)
        let document: SourceDocument
        do {
            document = try reader.read(InputFile(path: path))
        } catch {
            inspection.readFailure = error.description
            return inspection
        }
        let log = ExtractLog(budget: maxDocuments)
        var traced = pipeline
        traced.stages = pipeline.stages.map { stage in
            guard let extract = stage as? ExtractStage else { return stage }
            return ObservedExtract(inner: extract, log: log)
        }
        let limit = maxDocuments
        do {
            try traced.run(document) { output in
                guard inspection.documents.count < limit else { inspection.omitted += 1; return }
                switch output {
                case let .document(doc):
                    inspection.documents.append(DocumentTrace(document: doc, failure: nil, extract: log.trace(for: doc.id)))
                case let .failure(doc, failure):
                    inspection.documents.append(DocumentTrace(document: doc, failure: failure, extract: log.trace(for: doc.id)))
                }
            }
        } catch {
            inspection.readFailure = "\(error)"
        }
        return inspection
    }
}

/// Extraction traces by output document id, for the first documents only.
final class ExtractLog: @unchecked Sendable {
    private let lock = NSLock()
    private var traces: [String: DocumentInspector.ExtractTrace] = [:]
    private var budget: Int
    private let capacity: Int

    init(budget: Int) { self.budget = budget; self.capacity = budget }

    /// Whether another input may be explained (HTML explanation parses the page again).
    func take() -> Bool { lock.withLock { if budget > 0 { budget -= 1; return true }; return false } }

    /// Keeps at most as many traces as documents are reported (outputs come in order).
    func record(_ trace: DocumentInspector.ExtractTrace, for id: String) {
        lock.withLock { if traces.count < capacity { traces[id] = trace } }
    }

    func trace(for id: String) -> DocumentInspector.ExtractTrace? { lock.withLock { traces[id] } }
}

/// The Extract stage, unchanged, noting which reader took each document and (for HTML) why
/// each block was kept or dropped.
struct ObservedExtract: Stage {
    var inner: ExtractStage
    let log: ExtractLog

    var name: String { inner.name }
    var configuration: String { inner.configuration }

    func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var trace: DocumentInspector.ExtractTrace?
        if log.take() {
            let reader = inner.readerName(for: document)
            let decisions = try? inner.explainBlocks(of: document)
            trace = .init(reader: reader, inputMediaType: document.mediaType, decisions: decisions)
        }
        try inner.process(document) { output in
            if let trace { log.record(trace, for: output.id) }
            try emit(output)
        }
    }
}
