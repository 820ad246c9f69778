import Testing
import TaskaCore
@testable import TaskaNormalize

@Suite struct TextCleanerTests {
    @Test func bidiControlsAreRemovedAndCounted() throws {
        let input = "\u{202B}مرحبا\u{202C} \u{2067}world\u{2069}\u{200E}\u{200F}\u{061C}!"
        let report = try TextNormalizer().normalizeReport(input)
        #expect(report.text == "مرحبا world!")
        #expect(report.changes.bidiControls == 7)
        #expect(report.changes.zeroWidth == 0)
    }

    @Test func zwnjBetweenLettersIsKept() {
        // Persian "می‌خواهم": ZWNJ between yeh and khah is part of the spelling.
        let out = TextNormalizer().normalize("می\u{200C}خواهم")
        #expect(codePoints(out).contains(0x200C))
        #expect(out == "می\u{200C}خواهم")
    }

    @Test func strayZeroWidthCharactersAreRemovedAndCounted() throws {
        // ZWNJ at a word edge, ZWSP, WJ, BOM, soft hyphen, ZWJ between letters.
        let input = "\u{FEFF}kai\u{200C} da\u{200B}gaske\u{2060}!\u{00AD} a\u{200D}b"
        let report = try TextNormalizer().normalizeReport(input)
        #expect(report.text == "kai dagaske! ab")
        #expect(report.changes.zeroWidth == 6)
    }

    @Test func zwjInsideEmojiSequenceIsKept() {
        let family = "👩\u{200D}💻"
        #expect(TextNormalizer().normalize("Na \(family) yau") == "Na \(family) yau")
    }

    @Test func collapseSpacesTrimsAndCollapses() {
        let units = Array("  a   b  ".utf16)
        #expect(String(decoding: TextCleaner.collapseSpaces(units), as: UTF16.self) == "a b")
        #expect(TextCleaner.collapseSpaces([]) == [])
    }

    @Test func plainTextParagraphsSplitAtBlankLines() {
        let text = "Layin farko\nyana ci gaba\r\n \u{200B}\n\nSabon sakin layi\u{2029}Na uku"
        let paragraphs = ParagraphSplitter.blankLineParagraphs(text).map(ScalarText.string)
        #expect(paragraphs == ["Layin farko yana ci gaba", "Sabon sakin layi", "Na uku"])
    }
}
