import TaskaCore

/// Options of the restore-hooks stage.
///
/// Why `apply` defaults to `ocr`: text keeps the letters its source used; only where OCR read
/// the letters (and so lost the hooks the page had) are they inferred. Collections typed
/// without hooks can ask for `lost`.
public struct RestoreHooksOptions: Sendable, Equatable {
    /// Which Hausa text is restored.
    public enum Apply: String, CaseIterable, Sendable {
        /// Pages marked as OCR (`pages[].source == ocr`) only.
        case ocr
        /// OCR pages, and other Hausa text that has no hook spelling at all but enough words
        /// the model would restore (typed without hooks). Text in a language the detector takes
        /// for Hausa (Indonesian `dan`, `di`) can pass this test: use it on Hausa collections.
        case lost
        /// Every Hausa segment (letters the source hooked are still never changed).
        case all
        /// Nothing: the stage passes documents through.
        case none
    }

    public var apply: Apply
    /// Under `ocr` and `lost`: OCR'd Hausa is restored whole when at least this share of its words
    /// shows a hooked letter (Tesseract reads most ɓ ɗ ƙ ƴ as b d k y, but some ɗ as ď, which OCR
    /// gives back as ɗ): the page was printed with hooks. Below it only the sentences that show
    /// one are restored, and OCR'd Hausa with no hooked letter at all is left as read: its
    /// source may have been typed without hooks.
    public var ocrHookedShare: Double
    /// Under `lost`, hook-lost text outside OCR pages needs at least this many words the model
    /// would restore…
    public var minimumWords: Int
    /// …and they must be at least this share of its Hausa words.
    public var minimumShare: Double

    public init(apply: Apply = .ocr, minimumWords: Int = 3, minimumShare: Double = 0.03, ocrHookedShare: Double = 0.02) {
        self.apply = apply
        self.ocrHookedShare = ocrHookedShare
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
                meaning: "ocr: OCR pages only; lost: also Hausa text with no hook spelling but many words to restore; all: every Hausa segment; none: off"),
        .integer("min-words", \.minimumWords, 1...1_000,
                 meaning: "apply lost: hook-lost text needs at least this many words the model would restore"),
        .number("min-share", \.minimumShare, 0...1, meaning: "apply lost: and at least this share of its Hausa words"),
        .number("ocr-hooked-share", \.ocrHookedShare, 0...1,
                meaning: "apply ocr/lost: OCR'd Hausa is restored whole when this share of its words shows a hooked letter, else only its sentences that show one"),
    ]
}
