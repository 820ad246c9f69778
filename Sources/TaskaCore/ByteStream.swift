/// Sequential reading of a document's bytes without holding them all in memory.
///
/// Readers of container formats (WARC, gzip, a multi-GB Telegram `result.json`) read through
/// this, so a large source streams in flat memory. `SourceDocument.openPayload()` gives one.
public protocol ByteStream: AnyObject {
    /// Reads up to `buffer.count` bytes; returns 0 at the end. Throws on I/O errors.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// A `ByteStream` over bytes already in memory.
public final class MemoryByteStream: ByteStream {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return n
    }
}
