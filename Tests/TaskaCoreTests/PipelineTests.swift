import Testing
@testable import TaskaCore

/// A stage that splits text on "|" into sub-documents (like a feed reader fanning out).
private struct SplitStage: Stage {
    var name: String { "split" }
    var configuration: String { "separator=|" }
    func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        for (i, part) in document.text.split(separator: "|").enumerated() {
            var sub = document
            sub.subIndex = i
            sub.text = String(part)
            try emit(sub)
        }
    }
}

private struct FailOn: Stage, Sendable {
    var word: String
    var name: String { "fail" }
    var configuration: String { "word=\(word)" }
    struct Failure: DocumentError { var description: String }
    func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        if document.text.contains(word) { throw Failure(description: "found \(word) at byte 0; remove it") }
        try emit(document)
    }
}

private func document(_ text: String) -> SourceDocument {
    var doc = SourceDocument(source: SourceInfo(path: "x.txt", bytes: text.utf8.count, sha256: "abc"), bytes: Array(text.utf8))
    doc.text = text
    return doc
}

@Suite struct PipelineTests {
    @Test func fansOutAndKeepsOrder() throws {
        let pipeline = Pipeline(name: "t", version: "1", stages: [SplitStage()])
        let outputs = try pipeline.collect(document("a|b|c"))
        let texts = outputs.compactMap { if case let .document(d) = $0 { return d.text } else { return nil } }
        #expect(texts == ["a", "b", "c"])
    }

    @Test func oneFailingSubDocumentDoesNotStopTheOthers() throws {
        let pipeline = Pipeline(name: "t", version: "1", stages: [SplitStage(), FailOn(word: "bad")])
        let outputs = try pipeline.collect(document("a|bad|c"))
        #expect(outputs.count == 3)
        guard case let .failure(doc, failure) = outputs[1] else { Issue.record("expected a failure"); return }
        #expect(doc.subIndex == 1)
        #expect(failure.stage == "fail")
        #expect(failure.message.contains("remove it"))
        #expect(doc.id == "abc#1")
    }

    @Test func outputErrorsStopTheRun() {
        struct Full: Error {}
        let pipeline = Pipeline(name: "t", version: "1", stages: [SplitStage()])
        #expect(throws: Full.self) {
            try pipeline.run(document("a|b")) { _ in throw Full() }
        }
    }

    @Test func hashChangesWithConfiguration() {
        let a = Pipeline(name: "t", version: "1", stages: [FailOn(word: "x")])
        let b = Pipeline(name: "t", version: "1", stages: [FailOn(word: "y")])
        #expect(a.hash != b.hash)
        #expect(a.hash.count == 16)
        #expect(a.hash == Pipeline(name: "t", version: "1", stages: [FailOn(word: "x")]).hash)
    }
}
