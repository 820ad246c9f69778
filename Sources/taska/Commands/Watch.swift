import ArgumentParser
import Dispatch
import Foundation
import TaskaIngest
import TaskaStore
import TaskaWatch

extension Taska {
    /// `taska watch INBOX`: ingest what is there, then every new or changed file.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch",
            abstract: "Watch an inbox folder and ingest every complete new or changed file exactly once.",
            discussion: """
            Files are identified by their content (SHA-256): a known content is never ingested twice, \
            a reused name with new content is a new document. A file is taken when its size and \
            modification time have held still for --settle seconds; dot-files and .part/.tmp/.crdownload \
            files are ignored. Originals are never modified or moved unless --move-done is given. \
            SIGINT/SIGTERM finish the file in hand, commit and exit 0.
            """)

        @Argument(help: "The inbox folder.", completion: .directory)
        var inbox: String

        @Option(name: .long, help: ArgumentHelp("The archive (the point of truth).", valueName: "PATH"))
        var archive: String = "taska.sqlite"

        @Option(name: .long, help: ArgumentHelp("Also append records as JSON Lines to FILE.", valueName: "FILE"))
        var jsonl: String?

        @Option(name: .long, help: "Seconds a file's size and mtime must hold still before it is taken.")
        var settle: Double = 2

        @Option(name: .long, help: ArgumentHelp("Poll every N seconds instead of using inotify.", valueName: "SECONDS"))
        var poll: Double?

        @Option(name: .long, help: ArgumentHelp("Move each ingested file under DIR after the archive commit.", valueName: "DIR"))
        var moveDone: String?

        @Flag(name: .long, help: "Do not keep the original bytes in the archive.")
        var noOriginals = false

        @Flag(name: .long, help: "Print one line per file taken.")
        var verbose = false

        @OptionGroup var pipelineOption: PipelineOption

        func validate() throws {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDir), isDir.boolValue else {
                throw ValidationError("\(inbox): no such folder.")
            }
            guard settle >= 0 else { throw ValidationError("--settle must be 0 or more seconds; got \(settle).") }
            if let poll, poll <= 0 { throw ValidationError("--poll must be a positive number of seconds; got \(poll).") }
            guard jsonl != "-" else { throw ValidationError("--jsonl - is not supported by watch: give a file.") }
        }

        func run() throws {
            // Records go to --archive (and --jsonl); the pipeline file's sinks are not used by watch.
            let pipeline = try pipelineOption.resolve().pipeline
            let lock: ArchiveLock
            do { lock = try ArchiveLock(archive: archive) } catch { throw RunFailure(description: error.description) }
            defer { withExtendedLifetime(lock) {} }
            let store: Archive
            do { store = try Archive(path: archive) } catch { throw RunFailure(description: error.description) }
            var options = WatchOptions()
            options.settle = settle
            options.poll = poll
            options.moveDone = moveDone
            options.keepOriginals = !noOriginals
            let verbose = self.verbose
            let watcher = InboxWatcher(inbox: inbox, runner: IngestRunner(pipeline: pipeline, jobs: 1),
                                       archive: store, jsonl: jsonl, options: options) { message in
                if verbose || !message.hasPrefix("ingested:") {
                    FileHandle.standardError.write(Data("taska watch: \(message)\n".utf8))
                }
            }
            let stop = StopFlag()
            signal(SIGINT, SIG_IGN)
            signal(SIGTERM, SIG_IGN)
            let sources = [SIGINT, SIGTERM].map { sig -> DispatchSourceSignal in
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { stop.set() }
                source.resume()
                return source
            }
            defer { sources.forEach { $0.cancel() } }
            FileHandle.standardError.write(Data("taska watch: watching \(inbox) -> \(archive)\(jsonl.map { " and " + $0 } ?? "") (Ctrl-C to stop)\n".utf8))
            let summary: WatchSummary
            do { summary = try watcher.run { stop.isSet } } catch let error as CustomStringConvertible {
                // Stopped by an error: the log still goes into the file before the message.
                try? store.close()
                throw RunFailure(description: error.description)
            }
            do { try store.close() } catch { throw RunFailure(description: error.description) }
            FileHandle.standardError.write(Data("taska watch: stopped: \(summary.ingested) ingested, \(summary.failed) failed, \(summary.skippedKnown) already known, \(summary.rescans) scans.\n".utf8))
        }
    }
}

/// A flag set from a signal handler's queue and read by the watch loop.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
