import Testing
import TaskaCore
@testable import TaskaNormalize

/// Inline spans (`TextBlock.spans`) mapped onto the normalised record text.
@Suite struct SpanMapperTests {
    private func normalize(_ blocks: [TextBlock], orthography: Orthography = .source) throws -> (NormalizedText, NormalizationChanges) {
        let result = try TextNormalizer(options: NormalizeOptions(orthography: orthography)).normalizeBlocks(blocks)
        return (result.normalized, result.changes)
    }

    /// The text each entity covers.
    private func covered(_ n: NormalizedText) -> [String] {
        n.entities.map { scalarSlice(n.text, $0.start, $0.end) }
    }

    @Test func linkOnArabicPresentationFormsAfterALigature() throws {
        // ﻻ (one scalar) becomes لا (two): the link after it moves one place right.
        let text = "\u{FEFB} تنسوا زيارة \u{FEE3}\u{FEEE}\u{FED7}\u{FECC}\u{FEE8}\u{FE8E} اليوم"
        let block = TextBlock(text: text, spans: [Entity(type: "text_link", start: 14, end: 20, href: "https://example.org/suq")])
        let (n, changes) = try normalize([block])
        #expect(n.text == "لا تنسوا زيارة موقعنا اليوم")
        #expect(n.entities == [Entity(type: "text_link", start: 15, end: 21, href: "https://example.org/suq")])
        #expect(covered(n) == ["موقعنا"])
        #expect(changes.spansDropped == 0)
    }

    @Test func spanAcrossACollapsedDoubleSpace() throws {
        let block = TextBlock(text: "  Sannu  da   zuwa Kano", spans: [
            Entity(type: "bold", start: 9, end: 18),    // "da   zuwa"
            Entity(type: "link", start: 19, end: 23, href: "https://kano.example"),  // "Kano"
        ])
        let (n, _) = try normalize([block])
        #expect(n.text == "Sannu da zuwa Kano")
        #expect(n.entities.map { [$0.start, $0.end] } == [[6, 13], [14, 18]])
        #expect(covered(n) == ["da zuwa", "Kano"])
        #expect(n.entities[1].href == "https://kano.example")
    }

    @Test func spansInAHausaParagraphWithFolds() throws {
        // Only `orthography: standard` folds the text; spans follow the shorter spellings.
        let text = "Gwamnati ta ce za a gyara hanyar k'auye domin manoma su kai amfanin gona kasuwa, kuma d'an majalisa ya yarda."
        let scalars = Array(text.unicodeScalars)
        func range(_ word: String) -> (Int, Int) {
            let w = Array(word.unicodeScalars)
            let start = (0...(scalars.count - w.count)).first { Array(scalars[$0..<$0 + w.count]) == w }!
            return (start, start + w.count)
        }
        let (a, b) = range("k'auye"), (c, d) = range("manoma"), (e, f) = range("d'an majalisa")
        let block = TextBlock(text: text, spans: [
            Entity(type: "hashtag", start: a, end: b), Entity(type: "bold", start: c, end: d), Entity(type: "mention", start: e, end: f),
        ])
        let (n, changes) = try normalize([block], orthography: .standard)
        #expect(n.text.contains("ƙauye") && n.text.contains("ɗan majalisa"))
        #expect(covered(n) == ["ƙauye", "manoma", "ɗan majalisa"])
        #expect(changes.hausaLetters == 2)
        #expect(changes.spansDropped == 0)
        // By default the text and the spans keep the source's spelling.
        let (kept, keptChanges) = try normalize([block])
        #expect(kept.text == text)
        #expect(covered(kept) == ["k'auye", "manoma", "d'an majalisa"])
        #expect(keptChanges.total == 0 && keptChanges.spansDropped == 0)
    }

    @Test func offsetsCountEarlierParagraphsAndLineEnds() throws {
        let blocks = [
            TextBlock(text: "Na farko"),
            TextBlock(text: "layi daya\nlayi biyu", spans: [Entity(type: "blockquote", start: 5, end: 14)]),  // "daya\nlayi"
        ]
        let (n, _) = try normalize(blocks)
        #expect(n.text == "Na farko\nlayi daya\nlayi biyu")
        // The span is cut at the line end into one piece per paragraph.
        #expect(covered(n) == ["daya", "layi"])
        #expect(n.entities.map(\.type) == ["blockquote", "blockquote"])
    }

    @Test func nestedSpansKeepTheirOrderAndPlaces() throws {
        let block = TextBlock(text: "Duba  shafinmu  yau", spans: [
            Entity(type: "text_link", start: 0, end: 14, href: "https://x.example"),
            Entity(type: "bold", start: 6, end: 14),
        ])
        let (n, _) = try normalize([block])
        #expect(covered(n) == ["Duba shafinmu", "shafinmu"])
    }

    @Test func spansWithNoTextLeftAreDroppedAndCounted() throws {
        let block = TextBlock(text: "Kano \u{200F}\u{200F} Maiduguri", spans: [
            Entity(type: "bold", start: 5, end: 7),  // only bidi marks
            Entity(type: "link", start: 8, end: 17, href: "https://m.example"),
        ])
        let (n, changes) = try normalize([block])
        #expect(n.text == "Kano Maiduguri")
        #expect(covered(n) == ["Maiduguri"])
        #expect(changes.spansDropped == 1)
    }

    @Test func theStageWarnsAboutDroppedSpans() throws {
        let doc = makeDocument(blocks: [TextBlock(text: "a   b", spans: [Entity(type: "bold", start: 1, end: 3)])])
        let out = try runStage(doc)
        #expect(out.normalized?.entities.isEmpty == true)
        #expect(out.warnings.contains { $0.code == "spans-dropped" && $0.count == 1 })
    }

    @Test func blocksWithoutSpansAreNormalisedAsBefore() throws {
        let text = "  Sannu \u{200B}da\r\nzuwa \u{FEE3}\u{FEEE}  "
        let plain = try normalize([TextBlock(text: text)]).0
        let spanned = try normalize([TextBlock(text: text, spans: [Entity(type: "bold", start: 2, end: 7)])]).0
        #expect(plain.text == spanned.text)
        #expect(plain.paragraphs == spanned.paragraphs)
        #expect(spanned.entities.map { scalarSlice(spanned.text, $0.start, $0.end) } == ["Sannu"])
    }
}
