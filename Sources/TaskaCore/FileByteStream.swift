#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a payload could not be opened or read.
public struct PayloadError: DocumentError, Equatable {
    public var path: String
    public var offset: Int
    public var reason: String

    public init(path: String, offset: Int, reason: String) {
        self.path = path
        self.offset = offset
        self.reason = reason
    }

    public var description: String {
        "\(path): reading the payload failed at byte \(offset): \(reason); check that the file is still there and readable"
    }
}

/// A `ByteStream` over a file, read sequentially with `read(2)`; the descriptor is closed in
/// `deinit`.
///
/// The corresponding C functions are `open` and `read`.
public final class FileByteStream: ByteStream {
    private let fd: Int32
    private let path: String
    private var offset = 0

    /// Opens `path` for reading; `pathBytes` (the raw name, when it is not valid UTF-8) wins.
    public init(path: String, pathBytes: [UInt8]? = nil) throws(PayloadError) {
        let raw = (pathBytes ?? Array(path.utf8)) + [0]
        let fd = raw.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_RDONLY | O_CLOEXEC)
        }
        guard fd >= 0 else { throw PayloadError(path: path, offset: 0, reason: String(cString: strerror(errno))) }
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(fd, base, buffer.count)
            #else
            let n = Darwin.read(fd, base, buffer.count)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                throw PayloadError(path: path, offset: offset, reason: String(cString: strerror(errno)))
            }
            offset += n
            return n
        }
    }
}

extension SourceDocument {
    /// The whole original payload as a stream: the file at `payloadPath` when the reader did
    /// not load it (a large container), else `bytes`.
    ///
    /// Container readers (WARC, gzip, a large Telegram `result.json`) read through this so a
    /// multi-GB source streams in flat memory.
    public func openPayload() throws -> any ByteStream {
        if let payloadPath {
            let raw: [UInt8]?
            if let bytes = payloadPathBytes, String(decoding: bytes, as: UTF8.self) == payloadPath {
                raw = bytes
            } else {
                raw = payloadPath == source.path ? source.pathBytes : nil
            }
            return try FileByteStream(path: payloadPath, pathBytes: raw)
        }
        return MemoryByteStream(bytes)
    }
}
