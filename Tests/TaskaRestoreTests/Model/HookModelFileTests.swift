import Foundation
import Testing
import TaskaTestSupport
@testable import TaskaRestore

@Suite struct HookModelFileTests {
    @Test func roundTripsByteForByte() throws {
        let bytes = HookModelFile.encode(TestModel.model)
        let decoded = try HookModelFile.decode(bytes)
        #expect(decoded == TestModel.model)
        #expect(HookModelFile.encode(decoded) == bytes)
    }

    @Test func trainingIsDeterministic() {
        let a = HookModelFile.encode(HookModelTrainer().train(lines: TestModel.lines))
        let b = HookModelFile.encode(HookModelTrainer().train(lines: TestModel.lines.reversed()))
        #expect(a == b)
    }

    @Test func damagedFilesAreRefusedWithAReason() {
        var bytes = HookModelFile.encode(TestModel.model)
        do {
            _ = try HookModelFile.decode(Array(bytes.dropLast(3)))
            Issue.record("a truncated model was accepted")
        } catch {
            #expect(error.description.contains("truncated at byte"))
        }
        bytes[0] = 0x58
        #expect(throws: RestoreError.badModel("not a Taska hooked-letter model (bad magic)")) { try HookModelFile.decode(bytes) }
        #expect(RestoreError.badModel("x").description.contains("taska model train-hooks"))
    }

    @Test func theShippedModelLoads() throws {
        let model = try HookModel.shipped()
        #expect(model.wordCount > 1_000)
        #expect(model.contextCount > 1_000)
        #expect(HookRestorer(model: model).restore("Kasar Najeriya").text == "Ƙasar Najeriya")
    }

    /// The shipped model is what `taska model train-hooks` makes from ../shared/corpora (also
    /// checked, in release, by scripts/check-hooks-model).
    @Test func theShippedModelIsRebuiltFromTheCorpus() throws {
        guard let corpus = corporaRoot else { return }
        let bytes = try HookModelTrainer().train(corpus: corpus)
        let shipped = try fileBytes(packagePath("Sources/TaskaRestore/Resources/hooks.bin"))
        #expect(bytes == shipped, "retrain with `taska model train-hooks --corpus ../shared/corpora --out Sources/TaskaRestore/Resources/hooks.bin`")
    }
}
