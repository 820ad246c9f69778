import Testing
@testable import TaskaExtract

@Suite struct WhitespaceCollapseTests {
    private func reference(_ s: String) -> String { s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }

    @Test func equalsTheCharacterSplitOnCraftedText() {
        let cases = ["", "   ", " a  b\t\nc ", "a\r\nb", "Sannu\u{00A0}da\u{3000}zuwa", "  كيف\u{2003} حالك  ",
                     "a \u{301}b", "a\u{301} b", "x \u{200D}y", "۝ ١", "\u{0600} 5", "a \u{FE0F}", "👍🏽 ok", "a\u{85}b",
                     "\u{2028}line\u{2029}", "tab\u{0B}vt\u{0C}ff", "ɗan  ƙasa", "a \u{1F3FB}", "\u{110BD} x"]
        for text in cases { #expect(WhitespaceCollapse.collapse(text) == reference(text), "\(text.debugDescription)") }
    }

    @Test func equalsTheCharacterSplitOnRandomText() {
        // Deterministic pseudo-random strings over letters, white space and grapheme-joining scalars.
        let alphabet: [Unicode.Scalar] = ["a", "ɗ", "ك", "١", " ", "\t", "\n", "\r", "\u{A0}", "\u{3000}", "\u{2009}", "\u{85}",
                                          "\u{301}", "\u{64B}", "\u{200D}", "\u{FE0F}", "\u{6DD}", "\u{600}", "😀", "\u{1F3FB}", "."]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            var s = String.UnicodeScalarView()
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 59)
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let text = String(s)
            #expect(WhitespaceCollapse.collapse(text) == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
