import Testing
@testable import TaskaNormalize

@Suite struct SearchKeyBuilderTests {
    let normalizer = TextNormalizer()

    @Test func vocalisedArabicMatchesBareForm() {
        #expect(normalizer.searchKey("كَتَبَ") == normalizer.searchKey("كتب"))
        #expect(normalizer.searchKey("كَتَبَ") == "كتب")
        #expect(normalizer.searchKey("ٱلْقُرْآنُ") == normalizer.searchKey("القران"))
    }

    @Test func alefVariantsFold() {
        #expect(normalizer.searchKey("أحمد") == normalizer.searchKey("احمد"))
        #expect(normalizer.searchKey("إسلام آمن ٱلله") == "اسلام امن الله")
    }

    @Test func tehMarbutaYehAndTatweelFold() {
        #expect(normalizer.searchKey("مدرسة") == normalizer.searchKey("مدرسه"))
        #expect(normalizer.searchKey("على") == normalizer.searchKey("علي"))
        #expect(normalizer.searchKey("فارسی") == "فارسي")
        #expect(normalizer.searchKey("بـــالعالم") == "بالعالم")
    }

    @Test func hamzaCarriersStayDistinct() {
        #expect(normalizer.searchKey("مسؤول") != normalizer.searchKey("مسوول"))
        #expect(normalizer.searchKey("سائل") != normalizer.searchKey("سايل"))
    }

    @Test func hausaHookedLettersStayDistinctFromPlainLetters() {
        #expect(normalizer.searchKey("ƙasa") != normalizer.searchKey("kasa"))
        #expect(normalizer.searchKey("Ƙasa") == "ƙasa")
        #expect(normalizer.searchKey("ƁAƊI ƳA Ə") == "ɓaɗi ƴa ə")
        #expect(normalizer.searchKey("ɗan") != normalizer.searchKey("dan"))
        #expect(normalizer.searchKey("ɓata") != normalizer.searchKey("bata"))
        #expect(normalizer.searchKey("ʼyan") == "ƴan")
        #expect(normalizer.searchKey("ƴan") != normalizer.searchKey("yan"))
    }

    @Test func everySpellingOfAWordHasOneKey() {
        let words: [[String]] = [
            ["kəla", "kǝla", "k\u{04D9}la", "KƏLA", "KǝLA", "K\u{018E}LA", "K\u{04D8}LA"],
            ["ƙasa", "k'asa", "k’asa", "kʼasa", "k‘asa", "k`asa", "k´asa", "kʻasa", "'kasa", "\u{049B}asa", "Ƙasa", "K'ASA", "\u{049A}ASA"],
            ["ɗan", "d'an", "'dan", "’dan", "\u{0256}an", "Ɗan", "'Dan", "D'AN", "\u{0189}an"],
            ["ɓata", "b'ata", "'bata", "Ɓata", "'Bata"],
            ["ƴan", "'yan", "ʼyan", "’yan", "Ƴan", "'Yan", "ʼYan"],
            ["ʼyaʼyansu", "'ya'yansu", "’ya’yansu", "ƴaƴansu", "ƳAƳANSU"],
        ]
        for variants in words {
            let keys = Set(variants.map { normalizer.searchKey($0) })
            #expect(keys.count == 1, "\(variants): \(keys)")
            #expect(Set(variants.map { normalizer.searchTerms($0) }) == [[keys.first!]])
        }
    }

    @Test func spellingFoldsInTheKeySpareContractionsGlottalStopsAndQuotes() {
        #expect(normalizer.searchKey("don't stop, it's fine, we'd go") == "don't stop, it's fine, we'd go")
        #expect(normalizer.searchKey("a lokacin sa'a ta Jumma'a") == "a lokacin sa'a ta jumma'a")
        #expect(normalizer.searchKey("Ya ce 'ba zan je ba' a yau") == "ya ce 'ba zan je ba' a yau")
    }

    @Test func englishWordsInTextAreFoundByTheSameQuery() {
        // The key cannot know a line's language, so O'Brien and rock'n'roll fold like Hausa
        // spellings; a query typed the same way folds the same way and finds them.
        let text = "Dr O'Brien said I'd like rock'n'roll, don't you?"
        let key = normalizer.searchKey(text)
        #expect(key == "dr oɓrien said i'd like rocƙn'roll, don't you?")
        for query in ["O'Brien", "O’Brien", "I'd", "rock'n'roll", "don't", "Don’t"] {
            let terms = normalizer.searchTerms(query)
            #expect(!terms.isEmpty && terms.allSatisfy { term in
                key.split(whereSeparator: { !$0.isLetter }).contains { $0 == term }
            }, "\(query): \(terms)")
        }
    }

    @Test func quotationMarksAreJudgedLineByLine() {
        // The closing quote on line 2 does not protect the legacy spelling on line 1.
        #expect(normalizer.searchKey("'yan sanda sun zo\nya ce 'ba zan je ba'") == "ƴan sanda sun zo\nya ce 'ba zan je ba'")
    }

    @Test func keyFoldsMatchTheScalarFoldsOnUTF16AndSurrogates() {
        // A letter outside the BMP after the apostrophe is read as one letter.
        #expect(normalizer.searchKey("k'\u{1D41A}") == "ƙa")
        #expect(normalizer.searchKey("'d\u{10400}") == "ɗ\u{10428}")
        // Text without any trigger comes back as the plain key.
        #expect(normalizer.searchKey("Sannu da zuwa") == "sannu da zuwa")
    }

    @Test func caseFoldingAndDigitsAndLines() {
        #expect(normalizer.searchKey("Straße ١٢٣ ۴۵\nHELLO  World") == "strasse 123 45\nhello world")
        #expect(normalizer.searchKey("a\nb\nc").split(separator: "\n", omittingEmptySubsequences: false).count == 3)
    }
}
