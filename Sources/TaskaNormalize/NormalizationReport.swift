/// Normalised text together with what normalisation changed in it.
public struct NormalizationReport: Sendable, Equatable {
    /// The normalised paragraphs joined by `\n`.
    public var text: String
    /// How many characters each step removed or rewrote.
    public var changes: NormalizationChanges

    public init(text: String, changes: NormalizationChanges) {
        self.text = text
        self.changes = changes
    }
}
