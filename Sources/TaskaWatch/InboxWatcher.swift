import Foundation
import TaskaCore
import TaskaExport
import TaskaIngest
import TaskaStore

/// Options of `taska watch`.
public struct WatchOptions: Sendable {
    /// A file is taken once its size and mtime have not changed for this many seconds.
    public var settle: Double = 2
    /// Poll every N seconds instead of inotify (also the automatic fallback).
    public var poll: Double?
    /// Move each ingested file here after the archive commit (originals are otherwise untouched).
    public var moveDone: String?
    public var keepOriginals = true
    public init() {}
}

/// Counts of a watch session.
public struct WatchSummary: Sendable, Equatable {
    public var ingested = 0
    public var failed = 0
    public var skippedKnown = 0
    public var rescans = 0
    public var droppedJSONLines = 0
}

/// Ingests what is in an inbox, then every new or changed file, exactly once by content.
///
/// The archive commit is the point of truth: a file's JSON Lines are written and fsynced
/// first, then its archive transaction commits. On start-up, JSON Lines past the last commit
/// are dropped (`reconcile`), and a full rescan ingests whatever the archive lacks, so a crash
/// at any instant leaves every file exactly once in both.
public final class InboxWatcher: @unchecked Sendable {
    public let inbox: String
    public let runner: IngestRunner
    public let archive: Archive
    public let jsonlPath: String?
    public let options: WatchOptions
    private let log: (String) -> Void

    /// Files seen but not yet settled: last size, mtime and when they were last seen changing.
    private struct Observation { var size: Int64; var mtime: Int64; var since: Double }
    private var pending: [String: Observation] = [:]
    /// Files already handled, by path, with the size and mtime they had then.
    private var handled: [String: (size: Int64, mtime: Int64)] = [:]
    private var jsonl: JSONLinesSink?
    public private(set) var summary = WatchSummary()

    public init(inbox: String, runner: IngestRunner, archive: Archive, jsonl: String?, options: WatchOptions,
                log: @escaping (String) -> Void) {
        self.inbox = inbox
        self.runner = runner
        self.archive = archive
        self.jsonlPath = jsonl
        self.options = options
        self.log = log
    }

    /// Drops JSON Lines whose records the archive never committed (a crash between the two).
    public func reconcile() throws {
        guard let jsonlPath, jsonlPath != "-", FileManager.default.fileExists(atPath: jsonlPath) else { return }
        let data = try Data(contentsOf: URL(fileURLWithPath: jsonlPath))
        var kept: [Substring] = []
        var dropped = 0
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let object = JSONTokenizer.value(of: Array(line.utf8)),
                  let pipeline = object["pipeline"]?["hash"]?.string,
                  let source = object["source"], let path = source["path"]?.string else {
                dropped += 1  // a torn last line
                continue
            }
            if try archive.isCommitted(recordId: object["id"]?.string, sha256: source["sha256"]?.string,
                                       path: path, pipelineHash: pipeline) {
                kept.append(line)
            } else {
                dropped += 1
            }
        }
        if dropped > 0 || (data.last != nil && data.last != 0x0A) {
            let tmp = jsonlPath + ".reconcile"
            let body = kept.map { $0 + "\n" }.joined()
            try Data(body.utf8).write(to: URL(fileURLWithPath: tmp))
            let fd = open(tmp, O_RDONLY)
            if fd >= 0 { fsync(fd); close(fd) }
            guard rename(tmp, jsonlPath) == 0 else {
                throw SinkError.writeFailed(path: jsonlPath, reason: "could not replace it after reconciliation")
            }
            summary.droppedJSONLines += dropped
            log("reconciled \(jsonlPath): dropped \(dropped) lines written after the last archive commit")
        }
    }

    /// Runs until `shouldStop` returns true (checked at least every half second); finishes the
    /// file in hand, commits and returns.
    public func run(shouldStop: @escaping () -> Bool) throws -> WatchSummary {
        try reconcile()
        if let jsonlPath { jsonl = try JSONLinesSink(path: jsonlPath, append: true) }
        var watch: InotifyWatch?
        var pollInterval = options.poll
        if pollInterval == nil {
            do { watch = try InotifyWatch() } catch {
                log("\(error.description); polling every 2 s instead")
                pollInterval = 2
            }
        }
        func rescan() {
            summary.rescans += 1
            scan(inbox, watch: &watch, pollInterval: &pollInterval)
        }
        rescan()
        var lastPoll = Self.clock()
        while !shouldStop() {
            if let w = watch {
                for event in w.next(timeout: 0.25) {
                    switch event {
                    case let .file(path): observe(path)
                    case let .folder(path): scan(path, watch: &watch, pollInterval: &pollInterval)
                    case .overflow:
                        log("inotify queue overflowed; rescanning \(inbox)")
                        rescan()
                    }
                }
            } else {
                usleep(250_000)
                if let interval = pollInterval, Self.clock() - lastPoll >= interval {
                    rescan()
                    lastPoll = Self.clock()
                }
            }
            try takeSettled(force: false, shouldStop: shouldStop)
        }
        try jsonl?.sync()
        return summary
    }

    static func clock() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Names that are never taken: dot-files and partial downloads.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".part") || name.hasSuffix(".tmp") || name.hasSuffix(".crdownload")
    }

    private func scan(_ folder: String, watch: inout InotifyWatch?, pollInterval: inout Double?) {
        if let w = watch {
            do { try w.add(folder: folder) } catch {
                log(error.description)
                watch = nil
                pollInterval = pollInterval ?? 2
            }
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !Self.isIgnored(name) {
            let path = folder + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                scan(path, watch: &watch, pollInterval: &pollInterval)
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                observe(path)
            }
        }
    }

    private func observe(_ path: String) {
        let name = (path as NSString).lastPathComponent
        guard !Self.isIgnored(name) else { return }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { pending[path] = nil; return }
        let size = Int64(st.st_size), mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        if let done = handled[path], done.size == size, done.mtime == mtime { return }
        if let seen = pending[path], seen.size == size, seen.mtime == mtime { return }
        pending[path] = Observation(size: size, mtime: mtime, since: Self.clock())
    }

    /// Ingests every pending file whose size and mtime have held still for `settle` seconds.
    private func takeSettled(force: Bool, shouldStop: () -> Bool) throws {
        let now = Self.clock()
        for path in pending.keys.sorted() {
            if shouldStop() { return }
            guard var seen = pending[path] else { continue }
            var st = stat()
            guard stat(path, &st) == 0 else { pending[path] = nil; continue }
            let size = Int64(st.st_size), mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            if size != seen.size || mtime != seen.mtime {
                seen = Observation(size: size, mtime: mtime, since: now)
                pending[path] = seen
                continue
            }
            guard force || now - seen.since >= options.settle else { continue }
            pending[path] = nil
            handled[path] = (size, mtime)
            try ingest(path)
        }
    }

    /// Ingests one settled file unless its content is already in the archive.
    private func ingest(_ path: String) throws {
        let file = InputFile(path: path)
        let now = IngestRunner.now()
        var records: [(record: Record, line: String)] = []
        var source = FileReader.unreadable(file).source
        var original: [UInt8]?
        func add(_ record: Record) {
            var line: [UInt8] = []
            record.writeJSON(to: &line)
            records.append((record, String(decoding: line, as: UTF8.self)))
        }
        do {
            let document = try runner.reader.read(file)
            source = document.source
            // Identity is the content hash: known bytes are not ingested again, whatever their name.
            if try archive.contains(sha256: document.source.sha256, pipelineHash: runner.pipeline.hash) {
                summary.skippedKnown += 1
                try moveDone(path)
                return
            }
            if options.keepOriginals && document.payloadPath == nil { original = document.bytes }
            try runner.pipeline.run(document) { add(Record(output: $0, pipeline: runner.pipeline, ingestedAt: now)) }
        } catch let error as ReadError {
            add(Record(document: FileReader.unreadable(file), failure: StageFailure(stage: "read", message: error.description),
                       pipeline: runner.pipeline, ingestedAt: now))
        }
        // JSON Lines first, on disk; then the archive commit, the point of truth.
        if let jsonl {
            for (_, line) in records { try jsonl.writeLine(Array(line.utf8)) }
            try jsonl.sync()
        }
        try archive.store([ArchivedFile(source: source, original: original, records: records, seenAt: now,
                                        skeletons: IngestRunner.nameSkeletons(of: records))])
        if records.contains(where: { $0.record.isError }) {
            summary.failed += 1
            log("failed: \(path)")
        } else {
            summary.ingested += 1
            log("ingested: \(path) (\(records.count) records)")
        }
        try moveDone(path)
    }

    private func moveDone(_ path: String) throws {
        guard let target = options.moveDone else { return }
        let relative = path.hasPrefix(inbox + "/") ? String(path.dropFirst(inbox.count + 1)) : (path as NSString).lastPathComponent
        let destination = (target as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: destination) {
            try FileManager.default.removeItem(atPath: destination)
        }
        try FileManager.default.moveItem(atPath: path, toPath: destination)
        handled[path] = nil
    }
}
