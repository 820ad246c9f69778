/// How the feature extractor and the segmenter see one Unicode scalar.
///
/// Why not ICU per character: the hot loop must run at ≥ 10 MB/s; Latin and Arabic (the
/// scripts with language models) are decided by ranges here, and only letters of other
/// scripts are named through ICU (`ICUScripts`), once per segment.
enum CharacterClass: UInt8 {
    /// Space, punctuation, symbols: a word boundary.
    case separator
    /// A letter of the Latin script (after folding).
    case latin
    /// A letter of the Arabic script.
    case arabic
    /// An Arabic combining mark (harakat, Quranic marks): kept out of the n-gram stream.
    case arabicMark
    /// A combining mark of another script (kept inside the word).
    case mark
    /// A letter of a script without a language model (Cyrillic, Devanagari, Han, …).
    case otherLetter
    /// A digit (any script): a word boundary that is not a letter.
    case digit
    /// Tatweel, zero-width joiners: ignored altogether.
    case ignored
    /// An apostrophe or modifier letter apostrophe: part of a Latin word (Hausa ʼy, ’b).
    case apostrophe

    /// Classes of U+0000…U+08FF, looked up instead of computed in the hot loops.
    static let table: [CharacterClass] = (0..<0x900).map { compute(UInt32($0)) }

    /// The class of `v`.
    @inline(__always)
    static func of(_ v: UInt32) -> CharacterClass {
        if v < 0x900 { return table.withUnsafeBufferPointer { $0[Int(v)] } }
        return compute(v)
    }

    /// The class of `v` with `table` (`CharacterClass.table`'s storage) in hand: hot loops take
    /// the table once instead of passing the static's lazy-initialisation check per scalar.
    @inline(__always)
    static func of(_ v: UInt32, in table: UnsafeBufferPointer<CharacterClass>) -> CharacterClass {
        v < 0x900 ? table[Int(v)] : compute(v)
    }

    /// The class of `v`, computed.
    static func compute(_ v: UInt32) -> CharacterClass {
        if v < 0x80 {
            if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { return .latin }
            if v >= 0x30 && v <= 0x39 { return .digit }
            if v == 0x27 { return .apostrophe }
            return .separator
        }
        if v >= 0x0600 && v <= 0x08FF { return arabicBlock(v) }
        if v >= 0xC0 && v <= 0x24F { return (v == 0xD7 || v == 0xF7) ? .separator : .latin }
        if v >= 0x250 && v <= 0x2AF { return .latin }  // IPA block: ɓ ɗ ə ƴ live around here
        if v == 0x2019 || v == 0x2BC || v == 0x2018 || v == 0x2B9 || v == 0x60 { return .apostrophe }
        if v >= 0x1E00 && v <= 0x1EFF { return .latin }
        if v == 0x04D8 || v == 0x04D9 { return .latin }  // Cyrillic ә Ә typed for the Kanuri schwa
        if v >= 0x300 && v <= 0x36F { return .mark }
        if v >= 0xFB50 && v <= 0xFDFF { return .arabic }
        if v >= 0xFE70 && v <= 0xFEFC { return .arabic }
        if v == 0x200C || v == 0x200D || v == 0x200B || v == 0xFEFF || v == 0xAD { return .ignored }
        guard let scalar = Unicode.Scalar(v) else { return .separator }
        let p = scalar.properties
        if p.numericType == .decimal { return .digit }
        if p.isAlphabetic {
            switch p.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
            default: return .otherLetter
            }
        }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        default: return .separator
        }
    }

    @inline(__always)
    private static func arabicBlock(_ v: UInt32) -> CharacterClass {
        switch v {
        case 0x0640: return .ignored
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
             0x06EA...0x06ED, 0x08CA...0x08E1, 0x08E3...0x08FF: return .arabicMark
        case 0x0660...0x0669, 0x06F0...0x06F9: return .digit
        case 0x0620...0x063F, 0x0641...0x064A, 0x066E, 0x066F, 0x0671...0x06D3, 0x06D5, 0x06E5, 0x06E6,
             0x06EE, 0x06EF, 0x06FA...0x06FC, 0x06FF, 0x0750...0x077F, 0x0870...0x0887, 0x0889...0x088E,
             0x08A0...0x08C9: return .arabic
        default: return .separator
        }
    }

    /// The feature form of a Latin letter: lower case; Kanuri schwa `ǝ` (U+01DD), `Ǝ` and the
    /// Cyrillic look-alikes `ә` `Ә` folded to `ə` (U+0259): writers use all of them.
    @inline(__always)
    static func foldLatin(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return v | 0x20 }
        switch v {
        case 0x01DD, 0x018E, 0x018F, 0x04D8, 0x04D9: return 0x0259
        case 0x0181: return 0x0253  // Ɓ
        case 0x018A: return 0x0257  // Ɗ
        case 0x0198: return 0x0199  // Ƙ
        case 0x01B3: return 0x01B4  // Ƴ
        default: break
        }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return v + 0x20 }
        if v < 0x100 { return v }
        guard let s = Unicode.Scalar(v), s.properties.isUppercase else { return v }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.first?.value ?? v
    }
}
