import Testing
import TaskaCore
@testable import TaskaNormalize

@Suite struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    @Test func presentationFormsTatweelAndDoubleSpaceAreFolded() {
        #expect(normalizer.normalize("ﻣﺮﺣﺒﺎ  بـــالعالم") == "مرحبا بالعالم")
    }

    @Test func reportCountsPresentationFormsAndTatweel() throws {
        let report = try normalizer.normalizeReport("ﻣﺮﺣﺒﺎ  بـــالعالم")
        #expect(report.changes.presentationForms == 5)
        #expect(report.changes.tatweel == 3)
        #expect(report.changes.total == 8)
    }

    @Test func lamAlefLigatureBecomesTwoLettersUnderNFC() throws {
        // U+FEFB ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM, U+FEF7 … WITH HAMZA ABOVE
        let report = try normalizer.normalizeReport("\u{FEFB} \u{FEF7}")
        #expect(codePoints(report.text) == [0x0644, 0x0627, 0x20, 0x0644, 0x0623])
        #expect(report.changes.presentationForms == 2)
    }

    @Test func nfcKeepsLigatureButNFKCFoldsIt() {
        #expect(TextNormalizer().normalize("ﬁne") == "ﬁne")
        #expect(TextNormalizer(options: NormalizeOptions(form: .nfkc)).normalize("ﬁne") == "fine")
    }

    @Test func nfcComposesDecomposedLetters() {
        let decomposed = "Cafe\u{0301} and \u{0627}\u{0653}"  // é, and alef + madda
        #expect(codePoints(normalizer.normalize(decomposed)) == codePoints("Café and \u{0622}"))
    }

    @Test func crlfCrAndUnicodeLineEndsBecomeParagraphs() {
        let input = "one\r\ntwo\rthree\u{2028}four\u{2029}five\u{85}six\n\n\r\nseven"
        #expect(normalizer.normalize(input) == "one\ntwo\nthree\nfour\nfive\nsix\nseven")
    }

    @Test func unicodeSpacesCollapseAndParagraphsAreTrimmed() {
        let input = "\t  Sannu\u{00A0}\u{00A0}da\u{2003}zuwa\u{3000} \u{202F}!  "
        #expect(normalizer.normalize(input) == "Sannu da zuwa !")
    }

    @Test func controlCharactersAreRemovedAndCounted() throws {
        let report = try normalizer.normalizeReport("a\u{0}b\u{7}c\u{7F}d\u{9B}e")
        #expect(report.text == "abcde")
        #expect(report.changes.controlCharacters == 4)
    }

    @Test func nfkcSpacesFromCompatibilityCharactersAreCollapsed() {
        // U+00B4 ACUTE ACCENT is NFKC U+0020 U+0301; the result must not hold a double space.
        let out = TextNormalizer(options: NormalizeOptions(form: .nfkc)).normalize("a \u{00B4}b ")
        #expect(!out.contains("  "))
        #expect(out.unicodeScalars.first == "a")
        #expect(out.unicodeScalars.last == "b")
    }

    @Test func emptyAndInvisibleOnlyInputGivesEmptyText() {
        #expect(normalizer.normalize("") == "")
        #expect(normalizer.normalize(" \u{200B}\u{202B}\t\r\n\u{FEFF} ") == "")
    }
}
