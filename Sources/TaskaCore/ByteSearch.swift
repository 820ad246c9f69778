/// Finding one byte value in a buffer, 32 bytes at a time.
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
            let raw = UnsafeRawPointer(base)
            let target = SIMD32<UInt8>(repeating: byte)
            while i + 32 <= n {
                if any(raw.loadUnaligned(fromByteOffset: i, as: SIMD32<UInt8>.self) .== target) { break }
                i &+= 32
            }
        }
        while i < n && bytes[i] != byte { i &+= 1 }
        return min(i, n)
    }
}
