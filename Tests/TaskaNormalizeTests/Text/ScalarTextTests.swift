import Testing
@testable import TaskaNormalize

@Suite struct ScalarTextTests {
    /// The table answer below U+0900 and the property answer above agree with the general
    /// category for every scalar up to U+2FFF (letters, marks, digits, gaps, surrogates).
    @Test func isLetterMatchesTheGeneralCategory() {
        for v in UInt32(0)..<0x3000 {
            let expected = Unicode.Scalar(v).map { s -> Bool in
                switch s.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
                default: return false
                }
            } ?? false
            #expect(ScalarText.isLetter(v) == expected, "U+\(String(v, radix: 16))")
        }
        // A few landmarks: ɓ, Arabic alef, tatweel (Lm), harakat (Mn), Arabic-Indic digit, surrogate.
        #expect(ScalarText.isLetter(0x0253))
        #expect(ScalarText.isLetter(0x0627))
        #expect(ScalarText.isLetter(0x0640))
        #expect(!ScalarText.isLetter(0x064E))
        #expect(!ScalarText.isLetter(0x0663))
        #expect(!ScalarText.isLetter(0xD800))
    }
}
