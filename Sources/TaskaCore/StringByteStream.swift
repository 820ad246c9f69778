/// A `ByteStream` over the UTF-8 of a `String` already in memory (no second copy of the text).
public final class StringByteStream: ByteStream {
    private let text: String
    private var offset = 0
    private var copy: [UInt8]?

    public init(_ text: String) { self.text = text }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let done: Int? = text.utf8.withContiguousStorageIfAvailable { src in
            let n = min(buffer.count, src.count - offset)
            guard n > 0 else { return 0 }
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
            return n
        }
        if let done {
            offset += done
            return done
        }
        if copy == nil { copy = Array(text.utf8) }
        let bytes = copy!
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}
