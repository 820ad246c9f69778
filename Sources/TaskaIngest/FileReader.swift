#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TaskaCore

/// Why a file could not be read.
public enum ReadError: DocumentError, Equatable {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, offset: Int, reason: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case changedWhileReading(path: String)
    case notAFile(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): cannot open: \(reason); check that the file exists and is readable (chmod a+r)"
        case let .readFailed(path, offset, reason):
            return "\(path): read failed at byte \(offset): \(reason); the file may be on a failing disk or was removed"
        case let .tooLarge(path, bytes, limit):
            return "\(path): \(bytes) bytes is over the per-document limit of \(limit) bytes; raise --max-bytes to ingest it"
        case let .changedWhileReading(path):
            return "\(path): the file changed while it was being read; ingest it again once it is complete"
        case let .notAFile(path):
            return "\(path): not a regular file"
        }
    }
}

/// Reads a file into a `SourceDocument` with its size, SHA-256 and modification time.
public struct FileReader: Sendable {
    /// Files larger than this are refused with an error record.
    public var maxBytes: Int

    public init(maxBytes: Int = 512 << 20) { self.maxBytes = maxBytes }

    public func read(_ file: InputFile) throws(ReadError) -> SourceDocument {
        let path = file.path
        let fd = (file.pathBytes + [0]).withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_RDONLY | O_CLOEXEC)
        }
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .notAFile(path: path) }
        let size = Int(st.st_size)
        if size > maxBytes { throw .tooLarge(path: path, bytes: size, limit: maxBytes) }
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        var hasher = SHA256()
        while offset < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, size - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .readFailed(path: path, offset: offset, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            offset += n
        }
        if offset != size { throw .changedWhileReading(path: path) }
        // A file that grew while we read it is also incomplete.
        var probe: UInt8 = 0
        if Glibc.read(fd, &probe, 1) > 0 { throw .changedWhileReading(path: path) }
        var after = stat()
        if fstat(fd, &after) == 0, after.st_mtim.tv_sec != st.st_mtim.tv_sec || after.st_mtim.tv_nsec != st.st_mtim.tv_nsec || after.st_size != st.st_size {
            throw .changedWhileReading(path: path)
        }
        hasher.update(bytes)
        let digest = SHA256.hexString(hasher.finalize())
        let info = SourceInfo(path: path, pathBytes: file.isValidUTF8 ? nil : file.pathBytes, bytes: size, sha256: digest,
                              modified: Timestamp(seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int32(st.st_mtim.tv_nsec)))
        return SourceDocument(source: info, bytes: bytes)
    }

    /// A document that stands for a file that could not be read (for its error record).
    public static func unreadable(_ file: InputFile) -> SourceDocument {
        SourceDocument(source: SourceInfo(path: file.path, pathBytes: file.isValidUTF8 ? nil : file.pathBytes, bytes: 0, sha256: ""),
                       bytes: [])
    }
}
