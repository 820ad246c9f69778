import Testing
import TaskaCore
@testable import TaskaNormalize

/// The folds as `orthography: standard` writes them into text (the search key's use of the same
/// rules is in `SearchKeyBuilderTests`).
@Suite struct OrthographyFolderTests {
    let normalizer = TextNormalizer(options: NormalizeOptions(orthography: .standard))

    @Test func hausaKAposAsaBecomesHookedK() {
        let out = normalizer.normalize("Gwamnatin jihar ta ce k'asa za ta samu ruwa a wannan shekara.")
        #expect(out == "Gwamnatin jihar ta ce ƙasa za ta samu ruwa a wannan shekara.")
        #expect(codePoints(out).contains(0x0199))
    }

    @Test func englishContractionsAreUntouched() {
        #expect(normalizer.normalize("don't do it") == "don't do it")
        let english = "It's rock'n'roll, said O'Brien on his b'day."
        #expect(normalizer.normalize(english) == english)
    }

    @Test func allApostropheFormsAndBothSidesFold() throws {
        let input = "Sun ce d’an su ya 'bata ʼkasa da `Dan sak´o a cikin ‘dakin ʻbarayi."
        let report = try normalizer.normalizeReport(input)
        #expect(report.text == "Sun ce ɗan su ya ɓata ƙasa da Ɗan saƙo a cikin ɗakin ɓarayi.")
        #expect(report.changes.hausaLetters == 7)
    }

    @Test func hookedYUsesModifierLetterApostrophe() throws {
        let report = try normalizer.normalizeReport("'Yan sanda sun ce ’ya’yansu da ʼyan uwa suna nan.")
        #expect(report.text == "\u{02BC}Yan sanda sun ce \u{02BC}ya\u{02BC}yansu da \u{02BC}yan uwa suna nan.")
        #expect(report.changes.hausaLetters == 3)  // ʼyan was already canonical
    }

    @Test func glottalStopBeforeVowelAndQuotesAreKept() {
        let out = normalizer.normalize("Ya ce 'ba zan je ba' a lokacin sa'a ta Jumma'a.")
        #expect(out == "Ya ce 'ba zan je ba' a lokacin sa'a ta Jumma'a.")
    }

    @Test func lookAlikeLettersAreUnifiedInHausa() throws {
        // ɖ (U+0256, Ewe) and Cyrillic қ (U+049B) typed for ɗ and ƙ; ƴ (U+01B4) is kept.
        let report = try normalizer.normalizeReport("Ya ce \u{0256}an \u{049B}asar nan ba za ta \u{01B4}i haka ba.")
        #expect(report.text == "Ya ce ɗan ƙasar nan ba za ta ƴi haka ba.")
        #expect(report.changes.hausaLetters == 2)
    }

    @Test func kanuriSchwaIsUnifiedToU0259() throws {
        let report = try normalizer.normalizeReport("Kanuri ye kǝla suro nzǝ ro shima, Ǝnna kəla.")
        #expect(report.text == "Kanuri ye kəla suro nzə ro shima, Ənna kəla.")
        #expect(!codePoints(report.text).contains(0x01DD))
        #expect(report.changes.kanuriSchwa == 3)
    }

    @Test func schwaInEnglishIsNeverTouched() {
        let english = "The symbol ǝ is a turned e and it is not the same as the schwa."
        #expect(normalizer.normalize(english) == english)
    }

    @Test func sourceOrthographyIsTheDefaultAndKeepsEveryLetter() throws {
        let source = TextNormalizer()
        #expect(source.options.orthography == .source)
        for text in ["Gwamnatin jihar ta ce k'asa za ta samu ruwa a wannan shekara.",
                     "Kǝla Maiduguriro lejin.", "KǝLA Ǝnna kəla, Cyrillic \u{04D9}",
                     "'Yan sanda sun ce ’ya’yansu da ʼyan uwa suna nan.",
                     "Ya ce \u{0256}an \u{049B}asar nan ba za ta \u{01B4}i haka ba."] {
            let report = try source.normalizeReport(text)
            #expect(report.text == text)
            #expect(codePoints(report.text) == codePoints(text))
            #expect(report.changes.total == 0)
        }
    }

    @Test func standardTextKeepsTheSearchKeyOfTheSource() throws {
        // Both spellings of a record index the same key, so switching the option changes no search.
        let source = TextNormalizer()
        for text in ["Gwamnatin jihar ta ce k'asa za ta samu ruwa, 'yan sanda da d'an uwansa sun zo.",
                     "Kanuri ye kǝla suro nzǝ ro shima, Ǝnna kəla.",
                     "Ya ce \u{0256}an \u{049B}asar nan ba za ta \u{01B4}i haka ba, ya ce 'ba zan je ba'."] {
            #expect(try source.makeSearchKey(normalizer.normalize(text)) == source.makeSearchKey(source.normalize(text)))
        }
    }
}
