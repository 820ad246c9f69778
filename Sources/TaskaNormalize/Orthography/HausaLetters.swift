/// The letters and apostrophes of Hausa and Kanuri orthography, and their canonical forms.
///
/// Canonical choices (Boko orthography as used by Hausa and Kanuri publishers), written into
/// `text` only under `orthography: standard` and always into the search key:
/// - hooked letters ɓ U+0253, ɗ U+0257, ƙ U+0199 (capitals Ɓ U+0181, Ɗ U+018A, Ƙ U+0198);
/// - the glottalised y is written `ʼy` with U+02BC MODIFIER LETTER APOSTROPHE (a letter, so
///   words are not split at it); ƴ U+01B4 / Ƴ U+01B3 (Niger usage) are left as they are in
///   text; the search key writes all three spellings as ƴ;
/// - the schwa is ə U+0259 / Ə U+018F (ǝ U+01DD / Ǝ U+018E and Cyrillic ә/Ә are folded to it).
enum HausaLetters {
    /// Apostrophe-like characters used in legacy hooked spellings: ' ’ ‘ ʼ ʻ ` ´.
    @inline(__always)
    static func isApostrophe(_ c: UInt32) -> Bool {
        c == 0x27 || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BB || c == 0x60 || c == 0xB4
    }

    /// b d k B D K: letters that take a hook.
    @inline(__always)
    static func isHookBase(_ c: UInt32) -> Bool {
        switch c {
        case 0x62, 0x64, 0x6B, 0x42, 0x44, 0x4B: return true
        default: return false
        }
    }

    /// ɓ for b, Ɗ for D, …
    static func hooked(_ c: UInt32) -> UInt32 {
        switch c {
        case 0x62: return 0x0253
        case 0x64: return 0x0257
        case 0x6B: return 0x0199
        case 0x42: return 0x0181
        case 0x44: return 0x018A
        case 0x4B: return 0x0198
        default: return c
        }
    }

    /// Look-alike letters seen in place of Hausa hooked letters, and their canonical letter:
    /// ɖ/Ɖ (African D, Ewe) for ɗ/Ɗ, Cyrillic қ/Қ (ka with descender) for ƙ/Ƙ.
    static func hausaLookAlike(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x0256: return 0x0257
        case 0x0189: return 0x018A
        case 0x049B: return 0x0199
        case 0x049A: return 0x0198
        default: return nil
        }
    }

    /// Schwa variants and the canonical schwa: ǝ→ə, Ǝ→Ə, Cyrillic ә→ə, Ә→Ə.
    static func schwaVariant(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x01DD, 0x04D9: return 0x0259
        case 0x018E, 0x04D8: return 0x018F
        default: return nil
        }
    }

    /// Letters English does not use: ɓ ɗ ƙ ƴ ə ǝ (lowercase, see `lowercase`).
    @inline(__always)
    static func isStrong(_ lower: UInt32) -> Bool {
        lower == 0x0253 || lower == 0x0257 || lower == 0x0199 || lower == 0x01B4 || lower == 0x0259
    }

    /// A cheap lowercase for the gate: ASCII, hooked capitals, and all schwa forms to ə.
    @inline(__always)
    static func lowercase(_ c: UInt32) -> UInt32 {
        if c >= 0x41 && c <= 0x5A { return c + 0x20 }
        switch c {
        case 0x0181: return 0x0253
        case 0x018A: return 0x0257
        case 0x0198: return 0x0199
        case 0x01B3: return 0x01B4
        case 0x018F, 0x018E, 0x01DD, 0x04D8, 0x04D9: return 0x0259
        default: return c
        }
    }
}
