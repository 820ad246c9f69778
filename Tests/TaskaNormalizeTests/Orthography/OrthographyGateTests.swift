import Testing
@testable import TaskaNormalize

@Suite struct OrthographyGateTests {
    @Test(arguments: [
        "Gwamnatin jihar ta ce k'asa za ta samu ruwa a wannan shekara.",
        "Ƙasar Najeriya tana da jihohi talatin da shida.",
        "'Yan sanda sun kama mutane biyar a cikin garin.",
        "Kanuri ye kǝla suro nzǝ ro shima.",
    ])
    func saysYesForHausaAndKanuri(_ paragraph: String) {
        #expect(OrthographyGate.looksHausaOrKanuri(paragraph))
    }

    @Test(arguments: [
        "don't do it",
        "It's rock'n'roll, said O'Brien on his b'day.",
        "Don't tell me it's the kid's toy; I'd rather go.",
        "The schwa ə is the most common vowel sound in English.",
        "The Ɗan Fodio family ruled the north for a century.",
        "K'asa",
    ])
    func saysNoForEnglishAndTooLittleEvidence(_ paragraph: String) {
        #expect(!OrthographyGate.looksHausaOrKanuri(paragraph))
    }

    @Test func evidenceCountsWordsAndSpellings() {
        let e = OrthographyGate.evidence("Ya ce d'an uwansa zai zo 'yau, the end.")
        #expect(e.words == 9)
        #expect(e.hausaKanuriWords >= 3)  // ya ce zai
        #expect(e.englishWords == 1)      // the
        #expect(e.legacySpellings == 2)   // d'an 'yau
        #expect(e.strongLetterWords == 0)
        #expect(e.looksHausaOrKanuri)
    }
}
