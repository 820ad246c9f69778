/// One step of a pipeline: maps one document to zero or more documents.
///
/// A stage is a small configured value. It hands each output to `emit` as soon as it is ready,
/// so a source that fans out into many documents streams through the rest of the pipeline
/// instead of being held whole. Throwing turns the input document into an error record; the
/// batch goes on.
public protocol Stage: Sendable {
    /// Stable lowercase name used in error records, warnings and `inspect` output.
    var name: String { get }
    /// A canonical description of the stage's configuration, hashed into the pipeline hash.
    var configuration: String { get }
    /// Processes `document`, calling `emit` for each output document.
    func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws
}

/// A failure that stops one document in one stage.
///
/// Conforming errors give a message a user can act on: what went wrong, where (byte offset
/// when known), and what to do.
public protocol DocumentError: Error, CustomStringConvertible {}

/// A stage failure attached to the document it stopped.
public struct StageFailure: Sendable, Equatable {
    public var stage: String
    public var message: String

    public init(stage: String, message: String) {
        self.stage = stage
        self.message = message
    }
}
