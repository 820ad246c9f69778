import Testing
@testable import TaskaRestore

@Suite struct HookModelTrainerTests {
    /// Index of `word`'s entry, with its spellings as (mask, count).
    func spellings(_ model: HookModel, _ word: String) -> [UInt32: UInt32] {
        guard let i = model.lookup(Array(word.utf8)) else { return [:] }
        var out: [UInt32: UInt32] = [:]
        for s in Int(model.spellingStarts[i])..<Int(model.spellingStarts[i + 1]) { out[model.spellingMasks[s]] = model.spellingCounts[s] }
        return out
    }

    @Test func countsOnlyLettersTheLineHooksSomewhere() {
        // `kasa` four times plain in a line with no ƙ: not counted; `ƙasa` hooked in others.
        #expect(spellings(TestModel.model, "kasa") == [1: 3])
        // `kama` is counted only from the line that hooks a k somewhere, `kifi` from none;
        // `ɗan` is counted from the line that hooks d only.
        #expect(spellings(TestModel.model, "kama") == [0: 1])
        #expect(spellings(TestModel.model, "kifi").isEmpty)
        #expect(spellings(TestModel.model, "dan") == [1: 3])
    }

    @Test func apostropheHookSpellingsTeachTheHookedWord() {
        let model = HookModelTrainer().train(lines: ["'yan k'asa sun zo", "ƙasar 'Yan"])
        #expect(spellings(model, "yan") == [1: 2])
        #expect(spellings(model, "kasa") == [1: 1])
        #expect(HookModelTrainer.spelledHooks(Array("ma'aikata".unicodeScalars.map(\.value))) == Array("ma'aikata".unicodeScalars.map(\.value)))
    }

    @Test func corpusWithoutHooksIsAnActionableError() throws {
        #expect(throws: RestoreError.self) { try HookModelTrainer().train(corpus: "/nonexistent-corpus") }
        #expect(HookModelTrainer().train(lines: ["kasa ta yi kyau"]).wordCount == 0)
    }
}
