import Testing
import TaskaCore
@testable import TaskaNormalize

@Suite struct DirectionResolverTests {
    func direction(_ text: String, declared: Direction? = nil) throws -> DirectionResolver.ParagraphDirection {
        try DirectionResolver.paragraph(Array(text.utf16), declared: declared)
    }

    @Test func arabicIsRTLAndEnglishIsLTR() throws {
        #expect(try direction("السلام عليكم ورحمة الله").direction == .rtl)
        #expect(try direction("Peace be upon you.").direction == .ltr)
    }

    @Test func hausaQuotingSubstantialArabicIsMixed() throws {
        let p = try direction("Malam ya ce «بسم الله الرحمن الرحيم» a cikin jawabinsa.")
        #expect(p.direction == .mixed)
        #expect(p.rightToLeftLetters == 19)
        #expect(p.leftToRightLetters > 0)
    }

    @Test func smallMinorityFollowsTheMajority() throws {
        // 3 Latin letters among many Arabic ones: below 10%, so rtl although "BBC" comes first.
        let p = try direction("BBC: قالت الحكومة إن المياه ستصل إلى جميع المدن هذا العام")
        #expect(p.direction == .rtl)
        #expect(!p.isNeutral)
    }

    @Test func paragraphWithoutLettersIsNeutral() throws {
        let p = try direction("2024 — 15:30")
        #expect(p.isNeutral)
        #expect(p.direction == .ltr)
        #expect(try direction("123", declared: .rtl).direction == .rtl)
    }

    @Test func documentDirectionIgnoresNeutralParagraphs() {
        let rtl = DirectionResolver.ParagraphDirection(direction: .rtl, isNeutral: false, leftToRightLetters: 0, rightToLeftLetters: 5)
        let ltr = DirectionResolver.ParagraphDirection(direction: .ltr, isNeutral: false, leftToRightLetters: 5, rightToLeftLetters: 0)
        let neutral = DirectionResolver.ParagraphDirection(direction: .ltr, isNeutral: true, leftToRightLetters: 0, rightToLeftLetters: 0)
        #expect(DirectionResolver.document([rtl, neutral, rtl]) == .rtl)
        #expect(DirectionResolver.document([rtl, ltr]) == .mixed)
        #expect(DirectionResolver.document([neutral]) == .ltr)
        #expect(DirectionResolver.document([]) == .ltr)
    }

    @Test func leftToRightParagraphsResolveWithoutICUAsICUWould() throws {
        let samples = ["", "   ", "123 456", "Sannu da zuwa, 2024!", "Ɗan ƙasa ya ce: “ba”", "Ελληνικά and English",
                       "हिन्दी पाठ", "中文文本 (test) [x] {y}", "a\u{00A0}b\u{2009}c", "e-mail: a@b.org 50%"]
        for text in samples {
            let units = Array(text.utf16)
            #expect(!DirectionResolver.mayBeRightToLeft(units), "\(text)")
            for declared in [nil, Direction.ltr, .mixed] {
                #expect(try DirectionResolver.paragraph(units, declared: declared)
                        == DirectionResolver.resolvedByICU(units, declared: declared), "\(text) \(String(describing: declared))")
            }
        }
    }

    @Test func rightToLeftCandidatesGoToICU() {
        for text in ["مرحبا", "שלום", "a\u{200F}b", "a\u{202E}b", "a\u{2067}b\u{2069}", "\u{FEFB}", "\u{FB50}", "x 𝐀", "\u{0660}"] {
            #expect(DirectionResolver.mayBeRightToLeft(Array(text.utf16)), "\(text)")
        }
    }
}
