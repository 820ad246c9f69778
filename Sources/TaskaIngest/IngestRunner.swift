import Foundation
import TaskaCore
import TaskaStore

/// Counts of one ingest run, for the summary line and the exit status.
public struct IngestSummary: Sendable, Equatable {
    /// Files found and attempted.
    public var files = 0
    /// Records written for documents that went through (one file may give several).
    public var documents = 0
    /// Error records written (files or sub-documents that failed).
    public var failures = 0
    /// Warnings attached to written records.
    public var warnings = 0
    /// Bytes of input read.
    public var bytes = 0
    /// Problems met while walking (symlink loops, unreadable folders); these have no record.
    public var walkProblems: [String] = []
    /// Wall-clock seconds.
    public var seconds = 0.0

    public init() {}

    /// Records written in all.
    public var records: Int { documents + failures }
}

/// Progress of a running ingest, reported as files complete.
public struct IngestProgress: Sendable {
    public var files: Int
    public var bytes: Int
    public var failures: Int
    public var seconds: Double
    /// The path of the last file finished.
    public var lastPath: String
}

/// Walks the inputs, runs every file through the pipeline on a bounded number of workers and
/// writes records to the sink in input order.
///
/// Memory stays bounded: at most `2 × jobs` files are read, in flight or waiting to be written
/// at once, however large the collection.
public final class IngestRunner: @unchecked Sendable {
    public let pipeline: Pipeline
    public let reader: FileReader
    public let jobs: Int

    public init(pipeline: Pipeline, reader: FileReader = FileReader(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.pipeline = pipeline
        self.reader = reader
        self.jobs = max(1, jobs)
    }

    /// The result of one file: its serialised records and counts.
    struct FileResult {
        var lines: [[UInt8]] = []
        /// What the archive stores, when there is an archive.
        var archived: ArchivedFile?
        var documents = 0
        var failures = 0
        var warnings = 0
        var bytes = 0
        var path = ""
    }

    /// Runs one file through the pipeline (also used by tests and `inspect`).
    public func process(_ file: InputFile, output: (Record) -> Void) {
        process(file, original: { _ in }, output: output)
    }

    /// Runs one file through the pipeline; `original` receives the document as read (with its
    /// bytes) before any stage runs.
    public func process(_ file: InputFile, original: (SourceDocument) -> Void, output: (Record) -> Void) {
        let now = Self.now()
        let document: SourceDocument
        do {
            document = try reader.read(file)
        } catch {
            output(Record(document: FileReader.unreadable(file), failure: StageFailure(stage: "read", message: error.description),
                          pipeline: pipeline, ingestedAt: now))
            return
        }
        original(document)
        do {
            try pipeline.run(document) { result in
                output(Record(output: result, pipeline: pipeline, ingestedAt: now))
            }
        } catch {
            // Only the output closure can throw, and it does not.
            output(Record(document: document, failure: StageFailure(stage: "pipeline", message: "\(error)"), pipeline: pipeline, ingestedAt: now))
        }
    }

    func processToLines(_ file: InputFile, archiving: Bool, keepOriginals: Bool) -> FileResult {
        var result = FileResult()
        result.path = file.path
        var source = FileReader.unreadable(file).source
        var originalBytes: [UInt8]?
        var archivedRecords: [(record: Record, line: String)] = []
        process(file, original: { document in
            source = document.source
            // A file too large to load (payloadPath) is not copied into the archive.
            if archiving && keepOriginals && document.payloadPath == nil { originalBytes = document.bytes }
        }) { record in
            var line: [UInt8] = []
            record.json.write(to: &line)
            if archiving { archivedRecords.append((record, String(decoding: line, as: UTF8.self))) }
            result.lines.append(line)
            if record.isError { result.failures += 1 } else { result.documents += 1 }
            result.warnings += record.document.warnings.count
            if record.document.subIndex == nil || record.document.subIndex == 0 { result.bytes = max(result.bytes, record.document.source.bytes) }
        }
        if archiving {
            result.archived = ArchivedFile(source: source, original: originalBytes, records: archivedRecords, seenAt: Self.now())
        }
        return result
    }

    /// Ingests `paths` into `sink`. Throws `WalkError` for a missing argument path and the
    /// sink's error when output fails; document failures become error records instead.
    public func run(paths: [String], sink: JSONLinesSink?, archive: Archive? = nil, keepOriginals: Bool = true,
                    shard: Shard? = nil, progress: (@Sendable (IngestProgress) -> Void)? = nil) throws -> IngestSummary {
        let start = Date()
        let collector = Collector(sink: sink, archive: archive, progress: progress, start: start)
        let window = DispatchSemaphore(value: jobs * 2)
        let running = DispatchSemaphore(value: jobs)
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "taska.ingest.workers", attributes: .concurrent)
        var problems: [String] = []
        var index = 0
        var walkError: (any Error)?
        do {
            try FileWalker().walk(paths, onProblem: { path, problem in problems.append("\(path): \(problem)") }) { file in
                if let shard, !shard.contains(file.pathBytes) { return }
                window.wait()
                if let failure = collector.failure { window.signal(); throw failure }
                let position = index
                index += 1
                group.enter()
                queue.async {
                    running.wait()
                    let result = self.processToLines(file, archiving: archive != nil, keepOriginals: keepOriginals)
                    running.signal()
                    collector.deliver(result, at: position, window: window)
                    group.leave()
                }
            }
        } catch {
            walkError = error
        }
        group.wait()
        if let failure = collector.failure { throw failure }
        // JSON Lines are flushed and fsynced before the archive commits its last batch.
        try sink?.finish()
        try collector.flushArchive()
        if let walkError { throw walkError }
        var summary = collector.summary
        summary.walkProblems = problems
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Current time as a `Timestamp`.
    public static func now() -> Timestamp {
        let t = Date().timeIntervalSince1970
        let seconds = t.rounded(.down)
        return Timestamp(seconds: Int64(seconds), nanoseconds: Int32((t - seconds) * 1e9))
    }

    /// Puts results back in input order and writes them; the only place that touches the sink.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var pending: [Int: FileResult] = [:]
        private var next = 0
        private let sink: JSONLinesSink?
        private let archive: Archive?
        private var batch: [ArchivedFile] = []
        private var batchBytes = 0
        private let progress: (@Sendable (IngestProgress) -> Void)?
        private let start: Date
        private(set) var summary = IngestSummary()
        private var _failure: (any Error)?

        init(sink: JSONLinesSink?, archive: Archive?, progress: (@Sendable (IngestProgress) -> Void)?, start: Date) {
            self.sink = sink
            self.archive = archive
            self.progress = progress
            self.start = start
        }

        /// Commits the pending archive batch (one transaction).
        func flushArchive() throws {
            try lock.withLock {
                guard let archive, !batch.isEmpty else { return }
                try sink?.flushBuffered()
                try archive.store(batch)
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
        }

        var failure: (any Error)? { lock.withLock { _failure } }

        func deliver(_ result: FileResult, at position: Int, window: DispatchSemaphore) {
            lock.lock()
            defer { lock.unlock() }
            pending[position] = result
            while let ready = pending.removeValue(forKey: next) {
                next += 1
                window.signal()
                if _failure != nil { continue }
                do {
                    for line in ready.lines { try sink?.writeLine(line) }
                    if let archive, let archived = ready.archived {
                        batch.append(archived)
                        batchBytes += archived.original?.count ?? 0
                        if batch.count >= 256 || batchBytes >= 64 << 20 {
                            try sink?.flushBuffered()
                            try archive.store(batch)
                            batch.removeAll(keepingCapacity: true)
                            batchBytes = 0
                        }
                    }
                } catch {
                    _failure = error
                    continue
                }
                summary.files += 1
                summary.documents += ready.documents
                summary.failures += ready.failures
                summary.warnings += ready.warnings
                summary.bytes += ready.bytes
                progress?(IngestProgress(files: summary.files, bytes: summary.bytes, failures: summary.failures,
                                         seconds: Date().timeIntervalSince(start), lastPath: ready.path))
            }
        }
    }
}
