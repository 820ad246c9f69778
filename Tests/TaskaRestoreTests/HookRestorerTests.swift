import Testing
import TaskaCore
@testable import TaskaRestore

@Suite struct HookRestorerTests {
    let restorer = TestModel.restorer

    @Test func restoresKnownWordsAndKeepsCase() {
        let result = restorer.restore("Kasar ta dauki mataki a KASA baki daya.")
        #expect(result.text == "Ƙasar ta ɗauki mataki a ƘASA baki ɗaya.")
        #expect(result.letters == 4)
    }

    @Test func spansGiveScalarOffsetsAndBothSpellings() {
        let text = "ɓ kasar ’yan dauki"
        let result = restorer.restore(text)
        #expect(result.spans == [
            RestoredSpan(start: 2, end: 7, from: "kasar", to: "ƙasar"),
            RestoredSpan(start: 13, end: 18, from: "dauki", to: "ɗauki"),
        ])
        let scalars = Array(result.text.unicodeScalars)
        for span in result.spans {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.to)
        }
    }

    @Test func neverChangesALetterTheSourceHas() {
        // ɗ stays; a word hooked differently from the table keeps the source's hooks.
        let text = "ɗauki ƙasar kuɗi Ƙasa waɗannan baki ta ce"
        let result = restorer.restore(text)
        #expect(result.text == text)
        #expect(result.spans.isEmpty)
        // Partly hooked: the source's ƙ stays, the missing ɗ is added.
        #expect(restorer.restore("ƙungiyar dan").text == "ƙungiyar ɗan")
    }

    @Test func onlyPlainCandidatesBecomeTheirHookedLetter() {
        let text = "Kasar ƙasa dauki Yan ’yan k'asa wadannan ɓarayi barayi kudin baki kuma BAKI"
        var scalars = ScalarValues.of(text)
        let before = scalars
        _ = restorer.restore(&scalars, in: [0..<scalars.count])
        #expect(scalars.count == before.count)
        let allowed: [UInt32: UInt32] = [0x62: 0x253, 0x64: 0x257, 0x6B: 0x199, 0x79: 0x1B4,
                                         0x42: 0x181, 0x44: 0x18A, 0x4B: 0x198, 0x59: 0x1B3]
        for (a, b) in zip(before, scalars) where a != b {
            #expect(allowed[a] == b, "\(a) became \(b)")
        }
    }

    @Test func apostropheSpellingsAreUntouched() {
        for text in ["k'asa", "'yan", "’yan", "ʼyan", "d'aukar", "'bata", "b'aci", "hak'uri", "ma'aikata", "ta'allaka"] {
            #expect(restorer.restore(text).text == text, "\(text)")
        }
        // The letter next to the apostrophe stays; the rest of the sentence is still restored.
        #expect(restorer.restore("'yan kasar").text == "'yan ƙasar")
    }

    @Test func actsOnlyInsideTheGivenRanges() {
        var scalars = ScalarValues.of("kasar kasar kasar")
        let (spans, letters) = restorer.restore(&scalars, in: [6..<11])
        #expect(String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))) == "kasar ƙasar kasar")
        #expect(spans == [RestoredSpan(start: 6, end: 11, from: "kasar", to: "ƙasar")])
        #expect(letters == 1)
    }

    @Test func unseenWordsFallBackToLetterContexts() {
        // `ƙasashe` was never seen, but `^ƙa…` contexts are hooked in every hook-using line.
        let known = restorer.restore("kasashe")
        #expect(known.text == "ƙasashe")
        // Words without b d k y are never looked up.
        #expect(restorer.restore("sun ce za a tafi").spans.isEmpty)
    }

    @Test func surveyCountsHookSpellingsAndRestorableWords() {
        let lost = restorer.survey(ScalarValues.of("kasar ta dauki mataki"), in: [0..<21])
        #expect(lost == HookRestorer.Survey(words: 4, hookSpellings: 0, restorable: 2))
        let hooked = restorer.survey(ScalarValues.of("ƙasar ta 'yan k'asa"), in: [0..<19])
        #expect(hooked.hookSpellings == 2)  // ƙ and k'; 'yan is how hook-less text writes ƴ too
        #expect(hooked.restorable == 0)
        // A quotation opened before a k is not a hook spelling.
        #expect(restorer.survey(ScalarValues.of("ya ce 'kasar"), in: [0..<12]).hookSpellings == 0)
    }
}
