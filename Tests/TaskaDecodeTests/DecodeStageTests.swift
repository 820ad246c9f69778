import Foundation
import Testing
import TaskaCore
@testable import TaskaDecode

@Suite struct DecodeStageTests {
    @Test func contract() throws {
        let stage = DecodeStage(options: DecodeOptions(repairMojibake: false))
        #expect(stage.name == "decode")
        #expect(stage.configuration == "repair-mojibake=false")
        #expect(DecodeStage().configuration == "repair-mojibake=true")
        let doc = try Fixtures.decode(Array("hello".utf8))
        #expect(doc.bytes.isEmpty)
        #expect(doc.text == "hello")
        #expect(doc.mediaType == "text/plain")
    }

    @Test func failuresBecomeErrorRecordsInAPipeline() throws {
        let pipeline = Pipeline(name: "t", version: "0", stages: [DecodeStage()])
        let outputs = try pipeline.collect(Fixtures.document([], path: "empty.txt"))
        guard case let .failure(_, failure) = outputs.first else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.stage == "decode")
        #expect(failure.message.hasPrefix("empty.txt: the file is empty (0 bytes)"))
    }

    /// A streamed document (a chat export too large to load) carries its file's first 64 KiB;
    /// a letter cut at their end is no invalid byte, and its warning would reach every message.
    @Test func aStreamedPrefixCutInsideALetterIsNotInvalid() throws {
        let sentence = Array("Kǝla Maiduguriro lejin. ".utf8)
        let cut = sentence + sentence.prefix(2)  // ends on the first byte of ǝ
        #expect(cut.last == 0xC7)
        var document = Fixtures.document(cut, path: "result.json")
        document.payloadPath = "/nonexistent/result.json"
        let outputs = try Pipeline(name: "t", version: "0", stages: [DecodeStage()]).collect(document)
        guard case let .document(doc) = outputs.first else {
            Issue.record("expected a document")
            return
        }
        #expect(!doc.warnings.contains { $0.code == "invalid-bytes" })
        #expect(doc.charset?.charset == "utf-8")
        #expect(doc.text.hasSuffix("lejin. K"))
        for (bytes, complete): ([UInt8], Int) in [([0x61, 0xC7], 1), ([0x61, 0xC7, 0x9D], 3), ([0x61, 0xE2, 0x80], 1), ([0xF0, 0x9F, 0x98], 0), ([0x61], 1)] {
            #expect(bytes.withUnsafeBufferPointer { DecodeStage.completeUTF8Prefix($0) } == complete)
        }
    }

    @Test func unassignedBytesInADeclaredCharsetAreCountedAndReported() throws {
        var body = try Fixtures.encode(SampleText.arabic, "iso-8859-6")
        body.insert(0xFF, at: 10)
        body.insert(0xA1, at: 30)
        let bytes = Array("<meta charset=\"iso-8859-6\">".utf8) + body
        let doc = try Fixtures.decode(bytes, path: "p.html")
        #expect(doc.charset?.charset == "iso-8859-6")
        #expect(doc.charset?.source == .declared)
        let warning = doc.warnings.first { $0.code == "invalid-bytes" }
        #expect(warning?.count == 2)
        #expect(warning?.message == "2 byte sequences were not valid iso-8859-6 and became U+FFFD")
    }

    @Test func truncatedUTF16IsReplacedAndReported() throws {
        // "S", a lone high surrogate, "a", then half a code unit.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x53, 0x00, 0x00, 0xD8, 0x61, 0x00, 0x6E]
        let doc = try Fixtures.decode(bytes)
        #expect(doc.text == "S\u{FFFD}a\u{FFFD}")
        let warning = doc.warnings.first { $0.code == "invalid-bytes" }
        #expect(warning?.count == 2)
        #expect(warning?.message.contains("odd number of bytes") == true)
    }

    @Test func neverCrashesOnArbitraryBytes() {
        var rng = SeededGenerator(seed: 2024)
        let alphabet: [[UInt8]] = [[0x00], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], Array("<meta charset=utf-16>".utf8),
                                   Array("<?xml encoding='".utf8), [0xC3, 0x83], [0xD8], [0xE2, 0x80], [0x41, 0x00]]
        for round in 0..<300 {
            var bytes: [UInt8] = []
            let pieces = Int.random(in: 1...40, using: &rng)
            for _ in 0..<pieces {
                if Bool.random(using: &rng) {
                    bytes += alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
                } else {
                    bytes += (0..<Int.random(in: 0...12, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                }
            }
            do {
                let doc = try Fixtures.decode(bytes, path: "fuzz/\(round)")
                #expect(doc.charset != nil || doc.mediaType == "application/gzip" || doc.mediaType == "application/warc")
            } catch let error as DecodeError {
                #expect(error.description.hasPrefix("fuzz/\(round): "))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func largeLegacyInputIsDecodedOnceAndQuickly() throws {
        let paragraph = try Fixtures.encode(SampleText.arabic + "\n", "windows-1256")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 << 20)
        while bytes.count < 4 << 20 { bytes += paragraph }
        // Speed is measured in benchmarks, not asserted here; this checks a multi-MB input decodes.
        let doc = try Fixtures.decode(bytes)
        #expect(doc.charset?.charset == "windows-1256")
        #expect(doc.text.utf8.count > bytes.count)
    }
}
