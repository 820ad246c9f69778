import TaskaCore

/// Options of the restore-hooks stage.
///
/// Why `apply` defaults to `ocr`: text that writes its hooks anywhere is left exactly as the
/// source has it; only OCR'd pages and text that lost every hook are restored.
public struct RestoreHooksOptions: Sendable, Equatable {
    /// Which Hausa text is restored.
    public enum Apply: String, CaseIterable, Sendable {
        /// Pages marked as OCR (`pages[].source == ocr`), and any other Hausa text only when it
        /// has no hook spelling at all but enough words the model would restore (hooks lost).
        case ocr
        /// Every Hausa segment (letters the source hooked are still never changed).
        case all
        /// Nothing: the stage passes documents through.
        case none
    }

    public var apply: Apply
    /// Hook-lost text outside OCR pages needs at least this many words the model would restore…
    public var minimumWords: Int
    /// …and they must be at least this share of its Hausa words.
    public var minimumShare: Double

    public init(apply: Apply = .ocr, minimumWords: Int = 3, minimumShare: Double = 0.03) {
        self.apply = apply
        self.minimumWords = minimumWords
        self.minimumShare = minimumShare
    }

}

extension RestoreHooksOptions: StageOptions {
    public init() { self.init(apply: .ocr) }

    public static let declarations: [OptionDeclaration<RestoreHooksOptions>] = [
        OptionDeclaration("model", .oneOf(["taska-hooks-1"]), meaning: "the hooked-letter model",
                          read: { _ in "taska-hooks-1" }, write: { _, _ in }),
        .choice("apply", \.apply,
                meaning: "ocr: OCR pages, and Hausa text with no hook spelling but many words to restore; all: every Hausa segment; none: off"),
        .integer("min-words", \.minimumWords, 1...1_000,
                 meaning: "apply ocr: hook-lost text needs at least this many words the model would restore"),
        .number("min-share", \.minimumShare, 0...1, meaning: "apply ocr: and at least this share of its Hausa words"),
    ]
}
