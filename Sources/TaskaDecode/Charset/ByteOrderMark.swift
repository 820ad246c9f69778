/// A byte-order mark at the start of a document: the charset it announces and its length.
struct ByteOrderMark: Sendable, Equatable {
    /// Canonical charset name: `utf-8`, `utf-16le`, `utf-16be`, `utf-32le`, `utf-32be`.
    var charset: String
    /// Number of bytes to strip.
    var length: Int

    /// The BOM at the start of `bytes`, if any. `FF FE 00 00` is UTF-32LE only when the rest
    /// is laid out as UTF-32 (otherwise it is UTF-16LE followed by U+0000).
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> ByteOrderMark? {
        let n = bytes.count
        func at(_ i: Int) -> UInt8 { i < n ? bytes[i] : 0xAA }
        if n >= 3, at(0) == 0xEF, at(1) == 0xBB, at(2) == 0xBF { return ByteOrderMark(charset: "utf-8", length: 3) }
        if n >= 4, at(0) == 0x00, at(1) == 0x00, at(2) == 0xFE, at(3) == 0xFF {
            return ByteOrderMark(charset: "utf-32be", length: 4)
        }
        if n >= 4, at(0) == 0xFF, at(1) == 0xFE, at(2) == 0x00, at(3) == 0x00, looksUTF32LE(bytes) {
            return ByteOrderMark(charset: "utf-32le", length: 4)
        }
        if n >= 2, at(0) == 0xFF, at(1) == 0xFE { return ByteOrderMark(charset: "utf-16le", length: 2) }
        if n >= 2, at(0) == 0xFE, at(1) == 0xFF { return ByteOrderMark(charset: "utf-16be", length: 2) }
        return nil
    }

    /// After a `FF FE 00 00` mark: whole 4-byte units whose top bytes are zero.
    private static func looksUTF32LE(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count == 4 { return true }
        guard bytes.count % 4 == 0 else { return false }
        var i = 4
        let end = min(bytes.count, 4 + 4 * 256)
        while i + 3 < end {
            if bytes[i + 3] != 0 || bytes[i + 2] > 0x10 { return false }
            i += 4
        }
        return true
    }
}
