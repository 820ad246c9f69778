import Foundation
import Testing
import TaskaCore
import TaskaExport
import TaskaTestSupport
@testable import TaskaIngest

/// What one hostile case must give (`Fixtures/hostile/expected.json`).
struct HostileExpectation: Decodable, Sendable, CustomStringConvertible {
    struct ErrorRecord: Decodable, Sendable {
        var stage: String
        /// A phrase of the error message (the limit's key for limits: `max-depth`).
        var contains: String
    }
    /// The file, relative to `Fixtures/hostile/` or, for generated cases, to the temporary folder.
    var file: String
    /// Records that went through (not error records).
    var records: Int
    /// Error records, in order.
    var errors: [ErrorRecord]
    /// Warning codes that must appear on the records.
    var warnings: [String]?
    /// Phrases the records' text must hold.
    var text: [String]?
    /// Made by the test in a temporary folder (too large, or not a plain file), not committed.
    var generated: Bool?
    /// What the case is, in words.
    var what: String

    var description: String { file }
}

enum HostileCatalog {
    static let folder = fixturePath("hostile")
    static let markerText = "TASKA-XXE-MARKER-5d1c9e"

    static let all: [HostileExpectation] = {
        guard let data = FileManager.default.contents(atPath: folder + "/expected.json"),
              let cases = try? JSONDecoder().decode([HostileExpectation].self, from: data) else { return [] }
        return cases
    }()
    static var committed: [HostileExpectation] { all.filter { $0.generated != true } }
    static var generated: [HostileExpectation] { all.filter { $0.generated == true } }
}

/// Builds the generated cases in `dir` (same shapes as `scripts/make-hostile-fixtures.py --big`).
enum HostileGenerator {
    static func write(_ name: String, _ bytes: [UInt8], in dir: String) throws {
        let path = dir + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func repeated(_ s: String, _ n: Int) -> [UInt8] {
        let unit = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(unit.count * n)
        for _ in 0..<n { out += unit }
        return out
    }

    static func makeAll(in dir: String) throws {
        let n = 200_000
        try write("deep-200000.html", Array("<!DOCTYPE html><html><body>".utf8) + repeated("<div>", n) + Array("zurfi".utf8)
                  + repeated("</div>", n) + Array("</body></html>\n".utf8), in: dir)
        try write("deep-200000.xml", Array("<?xml version=\"1.0\"?>\n".utf8) + repeated("<a>", n) + Array("zurfi".utf8)
                  + repeated("</a>", n), in: dir)
        let head = #"{"name": "Zurfi", "type": "personal_chat", "id": 7, "messages": [{"id": 1, "type": "message", "date": "2026-03-02T08:00:00", "date_unixtime": "1772438400", "text": "Na farko", "text_entities": [{"type": "plain", "text": "Na farko"}]}, {"id": 2, "type": "message", "text_entities": "#
        try write("deep-200000-telegram/result.json", Array(head.utf8) + repeated("[", n) + repeated("]", n) + Array("}]}\n".utf8), in: dir)
        var attributes = Array("<!DOCTYPE html><html><body><p".utf8)
        for i in 0..<n { attributes += Array(" a\(i)=\"x\"".utf8) }
        try write("attributes-200000.html", attributes + Array(">Sifofi da yawa.</p></body></html>\n".utf8), in: dir)
        // 120 MB on one line: written in 1 MiB pieces, never held whole.
        let line = dir + "/single-line-120MB.txt"
        #expect(FileManager.default.createFile(atPath: line, contents: nil), "could not prepare the test's files")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: line))
        let piece = Data(repeated("kasuwa ", (1 << 20) / 7))
        var written = 0
        while written < 120_000_000 { try handle.write(contentsOf: piece); written += piece.count }
        try handle.close()
        // A folder symlink loop, a dangling symlink (a file deleted after it was listed), a
        // file whose read fails even for root (/proc/self/mem at offset 0: EIO), a file that
        // grows while read (/proc/self/status: size 0, then bytes), a folder named .html, a FIFO.
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/loop/inner", withIntermediateDirectories: true)
        try write("loop/inner/kept.txt", Array("Rubutu a cikin madauki.\n".utf8), in: dir)
        try fm.createSymbolicLink(atPath: dir + "/loop/inner/back", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir + "/deleted-before-read.txt", withDestinationPath: dir + "/no-such-file")
        try fm.createSymbolicLink(atPath: dir + "/unreadable.txt", withDestinationPath: "/proc/self/mem")
        try fm.createSymbolicLink(atPath: dir + "/changed-while-read.txt", withDestinationPath: "/proc/self/status")
        try fm.createDirectory(atPath: dir + "/folder.html", withIntermediateDirectories: true)
        try write("folder.html/inside.txt", Array("Fayil a cikin babban fayil mai suna .html.\n".utf8), in: dir)
        #expect(mkfifo(dir + "/pipe.html", 0o644) == 0)
    }
}

/// Every hostile case gives its expected error record or warning, never a crash or hang, and
/// good documents ingested in the same batch keep exactly their records.
@Suite(.serialized) struct HostileFixtureTests {
    static func check(_ records: [Record], _ expected: HostileExpectation, sourceLocation: SourceLocation = #_sourceLocation) {
        let good = records.filter { !$0.isError }
        let errors = records.compactMap(\.failure)
        #expect(good.count == expected.records, "\(expected.file): \(good.count) records, expected \(expected.records); errors: \(errors.map(\.message))",
                sourceLocation: sourceLocation)
        #expect(errors.count == expected.errors.count, "\(expected.file): errors \(errors.map { "\($0.stage): \($0.message)" })",
                sourceLocation: sourceLocation)
        for (error, want) in zip(errors, expected.errors) {
            #expect(error.stage == want.stage && error.message.contains(want.contains),
                    "\(expected.file): error «\(error.stage): \(error.message)» should be \(want.stage) containing «\(want.contains)»",
                    sourceLocation: sourceLocation)
        }
        let codes = Set(records.flatMap { $0.document.warnings.map(\.code) })
        for code in expected.warnings ?? [] {
            #expect(codes.contains(code), "\(expected.file): warning \(code) missing; got \(codes.sorted())", sourceLocation: sourceLocation)
        }
        let text = good.map { $0.document.normalized?.text ?? "" }.joined(separator: "\n")
        for phrase in expected.text ?? [] {
            #expect(text.contains(phrase), "\(expected.file): text lacks «\(phrase)»", sourceLocation: sourceLocation)
        }
        // Whatever the case, the XXE marker never reaches a record.
        for record in records {
            var line: [UInt8] = []
            record.writeJSON(to: &line)
            #expect(!String(decoding: line, as: UTF8.self).contains(HostileCatalog.markerText), "\(expected.file): the XXE marker was read",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func everyCommittedFileHasAnExpectation() throws {
        #expect(HostileCatalog.all.count >= 30)
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: HostileCatalog.folder)
        while let name = enumerator?.nextObject() as? String {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: HostileCatalog.folder + "/" + name, isDirectory: &isDir)
            if isDir.boolValue || name.hasPrefix(".") || name == "expected.json" || name == "README.md" { continue }
            files.append(name)
        }
        #expect(Set(files) == Set(HostileCatalog.committed.map(\.file)))
    }

    @Test(arguments: HostileCatalog.committed)
    func committedCaseGivesItsOutcome(_ expected: HostileExpectation) {
        Self.check(ingest(fixture: "Fixtures/hostile/" + expected.file), expected)
    }

    /// The committed XXE cases point at the marker through the working directory
    /// (`/proc/self/cwd/Fixtures/hostile/.xxe-marker.txt`, or relative paths), which reaches it
    /// when Taska runs from the package root. Tests may not rely on the working directory, so
    /// each case is also copied with every file reference turned into the marker's absolute
    /// path: the marker is then certainly reachable (the test is not vacuous) and is never read.
    @Test func xxeCasesPointingAtTheMarkerByAbsolutePathReadNothing() throws {
        let marker = HostileCatalog.folder + "/.xxe-marker.txt"
        #expect(try String(contentsOfFile: marker, encoding: .utf8).contains(HostileCatalog.markerText))
        let xxe = HostileCatalog.committed.filter { $0.file.hasPrefix("xxe-") }
        #expect(xxe.count >= 8)
        let dir = try TemporaryFolder(prefix: "taska-xxe")
        // SYSTEM "…" literals that name the marker, however they reach it.
        let reference = try Regex(#"SYSTEM "[^"]*\.xxe-marker\.txt""#)
        var rewritten = 0
        for expected in xxe {
            let source = try String(contentsOfFile: HostileCatalog.folder + "/" + expected.file, encoding: .utf8)
            #expect(source.contains("SYSTEM"), "\(expected.file) references nothing external")
            let copy = source.replacing(reference) { _ in "SYSTEM \"file://\(marker)\"" }
            if copy != source { rewritten += 1 }
            // Every mention of the marker is now its absolute path.
            #expect(copy.components(separatedBy: ".xxe-marker.txt").count == copy.components(separatedBy: "file://" + marker).count,
                    "\(expected.file)")
            let path = dir.write(expected.file, copy)
            var records: [Record] = []
            IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1).process(InputFile(path: path)) { records.append($0) }
            Self.check(records, expected)
        }
        #expect(rewritten >= 8)
    }

    @Test func generatedCasesGiveTheirOutcome() throws {
        let folder = try TemporaryFolder(prefix: "taska-hostile")
        let dir = folder.path
        try HostileGenerator.makeAll(in: dir)
        let runner = IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1)
        var byPath: [String: [Record]] = [:]
        var problems: [String] = []
        try FileWalker().walk([dir], onProblem: { path, problem in problems.append("\(path): \(problem)") }) { file in
            runner.process(file) { byPath[file.path.replacingOccurrences(of: dir + "/", with: ""), default: []].append($0) }
        }
        for expected in HostileCatalog.generated {
            Self.check(byPath[expected.file] ?? [], expected)
        }
        // The loop is walked once and reported; the FIFO is skipped and reported, never opened.
        #expect(byPath["loop/inner/kept.txt"]?.count == 1)
        #expect(problems.contains { $0.contains("loop") && $0.contains("symbolic link loop") }, "\(problems)")
        #expect(problems.contains { $0.contains("pipe.html") && $0.contains("not a regular file") }, "\(problems)")
        #expect(byPath["folder.html/inside.txt"]?.first?.isError == false)
        let unexpected = Set(byPath.keys).subtracting(HostileCatalog.generated.map(\.file)).subtracting(["loop/inner/kept.txt", "folder.html/inside.txt"])
        #expect(unexpected.isEmpty, "\(unexpected)")
    }

    /// The whole committed folder in one batch with good documents: the good ones give exactly
    /// the records they give alone, and every hostile file gives its expected records.
    @Test func wholeFolderWithGoodDocumentsLosesNothing() throws {
        let good = ["Fixtures/ha/labari-kasuwar-kifi-utf8.html", "Fixtures/ar/khabar-suq-utf8.html",
                    "Fixtures/telegram/labarai-kasuwa-json/result.json", "Fixtures/warc/crawl-labarai.warc.gz",
                    "Fixtures/feeds/labarai-ha.rss"]
        let dir = try TemporaryFolder(prefix: "taska-hostile")
        let out = dir.path("records.jsonl")
        let runner = IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 2)
        let summary = try runner.run(paths: [good[0], "Fixtures/hostile", good[1], good[2], good[3], good[4]], relativeTo: packageRoot,
                                     sink: try JSONLinesSink(path: out))
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        var byPath: [String: [[String: Any]]] = [:]
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let path = (object["source"] as? [String: Any])?["path"] as? String ?? ""
            byPath[path, default: []].append(object)
        }
        for path in good {
            let alone = ingest(fixture: path)
            let inBatch = byPath[path] ?? []
            #expect(inBatch.count == alone.count, "\(path)")
            #expect(inBatch.allSatisfy { $0["error"] == nil }, "\(path)")
            #expect(inBatch.map { $0["text"] as? String } == alone.map { $0.document.normalized?.text }, "\(path)")
            #expect(inBatch.map { $0["id"] as? String } == alone.map(\.document.id), "\(path)")
        }
        for expected in HostileCatalog.committed {
            let records = byPath["Fixtures/hostile/" + expected.file] ?? []
            #expect(records.filter { $0["error"] == nil }.count == expected.records, "\(expected.file)")
            #expect(records.filter { $0["error"] != nil }.count == expected.errors.count, "\(expected.file)")
        }
        // expected.json is a document too (a JSON file that is no Telegram export).
        #expect(byPath["Fixtures/hostile/expected.json"]?.count == 1)
        #expect(summary.files == good.count + HostileCatalog.committed.count + 1)
        #expect(summary.failures == HostileCatalog.committed.map(\.errors.count).reduce(0, +))
    }
}
