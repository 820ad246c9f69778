internal import CZlib

/// Compresses original bytes for the archive with zlib, and restores them.
///
/// The only TaskaStore file that calls zlib. Originals are stored compressed when that saves
/// at least 5 %; otherwise as they are (`compression` column `zlib` or `none`).
enum OriginalCodec {
    /// zlib level 3: on Telegram exports 3.3 times as fast as level 6 for 10 % more bytes (58 against
    /// 18 MB/s, 0.206 against 0.188 of the input); originals are about 4 % of an archive, and level
    /// 6 took a tenth of an ingest's CPU time.
    static let level: Int32 = 3

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// (`compression`, stored bytes) for `bytes`. The corresponding zlib function is `compress2`.
    static func encode(_ bytes: [UInt8]) -> (compression: String, data: [UInt8]) {
        guard bytes.count >= 64 else { return ("none", bytes) }
        var bound = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(bound))
        let status = out.withUnsafeMutableBufferPointer { dst in
            bytes.withUnsafeBufferPointer { src in
                compress2(dst.baseAddress, &bound, src.baseAddress, uLong(src.count), level)
            }
        }
        guard status == Z_OK, Int(bound) * 100 <= bytes.count * 95 else { return ("none", bytes) }
        out.removeSubrange(Int(bound)...)
        return ("zlib", out)
    }

    /// The original bytes of a stored row. The corresponding zlib function is `uncompress`.
    static func decode(_ data: [UInt8], compression: String, size: Int) throws(Failure) -> [UInt8] {
        switch compression {
        case "none": return data
        case "zlib":
            var length = uLong(size)
            var out = [UInt8](repeating: 0, count: max(size, 1))
            let status = out.withUnsafeMutableBufferPointer { dst in
                data.withUnsafeBufferPointer { src in uncompress(dst.baseAddress, &length, src.baseAddress, uLong(src.count)) }
            }
            guard status == Z_OK else { throw Failure(description: "stored original does not inflate (zlib status \(status))") }
            if Int(length) < out.count { out.removeSubrange(Int(length)...) }
            return size == 0 ? [] : out
        default:
            throw Failure(description: "unknown compression \(compression)")
        }
    }
}
