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

    /// Text the one-sentence test passes is one sentence for ICU too; random mixes of letters,
    /// spaces, quotes, brackets, digits and the stops of Latin, Arabic, Devanagari and CJK text.
    @Test func oneSentenceShortcutAgreesWithICU() {
        let pieces = ["Sannu", " ", "ƙasa", "مرحبا", "«", "»", "“", "”", "(", ")", "12", "،", "؛", ".", "؟", "!",
                      "?", "۔", "…", "।", "。", "😀", "\u{2028}", "\r", "‼", ",", ":", "-"]
        var generator = SystemRandomNumberGenerator()
        var oneSentence = 0, several = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...10, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let scalars = text.unicodeScalars.map(\.value)
            let icu = ICUScripts.sentenceBoundaries(Array(text.utf16))
            let shortcut = scalars.withUnsafeBufferPointer { ICUScripts.isOneSentence($0, 0..<$0.count) }
            if shortcut {
                oneSentence += 1
                #expect(icu == [0, text.utf16.count], "\(text.debugDescription)")
            } else if icu.count > 2 {
                several += 1
            }
        }
        // Both kinds were drawn (the check above is not vacuous).
        #expect(oneSentence > 100 && several > 100)
        // The stops themselves are seen; letters, spaces and quotes are not.
        let yes: [UInt32] = [0x2E, 0x3F, 0x21, 0x061F, 0x06D4, 0x0964, 0x203C, 0x0A]
        let no: [UInt32] = [0x61, 0x20, 0x0627, 0x060C, 0x201C, 0x2019, 0x28]
        for v in yes { #expect(![v].withUnsafeBufferPointer { ICUScripts.isOneSentence($0, 0..<1) }, "U+\(String(v, radix: 16))") }
        for v in no { #expect([v].withUnsafeBufferPointer { ICUScripts.isOneSentence($0, 0..<1) }, "U+\(String(v, radix: 16))") }
    }
}
