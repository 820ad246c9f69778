import Foundation
import TaskaTestSupport
import Testing

private func sha256(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: data, as: UTF8.self).prefix(64))
}

@Suite(.serialized) struct ArchiveCommandTests {
    /// Ingests the language fixtures into a fresh archive.
    private func archive(_ scratch: TemporaryFolder) throws -> String {
        let path = scratch.path + "/taska.sqlite"
        let result = try runTaska(["ingest", "Fixtures/ha", "Fixtures/ar", "Fixtures/en", "--archive", path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    @Test func anIngestLeavesEveryRecordInTheArchiveFileItself() throws {
        let scratch = try TemporaryFolder(prefix: "taska-archive-cli")
        let db = try archive(scratch)
        // The write-ahead log is checkpointed and emptied at the end of the run: a copy of the
        // file alone (without its -wal) holds every record.
        let wal = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0, "\(db)-wal holds \(wal) bytes after the ingest")
        let copy = scratch.path + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        let stats = try runTaska(["stats", "--archive", copy, "--json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let original = try runTaska(["stats", "--archive", db, "--json"])
        #expect(stats.stdout == original.stdout && stats.stdout.contains("\"records\""))
    }

    @Test func searchFindsLegacyHausaAndVocalisedArabic() throws {
        let scratch = try TemporaryFolder(prefix: "taska-archive-cli")
        let db = try archive(scratch)
        // The legacy file spells k'aramar; its text keeps that, its search key has ƙaramar, and
        // every spelling of the query finds it; the snippet shows the source's spelling.
        for query in ["ƙaramar", "k'aramar", "Ƙaramar"] {
            let result = try runTaska(["search", query, "--archive", db, "--json"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("Fixtures/ha/sanarwa-ruwa-legacy-apostrophe.txt\""), "query \(query)")
            // JSON carries the hits as ranges of the snippet's text, which keeps the source's letters.
            let hit = try #require(try JSONSerialization.jsonObject(with: Data((result.stdout.split(separator: "\n").first ?? "").utf8)) as? [String: Any])
            let snippet = try #require(hit["snippet"] as? [String: Any])
            let text = Array(try #require(snippet["text"] as? String).unicodeScalars)
            let marked = try #require(snippet["hits"] as? [[Int]]).map { String(String.UnicodeScalarView(text[$0[0]..<$0[1]])) }
            #expect(marked.contains("k'aramar") || marked.contains("K'ARAMAR"), "query \(query): \(marked)")
            // Plain output (not a terminal) shows the hits between «».
            let plain = try runTaska(["search", query, "--archive", db])
            #expect(plain.stdout.contains("«k'aramar»") || plain.stdout.contains("«K'ARAMAR»"))
        }
        // Vocalised query, undiacritised text.
        let arabic = try runTaska(["search", "مَدْرَسَةٌ", "--archive", db, "--json"])
        #expect(arabic.stdout.contains("Fixtures/ar/akhbar-madrasa-windows-1256.html\""))
        // Plain k must not match ƙ.
        let plain = try runTaska(["search", "karamar", "--archive", db, "--json"])
        #expect(!plain.stdout.contains("sanarwa-ruwa-legacy-apostrophe.txt\""))
    }

    @Test func reingestingAddsNothingAndStatsCount() throws {
        let scratch = try TemporaryFolder(prefix: "taska-archive-cli")
        let db = try archive(scratch)
        let first = try runTaska(["stats", "--archive", db, "--json"])
        _ = try runTaska(["ingest", "Fixtures/ha", "Fixtures/ar", "Fixtures/en", "--archive", db, "--quiet"])
        let second = try runTaska(["stats", "--archive", db, "--json"])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
        let stats = try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any]
        #expect((stats?["records"] as? Int ?? 0) > 20)
    }

    @Test func exportReproducesEveryOriginalAndVerifyCatchesAFlippedByte() throws {
        let scratch = try TemporaryFolder(prefix: "taska-archive-cli")
        let db = try archive(scratch)
        let out = scratch.path + "/export"
        let export = try runTaska(["export", "--archive", db, "--originals", out, "--jsonl", scratch.path + "/records.jsonl"])
        #expect(export.status == 0, "\(export.stderr)")
        let original = packageRoot + "/Fixtures/ar/akhbar-madrasa-windows-1256.html"
        let exported = out + "/Fixtures/ar/akhbar-madrasa-windows-1256.html"
        #expect(try sha256(original) == sha256(exported))
        let lines = try String(contentsOfFile: scratch.path + "/records.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 20)

        #expect(try runTaska(["verify", "--archive", db]).status == 0)
        // Flip one byte of one stored original with the sqlite3 CLI semantics, through SQL.
        let flip = try runSQL(db, "UPDATE original SET data = CAST(X'00' AS BLOB) || substr(data, 2) WHERE sha256 = (SELECT sha256 FROM sighting WHERE path = 'Fixtures/en/letter-road-windows-1252.txt' LIMIT 1)")
        #expect(flip)
        let verify = try runTaska(["verify", "--archive", db])
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("Fixtures/en/letter-road-windows-1252.txt"))
    }

    @Test func bagHasMatchingManifestsOxumAndPremis() throws {
        let scratch = try TemporaryFolder(prefix: "taska-archive-cli")
        let db = try archive(scratch)
        let bag = scratch.path + "/bag"
        let result = try runTaska(["export", "--archive", db, "--bag", bag])
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try String(contentsOfFile: bag + "/manifest-sha256.txt", encoding: .utf8)
        var bytes = 0, files = 0
        for line in manifest.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            let path = bag + "/" + parts[1].trimmingCharacters(in: .whitespaces)
            #expect(try sha256(path) == String(parts[0]), "\(path)")
            bytes += (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            files += 1
        }
        let info = try String(contentsOfFile: bag + "/bag-info.txt", encoding: .utf8)
        #expect(info.contains("Payload-Oxum: \(bytes).\(files)"))
        let tags = try String(contentsOfFile: bag + "/tagmanifest-sha256.txt", encoding: .utf8)
        for name in ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt"] {
            #expect(tags.contains("\(try sha256(bag + "/" + name))  \(name)"))
        }
        let premis = try FileManager.default.contentsOfDirectory(atPath: bag + "/data/premis")
        #expect(premis.count == manifest.split(separator: "\n").filter { $0.contains("data/originals/") }.count)
        let one = try String(contentsOfFile: bag + "/data/premis/" + premis[0], encoding: .utf8)
        for event in ["ingestion", "message digest calculation", "format identification", "fixity check"] {
            #expect(one.contains("<premis:eventType>\(event)</premis:eventType>"))
        }
        // A second export into the same, now non-empty folder is refused.
        #expect(try runTaska(["export", "--archive", db, "--bag", bag]).status == 3)
    }

    @Test func fourShardsMergedEqualOneUnshardedRun() throws {
        let scratch = try TemporaryFolder(prefix: "taska-archive-cli")
        let whole = scratch.path + "/whole.sqlite"
        #expect(try runTaska(["ingest", "Fixtures", "--archive", whole, "--quiet"]).status == 0)
        var shards: [String] = []
        var shardRecords = 0
        for k in 1...4 {
            let shard = scratch.path + "/shard\(k).sqlite"
            let r = try runTaska(["ingest", "Fixtures", "--archive", shard, "--shard", "\(k)/4", "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            shards.append(shard)
            let stats = try JSONSerialization.jsonObject(with: Data(try runTaska(["stats", "--archive", shard, "--json"]).stdout.utf8)) as? [String: Any]
            shardRecords += stats?["records"] as? Int ?? 0
        }
        let merged = scratch.path + "/merged.sqlite"
        #expect(try runTaska(["merge"] + shards + ["--into", merged]).status == 0)
        // Merging again adds nothing.
        let again = try runTaska(["merge"] + shards + ["--into", merged])
        #expect(!again.stdout.contains("+1") && again.stdout.contains("+0 records"))
        let wholeStats = try runTaska(["stats", "--archive", whole, "--json"]).stdout
        let mergedStats = try runTaska(["stats", "--archive", merged, "--json"]).stdout
        #expect(wholeStats == mergedStats)
        // Identical files in two shards are one document once merged, so shards may sum to more.
        let w = try JSONSerialization.jsonObject(with: Data(wholeStats.utf8)) as? [String: Any]
        #expect((w?["records"] as? Int ?? 0) <= shardRecords)
        let wholeLines = Set(try exportLines(whole)), mergedLines = Set(try exportLines(merged))
        #expect(wholeLines.count == mergedLines.count)
    }

    private func exportLines(_ db: String) throws -> [String] {
        let result = try runTaska(["export", "--archive", db, "--jsonl", "-"])
        // Drop ingestedAt, which differs between runs.
        return result.stdout.split(separator: "\n").map { line in
            String(line.replacingOccurrences(of: #","ingestedAt":"[^"]*""#, with: "", options: .regularExpression))
        }
    }

    @Test func pathsFromAndBadShardValues() throws {
        let scratch = try TemporaryFolder(prefix: "taska-archive-cli")
        let list = scratch.path + "/paths.txt"
        try "Fixtures/en\nFixtures/ha/sanarwa-ruwa-legacy-apostrophe.txt\n".write(toFile: list, atomically: true, encoding: .utf8)
        let result = try runTaska(["ingest", "--paths-from", list, "--jsonl", "-"])
        #expect(result.status == 0)
        let paths = result.stdout.split(separator: "\n").compactMap { line -> String? in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (object?["source"] as? [String: Any])?["path"] as? String
        }
        #expect(paths.contains("Fixtures/ha/sanarwa-ruwa-legacy-apostrophe.txt"))
        #expect(paths.contains { $0.hasPrefix("Fixtures/en/") })
        for bad in ["0/4", "5/4", "x", "1/0"] {
            #expect(try runTaska(["ingest", "Fixtures/en", "--jsonl", "-", "--shard", bad]).status == 2)
        }
    }

    @Test func ingestWithoutDestinationWritesTaskaSqliteHere() throws {
        let scratch = try TemporaryFolder(prefix: "taska-archive-cli")
        let result = try runTaska(["ingest", packageRoot + "/Fixtures/en", "--quiet"], directory: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/taska.sqlite"))
    }

    @Test func readingAMissingArchiveSaysWhatToDo() throws {
        let result = try runTaska(["search", "x", "--archive", "/nonexistent/taska.sqlite"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("taska ingest"))
    }
}

/// Runs one SQL statement through Python's sqlite3 module (no sqlite3 CLI needed).
private func runSQL(_ db: String, _ sql: String) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit(); print(c.total_changes)", db, sql]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 && String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
}
