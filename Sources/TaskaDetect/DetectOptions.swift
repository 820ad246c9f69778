/// Options of the Detect stage.
public struct DetectOptions: Sendable, Equatable {
    /// Sentence pieces with fewer letters take the paragraph's language for their script.
    public var minimumLetters = 20
    /// Whether HTML `lang` attributes (per paragraph) hint low-confidence pieces.
    public var useDeclaredLanguages = true
    /// The languages that may be reported (`ha`, `knc`, `ar`, `en`); a segment found to be in
    /// another language is reported as `und`. `nil` reports every language of the model.
    public var languages: [String]?

    public init(minimumLetters: Int = 20, useDeclaredLanguages: Bool = true, languages: [String]? = nil) {
        self.minimumLetters = minimumLetters
        self.useDeclaredLanguages = useDeclaredLanguages
        self.languages = languages
    }

    /// E.g. `model=taska-langid-1 min-letters=20 declared-languages=hint`.
    public var canonicalDescription: String {
        "model=taska-langid-1 min-letters=\(minimumLetters) declared-languages=\(useDeclaredLanguages ? "hint" : "ignore")"
            + (languages.map { " languages=\($0.joined(separator: ","))" } ?? "")
    }
}
