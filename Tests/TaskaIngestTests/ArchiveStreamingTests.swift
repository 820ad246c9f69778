import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaIngest

/// Archives over the streaming threshold are left on disk and opened by `unarchive` from there.
@Suite struct ArchiveStreamingTests {
    @Test func archiveMagicMakesAFileStreamable() {
        #expect(FileReader.isStreamable(ArraySlice([0x50, 0x4B, 0x03, 0x04, 0x14, 0])))
        var tar = [UInt8](repeating: 0, count: 512)
        tar.replaceSubrange(257..<262, with: Array("ustar".utf8))
        #expect(FileReader.isStreamable(ArraySlice(tar)))
        #expect(!FileReader.isStreamable(ArraySlice(Array("Sanarwa ga jama'a".utf8))))
    }

    @Test func aLargeTarStreamsThroughTheStandardPipeline() throws {
        let reader = FileReader(maxBytes: 1024, streamingThreshold: 1024)
        let file = InputFile(path: "Fixtures/containers-hostile/traversal.tar", relativeTo: packageRoot)
        let doc = try reader.read(file)
        #expect(doc.payloadPath != nil)
        let outputs = try StandardPipelines.communiques().collect(doc)
        #expect(outputs.count == 3)
        let languages = outputs.compactMap { output -> String? in
            if case let .document(d) = output { return d.language }
            return nil
        }
        #expect(languages == ["ha-Latn", "en-Latn", "knc-Latn"])
    }
}
