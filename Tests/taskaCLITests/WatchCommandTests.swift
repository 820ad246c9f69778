import Foundation
import TaskaTestSupport
import Testing

@Suite(.serialized) struct WatchCommandTests {
    /// The scaled-down soak test: files dropped while `taska watch` is SIGKILLed and restarted;
    /// every good file must end up exactly once, every broken one as one error row.
    @Test func survivesKillsExactlyOnce() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot + "/scripts/soak-watch", "--files", "120", "--kills", "3",
                             "--taska", taskaExecutable.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(report)")
        #expect(report.contains("exactly once"))
    }

    @Test func missingInboxIsAUsageError() throws {
        let result = try runTaska(["watch", "/nonexistent/inbox"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such folder"))
    }

    @Test func sigtermStopsCleanly() throws {
        let folder = try TemporaryFolder(prefix: "taska-watch")
        folder.write("inbox/a.txt", "Sannu da zuwa.")
        folder.write("inbox/b.txt.part", "partial")
        let process = Process()
        process.executableURL = taskaExecutable
        process.arguments = ["watch", folder.path("inbox"), "--archive", folder.path("a.sqlite"), "--settle", "0.2", "--jsonl", folder.path("r.jsonl")]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (bounded) until the record is committed, then stop the watcher.
        for _ in 0..<100 {
            if let text = try? String(contentsOfFile: folder.path("r.jsonl"), encoding: .utf8), text.contains("Sannu") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = try String(contentsOfFile: folder.path("r.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)  // the .part file was never taken
        #expect(FileManager.default.fileExists(atPath: folder.path("inbox/a.txt")))  // originals untouched
    }

    /// A watcher stopped by an error (here: the --move-done target is a file, not a folder)
    /// still leaves every record in the archive file itself, its write-ahead log emptied.
    @Test func anErrorStopLeavesTheArchiveClosed() throws {
        let folder = try TemporaryFolder(prefix: "taska-watch")
        folder.write("inbox/a.txt", "Sannu da zuwa.")
        folder.write("done", "not a folder")
        let db = folder.path("a.sqlite")
        let result = try runTaska(["watch", folder.path("inbox"), "--archive", db, "--settle", "0.2", "--move-done", folder.path("done")])
        #expect(result.status != 0, "the move into a file cannot succeed: \(result.stderr)")
        let wal = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0, "\(db)-wal holds \(wal) bytes after the watcher stopped")
        let copy = folder.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let stats = try runTaska(["stats", "--archive", copy, "--json"])
        #expect(stats.status == 0 && stats.stdout.contains("\"records\":1"), "\(stats.stdout) \(stats.stderr)")
    }
}
