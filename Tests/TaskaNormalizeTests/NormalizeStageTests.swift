import Testing
import TaskaCore
@testable import TaskaNormalize

@Suite struct NormalizeStageTests {
    @Test func stageNameAndCanonicalConfiguration() {
        #expect(NormalizeStage().name == "normalize")
        #expect(NormalizeStage().configuration == "form=nfc orthography=source")
        #expect(NormalizeStage(options: NormalizeOptions(form: .nfkc, orthography: .standard)).configuration
                == "form=nfkc orthography=standard")
        let a = Pipeline(name: "p", version: "1", stages: [NormalizeStage()])
        let b = Pipeline(name: "p", version: "1", stages: [NormalizeStage(options: NormalizeOptions(form: .nfkc))])
        let c = Pipeline(name: "p", version: "1", stages: [NormalizeStage(options: NormalizeOptions(orthography: .standard))])
        #expect(a.hash != b.hash && a.hash != c.hash)
    }

    @Test func blocksBecomeParagraphsAndEmptyOnesAreDropped() throws {
        let doc = try runStage(makeDocument(blocks: [
            TextBlock(kind: .heading, text: "  Labari  "),
            TextBlock(text: "\u{200B} \u{202B}"),
            TextBlock(text: "Layi na farko\r\nLayi na biyu"),
        ]))
        let normalized = try #require(doc.normalized)
        #expect(normalized.text == "Labari\nLayi na farko\nLayi na biyu")
        #expect(normalized.paragraphs.map { scalarSlice(normalized.text, $0.start, $0.end) }
                == ["Labari", "Layi na farko", "Layi na biyu"])
    }

    @Test func plainTextIsSplitAtBlankLinesWhenThereAreNoBlocks() throws {
        let doc = try runStage(makeDocument(text: "First line\ncontinues here.\r\n\r\nSecond  paragraph.\n"))
        let normalized = try #require(doc.normalized)
        #expect(normalized.text == "First line continues here.\nSecond paragraph.")
        #expect(normalized.paragraphs.count == 2)
    }

    @Test func paragraphOffsetsAreScalarOffsetsWithAstralCharacters() throws {
        let doc = try runStage(makeDocument(blocks: [
            TextBlock(text: "𝐀 nice 😀 day"),
            TextBlock(text: "🇳🇬 Najeriya"),
            TextBlock(text: "مرحبا 😀"),
        ]))
        let n = try #require(doc.normalized)
        #expect(n.paragraphs.map(\.start) == [0, 13, 25])
        #expect(n.paragraphs.map(\.end) == [12, 24, 32])
        #expect(n.paragraphs.map { scalarSlice(n.text, $0.start, $0.end) } == ["𝐀 nice 😀 day", "🇳🇬 Najeriya", "مرحبا 😀"])
        #expect(n.paragraphs.last?.end == n.text.unicodeScalars.count)
        for run in n.scriptRuns { #expect(run.start < run.end && run.end <= n.text.unicodeScalars.count) }
        #expect(n.scriptRuns.last == ScriptRun(start: 25, end: 32, script: "Arab"))
    }

    @Test func directionsAndScriptsOfADocument() throws {
        let doc = try runStage(makeDocument(blocks: [
            TextBlock(text: "Ina kwana?"),
            TextBlock(text: "صباح الخير"),
            TextBlock(text: "2024"),
        ]))
        let n = try #require(doc.normalized)
        #expect(n.paragraphs.map(\.direction) == [.ltr, .rtl, .ltr])
        #expect(n.paragraphs.map(\.script) == ["Latn", "Arab", "Zyyy"])
        #expect(n.direction == .mixed)
        // 9 Arabic and 8 Latin letters: 9/17 = 0.52941…, 8/17 = 0.47058… (largest remainder to Latn)
        #expect(n.scripts == [ScriptShare(script: "Arab", share: 0.5294), ScriptShare(script: "Latn", share: 0.4706)])

        let arabic = try #require(try runStage(makeDocument(blocks: [TextBlock(text: "صباح الخير"), TextBlock(text: "١٢٣")])).normalized)
        #expect(arabic.direction == .rtl)
        #expect(arabic.scripts == [ScriptShare(script: "Arab", share: 1)])
    }

    @Test func hausaParagraphQuotingArabicIsMixed() throws {
        let n = try #require(try runStage(makeDocument(blocks: [
            TextBlock(text: "Malam ya ce «بسم الله الرحمن الرحيم» a cikin jawabinsa."),
            TextBlock(text: "Sai ya ci gaba da wa'azi."),
        ])).normalized)
        #expect(n.paragraphs.map(\.direction) == [.mixed, .ltr])
        #expect(n.paragraphs.map(\.script) == ["Latn", "Latn"])
        #expect(n.direction == .mixed)
        #expect(n.scripts.map(\.script) == ["Latn", "Arab"])
    }

    @Test func declaredDirectionIsUsedForNeutralBlocks() throws {
        let n = try #require(try runStage(makeDocument(blocks: [TextBlock(text: "123 - 456", declaredDirection: .rtl)])).normalized)
        #expect(n.paragraphs.map(\.direction) == [.rtl])
    }

    @Test func warningsAreCountedAndOnlyEmittedWhenNonZero() throws {
        let doc = try runStage(makeDocument(blocks: [
            TextBlock(text: "\u{202A}Sai\u{202C} \u{2066}an\u{2069} jima"),
            TextBlock(text: "ﻣﺮﺣﺒﺎ بـالعالم\u{200B}"),
            TextBlock(text: "Gwamnatin jihar ta ce k'asa za ta samu ruwa a wannan shekara."),
        ]), options: NormalizeOptions(orthography: .standard))
        let byCode = Dictionary(uniqueKeysWithValues: doc.warnings.map { ($0.code, $0) })
        #expect(Set(byCode.keys) == ["bidi-controls-removed", "presentation-forms-folded", "tatweel-removed",
                                      "zero-width-removed", "hausa-letters-folded"])
        #expect(byCode["bidi-controls-removed"]?.count == 4)
        #expect(byCode["bidi-controls-removed"]?.message.hasPrefix("Removed 4 bidi control characters (U+202A–U+202E, U+2066–U+2069") == true)
        #expect(byCode["presentation-forms-folded"]?.count == 5)
        #expect(byCode["tatweel-removed"]?.count == 1)
        #expect(byCode["tatweel-removed"]?.message == "Removed 1 tatweel (U+0640)")
        #expect(byCode["zero-width-removed"]?.count == 1)
        #expect(byCode["hausa-letters-folded"]?.count == 1)
        #expect(doc.warnings.allSatisfy { $0.stage == "normalize" })

        let clean = try runStage(makeDocument(blocks: [TextBlock(text: "Nothing to repair here.")]))
        #expect(clean.warnings.isEmpty)
    }

    @Test func searchKeyHasOneLinePerParagraph() throws {
        let n = try #require(try runStage(makeDocument(blocks: [
            TextBlock(text: "كَتَبَ الطالبُ"),
            TextBlock(text: "ƘASA"),
        ])).normalized)
        #expect(n.text == "كَتَبَ الطالبُ\nƘASA")
        #expect(n.searchKey == "كتب الطالب\nƙasa")
    }

    @Test func emptyDocumentGivesEmptyNormalizedText() throws {
        let n = try #require(try runStage(makeDocument()).normalized)
        #expect(n.text == "" && n.searchKey == "" && n.paragraphs.isEmpty && n.scripts.isEmpty && n.scriptRuns.isEmpty)
        #expect(n.direction == .ltr)
    }

    @Test func stageRunsInsideAPipeline() throws {
        for (orthography, text, codes) in [(Orthography.source, "Kanuri ye kǝla suro nzǝ ro shima.", [String]()),
                                           (.standard, "Kanuri ye kəla suro nzə ro shima.", ["kanuri-schwa-unified"])] {
            let stage = NormalizeStage(options: NormalizeOptions(orthography: orthography))
            let pipeline = Pipeline(name: "t", version: "0", stages: [stage])
            let outputs = try pipeline.collect(makeDocument(blocks: [TextBlock(text: "Kanuri ye kǝla suro nzǝ ro shima.")]))
            guard case let .document(doc) = try #require(outputs.first) else {
                Issue.record("expected a document")
                return
            }
            #expect(doc.normalized?.text == text)
            #expect(doc.normalized?.searchKey == "kanuri ye kəla suro nzə ro shima.")
            #expect(doc.warnings.map(\.code) == codes)
        }
    }

    @Test func sourceLettersStayInTextAndAreFoldedInTheSearchKey() throws {
        let doc = try runStage(makeDocument(blocks: [
            TextBlock(text: "Gwamnatin jihar ta ce k'asa za ta samu ruwa, 'yan sanda kuma sun zo."),
            TextBlock(text: "Kǝla Maiduguriro lejin."),
            TextBlock(text: "Ya ce \u{0256}an \u{049B}asar nan."),
        ]))
        let n = try #require(doc.normalized)
        #expect(n.text == "Gwamnatin jihar ta ce k'asa za ta samu ruwa, 'yan sanda kuma sun zo.\nKǝla Maiduguriro lejin.\nYa ce \u{0256}an \u{049B}asar nan.")
        #expect(n.searchKey == "gwamnatin jihar ta ce ƙasa za ta samu ruwa, ƴan sanda kuma sun zo.\nkəla maiduguriro lejin.\nya ce ɗan ƙasar nan.")
        #expect(doc.warnings.isEmpty)
    }
}
