import Testing
import TaskaCore
@testable import TaskaNormalize

@Suite struct ScriptRunSegmenterTests {
    @Test func runsUseScalarOffsetsAndBracketsFollowTheirOpener() throws {
        let text = "𝐀 Sai (مرحبا) kuma"
        let p = try ScriptRunSegmenter.paragraph(Array(text.utf16))
        #expect(p.runs == [
            ScriptRun(start: 0, end: 7, script: "Latn"),
            ScriptRun(start: 7, end: 12, script: "Arab"),
            ScriptRun(start: 12, end: 18, script: "Latn"),
        ])
        #expect(p.counts == ["Latn": 7, "Arab": 5])  // 𝐀 is Common (Zyyy)
        #expect(p.dominant == "Latn")
    }

    @Test func textWithoutScriptIsOneCommonRun() throws {
        let p = try ScriptRunSegmenter.paragraph(Array("12:30 — !!".utf16))
        #expect(p.runs == [ScriptRun(start: 0, end: 10, script: "Zyyy")])
        #expect(p.counts.isEmpty)
        #expect(p.dominant == "Zyyy")
    }

    @Test func sharesSumToOneAndAreSorted() {
        let shares = ScriptRunSegmenter.shares(["Latn": 1, "Arab": 1, "Cyrl": 1])
        #expect(shares.map(\.script) == ["Arab", "Cyrl", "Latn"])
        #expect(shares.map(\.share) == [0.3334, 0.3333, 0.3333])
        let units = shares.reduce(0) { $0 + Int(($1.share * 10_000).rounded()) }
        #expect(units == 10_000)
        #expect(ScriptRunSegmenter.shares([:]).isEmpty)
        #expect(ScriptRunSegmenter.shares(["Latn": 3, "Arab": 1]).map(\.share) == [0.75, 0.25])
    }

    @Test func asciiBracketsAndDigitsFollowTheRunsRules() throws {
        let p = try ScriptRunSegmenter.paragraph(Array("x {كيف} y [1] (z)".utf16))
        #expect(p.runs == [
            ScriptRun(start: 0, end: 3, script: "Latn"),
            ScriptRun(start: 3, end: 6, script: "Arab"),
            ScriptRun(start: 6, end: 17, script: "Latn"),
        ])
        let digits = try ScriptRunSegmenter.paragraph(Array("123 (456) !".utf16))
        #expect(digits.runs == [ScriptRun(start: 0, end: 11, script: "Zyyy")])
    }
}
