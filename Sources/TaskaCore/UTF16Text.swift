/// Builds a `String` from UTF-16 code units by transcoding straight into the string's UTF-8
/// storage.
///
/// `String(decoding:as: UTF16.self)` goes through the generic, scalar-at-a-time slow path, which
/// was the largest single cost of normalisation; this gives the same string (each unpaired
/// surrogate becomes one U+FFFD, as there) in one tight loop.
public enum UTF16Text {
    /// The string of `units`; unpaired surrogates are replaced by U+FFFD.
    public static func string<C: Collection>(_ units: C) -> String where C.Element == UInt16 {
        if let s = units.withContiguousStorageIfAvailable({ string(buffer: $0) }) { return s }
        return Array(units).withUnsafeBufferPointer { string(buffer: $0) }
    }

    public static func string(buffer units: UnsafeBufferPointer<UInt16>) -> String {
        let n = units.count
        if n == 0 { return "" }
        return String(unsafeUninitializedCapacity: n * 3) { out in
            var o = 0
            var i = 0
            while i < n {
                let u = units[i]
                if u < 0x80 {
                    out[o] = UInt8(truncatingIfNeeded: u); o &+= 1; i &+= 1
                } else if u < 0x800 {
                    out[o] = UInt8(truncatingIfNeeded: 0xC0 | (u >> 6))
                    out[o &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F))
                    o &+= 2; i &+= 1
                } else if u & 0xF800 != 0xD800 {
                    out[o] = UInt8(truncatingIfNeeded: 0xE0 | (u >> 12))
                    out[o &+ 1] = UInt8(truncatingIfNeeded: 0x80 | ((u >> 6) & 0x3F))
                    out[o &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (u & 0x3F))
                    o &+= 3; i &+= 1
                } else if u < 0xDC00, i + 1 < n, units[i + 1] & 0xFC00 == 0xDC00 {
                    let v = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                    out[o] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
                    out[o &+ 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
                    out[o &+ 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    out[o &+ 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    o &+= 4; i &+= 2
                } else {
                    // Unpaired surrogate: U+FFFD, as the standard library's repairing decoder does.
                    out[o] = 0xEF; out[o &+ 1] = 0xBF; out[o &+ 2] = 0xBD
                    o &+= 3; i &+= 1
                }
            }
            return o
        }
    }
}
