/// Single scalars read from well-formed UTF-8, and Unicode's White_Space property: the two
/// things every byte-level text pass of the extractor needs (block building, plain-text
/// paragraphs, white-space collapsing, Telegram message text).
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

    /// Unicode White_Space (what `Unicode.Scalar.Properties.isWhitespace` answers).
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
