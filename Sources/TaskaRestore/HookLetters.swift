/// The Hausa hooked letters, the plain letters OCR and ASCII typing leave in their place, and
/// the apostrophes that spell a hook (`k'`, `'y`).
///
/// Why one table: the trainer, the restorer and the stage must agree on exactly which scalars
/// are candidates, hooks and apostrophes, or the model would be trained on other words than
/// it is asked about.
enum HookLetters {
    /// The hooked letter for a plain candidate (`b d k y`, `B D K Y`), else nil.
    @inline(__always)
    static func hooked(_ plain: UInt32) -> UInt32? {
        switch plain {
        case 0x62: 0x253  // b → ɓ
        case 0x64: 0x257  // d → ɗ
        case 0x6B: 0x199  // k → ƙ
        case 0x79: 0x1B4  // y → ƴ
        case 0x42: 0x181  // B → Ɓ
        case 0x44: 0x18A  // D → Ɗ
        case 0x4B: 0x198  // K → Ƙ
        case 0x59: 0x1B3  // Y → Ƴ
        default: nil
        }
    }

    /// The plain letter of a hooked one (`ɓ` → `b`, `Ƙ` → `K`), else nil.
    @inline(__always)
    static func plain(_ hooked: UInt32) -> UInt32? {
        switch hooked {
        case 0x253: 0x62
        case 0x257: 0x64
        case 0x199: 0x6B
        case 0x1B4: 0x79
        case 0x181: 0x42
        case 0x18A: 0x44
        case 0x198: 0x4B
        case 0x1B3: 0x59
        default: nil
        }
    }

    /// Whether `s` is one of `ɓ ɗ ƙ ƴ` or their capitals.
    @inline(__always)
    static func isHooked(_ s: UInt32) -> Bool { plain(s) != nil }

    /// Whether `s` is one of `b d k y` in lower case (a candidate position of a key).
    @inline(__always)
    static func isCandidate(_ s: UInt32) -> Bool { s == 0x62 || s == 0x64 || s == 0x6B || s == 0x79 }

    /// Apostrophes that spell a hook or a glottal stop: `'` `’` `‘` `ʼ` `ʻ` `` ` `` `´`
    /// (the set the search key folds).
    @inline(__always)
    static func isApostrophe(_ s: UInt32) -> Bool {
        s == 0x27 || s == 0x2019 || s == 0x2018 || s == 0x2BC || s == 0x2BB || s == 0x60 || s == 0xB4
    }

    /// Whether `s` belongs inside a word: a letter or a combining mark (ASCII tested first).
    @inline(__always)
    static func isWordScalar(_ s: UInt32) -> Bool {
        if s < 0x80 { return (s | 0x20) >= 0x61 && (s | 0x20) <= 0x7A }
        if isApostrophe(s) { return false }
        guard let scalar = Unicode.Scalar(s) else { return false }
        let p = scalar.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The lower-case key scalar of a word scalar: hooks removed, case folded, apostrophes one.
    @inline(__always)
    static func keyScalar(_ s: UInt32) -> UInt32 {
        if s < 0x80 { return s >= 0x41 && s <= 0x5A ? s | 0x20 : s }
        if let p = plain(s) { return p | 0x20 }
        if isApostrophe(s) { return 0x27 }
        return lowercase(s)
    }

    /// The lower-case form of `s` when that is one scalar (hooked capitals included), else `s`.
    @inline(__always)
    static func lowercase(_ s: UInt32) -> UInt32 {
        if s < 0x80 { return s >= 0x41 && s <= 0x5A ? s | 0x20 : s }
        switch s {
        case 0x181: return 0x253
        case 0x18A: return 0x257
        case 0x198: return 0x199
        case 0x1B3: return 0x1B4
        default: break
        }
        guard let scalar = Unicode.Scalar(s), scalar.properties.changesWhenLowercased else { return s }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : s
    }

    /// `scalars` as a `String` (UTF-8 encoded in one pass).
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == UInt32 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + 8)
        for s in scalars { appendUTF8(s, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of scalar value `s` to `bytes`.
    @inline(__always)
    static func appendUTF8(_ s: UInt32, to bytes: inout [UInt8]) {
        switch s {
        case 0..<0x80: bytes.append(UInt8(s))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | s >> 6)); bytes.append(UInt8(0x80 | s & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | s >> 12)); bytes.append(UInt8(0x80 | s >> 6 & 0x3F)); bytes.append(UInt8(0x80 | s & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | s >> 18)); bytes.append(UInt8(0x80 | s >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | s >> 6 & 0x3F)); bytes.append(UInt8(0x80 | s & 0x3F))
        }
    }
}
