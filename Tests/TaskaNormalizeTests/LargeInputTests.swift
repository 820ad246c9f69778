import Testing
import TaskaCore
@testable import TaskaNormalize

@Suite struct LargeInputTests {
    @Test func longMixedParagraphsKeepExactLayout() throws {
        // One paragraph of ~250k scalars alternating scripts (many bidi and script runs), and
        // many small paragraphs: exercises the preflight retries and the one-pass offset maps.
        let unit = "Sannu 😀 مرحبا (kalma) k'asa "
        let long = String(repeating: unit, count: 10_000)
        var blocks = [TextBlock(text: long)]
        for i in 0..<2_000 { blocks.append(TextBlock(text: "Layi \(i) السطر")) }
        let clock = ContinuousClock()
        let start = clock.now
        let n = try #require(try runStage(makeDocument(blocks: blocks)).normalized)
        let elapsed = clock.now - start
        #expect(n.paragraphs.count == 2_001)
        #expect(n.paragraphs[0].start == 0)
        #expect(n.paragraphs[0].end == long.unicodeScalars.count - 1)  // trailing space trimmed
        #expect(n.paragraphs[1].start == n.paragraphs[0].end + 1)
        #expect(n.paragraphs.last?.end == n.text.unicodeScalars.count)
        #expect(n.paragraphs[0].direction == .mixed)
        // Per unit: Latn, Arab "مرحبا (", Latn "kalma", Arab ") " (the bracket follows its opener); the
        // last Latn run of a unit joins the next unit's first: 4 × 10 000 + 1.
        #expect(n.scriptRuns.filter { $0.end <= n.paragraphs[0].end }.count == 40_001)
        #expect(n.searchKey.split(separator: "\n").count == 2_001)
        print("LargeInputTests: \(long.unicodeScalars.count + 2_000 * 15) scalars normalised in \(elapsed)")
    }
}
