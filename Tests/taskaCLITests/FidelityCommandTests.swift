import Foundation
import TaskaTestSupport
import Testing

private func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
}

/// The fidelity rule (docs/records.md): record `text` keeps the source's letters, and search
/// finds every spelling of a word.
@Suite struct FidelityCommandTests {
    static let kanuri = "Kǝla Maiduguriro lejin.\n"
    static let hausa = """
        Gwamnatin jihar Borno ta ce k'asa za ta samu ruwan sama mai yawa a bana, kuma manoma sun fara shirin noma tun da wuri.
        Wani jami'in hukumar ya ce 'yan kasuwa suna sayen taki a kasuwar Maiduguri domin su sayar wa manoma a kauyuka.

        """

    @Test func kanuriSchwaStaysInTheRecordText() throws {
        let scratch = try TemporaryFolder(prefix: "taska-fidelity-cli")
        let file = scratch.write("kanuri.txt", Self.kanuri)
        let result = try runTaska(["ingest", file, "--jsonl", "-", "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let records = try jsonLines(result.stdout)
        #expect(records.count == 1)
        let text = try #require(records.first?["text"] as? String)
        #expect(text == "Kǝla Maiduguriro lejin.")
        #expect(text.unicodeScalars.contains("\u{01DD}"))
        #expect(!text.unicodeScalars.contains("\u{0259}"))
        #expect(records.first?["warnings"] as? [Any] == nil || (records.first?["warnings"] as? [Any])?.isEmpty == true)
        #expect((records.first?["searchKey"] as? String) == "kəla maiduguriro lejin.")
    }

    @Test func hausaApostropheSpellingStaysInTheRecordText() throws {
        let scratch = try TemporaryFolder(prefix: "taska-fidelity-cli")
        let file = scratch.write("hausa.txt", Self.hausa)
        let result = try runTaska(["ingest", file, "--jsonl", "-", "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let record = try #require(try jsonLines(result.stdout).first)
        #expect(record["language"] as? String == "ha-Latn")
        let text = try #require(record["text"] as? String)
        #expect(text.contains("ta ce k'asa za ta"))
        #expect(text.contains("ya ce 'yan kasuwa"))
        #expect(text.contains("jami'in"))
        #expect(!text.unicodeScalars.contains("\u{0199}") && !text.unicodeScalars.contains("\u{02BC}"))
        let key = try #require(record["searchKey"] as? String)
        #expect(key.contains("ta ce ƙasa za ta") && key.contains("ya ce ƴan kasuwa"))
    }

    @Test func everySpellingFindsTheSourceSpelling() throws {
        let scratch = try TemporaryFolder(prefix: "taska-fidelity-cli")
        _ = scratch.write("kanuri.txt", Self.kanuri)
        _ = scratch.write("hausa.txt", Self.hausa)
        let db = scratch.path + "/taska.sqlite"
        let ingest = try runTaska(["ingest", scratch.path, "--archive", db, "--quiet"])
        #expect(ingest.status == 0, "stderr: \(ingest.stderr)")
        /// The words a hit's snippet marks, cut from its text by the ranges (scalar offsets).
        func marked(_ hit: [String: Any]?) -> [String] {
            guard let snippet = hit?["snippet"] as? [String: Any], let text = snippet["text"] as? String,
                  let ranges = snippet["hits"] as? [[Int]] else { return [] }
            let scalars = Array(text.unicodeScalars)
            return ranges.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
        }
        func hits(_ query: String) throws -> [[String: Any]] {
            let result = try runTaska(["search", query, "--archive", db, "--json"])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            return try jsonLines(result.stdout)
        }
        for query in ["kəla", "kǝla", "KƏLA"] {
            let found = try hits(query)
            #expect(found.count == 1, "query \(query)")
            #expect((found.first?["path"] as? String)?.hasSuffix("/kanuri.txt") == true, "query \(query)")
            // The snippet shows the source's letter.
            #expect(marked(found.first) == ["Kǝla"], "query \(query)")
        }
        for query in ["ƙasa", "k'asa", "k’asa"] {
            let found = try hits(query)
            #expect(found.count == 1, "query \(query)")
            #expect((found.first?["path"] as? String)?.hasSuffix("/hausa.txt") == true, "query \(query)")
            #expect(marked(found.first) == ["k'asa"], "query \(query)")
        }
        for query in ["ʼyan", "'yan", "ƴan"] {
            #expect(try hits(query).count == 1, "query \(query)")
        }
        // Plain k is still not ƙ.
        #expect(try hits("kasa").isEmpty)
    }

    @Test func standardOrthographyWritesTheStandardSpellingAndCountsIt() throws {
        let scratch = try TemporaryFolder(prefix: "taska-fidelity-cli")
        let file = scratch.write("hausa.txt", Self.hausa)
        let pipeline = scratch.write("standard.yaml", """
            name: standard
            description: Hausa/Kanuri standard spelling in text.
            stages:
              - decode
              - extract
              - normalize:
                  orthography: standard

            """)
        let result = try runTaska(["ingest", file, "--pipeline", pipeline, "--jsonl", "-", "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let record = try #require(try jsonLines(result.stdout).first)
        let text = try #require(record["text"] as? String)
        #expect(text.contains("ta ce ƙasa za ta") && text.contains("ya ce ʼyan kasuwa") && text.contains("jami'in"))
        let warnings = try #require(record["warnings"] as? [[String: Any]])
        #expect(warnings.contains { $0["code"] as? String == "hausa-letters-folded" && $0["count"] as? Int == 2 })
    }

    @Test func pipelineCheckListsTheOrthographyValues() throws {
        let scratch = try TemporaryFolder(prefix: "taska-fidelity-cli")
        let pipeline = scratch.write("bad.yaml", "name: x\ndescription: d\nstages:\n  - decode\n  - normalize:\n      orthography: boko\n")
        let result = try runTaska(["pipeline", "check", pipeline])
        #expect(result.status == 2)
        #expect(result.stderr == "\(pipeline):6:20: bad value 'boko' for option 'orthography' of stage normalize; allowed: source, standard\n")
        let valid = try runTaska(["pipeline", "check", "communiques"])
        #expect(valid.status == 0, "stderr: \(valid.stderr)")
        #expect(valid.stdout.contains("normalize: form=nfc orthography=source\n"))
    }
}
