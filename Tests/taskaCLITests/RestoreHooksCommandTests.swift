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

    /// The hook-lost fixture keeps its letters under the default pipeline (apply: ocr, and the
    /// file is typed, not OCR'd); with apply: lost every hook in text is listed in restored.
    @Test func theHookLostFixtureIsRestoredOnlyWhenAsked() throws {
        let fixture = "Fixtures/ha/labari-kasuwar-kifi-hooks-lost.txt"
        let source = try String(contentsOfFile: packageRoot + "/" + fixture, encoding: .utf8)
        let byDefault = try runTaska(["ingest", fixture, "--jsonl", "-", "--quiet"])
        #expect(byDefault.status == 0, "stderr: \(byDefault.stderr)")
        let kept = try JSONSerialization.jsonObject(with: Data(byDefault.stdout.utf8)) as! [String: Any]
        #expect(kept["restored"] == nil)
        #expect(!(kept["text"] as? String ?? "").unicodeScalars.contains { "ɓɗƙƴƁƊƘƳ".unicodeScalars.contains($0) })

        let folder = try TemporaryFolder()
        let yaml = try String(contentsOfFile: packageRoot + "/Pipelines/communiques.yaml", encoding: .utf8)
            .replacingOccurrences(of: "apply: ocr", with: "apply: lost")
        try yaml.write(toFile: folder.path("lost.yaml"), atomically: true, encoding: .utf8)
        let result = try runTaska(["ingest", fixture, "--jsonl", "-", "--quiet", "--pipeline", folder.path("lost.yaml")])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let record = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let restored = try #require(record["restored"] as? [[String: Any]])
        #expect(restored.count >= 10)
        #expect(restored.contains { $0["from"] as? String == "dauki" && $0["to"] as? String == "ɗauki" })
        let warnings = try #require(record["warnings"] as? [[String: Any]])
        #expect(warnings.contains { $0["code"] as? String == "hooks-restored" && $0["stage"] as? String == "restore-hooks" })
        // The source file itself has no hooked letter: every one in text is listed in restored.
        #expect(!source.unicodeScalars.contains { "ɓɗƙƴƁƊƘƳ".unicodeScalars.contains($0) })
        let text = Array((record["text"] as? String ?? "").unicodeScalars)
        var covered = Set<Int>()
        for span in restored { covered.formUnion((span["start"] as! Int)..<(span["end"] as! Int)) }
        for (i, s) in text.enumerated() where "ɓɗƙƴƁƊƘƳ".unicodeScalars.contains(s) { #expect(covered.contains(i)) }
    }
}
