import Foundation
import Testing

private func temporaryPath(_ suffix: String) -> String {
    NSTemporaryDirectory() + "taska-cli-" + UUID().uuidString + suffix
}

private func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
}

@Suite struct PipelineCommandTests {
    /// `taska pipelines` lists the built-ins from any working directory.
    @Test func pipelinesListsTheBuiltInsFromAnywhere() throws {
        let result = try runTaska(["pipelines"], directory: NSTemporaryDirectory())
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for name in ["communiques", "telegram", "feeds", "web-archive", "extraction"] {
            #expect(result.stdout.contains("\n\(name) ") || result.stdout.hasPrefix("\(name) "), "missing \(name)")
        }
        #expect(result.stdout.contains("(default)"))
        #expect(result.stdout.contains("built-in, hash "))
        #expect(result.stdout.contains("Telegram channel exports"))
    }

    @Test func checkAValidFilePrintsItsSummaryAndHash() throws {
        let result = try runTaska(["pipeline", "check", "Pipelines/web-archive.yaml"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("Pipelines/web-archive.yaml: valid\n"))
        #expect(result.stdout.contains("hash: "))
        #expect(result.stdout.contains("detect: model=taska-langid-1 min-letters=20 declared-languages=hint languages=ha,knc,ar,en\n"))
        #expect(result.stdout.contains("limits: max-bytes=33554432"))
    }

    @Test func checkABadFileExitsTwoWithTheLineColumnAndAllowedValues() throws {
        let path = temporaryPath(".yaml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "name: x\ndescription: d\nstages:\n  - decode\n  - extract:\n      remove-boilerplate: perhaps\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runTaska(["pipeline", "check", path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "\(path):6:27: bad value 'perhaps' for option 'remove-boilerplate' of stage extract; allowed: true, false\n")
    }

    @Test func ingestWithABuiltInPipelineStampsItsNameAndHash() throws {
        let check = try runTaska(["pipeline", "check", "telegram"])
        let hash = try #require(check.stdout.split(separator: "\n").first { $0.contains("hash: ") }?
            .split(separator: " ").dropFirst().first.map(String.init))
        let result = try runTaska(["ingest", "Fixtures/telegram/labarai-kasuwa-json", "--pipeline", "telegram", "--jsonl", "-", "--jobs", "1", "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let records = try jsonLines(result.stdout)
        #expect(records.count > 3)
        for record in records {
            let pipeline = record["pipeline"] as? [String: Any]
            #expect(pipeline?["name"] as? String == "telegram")
            #expect(pipeline?["hash"] as? String == hash)
        }
    }

    @Test func ingestWithAPipelineFileAndItsJSONLinesSink() throws {
        let path = temporaryPath(".yaml"), out = temporaryPath(".jsonl")
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: out) }
        try "name: plain\ndescription: decode and normalise only\nstages:\n  - decode\n  - normalize\nsinks:\n  - jsonl: \(out)\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runTaska(["ingest", "Fixtures/en/letter-road-windows-1252.txt", "--pipeline", path, "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let records = try jsonLines(String(contentsOfFile: out, encoding: .utf8))
        #expect(records.count == 1)
        #expect((records[0]["pipeline"] as? [String: Any])?["name"] as? String == "plain")
        #expect(records[0]["segments"] == nil || records[0]["segments"] is NSNull)
    }

    @Test func ingestWithABadPipelineIsAUsageError() throws {
        let result = try runTaska(["ingest", "Fixtures/en", "--pipeline", "nosuch", "--jsonl", "-"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nosuch:1:1: no such pipeline file, and not a built-in name; built-in: communiques, telegram, feeds, web-archive"))
    }

    @Test func watchChecksItsPipelineBeforeStarting() throws {
        let inbox = temporaryPath("-inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: inbox) }
        let result = try runTaska(["watch", inbox, "--pipeline", "nosuch.yaml", "--archive", inbox + "/a.sqlite"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nosuch.yaml:1:1: no such pipeline file"))
        #expect(!FileManager.default.fileExists(atPath: inbox + "/a.sqlite"))
    }

    @Test func inspectJSONIsOneObject() throws {
        let result = try runTaska(["inspect", "Fixtures/ar/akhbar-madrasa-windows-1256.html", "--json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect((documents.first?["decode"] as? [String: Any])?["charset"] as? String == "windows-1256")
    }

    @Test func inspectTextViewIsPlainWhenNotATerminal() throws {
        let result = try runTaska(["inspect", "Fixtures/mixed-ha-ar/huduba-juma-utf8.html", "--pipeline", "web-archive"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(result.stdout.contains("pipeline web-archive"))
        #expect(result.stdout.contains("+ kept"))
        let coloured = try runTaska(["inspect", "Fixtures/mixed-ha-ar/huduba-juma-utf8.html", "--color"])
        #expect(coloured.stdout.contains("\u{1B}["))
    }
}
