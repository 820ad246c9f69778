import Foundation
import TaskaTestSupport
import Testing

/// `taska restore-hooks`, `taska model train-hooks`, and the restore-hooks stage of the default
/// pipeline seen from the command line.
@Suite struct RestoreHooksCommandTests {
    @Test func restoresHooksLineByLineAndKeepsApostropheSpellings() throws {
        let result = try runTaska(["restore-hooks"], input: "Kasar ta dauki mataki.\nk'asa 'yan ma'aikata\nɗauki ƙasa\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "Ƙasar ta ɗauki mataki.\nk'asa 'yan ma'aikata\nɗauki ƙasa\n")
    }

    @Test func jsonGivesTheSpans() throws {
        let result = try runTaska(["restore-hooks", "--json"], input: "ta dauki\n")
        #expect(result.status == 0)
        #expect(result.stdout == #"{"text":"ta ɗauki","restored":[{"start":3,"end":8,"from":"dauki","to":"ɗauki"}]}"# + "\n")
    }

    @Test func aMissingModelOrCorpusSaysWhatToDo() throws {
        let model = try runTaska(["restore-hooks", "--model", "/nonexistent/hooks.bin"], input: "x\n")
        #expect(model.status == 3)
        #expect(model.stderr.contains("cannot read /nonexistent/hooks.bin"))
        let corpus = try runTaska(["model", "train-hooks", "--corpus", "/nonexistent", "--out", "/tmp/x.bin"])
        #expect(corpus.status == 2)
        #expect(corpus.stderr.contains("no train/ha-Latn.txt there"))
    }

    /// The hook-lost fixture through the default pipeline gives its golden record's text,
    /// restored spans and warning.
    @Test func theDefaultPipelineRestoresTheHookLostFixture() throws {
        let fixture = "Fixtures/ha/labari-kasuwar-kifi-hooks-lost.txt"
        let result = try runTaska(["ingest", fixture, "--jsonl", "-", "--quiet"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let record = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let golden = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: packageRoot + "/" + fixture + ".expected.json"))) as! [String: Any]
        #expect(record["text"] as? String == golden["text"] as? String)
        let restored = try #require(record["restored"] as? [[String: Any]])
        #expect(restored.count == (golden["restored"] as? [[String: Any]])?.count)
        #expect(restored.contains { $0["from"] as? String == "dauki" && $0["to"] as? String == "ɗauki" })
        let warnings = try #require(record["warnings"] as? [[String: Any]])
        #expect(warnings.contains { $0["code"] as? String == "hooks-restored" && $0["stage"] as? String == "restore-hooks" })
        // The source file itself has no hooked letter: every one in text is listed in restored.
        let source = try String(contentsOfFile: packageRoot + "/" + fixture, encoding: .utf8)
        #expect(!source.unicodeScalars.contains { "ɓɗƙƴƁƊƘƳ".unicodeScalars.contains($0) })
        let text = Array((record["text"] as? String ?? "").unicodeScalars)
        var covered = Set<Int>()
        for span in restored { covered.formUnion((span["start"] as! Int)..<(span["end"] as! Int)) }
        for (i, s) in text.enumerated() where "ɓɗƙƴƁƊƘƳ".unicodeScalars.contains(s) { #expect(covered.contains(i)) }
    }
}
