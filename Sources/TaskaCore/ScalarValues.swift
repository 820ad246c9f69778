/// The Unicode scalar values of a string, decoded from its UTF-8 in one pass.
///
/// Why: the normalise, detect and orthography stages work on `[UInt32]` buffers; iterating
/// `unicodeScalars` costs a call per scalar, while text is mostly ASCII, which this decoder
/// widens eight bytes at a time.
public enum ScalarValues {
    /// Unicode White_Space (what `Unicode.Scalar.Properties.isWhitespace` answers), without a
    /// property lookup per scalar.
    @inline(__always)
    public static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The scalar values of `text`.
    public static func of(_ text: String) -> [UInt32] {
        var text = text
        return text.withUTF8 { decode(validUTF8: $0) }
    }

    /// The scalar values of `bytes`, which must be valid UTF-8 (as a `String`'s bytes are).
    public static func decode(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return [] }
        return [UInt32](unsafeUninitializedCapacity: n) { out, initialised in
            var i = 0
            var o = 0
            while i < n {
                // Eight ASCII bytes at a time.
                if i &+ 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        for k in 0..<8 { out[o &+ k] = UInt32(truncatingIfNeeded: word >> UInt64(k &* 8)) & 0xFF }
                        i &+= 8
                        o &+= 8
                        continue
                    }
                }
                let b0 = UInt32(base[i])
                if b0 < 0x80 {
                    out[o] = b0
                    i &+= 1
                } else if b0 < 0xE0 {
                    out[o] = (b0 & 0x1F) << 6 | UInt32(base[i &+ 1] & 0x3F)
                    i &+= 2
                } else if b0 < 0xF0 {
                    out[o] = (b0 & 0x0F) << 12 | UInt32(base[i &+ 1] & 0x3F) << 6 | UInt32(base[i &+ 2] & 0x3F)
                    i &+= 3
                } else {
                    out[o] = (b0 & 0x07) << 18 | UInt32(base[i &+ 1] & 0x3F) << 12 | UInt32(base[i &+ 2] & 0x3F) << 6
                        | UInt32(base[i &+ 3] & 0x3F)
                    i &+= 4
                }
                o &+= 1
            }
            initialised = o
        }
    }
}
