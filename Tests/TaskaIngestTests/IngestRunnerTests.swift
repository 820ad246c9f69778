import Foundation
import Testing
import TaskaCore
import TaskaExport
import TaskaStore
import TaskaTestSupport
@testable import TaskaIngest

private func lines(of path: String) throws -> [[String: Any]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
}

@Suite struct IngestRunnerTests {
    @Test func recordsComeOutInInputOrderWithManyJobs() throws {
        let dir = try TemporaryFolder()
        for i in 0..<40 { dir.write(String(format: "doc%03d.txt", i), "Takarda ta \(i).\n") }
        let out = dir.path + "/../" + UUID().uuidString + ".jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let runner = IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 4)
        let summary = try runner.run(paths: [dir.path], sink: try JSONLinesSink(path: out))
        #expect(summary.files == 40)
        #expect(summary.documents == 40)
        #expect(summary.failures == 0)
        let records = try lines(of: out)
        #expect(records.count == 40)
        let paths = records.map { ($0["source"] as! [String: Any])["path"] as! String }
        #expect(paths == paths.sorted())
        #expect((records[7]["text"] as? String) == "Takarda ta 7.")
    }

    @Test func aFailingFileGivesAnErrorRecordAndTheBatchGoesOn() throws {
        let dir = try TemporaryFolder()
        dir.write("a.txt", "farko")
        dir.write("b.txt", "")
        dir.write("c.txt", "na uku")
        let out = dir.path + ".jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let summary = try IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 2)
            .run(paths: [dir.path], sink: try JSONLinesSink(path: out))
        #expect(summary.files == 3)
        #expect(summary.failures == 1)
        let records = try lines(of: out)
        #expect(records.count == 3)
        let error = records[1]["error"] as? [String: Any]
        #expect(error?["stage"] as? String == "decode")
        #expect(records[1]["text"] == nil)
        #expect(records[2]["text"] as? String == "na uku")
    }

    @Test func unwritableOutputIsARunFailure() {
        #expect(throws: SinkError.self) { try JSONLinesSink(path: "/nonexistent-dir/taska/out.jsonl") }
    }

    @Test func fullDiskStopsTheRun() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let dir = try TemporaryFolder()
        dir.write("a.txt", String(repeating: "rubutu ", count: 200_000))
        let runner = IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1)
        #expect(throws: SinkError.self) {
            _ = try runner.run(paths: [dir.path], sink: try JSONLinesSink(path: "/dev/full"))
        }
    }

    @Test func sameBytesSameId() throws {
        let dir = try TemporaryFolder()
        dir.write("one.txt", "iri daya")
        dir.write("two.txt", "iri daya")
        let out = dir.path + ".jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1).run(paths: [dir.path], sink: try JSONLinesSink(path: out))
        let records = try lines(of: out)
        #expect(records[0]["id"] as? String == records[1]["id"] as? String)
        #expect((records[0]["id"] as? String)?.count == 64)
    }

    @Test func oddFileNamesAreIngestedAndTheirBytesKept() throws {
        let dir = try TemporaryFolder()
        dir.write(rawName: [0x6C, 0xE9, 0x2E, 0x74, 0x78, 0x74], "Sunan fayil ba UTF-8 ba.")
        dir.write("layi\nbiyu.txt", "Sunan fayil mai sabon layi.")
        dir.write("ka\u{0301}.txt", "Sunan fayil NFD.")
        let out = dir.path + ".jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let summary = try IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 2)
            .run(paths: [dir.path], sink: try JSONLinesSink(path: out))
        #expect(summary.files == 3 && summary.failures == 0)
        let records = try lines(of: out)
        #expect(records.count == 3)
        let sources = records.map { $0["source"] as! [String: Any] }
        let raw = sources.compactMap { $0["pathBytes"] as? String }
        #expect(raw.count == 1)
        if let encoded = raw.first, let bytes = Data(base64Encoded: encoded) {
            #expect(Array(bytes.suffix(6)) == [0x6C, 0xE9, 0x2E, 0x74, 0x78, 0x74])
        }
        #expect(sources.contains { ($0["path"] as? String)?.hasSuffix("layi\nbiyu.txt") == true })
        #expect(sources.contains { ($0["path"] as? String)?.hasSuffix("ka\u{0301}.txt") == true })
    }
}

/// Fans one document out into one sub-document per line (like a chat export or a WARC).
private struct LinesStage: Stage {
    var name: String { "lines" }
    var configuration: String { "" }
    func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        let text = String(decoding: document.bytes, as: UTF8.self)
        for (i, line) in text.split(separator: "\n").enumerated() {
            var sub = document
            sub.subIndex = i
            sub.bytes = []
            sub.normalized = NormalizedText(text: String(line), searchKey: String(line), direction: .ltr, scripts: [], paragraphs: [])
            try emit(sub)
        }
    }
}

@Suite struct StreamingRunnerTests {
    @Test func hugeFanOutStreamsInOrderBesideSmallFiles() throws {
        let dir = try TemporaryFolder()
        dir.write("a-small.txt", "one\ntwo\n")
        dir.write("b-huge.txt", (0..<3000).map { "message \($0)" }.joined(separator: "\n"))
        dir.write("c-small.txt", "three\n")
        dir.write("d-huge.txt", (0..<1500).map { "post \($0)" }.joined(separator: "\n"))
        let out = dir.path + ".jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let archive = try Archive(path: dir.path + ".sqlite")
        defer { try? FileManager.default.removeItem(atPath: dir.path + ".sqlite") }
        let pipeline = Pipeline(name: "lines", version: "1", stages: [LinesStage()])
        let summary = try IngestRunner(pipeline: pipeline, jobs: 2).run(paths: [dir.path], sink: try JSONLinesSink(path: out), archive: archive)
        #expect(summary.files == 4 && summary.documents == 2 + 3000 + 1 + 1500)
        let texts = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return object["text"] as! String
        }
        let expected = ["one", "two"] + (0..<3000).map { "message \($0)" } + ["three"] + (0..<1500).map { "post \($0)" }
        #expect(texts == expected)
        #expect(try archive.stats().records == expected.count)
        // The archive's own thread stores the batches in input order too.
        var archived: [String] = []
        try archive.forEachLine { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            archived.append(object["text"] as! String)
        }
        #expect(archived == expected)
        #expect(try archive.stats().documents == 4)
        var sightings = 0
        try archive.forEachOriginal { _, paths, _ in sightings += paths.count }
        #expect(sightings == 4)
    }
}

@Suite struct ArchiveStoreThreadTests {
    static func file(_ text: String) -> ArchivedFile {
        let bytes = Array(text.utf8)
        var doc = SourceDocument(source: SourceInfo(path: "\(text).txt", bytes: bytes.count, sha256: SHA256.hex(of: bytes)), bytes: bytes)
        doc.normalized = NormalizedText(text: text, searchKey: text, direction: .ltr, scripts: [], paragraphs: [])
        let record = Record(document: doc, pipeline: Pipeline(name: "lines", version: "1", stages: []),
                            ingestedAt: Timestamp(seconds: 1_700_000_000))
        return ArchivedFile(source: doc.source, original: bytes, records: [(record, record.json.serialized())],
                            seenAt: Timestamp(seconds: 1_700_000_000))
    }

    @Test func batchesStoredTogetherKeepTheirOrder() throws {
        // Submitted faster than they are stored, waiting batches go into one transaction: every
        // record is stored once, in the order handed over.
        let archive = try Archive()
        let thread = ArchiveStoreThread(archive: archive, capacity: 4)
        let texts = (0..<60).map { "sanarwa ta \($0)" }
        for text in texts { try thread.submit([Self.file(text)]) }
        try thread.drain()
        thread.close()
        var stored: [String] = []
        try archive.forEachLine { line in
            if let start = line.range(of: "sanarwa ta ")?.lowerBound {
                stored.append(String(line[start...].prefix { $0 != "\"" && $0 != "." }))
            }
        }
        #expect(stored == texts)
    }

    @Test func aFailedStoreStopsTheQueueAndIsReported() throws {
        let dir = try TemporaryFolder()
        let path = dir.path + ".sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try Archive(path: path).store([Self.file("sanarwa 0")])
        let thread = ArchiveStoreThread(archive: try Archive(path: path, readOnly: true), capacity: 1)
        defer { thread.close() }
        try? thread.submit([Self.file("sanarwa 1")])
        #expect(throws: (any Error).self) { try thread.drain() }
        #expect(thread.error != nil)
        #expect(throws: (any Error).self) { try thread.submit([Self.file("sanarwa 2")]) }
        #expect(try Archive(path: path).stats().records == 1)
    }
}
