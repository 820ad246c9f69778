/// Finding a byte value (32 bytes, four 8-byte words, at a time) or a literal byte string in a buffer.
///
/// Why: the scans that look for a rare byte (`<` between tags, a mojibake lead byte) spend
/// most of their time on bytes that are not it.
public enum ByteSearch {
    /// The index of the first `byte` in `bytes` at or after `from`, or `bytes.count`.
    @inline(__always)
    public static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let n = bytes.count
        var i = max(from, 0)
        if let base = bytes.baseAddress {
            // Eight bytes per word: a word holds `byte` when `word ^ pattern` has a zero byte.
            let raw = UnsafeRawPointer(base)
            let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
            @inline(__always) func holds(_ offset: Int) -> Bool {
                let x = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ pattern
                return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
            }
            while i + 32 <= n {
                if holds(i) || holds(i &+ 8) || holds(i &+ 16) || holds(i &+ 24) { break }
                i &+= 32
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
