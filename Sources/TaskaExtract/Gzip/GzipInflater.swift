internal import CZlib
import TaskaCore

/// Why a compressed stream could not be inflated.
public enum GzipError: Error, Equatable, CustomStringConvertible {
    /// The input ended inside a gzip member (a truncated download).
    case truncated(compressedOffset: Int, produced: Int)
    /// zlib found bytes that are not valid compressed data.
    case corrupt(compressedOffset: Int, reason: String)
    /// The output grew past the ratio limit: a decompression bomb, refused.
    case ratioExceeded(compressed: Int, produced: Int, ratio: Int)
    /// The output grew past an absolute limit set by the caller.
    case outputTooLarge(limit: Int)

    public var description: String {
        switch self {
        case let .truncated(offset, produced):
            return "the gzip data ends in the middle of a member (at compressed byte \(offset), after \(produced) bytes of output): the file is truncated; fetch it again"
        case let .corrupt(offset, reason):
            return "the gzip data is corrupt at compressed byte \(offset) (zlib: \(reason))"
        case let .ratioExceeded(compressed, produced, ratio):
            return "decompression stopped: \(compressed) compressed bytes expanded to more than \(produced) bytes (over \(ratio):1), which looks like a decompression bomb; the data was refused"
        case let .outputTooLarge(limit):
            return "the decompressed data is larger than the limit of \(limit) bytes"
        }
    }
}

/// Inflates gzip (or zlib, or raw deflate) data from another `ByteStream`, as a `ByteStream`.
///
/// gzip members are read one after another (a `.warc.gz` has one member per record; a
/// whole-file gzip has one), so callers see one continuous stream. A member cut short throws
/// `GzipError.truncated`; output that grows past `maxRatio`:1 once it is above
/// `ratioFloorBytes` throws `GzipError.ratioExceeded` (a gzip bomb is refused, not expanded).
///
/// The only Swift type that touches a zlib `z_stream`; it is freed in `deinit`.
/// The corresponding zlib functions are `inflateInit2_`, `inflate`, `inflateReset` and `inflateEnd`.
public final class GzipInflater: ByteStream {
    /// What the compressed input is.
    public enum Format: Sendable {
        /// gzip members (or a zlib stream), detected from the header.
        case gzipOrZlib
        /// Raw deflate with no header (some servers send this as `Content-Encoding: deflate`).
        case rawDeflate
    }

    private let source: any ByteStream
    private let stream: UnsafeMutablePointer<z_stream>
    private var input: [UInt8]
    private var inputStart = 0
    private var inputEnd = 0
    private var sourceEnded = false
    private var memberEnded = false
    private var finished = false
    private let format: Format
    /// Largest accepted output/input ratio once the output is above `ratioFloorBytes`.
    public let maxRatio: Int
    /// Output size below which the ratio is not checked.
    public let ratioFloorBytes: Int
    /// Absolute output limit (`Int.max` for none).
    public let maxOutputBytes: Int
    /// Compressed bytes consumed so far.
    public private(set) var compressedBytes = 0
    /// Decompressed bytes produced so far.
    public private(set) var producedBytes = 0
    /// gzip members completed so far.
    public private(set) var members = 0
    /// Bytes after the last member that were not gzip data (ignored).
    public private(set) var trailingGarbage = 0

    public init(source: any ByteStream, format: Format = .gzipOrZlib, maxRatio: Int = 200,
                ratioFloorBytes: Int = 100 << 20, maxOutputBytes: Int = .max, bufferSize: Int = 256 << 10) throws(GzipError) {
        self.source = source
        self.format = format
        self.maxRatio = maxRatio
        self.ratioFloorBytes = ratioFloorBytes
        self.maxOutputBytes = maxOutputBytes
        self.input = [UInt8](repeating: 0, count: bufferSize)
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let bits: Int32 = format == .rawDeflate ? -15 : 15 + 32
        let status = taska_inflate_init2(stream, bits)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .corrupt(compressedOffset: 0, reason: "inflateInit2 failed (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Refills the input buffer when it is empty; false at the end of the source.
    private func refill() throws -> Bool {
        if inputStart < inputEnd { return true }
        if sourceEnded { return false }
        let n = try input.withUnsafeMutableBytes { try source.read(into: $0) }
        if n == 0 { sourceEnded = true; return false }
        inputStart = 0
        inputEnd = n
        return true
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while !finished {
            if memberEnded {
                // Another member follows? Skip NUL padding; anything else is trailing garbage.
                memberEnded = false
                var next = false
                while try refill() {
                    if input[inputStart] == 0 { inputStart += 1; compressedBytes += 1; continue }
                    next = input[inputStart] == 0x1F
                    break
                }
                if !next {
                    while try refill() { trailingGarbage += inputEnd - inputStart; inputStart = inputEnd }
                    finished = true
                    return 0
                }
                inflateReset(stream)
            }
            if !(try refill()) {
                if producedBytes == 0 && compressedBytes == 0 { finished = true; return 0 }
                throw GzipError.truncated(compressedOffset: compressedBytes, produced: producedBytes)
            }
            let available = inputEnd - inputStart
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
                stream.pointee.next_in = inBuf.baseAddress! + inputStart
                stream.pointee.avail_in = UInt32(available)
                stream.pointee.next_out = out.assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
                let status = inflate(stream, Z_NO_FLUSH)
                stream.pointee.next_in = nil
                return status
            }
            let consumed = available - Int(stream.pointee.avail_in)
            let produced = min(buffer.count, Int(UInt32.max)) - Int(stream.pointee.avail_out)
            inputStart += consumed
            compressedBytes += consumed
            producedBytes += produced
            switch status {
            case Z_STREAM_END:
                members += 1
                if format == .rawDeflate { finished = true } else { memberEnded = true }
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw GzipError.corrupt(compressedOffset: compressedBytes, reason: reason)
            }
            if producedBytes > maxOutputBytes { throw GzipError.outputTooLarge(limit: maxOutputBytes) }
            if producedBytes > ratioFloorBytes, producedBytes > maxRatio * max(compressedBytes, 1) {
                throw GzipError.ratioExceeded(compressed: compressedBytes, produced: producedBytes, ratio: maxRatio)
            }
            if produced > 0 { return produced }
        }
        return 0
    }

    /// Inflates all of `bytes` (gzip, zlib or raw deflate), up to `maxOutputBytes`.
    public static func inflateAll(_ bytes: [UInt8], format: Format = .gzipOrZlib, maxOutputBytes: Int) throws -> [UInt8] {
        let inflater = try GzipInflater(source: MemoryByteStream(bytes), format: format, maxOutputBytes: maxOutputBytes,
                                        bufferSize: max(1024, min(bytes.count, 256 << 10)))
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try inflater.read(into: $0) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}
