/// Something a stage noticed and repaired or could not fully handle, kept in the record.
///
/// Warnings never stop a document; errors do (see `StageFailure`).
public struct DocumentWarning: Sendable, Equatable {
    /// The stage that raised it (`decode`, `extract`, `normalize`, …).
    public var stage: String
    /// A stable kebab-case code a program can match on, e.g. `invalid-bytes`, `mojibake-repaired`.
    public var code: String
    /// A sentence a person can act on.
    public var message: String
    /// How many times it happened, where that is meaningful.
    public var count: Int?

    public init(stage: String, code: String, message: String, count: Int? = nil) {
        self.stage = stage
        self.code = code
        self.message = message
        self.count = count
    }
}
