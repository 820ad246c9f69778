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
        #expect(normalizer.searchKey("ʼyan") == "ʼyan")
    }

    @Test func caseFoldingAndDigitsAndLines() {
        #expect(normalizer.searchKey("Straße ١٢٣ ۴۵\nHELLO  World") == "strasse 123 45\nhello world")
        #expect(normalizer.searchKey("a\nb\nc").split(separator: "\n", omittingEmptySubsequences: false).count == 3)
    }
}
