import Foundation
import TaskaTestSupport
import Testing

private func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
}

/// `taska traces` on standard input, and `taska search --entity` over an archive of the fixtures.
@Suite struct TracesCommandTests {
    @Test func tracesFilterPrintsOneLinePerInputLine() throws {
        let result = try runTaska(["traces", "--ids"], input: "a\tKira ٠٨٠٣ ١٢٣ ٤٥٦٧ ko @Labaran_Borno\nb\tBabu komai 2:255\n")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try jsonLines(result.stdout)
        #expect(lines.map { $0["id"] as? String } == ["a", "b"])
        let traces = try #require(lines[0]["traces"] as? [[String: Any]])
        #expect(traces.map { $0["kind"] as? String } == ["phone", "telegram"])
        #expect(traces[0]["value"] as? String == "+2348031234567" && traces[0]["country"] as? String == "NG")
        #expect(traces[0]["text"] as? String == "٠٨٠٣ ١٢٣ ٤٥٦٧" && traces[0]["start"] as? Int == 5)
        #expect((lines[1]["traces"] as? [Any])?.isEmpty == true)
    }

    @Test func searchByEntityAloneAndWithWords() throws {
        let folder = try TemporaryFolder(prefix: "taska-traces-cli")
        let db = folder.path("taska.sqlite")
        let ingest = try runTaska(["ingest", "Fixtures/mixed-ha-ar/sanarwa-tafsiri-kwanaki.txt", "Fixtures/en", "--archive", db, "--quiet"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // The fixture writes +234 806 111 2233; the national spelling finds it.
        for query in ["phone:0806 111 2233", "phone:+2348061112233", "PHONE:+234-806-111-2233"] {
            let result = try runTaska(["search", "--entity", query, "--archive", db, "--json"])
            #expect(result.status == 0, "\(query): \(result.stderr)")
            let hits = try jsonLines(result.stdout)
            #expect(hits.count == 1, "\(query)")
            #expect(hits.first?["path"] as? String == "Fixtures/mixed-ha-ar/sanarwa-tafsiri-kwanaki.txt")
            let entities = try #require(hits.first?["entities"] as? [[String: Any]])
            #expect(entities.map { $0["value"] as? String } == ["+2348061112233"] && entities.first?["type"] as? String == "phone")
            // The snippet marks the number as written.
            let snippet = try #require(hits.first?["snippet"] as? [String: Any])
            let text = Array(try #require(snippet["text"] as? String).unicodeScalars)
            let marked = try #require(snippet["hits"] as? [[Int]]).map { String(String.UnicodeScalarView(text[$0[0]..<$0[1]])) }
            #expect(marked == ["+234 806 111 2233"])
        }
        // A kind alone lists every record with one; words narrow it; another number finds nothing.
        #expect(try jsonLines(runTaska(["search", "--entity", "phone", "--archive", db, "--json"]).stdout).count >= 1)
        #expect(try jsonLines(runTaska(["search", "Allah", "--entity", "phone", "--archive", db, "--json"]).stdout).count == 1)
        #expect(try runTaska(["search", "--entity", "phone:+2348031234567", "--archive", db, "--json"]).stdout.isEmpty)
        // Plain output names the matched entity.
        let plain = try runTaska(["search", "--entity", "phone:+2348061112233", "--archive", db])
        #expect(plain.stdout.contains("«+234 806 111 2233»") && plain.stdout.contains("  phone +2348061112233\n"))
    }

    @Test func badEntityQueriesAreUsageErrors() throws {
        let unknown = try runTaska(["search", "--entity", "fax:123", "--archive", "/nonexistent.sqlite"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown entity kind 'fax'"))
        let wallet = try runTaska(["search", "--entity", "wallet:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "--archive", "/nonexistent.sqlite"])
        #expect(wallet.status == 2 && wallet.stderr.contains("valid checksum"))
        let nothing = try runTaska(["search", "--archive", "/nonexistent.sqlite"])
        #expect(nothing.status == 2 && nothing.stderr.contains("--entity"))
    }
}
