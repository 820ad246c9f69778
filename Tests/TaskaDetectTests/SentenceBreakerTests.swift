import Testing
@testable import TaskaDetect

@Suite struct SentenceBreakerTests {
    /// One reused iterator gives, text after text, the boundaries of a fresh ICU iterator per
    /// text: after a long text, after an empty one, and past its first buffer size.
    @Test func reusedIteratorMatchesFreshIterators() {
        let texts = [
            "Limami ya ce. Mu riƙa tunawa! Ko? Eh.",
            "",
            "إنما المؤمنون إخوة. فأصلحوا بين أخويكم؟ نعم.",
            String(repeating: "A b. ", count: 60),
            "Single sentence without a stop",
            "Dr. Musa ya zo. Mr. Ali bai zo ba.",
        ]
        let breaker = SentenceBreaker()
        for text in texts + texts.reversed() {
            let utf16 = Array(text.utf16)
            let fresh = ICUScripts.sentenceBoundaries(utf16)
            #expect(breaker.boundaries(utf16) == fresh, "\(text)")
        }
        // The texts really have several sentences (so the comparison is not of [0, end] pairs).
        #expect(breaker.boundaries(Array(texts[0].utf16)) == [0, 14, 30, 34, 37])
        #expect(breaker.boundaries(Array(texts[3].utf16)).count == 61)
    }
}
