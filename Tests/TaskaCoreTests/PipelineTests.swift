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

/// A stage that builds its sub-documents afresh, as container readers do (default limits, no deadline).
private struct FreshSplitStage: Stage {
    var name: String { "fresh-split" }
    var configuration: String { "" }
    func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        for (i, part) in document.text.split(separator: "|").enumerated() {
            var sub = SourceDocument(source: document.source, subIndex: i, bytes: [])
            sub.text = String(part)
            try emit(sub)
        }
    }
}

/// Passes documents through, failing once the deadline has passed.
private struct DeadlineCheck: Stage {
    var name: String { "deadline" }
    var configuration: String { "" }
    func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        try document.checkDeadline("checked by the test stage")
        try emit(document)
    }
}

@Suite struct PipelineTests {
    @Test func subDocumentsInheritTheLimitsAndGetTheirOwnDeadline() throws {
        let limits = DocumentLimits(maxBytes: 1000, maxDepth: 10, maxNodes: 100, maxSeconds: 30)
        let pipeline = Pipeline(name: "t", version: "1", stages: [FreshSplitStage()], limits: limits)
        let docs = try pipeline.collect(document("a|b")).compactMap { if case let .document(d) = $0 { return d } else { return nil } }
        #expect(docs.count == 2)
        for doc in docs {
            #expect(doc.limits == limits)
            #expect(doc.deadline != nil)
        }
        #expect(pipeline.definition.contains("limits: max-bytes=1000"))
    }

    @Test func aDocumentPastItsDeadlineBecomesAnErrorNamingTheLimit() throws {
        let pipeline = Pipeline(name: "t", version: "1", stages: [DeadlineCheck()], limits: DocumentLimits(maxSeconds: 0))
        let outputs = try pipeline.collect(document("slow"))
        guard case let .failure(_, failure)? = outputs.first else { Issue.record("expected a failure"); return }
        #expect(failure.stage == "deadline")
        #expect(failure.message.contains("max-seconds"))
        #expect(failure.message.contains("limits:"))
    }

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

    @Test func hashFollowsEveryChange() {
        var p = Pipeline(name: "t", version: "1", stages: [FailOn(word: "x")])
        var seen = [p.hash]
        p.stages[0] = FailOn(word: "y"); seen.append(p.hash)
        p.stages.append(SplitStage()); seen.append(p.hash)
        p.name = "u"; seen.append(p.hash)
        p.version = "2"; seen.append(p.hash)
        p.limits.maxNodes = 7; seen.append(p.hash)
        #expect(Set(seen).count == seen.count)
        let fresh = Pipeline(name: "u", version: "2", stages: [FailOn(word: "y"), SplitStage()], limits: p.limits)
        #expect(p.hash == fresh.hash)
    }
}
