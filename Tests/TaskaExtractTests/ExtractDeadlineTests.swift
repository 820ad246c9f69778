import Foundation
import Testing
import TaskaCore
@testable import TaskaExtract

/// A source that fans out (a channel export) is limited by its own reading time, not by how long
/// its sub-documents take in the stages after extraction, each on its own budget.
@Suite struct ExtractDeadlineTests {
    /// Emits `count` one-line sub-documents.
    struct FanOutReader: FormatReader {
        var count: Int
        var name: String { "fan-out" }
        func accepts(_ document: SourceDocument) -> Bool { true }
        func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
            for i in 0..<count {
                var sub = document
                sub.subIndex = i
                sub.text = "message \(i)"
                sub.blocks = [TextBlock(text: sub.text)]
                try emit(sub)
            }
        }
    }

    /// Stands for the later stages: takes `seconds` per document.
    struct SlowStage: Stage {
        var seconds: Double
        var name: String { "slow" }
        var configuration: String { "" }
        func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
            Thread.sleep(forTimeInterval: seconds)
            try emit(document)
        }
    }

    @Test func messagesTakingLongDownstreamDoNotExhaustTheExportsBudget() throws {
        // Six messages at 0.1 s each downstream: 0.6 s in all against a 0.25 s budget, which
        // each message alone keeps.
        let pipeline = Pipeline(name: "t", version: "0", stages: [ExtractStage(formats: [FanOutReader(count: 6)]), SlowStage(seconds: 0.1)],
                                limits: DocumentLimits(maxSeconds: 0.25))
        var doc = SourceDocument(source: SourceInfo(path: "export.json", bytes: 0, sha256: ""), bytes: [])
        doc.text = "{}"
        let outputs = try pipeline.collect(doc)
        let failures = outputs.compactMap { output -> String? in
            if case let .failure(_, failure) = output { return failure.message }
            return nil
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(outputs.count == 6)
    }
}
