import Foundation
import TaskaCore
import TaskaNormalize
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
/// The walker feeds a bounded queue of paths (`queueDepth` per worker); `jobs` worker threads
/// take files from it in order. A file finished before the ones ahead of it waits in a reorder
/// buffer bounded by `reorderBudget` bytes of serialised records, so a large WARC or chat export
/// on one worker does not stall the others. A worker still reading a large file whose turn has
/// not come keeps at most about `reorderBudget` of its records before it waits, so memory stays
/// below roughly `jobs × reorderBudget` of records however large the collection.
public final class IngestRunner: @unchecked Sendable {
    public let pipeline: Pipeline
    public let reader: FileReader
    public let jobs: Int

    /// `reader.maxBytes` is lowered to the pipeline's `max-bytes`, so a file over it is refused
    /// before it is loaded.
    public init(pipeline: Pipeline, reader: FileReader = FileReader(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.pipeline = pipeline
        var reader = reader
        reader.maxBytes = min(reader.maxBytes, pipeline.limits.maxBytes)
        self.reader = reader
        self.jobs = max(1, jobs)
    }

    /// Paths queued per worker between the walker and the workers (paths only: no file is read
    /// before a worker takes it).
    static let queueDepth = 64
    /// Serialised records held for files finished out of order, in bytes, before a worker waits
    /// for the files ahead of it.
    static let reorderBudget = 64 << 20

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

        /// What the result holds in memory while it waits its turn: its lines and original bytes.
        var heldBytes: Int { lines.reduce(0) { $0 + $1.count } + (archived?.originalBytesHeld ?? 0) }
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

    /// A file's records are held until its turn to be written; past this many lines (or
    /// bytes) the worker waits for its turn and streams them, so a source that fans out into
    /// millions of records (a multi-GB chat export or WARC) never sits whole in memory.
    static let streamAfterLines = 512
    /// Computes each archived record's name-skeleton column (cross-script search), in the worker.
    static let nameSkeleton = NameSkeleton()

    /// The name-skeleton column of each record, for `ArchivedFile.skeletons` ('' for an error record).
    public static func nameSkeletons(of records: [(record: Record, line: String)]) -> [String] {
        var words = NameSkeleton.WordCache()
        return records.map { nameSkeleton.skeletonColumn(searchKey: $0.record.document.normalized?.searchKey ?? "", cache: &words) }
    }
    static let streamAfterBytes = 4 << 20

    func processToLines(_ file: InputFile, archiving: Bool, keepOriginals: Bool,
                        position: Int = 0, collector: Collector? = nil) -> FileResult {
        var result = FileResult()
        result.path = file.path
        var source = FileReader.unreadable(file).source
        var originalBytes: [UInt8]?
        // Compressed at most once per file: a chunk offered while another file has the turn is
        // dropped and offered again with the next record, and must not compress it again.
        var storedOriginal: ArchivedFile.StoredOriginal?
        func stored() -> ArchivedFile.StoredOriginal? {
            if storedOriginal == nil, let originalBytes { storedOriginal = ArchivedFile.StoredOriginal(originalBytes) }
            return storedOriginal
        }
        var archivedRecords: [(record: Record, line: String)] = []
        var archivedSkeletons: [String] = []
        var skeletonWords = NameSkeleton.WordCache()
        var pendingBytes = 0
        var streamedChunks = 0
        var streamFailed = false
        process(file, original: { document in
            source = document.source
            // A file too large to load (payloadPath) is not copied into the archive.
            if archiving && keepOriginals && document.payloadPath == nil { originalBytes = document.bytes }
        }) { record in
            var line: [UInt8] = []
            record.writeJSON(to: &line)
            if archiving {
                archivedRecords.append((record, String(decoding: line, as: UTF8.self)))
                archivedSkeletons.append(Self.nameSkeleton.skeletonColumn(searchKey: record.document.normalized?.searchKey ?? "",
                                                                         cache: &skeletonWords))
            }
            pendingBytes += line.count
            result.lines.append(line)
            if record.isError { result.failures += 1 } else { result.documents += 1 }
            result.warnings += record.document.warnings.count
            // Every record of a file carries the same source size (WARC records need not start at #0).
            result.bytes = max(result.bytes, record.document.source.bytes)
            if let collector, !streamFailed,
               result.lines.count >= Self.streamAfterLines || pendingBytes >= Self.streamAfterBytes {
                let chunk = archiving
                    ? ArchivedFile(source: source, stored: streamedChunks == 0 ? stored() : nil, records: archivedRecords,
                                   seenAt: Self.now(), recordSighting: streamedChunks == 0, skeletons: archivedSkeletons)
                    : nil
                switch collector.stream(position: position, lines: result.lines, bytes: pendingBytes, archived: chunk) {
                case .written:
                    streamedChunks += 1
                    result.lines.removeAll(keepingCapacity: true)
                    archivedRecords.removeAll(keepingCapacity: true)
                    archivedSkeletons.removeAll(keepingCapacity: true)
                    pendingBytes = 0
                case .deferred:
                    break  // not this file's turn yet, and the reorder buffer has room: keep going
                case .failed:
                    streamFailed = true
                }
            }
        }
        if archiving {
            result.archived = ArchivedFile(source: source, stored: streamedChunks == 0 ? stored() : nil, records: archivedRecords,
                                           seenAt: Self.now(), recordSighting: streamedChunks == 0, skeletons: archivedSkeletons)
        }
        return result
    }

    /// Ingests `paths` into `sink`. Throws `WalkError` for a missing argument path and the
    /// sink's error when output fails; document failures become error records instead.
    /// Relative `paths` are opened from `directory` (the working directory when `nil`) and
    /// recorded as given.
    public func run(paths: [String], relativeTo directory: String? = nil, sink: (any RecordSink)?, archive: Archive? = nil,
                    keepOriginals: Bool = true, shard: Shard? = nil,
                    progress: (@Sendable (IngestProgress) -> Void)? = nil) throws -> IngestSummary {
        let start = Date()
        let collector = Collector(sink: sink, archive: archive, progress: progress, start: start)
        defer { collector.closeArchive() }
        let queue = FileQueue(capacity: jobs * Self.queueDepth)
        let archiving = archive != nil
        let finished = DispatchGroup()
        for worker in 0..<jobs {
            finished.enter()
            let thread = Thread {
                while let (position, file) = queue.take() {
                    let result = self.processToLines(file, archiving: archiving, keepOriginals: keepOriginals,
                                                     position: position, collector: collector)
                    collector.deliver(result, at: position)
                }
                finished.leave()
            }
            thread.name = "taska.ingest.worker.\(worker)"
            thread.stackSize = 8 << 20
            thread.start()
        }
        var problems: [String] = []
        var index = 0
        var walkError: (any Error)?
        do {
            try FileWalker().walk(paths, relativeTo: directory,
                                  onProblem: { path, problem in problems.append("\(path): \(problem)") }) { file in
                if let shard, !shard.contains(file.pathBytes) { return }
                if let failure = collector.failure { throw failure }
                queue.put((index, file))
                index += 1
            }
        } catch {
            walkError = error
        }
        queue.close()
        finished.wait()
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

    /// Current time as a `Timestamp` (`Timestamp.now()`).
    public static func now() -> Timestamp { Timestamp.now() }

    /// Puts results back in input order and writes them; the only place that touches the sink.
    final class Collector: @unchecked Sendable {
        private let lock = NSCondition()
        private var pending: [Int: FileResult] = [:]
        private var next = 0
        private let sink: (any RecordSink)?
        private let archive: ArchiveStoreThread?
        private var batch: [ArchivedFile] = []
        private var batchBytes = 0
        private let progress: (@Sendable (IngestProgress) -> Void)?
        private let start: Date
        /// Bytes of serialised records the reorder buffer may hold (see `IngestRunner.reorderBudget`).
        private let budget: Int
        /// Bytes of the results waiting in `pending`.
        private var heldBytes = 0
        private(set) var summary = IngestSummary()
        private var _failure: (any Error)?

        init(sink: (any RecordSink)?, archive: Archive?, progress: (@Sendable (IngestProgress) -> Void)?, start: Date,
             budget: Int = IngestRunner.reorderBudget) {
            self.sink = sink
            self.archive = archive.map { ArchiveStoreThread(archive: $0) }
            self.progress = progress
            self.start = start
            self.budget = budget
        }

        enum StreamOutcome { case written, deferred, failed }

        /// Writes `lines` (and stores `archived`) when `position` is the next file to be written.
        /// When it is not, and the reorder buffer has room for `bytes` more, returns `.deferred`
        /// (the worker keeps the lines and goes on); otherwise waits for its turn. `.failed` when
        /// output has already failed.
        ///
        /// No deadlock: files are taken in input order, so the file at `next` is on another
        /// worker, and that worker never waits here.
        func stream(position: Int, lines: [[UInt8]], bytes: Int, archived: ArchivedFile?) -> StreamOutcome {
            lock.lock()
            defer { lock.unlock() }
            if next != position && _failure == nil && heldBytes + bytes <= budget { return .deferred }
            while next != position && _failure == nil { lock.wait() }
            guard _failure == nil else { return .failed }
            do {
                for line in lines { try sink?.writeLine(line) }
                if let archive {
                    // Earlier whole files in the batch go first, so the archive keeps input order.
                    if !batch.isEmpty {
                        try sink?.flushBuffered()
                        try archive.submit(batch)
                        batch.removeAll(keepingCapacity: true)
                        batchBytes = 0
                    }
                    if let archived {
                        try sink?.flushBuffered()
                        try archive.submit([archived])
                    }
                }
                return .written
            } catch {
                _failure = error
                lock.broadcast()
                return .failed
            }
        }

        /// Commits the pending archive batch (one transaction) and waits for every batch
        /// handed to the archive's thread to be stored.
        func flushArchive() throws {
            try lock.withLock {
                guard let archive else { return }
                if !batch.isEmpty {
                    try sink?.flushBuffered()
                    try archive.submit(batch)
                    batch.removeAll(keepingCapacity: true)
                    batchBytes = 0
                }
                try archive.drain()
            }
        }

        /// Waits for the batches already handed over (stored or failed) and ends the archive's
        /// thread; nothing is stored after this.
        func closeArchive() {
            try? archive?.drain()
            archive?.close()
        }

        var failure: (any Error)? { lock.withLock { _failure } ?? archive?.error }

        /// Writes `result` when its turn comes; a result finished early waits in the reorder
        /// buffer, and past the buffer's budget its worker waits for the files ahead of it.
        func deliver(_ result: FileResult, at position: Int) {
            let size = result.heldBytes
            lock.lock()
            defer { lock.unlock() }
            while position != next && _failure == nil && heldBytes > 0 && heldBytes + size > budget { lock.wait() }
            pending[position] = result
            heldBytes += size
            defer { lock.broadcast() }
            while let ready = pending.removeValue(forKey: next) {
                next += 1
                heldBytes -= ready.heldBytes
                if _failure != nil { continue }
                do {
                    for line in ready.lines { try sink?.writeLine(line) }
                    if let archive, let archived = ready.archived {
                        batch.append(archived)
                        batchBytes += archived.originalBytesHeld
                        if batch.count >= 256 || batchBytes >= 64 << 20 {
                            try sink?.flushBuffered()
                            try archive.submit(batch)
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

/// A bounded first-in-first-out queue of numbered input files between the walker and the
/// workers: `put` waits while it is full, `take` while it is empty, and returns nil once it is
/// closed and drained.
final class FileQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [(Int, InputFile)] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        items.reserveCapacity(self.capacity)
    }

    func put(_ item: (Int, InputFile)) {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
    }

    func take() -> (Int, InputFile)? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head >= capacity {  // drop the taken prefix now and then
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
