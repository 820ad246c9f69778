import Testing
import TaskaCore
@testable import TaskaDetect

@Suite struct SegmentTaggerTests {
    /// A Hausa paragraph quoting Arabic: ha, ar, ha.
    @Test func hausaQuotingArabicGivesThreeSpans() throws {
        let text = "Limami ya ce a koyaushe mu riƙa tunawa da maganar Allah cewa إنما المؤمنون إخوة فأصلحوا بين أخويكم kuma ya roƙi jama’a su zauna lafiya da maƙwabtansu."
        let tagging = SegmentTagger(identifier: try shipped()).tag(text)
        #expect(tagging.segments.map(\.tag) == ["ha-Latn", "ar-Arab", "ha-Latn"], "\(tagging.segments)")
        let scalars = Array(text.unicodeScalars)
        let arabic = tagging.segments[1]
        #expect(String(String.UnicodeScalarView(scalars[arabic.start..<arabic.end])) == "إنما المؤمنون إخوة فأصلحوا بين أخويكم")
        #expect(tagging.language == "ha-Latn")
        #expect(tagging.languages.first?.tag == "ha-Latn")
        #expect(tagging.languages.map(\.share).reduce(0, +) > 0.999)
    }

    /// Sentences of two paragraphs, with offsets into the whole text.
    @Test func paragraphsAreTaggedSeparately() throws {
        let text = "The clinic will open on Monday for all children under five years old.\nAsibitin zai buɗe ranar Litinin ga dukkan yara ’yan ƙasa da shekara biyar."
        let tagging = SegmentTagger(identifier: try shipped()).tag(text)
        #expect(tagging.segments.map(\.tag) == ["en-Latn", "ha-Latn"])
        #expect(tagging.segments.first?.start == 0)
        #expect(tagging.segments.last?.end == text.unicodeScalars.count)
    }

    /// A short all-caps slogan inside a Hausa paragraph does not flip it.
    @Test func shortSloganDoesNotFlipParagraph() throws {
        let text = "Matasa sun fito kan tituna suna neman a gyara hanyar da ta lalace tun bara. NO ROAD NO VOTE! Sun ce ba za su daina zanga-zanga ba har sai gwamnati ta ɗauki mataki."
        let tagging = SegmentTagger(identifier: try shipped()).tag(text)
        #expect(tagging.segments.map(\.tag) == ["ha-Latn"], "\(tagging.segments)")
    }

    /// A short heading takes the document's language for its script.
    @Test func shortHeadingFollowsDocument() throws {
        let text = "Labar Borno, Kukawa\nNji samabe kǝntagǝ Junebe lan ngǝwusoro isəna, kuru am kalube Monguno lan argǝm a masakwa a kaltǝna. Am kasuwube gultəna argəm buhu fal naira lan kaltin."
        let tagging = SegmentTagger(identifier: try shipped()).tag(text)
        #expect(tagging.segments.map(\.tag) == ["knc-Latn", "knc-Latn"], "\(tagging.segments)")
        #expect(tagging.languages.map(\.tag) == ["knc-Latn"])
    }

    @Test func emptyAndNumbersOnly() throws {
        let tagger = SegmentTagger(identifier: try shipped())
        #expect(tagger.tag("").segments.isEmpty)
        let numbers = tagger.tag("2024 — 15:30")
        #expect(numbers.segments.map(\.tag) == ["und-Zyyy"])
        #expect((numbers.confidence ?? 1) < 0.5)
    }

    @Test func stageFillsLanguageFields() throws {
        let stage = DetectStage()
        #expect(stage.name == "detect")
        #expect(stage.configuration == "model=taska-langid-1 min-letters=20 declared-languages=hint languages=ha,knc,ar,en")
        var doc = SourceDocument(source: SourceInfo(path: "x.txt", bytes: 0, sha256: ""), bytes: [])
        let text = "Gwamnatin jihar Borno ta sanar da cewa za a buɗe makarantu a mako mai zuwa."
        doc.normalized = NormalizedText(text: text, searchKey: text, direction: .ltr, scripts: [],
                                        paragraphs: [Paragraph(start: 0, end: text.unicodeScalars.count, direction: .ltr, script: "Latn")])
        var out: [SourceDocument] = []
        try stage.process(doc) { out.append($0) }
        #expect(out.first?.language == "ha-Latn")
        #expect(out.first?.segments?.count == 1)
        #expect((out.first?.languageConfidence ?? 0) > 0.5)
    }
}
