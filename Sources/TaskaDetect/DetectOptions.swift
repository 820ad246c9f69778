/// Options of the Detect stage.
public struct DetectOptions: Sendable, Equatable {
    /// Sentence pieces with fewer letters take the paragraph's language for their script.
    public var minimumLetters = 20
    /// Whether HTML `lang` attributes (per paragraph) hint low-confidence pieces.
    public var useDeclaredLanguages = true

    public init(minimumLetters: Int = 20, useDeclaredLanguages: Bool = true) {
        self.minimumLetters = minimumLetters
        self.useDeclaredLanguages = useDeclaredLanguages
    }

    /// E.g. `model=taska-langid-1 min-letters=20 declared-languages=hint`.
    public var canonicalDescription: String {
        "model=taska-langid-1 min-letters=\(minimumLetters) declared-languages=\(useDeclaredLanguages ? "hint" : "ignore")"
    }
}
