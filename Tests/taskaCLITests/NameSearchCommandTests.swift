import Foundation
import TaskaTestSupport
import Testing

/// `taska search --any-script`: names across scripts through the real binary.
@Suite struct NameSearchCommandTests {
    private func archive(_ folder: TemporaryFolder) throws -> String {
        _ = folder.write("docs/labari.txt", "Shekau ya ce za su ci gaba.\n")
        _ = folder.write("docs/khabar.txt", "قال أبو بكر شيكاو في تسجيل جديد.\n")
        _ = folder.write("docs/near.txt", "Dikko arrived in Yola.\n")
        let db = folder.path("names.sqlite")
        let ingest = try runTaska(["ingest", folder.path("docs"), "--archive", db, "--quiet"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return db
    }

    private func hits(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func anyScriptRanksTheQuerysScriptFirstAndExplainsTheMatch() throws {
        let folder = try TemporaryFolder(prefix: "taska-names-cli")
        let db = try archive(folder)
        let result = try runTaska(["search", "Shekau", "--any-script", "--json", "--archive", db])
        #expect(result.status == 0, "\(result.stderr)")
        let found = try hits(result.stdout)
        #expect(found.map { ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } } == ["labari.txt", "khabar.txt"])
        let matched = found.map { $0["matched"] as? [String: Any] }
        #expect(matched.map { $0?["column"] as? String } == ["searchKey", "nameSkeleton"])
        #expect(matched.map { $0?["spellings"] as? [String] } == [["Shekau"], ["شيكاو"]])
        // Without the flag, a query with hits in its own script stays there.
        let plain = try runTaska(["search", "شيكاو", "--archive", db])
        #expect(plain.stdout.contains("khabar.txt") && !plain.stdout.contains("labari.txt"))
        let cross = try runTaska(["search", "مايدوغوري", "Shekau", "--archive", db])
        #expect(cross.stdout.isEmpty && cross.stderr.contains("No records match."))
        let named = try runTaska(["search", "أبو بكر شيكاو", "--archive", db])
        #expect(named.stdout.contains("khabar.txt"))
        // Plain output names the spelling a cross-script hit matched.
        let latin = try runTaska(["search", "Abubakar Shekau", "--archive", db])
        #expect(latin.stdout.contains("khabar.txt") && latin.stdout.contains("name spelled أبو بكر شيكاو"))
    }

    @Test func nearMissesAndHostileQueriesReturnNothing() throws {
        let folder = try TemporaryFolder(prefix: "taska-names-cli")
        let db = try archive(folder)
        for query in ["Dikwa", "Yobe"] {
            let result = try runTaska(["search", query, "--any-script", "--archive", db])
            #expect(result.status == 0 && result.stdout.isEmpty, "\(query): \(result.stdout)")
        }
        var hostile = ""
        let pieces = ["Shekau", "شيكاو", "k'asa", "al-", "ال", "😀", "١٢٣", "\"", "*"]
        var k = 0
        while hostile.count < 490 { hostile += pieces[k % pieces.count] + " "; k += 1 }
        let result = try runTaska(["search", hostile, "--any-script", "--json", "--archive", db])
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stderr)")
    }

    @Test func helpMentionsTheFlag() throws {
        let help = try runTaska(["search", "--help"])
        #expect(help.stdout.contains("--any-script"))
    }
}
