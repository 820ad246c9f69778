import ArgumentParser
import Foundation
import TaskaCore
import TaskaExport
import TaskaIngest
import TaskaNormalize
import TaskaStore

extension Taska {
    /// `taska ingest PATH...`: files and folders in, one record per document out.
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: "Ingest files and folders (recursively) into tagged records.",
            discussion: """
            Hidden files are skipped and symbolic-link loops are not followed. A file that \
            cannot be read or decoded gives an error record; the batch goes on. Without --jsonl \
            or --archive, records go to the sinks the pipeline file names (the built-in ones: \
            the archive taska.sqlite).
            """
        )

        @Argument(help: "Files or folders to ingest.", completion: .file())
        var paths: [String] = []

        @Option(name: .long, help: ArgumentHelp("Also ingest the files and folders listed in FILE, one per line ('-' for standard input).", valueName: "FILE"))
        var pathsFrom: String?

        @Option(name: .long, help: ArgumentHelp("Take only part K of N of the files (split by a hash of each path), for job arrays.", valueName: "K/N"))
        var shard: String?

        @Option(name: .long, help: ArgumentHelp("Write records as JSON Lines to FILE ('-' for standard output).", valueName: "FILE"))
        var jsonl: String?

        @Option(name: .long, help: ArgumentHelp("Store documents, records and originals in this archive (default: taska.sqlite, unless only --jsonl is given).", valueName: "PATH"))
        var archive: String?

        @Flag(name: .long, help: "Do not keep the original bytes in the archive.")
        var noOriginals = false

        @Option(name: .long, help: "Number of files processed in parallel (1 to the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @OptionGroup var pipelineOption: PipelineOption

        @Option(name: .long, help: "Unicode normalisation form of record text: nfc or nfkc (overrides the pipeline's `form`).")
        var form: NormalizationForm?

        @Option(name: .long, help: "Refuse documents larger than this many bytes (default: the pipeline's max-bytes limit, 64 MiB).")
        var maxBytes: Int?

        @Flag(name: .long, help: "Keep all visible text of HTML pages (do not remove navigation, footers, share and related blocks).")
        var noBoilerplateRemoval = false

        @Flag(name: .long, help: "Exit with status 1 when any document failed.")
        var strict = false

        @Flag(name: .long, help: "Do not show progress on the terminal.")
        var quiet = false

        func validate() throws {
            let cores = ProcessInfo.processInfo.activeProcessorCount
            guard (1...max(cores, 1)).contains(jobs) else {
                throw ValidationError("--jobs must be between 1 and \(cores); got \(jobs).")
            }
            if let maxBytes, maxBytes <= 0 { throw ValidationError("--max-bytes must be positive; got \(maxBytes).") }
            guard !paths.isEmpty || pathsFrom != nil else {
                throw ValidationError("Give files or folders to ingest, or --paths-from FILE.")
            }
            if let shard, Shard(shard) == nil {
                throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N (for example 2/4); got \(shard).")
            }
            if let pathsFrom, pathsFrom != "-", !FileManager.default.fileExists(atPath: pathsFrom) {
                throw ValidationError("--paths-from \(pathsFrom): no such file.")
            }
            for path in paths where !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("\(path): no such file or directory.")
            }
        }

        func run() throws {
            let resolved = try pipelineOption.resolve(settings: Self.settings(form: form, noBoilerplateRemoval: noBoilerplateRemoval))
            var pipeline = resolved.pipeline
            if let maxBytes { pipeline.limits.maxBytes = maxBytes }
            let runner = IngestRunner(pipeline: pipeline, reader: FileReader(maxBytes: pipeline.limits.maxBytes), jobs: jobs)
            let (jsonl, archivePath) = Self.destinations(jsonl: self.jsonl, archive: archive, sinks: resolved.sinks)
            var sink: JSONLinesSink?
            var store: Archive?
            var lock: ArchiveLock?
            defer { withExtendedLifetime(lock) {} }
            defer { try? store?.close() }
            do {
                if let archivePath { lock = try ArchiveLock(archive: archivePath) }
                if let jsonl { sink = try JSONLinesSink(path: jsonl) }
                if let archivePath { store = try Archive(path: archivePath) }
            } catch let error as CustomStringConvertible {
                throw RunFailure(description: error.description)
            }
            let showProgress = !quiet && isatty(2) == 1
            let reporter = TerminalProgress(enabled: showProgress)
            let summary: IngestSummary
            do {
                let onProgress: (@Sendable (IngestProgress) -> Void)? = showProgress ? { @Sendable progress in reporter.update(progress) } : nil
                var inputs = paths
                if let pathsFrom { inputs += try Self.readPaths(pathsFrom) }
                summary = try runner.run(paths: inputs, sink: sink, archive: store, keepOriginals: !noOriginals,
                                         shard: shard.flatMap(Shard.init), progress: onProgress)
            } catch let error as SinkError {
                reporter.clear()
                throw RunFailure(description: error.description)
            } catch let error as ArchiveError {
                reporter.clear()
                throw RunFailure(description: error.description)
            } catch let error as WalkError {
                reporter.clear()
                throw ValidationError(error.description)
            }
            reporter.clear()
            // Closed here so a failure to checkpoint is reported; the defer below closes it on errors.
            do {
                try store?.close()
                store = nil
            } catch {
                throw RunFailure(description: error.description)
            }
            let destination = [jsonl == "-" ? nil : jsonl, archivePath].compactMap { $0 }.joined(separator: " and ")
            if !quiet || summary.failures > 0 {
                FileHandle.standardError.write(Data((ProgressLine.summary(summary, destination: destination.isEmpty ? nil : destination) + "\n").utf8))
            }
            if strict && summary.failures > 0 { throw ExitCode(1) }
        }
    }
}

extension Taska.Ingest {
    /// Command-line flags that override pipeline options (applied to the file, then checked).
    static func settings(form: NormalizationForm?, noBoilerplateRemoval: Bool) -> [(stage: String, key: String, value: String)] {
        var settings: [(stage: String, key: String, value: String)] = []
        if let form { settings.append(("normalize", "form", form.rawValue)) }
        if noBoilerplateRemoval { settings.append(("extract", "remove-boilerplate", "false")) }
        return settings
    }

    /// Where records go: the command line's --jsonl/--archive when either is given, else the
    /// pipeline's sinks, else the archive `taska.sqlite`.
    static func destinations(jsonl: String?, archive: String?, sinks: [PipelineSink]) -> (jsonl: String?, archive: String?) {
        if jsonl != nil || archive != nil { return (jsonl, archive) }
        var result: (jsonl: String?, archive: String?) = (nil, nil)
        for sink in sinks {
            switch sink {
            case let .jsonl(path): result.jsonl = path ?? "-"
            case let .archive(path): result.archive = path ?? "taska.sqlite"
            }
        }
        if result.jsonl == nil && result.archive == nil { result.archive = "taska.sqlite" }
        return result
    }

    /// Paths listed one per line (blank lines skipped) in a file or on standard input.
    static func readPaths(_ source: String) throws -> [String] {
        let data: Data
        if source == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: source) else {
                throw RunFailure(description: "cannot read --paths-from \(source)")
            }
            data = contents
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    }
}

extension NormalizationForm: ExpressibleByArgument {}

/// Redraws one progress line on standard error at most ten times a second.
final class TerminalProgress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var last = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: IngestProgress) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(last) >= 0.1 else { return }
            last = now
            drawn = true
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + ProgressLine.progress(progress)).utf8))
        }
    }

    func clear() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            drawn = false
        }
    }
}
