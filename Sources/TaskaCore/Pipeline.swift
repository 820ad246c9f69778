/// An ordered list of configured stages with a name, a version and a hash of its definition.
///
/// The hash goes into every record, so records made by different configurations can be told
/// apart and re-derived.
public struct Pipeline: Sendable {
    /// What came out of the pipeline for one input: a finished document or a failure.
    public enum Output: Sendable {
        case document(SourceDocument)
        case failure(SourceDocument, StageFailure)
    }

    public var name: String { didSet { hash = Self.hash(of: definition) } }
    /// Taska's version, which fixes the behaviour of the stages.
    public var version: String { didSet { hash = Self.hash(of: definition) } }
    public var stages: [any Stage] { didSet { hash = Self.hash(of: definition) } }
    /// Per-document resource limits, stamped on every document this pipeline runs.
    public var limits: DocumentLimits { didSet { hash = Self.hash(of: definition) } }
    /// First 16 hex digits of the SHA-256 of `definition`; kept up to date on every change, so
    /// stamping it on each record costs nothing.
    public private(set) var hash: String

    public init(name: String, version: String, stages: [any Stage], limits: DocumentLimits = DocumentLimits()) {
        self.name = name
        self.version = version
        self.stages = stages
        self.limits = limits
        hash = ""
        hash = Self.hash(of: definition)
    }

    /// The canonical text of the resolved definition: one `name: configuration` line per stage.
    public var definition: String {
        var lines = ["pipeline: \(name)", "version: \(version)"]
        for stage in stages { lines.append("\(stage.name): \(stage.configuration)") }
        if limits != DocumentLimits() { lines.append("limits: \(limits.canonicalDescription)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func hash(of definition: String) -> String {
        String(SHA256.hex(of: Array(definition.utf8)).prefix(16))
    }

    /// Runs `document` through every stage, handing each result to `output` as it is produced.
    ///
    /// A stage that throws turns its input into a `.failure`; other documents of the same source
    /// go on. A stage that fans out reports one broken sub-document by emitting it with
    /// `failure` set: it becomes a `.failure` at once and the later stages never see it. An error thrown by `output` itself (say, a full disk) stops the run and is rethrown.
    /// Every document gets `limits`; its `deadline` is `limits.maxSeconds` from when the
    /// pipeline started it (a sub-document of a fan-out: from when it was emitted).
    public func run(_ document: SourceDocument, output: (Output) throws -> Void) throws {
        var document = document
        document.limits = limits
        document.restartDeadline()
        do {
            try run(document, from: 0, output: output)
        } catch let error as OutputError {
            throw error.underlying
        }
    }

    private struct OutputError: Error { var underlying: any Error }

    private func run(_ document: SourceDocument, from index: Int, output: (Output) throws -> Void) throws {
        if let failure = document.failure {
            // A stage that fans out marked this sub-document as broken: an error record for it alone.
            do { try output(.failure(document, failure)) } catch { throw OutputError(underlying: error) }
            return
        }
        if index == stages.count {
            do { try output(.document(document)) } catch { throw OutputError(underlying: error) }
            return
        }
        let stage = stages[index]
        do {
            try stage.process(document) { emitted in
                // Stages build sub-documents afresh (WARC records, feed items, messages): they
                // inherit the pipeline's limits, and each one of a fan-out gets its own time budget.
                var next = emitted
                next.limits = limits
                if next.subIndex != document.subIndex || next.deadline == nil {
                    next.restartDeadline()
                } else {
                    next.deadline = document.deadline
                }
                try run(next, from: index + 1, output: output)
            }
        } catch let error as OutputError {
            throw error
        } catch {
            var message = String(describing: error)
            // Stages name the file; a member of an archive is named here, once for all stages.
            if let member = document.source.container, member.chain.count > 1 {
                message += " (archive member \(member.shownMembers))"
            }
            do {
                try output(.failure(document, StageFailure(stage: stage.name, message: message)))
            } catch {
                throw OutputError(underlying: error)
            }
        }
    }

    /// Runs `document` and collects every output (convenient for tests and small inputs).
    public func collect(_ document: SourceDocument) throws -> [Output] {
        var outputs: [Output] = []
        try run(document) { outputs.append($0) }
        return outputs
    }
}
