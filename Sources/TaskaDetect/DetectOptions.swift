import TaskaCore

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

    /// Languages the shipped model reports, in the order `languages:` lists them by default.
    public static let modelLanguages = ["ha", "knc", "ar", "en"]
}

extension DetectOptions: StageOptions {
    public init() { self.init(minimumLetters: 20) }

    public static let declarations: [OptionDeclaration<DetectOptions>] = [
        OptionDeclaration("model", .oneOf(["taska-langid-1"]), meaning: "the language model",
                          read: { _ in "taska-langid-1" }, write: { _, _ in }),
        .integer("min-letters", \.minimumLetters, 0...10_000, meaning: "shorter sentence pieces take their paragraph's language"),
        OptionDeclaration("declared-languages", .oneOf(["hint", "ignore"]), meaning: "whether HTML lang attributes hint low-confidence pieces",
                          read: { $0.useDeclaredLanguages ? "hint" : "ignore" }, write: { $0.useDeclaredLanguages = $1 == "hint" }),
        OptionDeclaration("languages", .subset(modelLanguages), meaning: "languages that may be reported; others become und",
                          read: { ($0.languages ?? modelLanguages).joined(separator: ",") },
                          write: { options, text in
                              let languages = text.split(separator: ",").map(String.init)
                              options.languages = languages == modelLanguages ? nil : languages
                          }),
    ]
}
