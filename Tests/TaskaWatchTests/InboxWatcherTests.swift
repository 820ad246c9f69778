import Foundation
import Testing
import TaskaCore
import TaskaIngest
import TaskaStore
import TaskaTestSupport
@testable import TaskaWatch

@Suite struct InboxWatcherTests {
    @Test func partialDownloadsAndDotFilesAreIgnored() {
        for name in [".hidden", "a.part", "b.tmp", "c.crdownload"] { #expect(InboxWatcher.isIgnored(name)) }
        for name in ["a.txt", "part.html", "tmp"] { #expect(!InboxWatcher.isIgnored(name)) }
    }

    @Test func reconcileDropsLinesTheArchiveNeverCommitted() throws {
        let folder = try TemporaryFolder(prefix: "taska-reconcile")
        let dir = folder.path
        let archive = try Archive(path: dir + "/a.sqlite")
        let runner = IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1)
        try "Takarda daya.".write(toFile: dir + "/one.txt", atomically: true, encoding: .utf8)
        try "Takarda biyu.".write(toFile: dir + "/two.txt", atomically: true, encoding: .utf8)
        var lines: [String] = []
        var committed: [(record: Record, line: String)] = []
        for name in ["one.txt", "two.txt"] {
            runner.process(InputFile(path: dir + "/" + name)) { record in
                let line = record.json.serialized()
                lines.append(line)
                if name == "one.txt" { committed.append((record, line)) }
            }
        }
        // Only the first file reached the archive before the "crash"; the file also ends in a torn line.
        let source = committed[0].record.document.source
        try archive.store([ArchivedFile(source: source, original: nil, records: committed, seenAt: Timestamp(seconds: 0))])
        let jsonl = dir + "/r.jsonl"
        try (lines.joined(separator: "\n") + "\n{\"id\":\"torn").write(toFile: jsonl, atomically: true, encoding: .utf8)
        let watcher = InboxWatcher(inbox: dir, runner: runner, archive: archive, jsonl: jsonl, options: WatchOptions()) { _ in }
        try watcher.reconcile()
        let kept = try String(contentsOfFile: jsonl, encoding: .utf8)
        #expect(kept == lines[0] + "\n")
        #expect(watcher.summary.droppedJSONLines == 2)
    }
}
