import Foundation
import TaskaTestSupport
import Testing

private func temporaryPath(_ suffix: String) -> String {
    NSTemporaryDirectory() + "taska-cli-" + UUID().uuidString + suffix
}

private func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
}

/// Every non-hidden file under Fixtures/ (golden and snippet files are documents too).
private func fixtureDocumentCount() -> Int {
    let enumerator = FileManager.default.enumerator(atPath: packageRoot + "/Fixtures")
    var count = 0
    while let name = enumerator?.nextObject() as? String {
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: packageRoot + "/Fixtures/" + name, isDirectory: &isDir)
        if isDir.boolValue || name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
        count += 1
    }
    return count
}

@Suite struct IngestCommandTests {
    /// README's first command, with the output in a temporary file.
    @Test func readmeCommandIngestsTheFixtures() throws {
        let out = temporaryPath(".jsonl")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try runTaska(["ingest", "Fixtures", "--jsonl", out])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let records = try jsonLines(String(contentsOfFile: out, encoding: .utf8))
        // Every file gives at least one record; chat exports (and other containers) give several.
        let paths = Set(records.map { ($0["source"] as? [String: Any])?["path"] as? String ?? "" })
        #expect(paths.count == fixtureDocumentCount())
        #expect(records.count >= paths.count)
        #expect(result.stderr.contains("Ingested \(paths.count) files"))
        let errors = records.filter { $0["error"] != nil }
        #expect(!errors.isEmpty)
        for error in errors {
            let path = (error["source"] as? [String: Any])?["path"] as? String ?? ""
            // Broken and hostile inputs (hostile archives and office files too), and fuzz findings that end as error records (Fixtures/fuzz/README.md).
            #expect(path.hasPrefix("Fixtures/broken/") || path.hasPrefix("Fixtures/hostile/") || path.hasPrefix("Fixtures/containers-hostile/")
                        || path.hasPrefix("Fixtures/office-hostile/") || path.hasPrefix("Fixtures/fuzz/"), "unexpected failure: \(path)")
        }
        // Paths are as reached from the argument, never absolute.
        for record in records {
            let path = (record["source"] as? [String: Any])?["path"] as? String ?? ""
            #expect(path.hasPrefix("Fixtures/"))
        }
        // Not a terminal: no progress line drawing.
        #expect(!result.stderr.contains("\u{1B}[K"))
    }

    /// The hostile folder (issue 8) beside good documents: exit 0, every good record there.
    @Test func hostileFolderWithGoodDocumentsExitsZero() throws {
        let result = try runTaska(["ingest", "Fixtures/hostile", "Fixtures/en", "--jsonl", "-", "--jobs", "2"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let records = try jsonLines(result.stdout)
        let english = records.filter { (($0["source"] as? [String: Any])?["path"] as? String ?? "").hasPrefix("Fixtures/en/") }
        let files = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Fixtures/en").filter { !$0.hasPrefix(".") }
        #expect(Set(english.map { ($0["source"] as? [String: Any])?["path"] as? String ?? "" }).count == files.count)
        #expect(english.allSatisfy { $0["error"] == nil })
        #expect(records.contains { $0["error"] != nil })
        #expect(!result.stdout.contains("TASKA-XXE-MARKER"))
        // The C libraries' own complaints (libpng's "libpng error: …", leptonica's, libtiff's)
        // never reach standard error: damage is reported in error records, with the file's name.
        let lines = result.stderr.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 && lines[0].hasPrefix("Ingested "), "stderr: \(result.stderr)")
    }

    @Test func strictFailsWhenADocumentFailed() throws {
        let result = try runTaska(["ingest", "Fixtures/broken", "--jsonl", "-", "--strict"])
        #expect(result.status == 1)
        #expect(!result.stdout.isEmpty)
    }

    @Test func standardOutputGetsOneRecordPerLine() throws {
        let result = try runTaska(["ingest", "Fixtures/en", "--jsonl", "-", "--jobs", "1"])
        #expect(result.status == 0)
        let records = try jsonLines(result.stdout)
        #expect(records.count >= 4)
        for record in records {
            #expect((record["id"] as? String)?.prefix(64).allSatisfy(\.isHexDigit) == true)
            #expect(record["segments"] is [Any], "the language stage fills segments")
        }
    }

    @Test func unwritableOutputExitsThree() throws {
        let result = try runTaska(["ingest", "Fixtures/en", "--jsonl", "/nonexistent-dir/out.jsonl"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot write /nonexistent-dir/out.jsonl"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try runTaska(["ingest", "Fixtures", "--jsonl", "-", "--jobs", "0"]).status == 2)
        #expect(try runTaska(["ingest", "no-such-folder", "--jsonl", "-"]).status == 2)
        #expect(try runTaska(["frobnicate"]).status == 2)
        let missing = try runTaska(["ingest", "no-such-folder", "--jsonl", "-"])
        #expect(missing.stderr.contains("no-such-folder: no such file or directory"))
    }

    @Test func helpListsTheCommands() throws {
        let result = try runTaska(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ingest"))
        #expect(result.stdout.contains("normalize"))
        #expect(result.stdout.contains("Exit status"))
    }

    @Test func versionPrints() throws {
        let result = try runTaska(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("0."))
    }
}
