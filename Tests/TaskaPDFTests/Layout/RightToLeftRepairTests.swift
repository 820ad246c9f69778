import Testing
@testable import TaskaPDF

@Suite struct RightToLeftRepairTests {
    /// A poppler word: `text` in poppler's (logical-looking) order, boxes left to right with
    /// the given widths (visual order).
    static func word(_ text: String, widths: [Double]) -> RawWord {
        var x = 100.0
        let boxes = widths.map { w -> Box in
            defer { x += w }
            return Box(x0: x, y0: 10, x1: x + w, y1: 22)
        }
        return RawWord(scalars: Array(text.unicodeScalars), boxes: boxes)
    }

    static func text(_ scalars: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(scalars)) }

    @Test func lamAlefLigatureSlicesAreReadBackInLogicalOrder() {
        // علاج: poppler gives عالج; visually ج | (ل ا: one glyph cut in two equal slices) | ع.
        let w = Self.word("عالج", widths: [6, 4.25, 4.25, 7])
        #expect(Self.text(RightToLeftRepair.logical(w)) == "علاج")
    }

    @Test func lamYehLigatureIsRebuilt() {
        // على: poppler gives عىل; visually (ل ى) | ع.
        let w = Self.word("عىل", widths: [5.5, 5.5, 7])
        #expect(Self.text(RightToLeftRepair.logical(w)) == "على")
    }

    @Test func lettersOfDifferentWidthsAreLeftAlone() {
        let w = Self.word("عالم", widths: [8.3, 4.1, 4.6, 9.3])
        #expect(Self.text(RightToLeftRepair.logical(w)) == "عالم")
    }

    @Test func theArticleIsNotTakenForALigatureEvenWhenItsLettersAreEquallyWide() {
        // الكتاب: visually ب ا ت ك ل ا; the article's lam and alef happen to be equally wide.
        let w = Self.word("الكتاب", widths: [7, 4, 5, 6, 4, 4])
        #expect(Self.text(RightToLeftRepair.logical(w)) == "الكتاب")
    }

    @Test func aVocalisedLigatureWithItsMarksInsideTheGlyphIsRebuilt() {
        // عَلَىٰ's last glyph is لَىٰ, four characters in one glyph; poppler gives ٰىَل, four equal slices.
        let w = Self.word("\u{0670}\u{0649}\u{064E}\u{0644}", widths: [2.694, 2.694, 2.694, 2.694])
        #expect(Self.text(RightToLeftRepair.logical(w)) == "\u{0644}\u{064E}\u{0649}\u{0670}")
        // الْأَعْ: the lam-alef-hamza glyph with its sukun and fatha sits between the article's alef and the ain.
        let article = Self.word("\u{0627}\u{064E}\u{0623}\u{0652}\u{0644}\u{0652}\u{0639}", widths: [2.196, 1.5, 1.92, 1.92, 1.92, 1.92, 2.856])
        #expect(Self.text(RightToLeftRepair.logical(article)) == "\u{0627}\u{0644}\u{0652}\u{0623}\u{064E}\u{0639}\u{0652}")
    }

    @Test func liBeforeTheArticleIsALamAlefLigatureNotAnArticle() {
        // للاستثمار (li- + al-istithmār): visually ر ا م ث ت س (ل ا: one glyph) ل; poppler gives لالستثمار.
        let w = Self.word("لالستثمار", widths: [4.404, 3.492, 6.936, 4.476, 4.476, 9.408, 3.594, 3.594, 3.12])
        #expect(Self.text(RightToLeftRepair.logical(w)) == "للاستثمار")
    }

    @Test func aMarkPrecedingItsLetterIsPutAfterIt() {
        // poppler gives the fatha before its waw (وَ → َو).
        let w = Self.word("\u{064E}\u{0648}", widths: [5.8, 5.8])
        #expect(Self.text(RightToLeftRepair.logical(w)) == "\u{0648}\u{064E}")
    }

    @Test func latinWordsAreUntouched() {
        let w = Self.word("Baga", widths: [5, 5, 5, 5])
        #expect(Self.text(RightToLeftRepair.logical(w)) == "Baga")
    }

    @Test func aPageOfBackwardsArabicIsRecognised() {
        let forward = ["الكتاب", "المدرسة", "الطريق", "البلدية", "مدينة", "السوق"].map { Array($0.unicodeScalars) }
        let backward = forward.map { Array($0.reversed()) }
        #expect(!RightToLeftRepair.looksReversed(forward))
        #expect(RightToLeftRepair.looksReversed(backward))
    }

    @Test func piecesOfAVocalisedWordSplitAfterAMarkAreJoined() {
        func piece(_ s: String, _ x0: Double, _ x1: Double) -> RightToLeftRepair.Word {
            RightToLeftRepair.Word(scalars: Array(s.unicodeScalars), box: Box(x0: x0, y0: 0, x1: x1, y1: 20))
        }
        // وَإِذَا أَرَدْنَا: pieces وَ | إِذَ | ا then a real space before أَرَ; gaps 1–2 vs 8.
        let words = [piece("وَ", 100, 110), piece("إِذَ", 80, 98.5), piece("ا", 70, 78.8), piece("أَرَ", 50, 62),
                     piece("كتب", 20, 42)]
        let joined = RightToLeftRepair.joinMarkSplits(words, lineHeight: 20).map { Self.text($0.scalars) }
        #expect(joined == ["وَإِذَا", "أَرَ", "كتب"])
    }
}
