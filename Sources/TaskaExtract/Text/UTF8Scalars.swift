/// Single scalars read from well-formed UTF-8, and which scalars are marks or format controls
/// (White_Space is `ScalarValues.isWhitespace`): what the byte-level text passes of the extractor need (block
/// building, text length for boilerplate scoring, plain-text paragraphs, white-space
/// collapsing, Telegram message text).
enum UTF8Scalars {
    /// The scalar at byte `i` of well-formed UTF-8 `u`: its value and byte length.
    @inline(__always)
    static func decode(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b = u[i]
        if b < 0x80 { return (UInt32(b), 1) }
        if b < 0xE0 { return (UInt32(b & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F), 2) }
        if b < 0xF0 { return (UInt32(b & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F), 3) }
        return (UInt32(b & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F), 4)
    }

    /// The byte offset where the scalar ending just before `end` starts (not before `lower`).
    @inline(__always)
    static func start(before end: Int, in u: UnsafeBufferPointer<UInt8>, lower: Int) -> Int {
        var s = end - 1
        while s > lower, u[s] & 0xC0 == 0x80 { s -= 1 }
        return s
    }

    /// Whether a scalar is a combining mark (general category Mn, Mc or Me: harakat, tone and
    /// accent marks, vowel signs) or a format control (Cf: soft hyphen, ZWJ/ZWNJ, bidi marks,
    /// BOM). Such a scalar is not a character of its own: text length counts it as nothing, so a
    /// vocalised and a bare spelling of the same words, or NFC and NFD, measure alike.
    @inline(__always)
    static func isMarkOrFormat(_ v: UInt32) -> Bool {
        if v < 0x10000 { return markBits[Int(v &>> 6)] &>> UInt64(v & 63) & 1 != 0 }
        return isMarkOrFormatAstral(v)
    }

    /// `isMarkOrFormat` of the scalar whose UTF-8 sequence starts at byte `i` of well-formed
    /// `u`, read from its bytes (a lead byte below 0xC0 is never one).
    @inline(__always)
    static func isMarkOrFormat(_ u: UnsafePointer<UInt8>, at i: Int) -> Bool {
        let b = u[i]
        if b < 0xC0 { return false }
        if b < 0xE0 {
            // One 64-scalar word of the table per two-byte lead.
            let word = markBits[Int(b & 0x1F)]
            return word != 0 && word &>> UInt64(u[i + 1] & 0x3F) & 1 != 0
        }
        if b < 0xF0 { return markBits[Int(b & 0x0F) &<< 6 | Int(u[i + 1] & 0x3F)] &>> UInt64(u[i + 2] & 0x3F) & 1 != 0 }
        return isMarkOrFormatAstral(UInt32(b & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F))
    }

    /// `isMarkOrFormat` for the basic multilingual plane: bit `v & 63` of word `v >> 6`.
    static let markBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for (word, mask) in markWords { bits[word] = mask }
        return bits
    }()

    /// The non-zero words of `markBits` (word index, mask): general categories Mn, Mc, Me and Cf
    /// below U+10000, as the standard library's Unicode data gives them. Written out because
    /// asking `Unicode.Scalar.Properties` for all 65,536 scalars costs every process 25 M
    /// instructions at start. `UTF8ScalarsTests` checks it against the standard library for every
    /// scalar and prints the table to paste here when a new toolchain's Unicode version changes it.
    static let markWords: [(Int, UInt64)] = [
        (0x2, 0x200000000000), (0xC, 0xFFFFFFFFFFFFFFFF), (0xD, 0xFFFFFFFFFFFF), (0x12, 0x3F8),
        (0x16, 0xBFFFFFFFFFFE0000), (0x17, 0xB6), (0x18, 0x17FF003F), (0x19, 0x10000FFFFF800), (0x1B, 0x3D9FBFC00000),
        (0x1C, 0xFFFF000000028000), (0x1D, 0x7FF), (0x1E, 0x1FFC000000000), (0x1F, 0x200FF80000000000),
        (0x20, 0x3EEFFBC00000), (0x21, 0xE000000), (0x22, 0xFF830000), (0x23, 0xFFFFFFFFFFFFFC00),
        (0x24, 0xDC0000000000000F), (0x25, 0xC00FEFFFF), (0x26, 0xD00000000000000E), (0x27, 0x4000000C0080399F),
        (0x28, 0xD00000000000000E), (0x29, 0x23000000023987), (0x2A, 0xD00000000000000E), (0x2B, 0xFC00000C00003BBF),
        (0x2C, 0xD00000000000000E), (0x2D, 0xC00E0399F), (0x2E, 0xC000000000000004), (0x2F, 0x803DC7),
        (0x30, 0xD00000000000001F), (0x31, 0xC00603DDF), (0x32, 0xD00000000000000E), (0x33, 0x8000C00603DDF),
        (0x34, 0xD80000000000000F), (0x35, 0xC00803DDF), (0x36, 0xE), (0x37, 0xC0000FF5F8400),
        (0x38, 0x7F2000000000000), (0x39, 0x7F80), (0x3A, 0x1FF2000000000000), (0x3B, 0x7F00),
        (0x3C, 0xC2A0000003000000), (0x3D, 0xFFFE000000000000), (0x3E, 0x1FFFFFFFFEFFE0DF), (0x3F, 0x40),
        (0x40, 0x7FFFF80000000000), (0x41, 0x1E3F9DC3C00000), (0x42, 0x3C00BFFC), (0x4D, 0xE0000000),
        (0x5C, 0x1C0000003C0000), (0x5D, 0xC0000000C0000), (0x5E, 0xFFF0000000000000), (0x5F, 0x200FFFFF),
        (0x60, 0xF800), (0x62, 0x20000000060), (0x64, 0xFFF0FFF00000000), (0x68, 0xF800000),
        (0x69, 0x9FFFFFFF7FE00000), (0x6A, 0xFFFF000000000000), (0x6B, 0xFFF3FFFFFFF), (0x6C, 0xFFF000000000001F),
        (0x6D, 0xFF8000000001F), (0x6E, 0x3FFE00000007), (0x6F, 0xFFFC000000000), (0x70, 0xFFFFF000000000),
        (0x73, 0x39021FFFFF70000), (0x77, 0xFFFFFFFFFFFFFFFF), (0x80, 0x7C000000F800), (0x81, 0xFFDF00000000),
        (0x83, 0x1FFFFFFFF0000), (0xB3, 0x3800000000000), (0xB5, 0x8000000000000000), (0xB7, 0xFFFFFFFF00000000),
        (0xC0, 0xFC0000000000), (0xC2, 0x6000000), (0x299, 0x3FF7800000000000), (0x29A, 0xC0000000),
        (0x29B, 0x3000000000000), (0x2A0, 0x10F800000844), (0x2A2, 0xFFF0000000000003), (0x2A3, 0x8003FFFF0000003F),
        (0x2A4, 0x3FC000000000), (0x2A5, 0xFFF80), (0x2A6, 0xFFF800000000000F), (0x2A7, 0x2000000001),
        (0x2A8, 0x7FFE0000000000), (0x2A9, 0x3800000000003008), (0x2AA, 0xC19D000000000000), (0x2AB, 0x60F80000000002),
        (0x2AF, 0x37F800000000), (0x3EC, 0x40000000), (0x3F8, 0xFFFF0000FFFF), (0x3FB, 0x8000000000000000),
        (0x3FF, 0xE00000000000000)
    ]

    private static func isMarkOrFormatAstral(_ v: UInt32) -> Bool {
        switch Unicode.Scalar(v)?.properties.generalCategory {
        case .nonspacingMark?, .spacingMark?, .enclosingMark?, .format?: return true
        default: return false
        }
    }

}
