/// A word of `text` whose letters a stage inferred rather than read: Unicode scalar offsets
/// [start, end) into the record's `text`, the word as the source had it and as restored.
///
/// Why: the fidelity rule says `text` holds the source's letters; a stage that infers letters
/// (Hausa hooked-letter restoration) must say where, so a reader can tell them apart and undo them.
public struct RestoredSpan: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// The word as the source wrote it (same scalar count as `to`).
    public var from: String
    /// The word as it now stands in `text`.
    public var to: String

    public init(start: Int, end: Int, from: String, to: String) {
        self.start = start
        self.end = end
        self.from = from
        self.to = to
    }
}
