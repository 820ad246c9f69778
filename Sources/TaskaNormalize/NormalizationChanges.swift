import TaskaCore

/// How many characters each normalisation step removed or rewrote.
///
/// The stage turns every non-zero count into a `DocumentWarning` (see `warnings`), so a record
/// says what was repaired in it.
public struct NormalizationChanges: Sendable, Equatable {
    /// Bidi embedding, override and isolate controls and LRM/RLM/ALM removed.
    public var bidiControls = 0
    /// Stray zero-width characters removed (ZWSP, WJ, BOM, soft hyphen, ZWJ, ZWNJ outside words).
    public var zeroWidth = 0
    /// Arabic presentation-form characters replaced by base letters.
    public var presentationForms = 0
    /// Tatweel (kashida) characters removed.
    public var tatweel = 0
    /// Hausa hooked-letter spellings unified (b' d' k' 'y, look-alike letters); only under
    /// `orthography: standard`.
    public var hausaLetters = 0
    /// Kanuri schwa variants unified to ə/Ə; only under `orthography: standard`.
    public var kanuriSchwa = 0
    /// Other C0/C1 control characters removed.
    public var controlCharacters = 0
    /// Inline spans (links, entities, hints) that could not be placed on the normalised text
    /// (see `SpanMapper`). Not a character count, so not part of `total`.
    public var spansDropped = 0

    public init() {}

    /// The sum of all counts.
    public var total: Int {
        bidiControls + zeroWidth + presentationForms + tatweel + hausaLetters + kanuriSchwa + controlCharacters
    }

    /// Adds another set of counts to this one.
    public mutating func add(_ other: NormalizationChanges) {
        bidiControls += other.bidiControls
        zeroWidth += other.zeroWidth
        presentationForms += other.presentationForms
        tatweel += other.tatweel
        hausaLetters += other.hausaLetters
        kanuriSchwa += other.kanuriSchwa
        controlCharacters += other.controlCharacters
        spansDropped += other.spansDropped
    }

    /// One warning per non-zero count, in a fixed order, raised by stage `normalize`.
    public var warnings: [DocumentWarning] {
        func plural(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }
        var out: [DocumentWarning] = []
        func add(_ count: Int, _ code: String, _ message: @autoclosure () -> String) {
            if count > 0 { out.append(DocumentWarning(stage: "normalize", code: code, message: message(), count: count)) }
        }
        add(bidiControls, "bidi-controls-removed",
            "Removed \(plural(bidiControls, "bidi control character", "bidi control characters")) (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)")
        add(zeroWidth, "zero-width-removed",
            "Removed \(plural(zeroWidth, "stray zero-width character", "stray zero-width characters")) (U+200B, U+200C, U+200D, U+2060, U+FEFF, U+00AD)")
        add(presentationForms, "presentation-forms-folded",
            "Folded \(plural(presentationForms, "Arabic presentation form", "Arabic presentation forms")) (U+FB50–U+FDFF, U+FE70–U+FEFE) to base letters")
        add(tatweel, "tatweel-removed",
            "Removed \(plural(tatweel, "tatweel", "tatweels")) (U+0640)")
        add(hausaLetters, "hausa-letters-folded",
            "Unified \(plural(hausaLetters, "Hausa hooked-letter spelling", "Hausa hooked-letter spellings")) to ɓ ɗ ƙ ʼy (apostrophe spellings and look-alike letters)")
        add(kanuriSchwa, "kanuri-schwa-unified",
            "Unified \(plural(kanuriSchwa, "Kanuri schwa", "Kanuri schwas")) (ǝ U+01DD, Ǝ U+018E, Cyrillic ә Ә) to ə U+0259 / Ə U+018F")
        add(controlCharacters, "control-characters-removed",
            "Removed \(plural(controlCharacters, "control character", "control characters")) (C0/C1 other than tab and line ends)")
        add(spansDropped, "spans-dropped",
            "Dropped \(plural(spansDropped, "inline span", "inline spans")) (link, entity or language hint) that could not be placed on the normalised text: \(spansDropped == 1 ? "its" : "their") text is empty after cleaning or its edge falls inside a composed character or a spelling fold")
        return out
    }
}
