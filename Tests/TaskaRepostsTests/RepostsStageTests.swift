import Testing
import TaskaCore
@testable import TaskaReposts

/// The reposts stage sketches texts long enough to say where they came from, and only those.
@Suite struct RepostsStageTests {
    let hausa = "jami'an tsaro sun ceto ɗalibai 23 da aka sace a makarantar garin dapchi ranar talata."

    @Test func shortGreetingsAreNotSketched() {
        #expect(RepostsStage.sketch(searchKey: "barka da sallah 🎉", options: RepostsOptions()) == nil)
        #expect(RepostsStage.sketch(searchKey: "جمعه مباركه", options: RepostsOptions()) == nil)
        #expect(RepostsStage.sketch(searchKey: hausa, options: RepostsOptions()) != nil)
    }


    @Test func theStageAttachesTheSketchToTheDocument() throws {
        var doc = SourceDocument(source: SourceInfo(path: "a.txt", bytes: 0, sha256: ""), bytes: [])
        doc.normalized = NormalizedText(text: hausa, searchKey: hausa, direction: .ltr, scripts: [], paragraphs: [])
        var out: [SourceDocument] = []
        try RepostsStage().process(doc) { out.append($0) }
        let sketch = try #require(out.first?.repostSketch)
        #expect(sketch.bands.count == RepostsOptions().bands && sketch.containment == 0.7)
        #expect(RepostFingerprint(encoded: sketch.fingerprint) == RepostFingerprint(searchKey: hausa))
        var bare = doc
        bare.normalized = nil
        out = []
        try RepostsStage().process(bare) { out.append($0) }
        #expect(out.count == 1 && out[0].repostSketch == nil, "a document without text passes through")
    }
}
