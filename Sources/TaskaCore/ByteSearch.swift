/// Finding a byte value (32 bytes, four 8-byte words, at a time) or a literal byte string in a buffer.
///
/// Why: the scans that look for a rare byte (`<` between tags, a mojibake lead byte) spend
/// most of their time on bytes that are not it.
public enum ByteSearch {
    /// The index of the first `byte` in `bytes` at or after `from`, or `bytes.count`.
    @inlinable
    public static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let n = bytes.count
        var i = max(from, 0)
        if let base = bytes.baseAddress {
            // Eight bytes per word: a byte of `word ^ pattern` is zero where `byte` is. The lowest
            // flag of `(x - 0x01…) & ~x & 0x80…` marks the first zero byte exactly (a borrow only
            // flags bytes above it), so its bit position gives the index.
            let raw = UnsafeRawPointer(base)
            let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
            @inline(__always) func flags(_ offset: Int) -> UInt64 {
                let x = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ pattern
                return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
            }
            while i &+ 32 <= n {
                let f0 = flags(i), f1 = flags(i &+ 8), f2 = flags(i &+ 16), f3 = flags(i &+ 24)
                if f0 | f1 | f2 | f3 != 0 {
                    if f0 != 0 { return i &+ f0.trailingZeroBitCount &>> 3 }
                    if f1 != 0 { return i &+ 8 &+ f1.trailingZeroBitCount &>> 3 }
                    if f2 != 0 { return i &+ 16 &+ f2.trailingZeroBitCount &>> 3 }
                    return i &+ 24 &+ f3.trailingZeroBitCount &>> 3
                }
                i &+= 32
            }
            while i &+ 8 <= n {
                let f = flags(i)
                if f != 0 { return i &+ f.trailingZeroBitCount &>> 3 }
                i &+= 8
            }
        }
        while i < n && bytes[i] != byte { i &+= 1 }
        return min(i, n)
    }

    /// The index of the first occurrence of `needle` at or after `from`, or nil; candidates are
    /// found by its first byte as above.
    public static func index(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return nil }
        let p = needle.utf8Start
        var i = index(of: p[0], in: bytes, from: from)
        while i + count <= bytes.count {
            var k = 1
            while k < count && bytes[i + k] == p[k] { k += 1 }
            if k == count { return i }
            i = index(of: p[0], in: bytes, from: i + 1)
        }
        return nil
    }
}
