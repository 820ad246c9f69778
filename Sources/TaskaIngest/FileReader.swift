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
            return LimitExceeded(limit: "max-bytes", allowed: "\(limit) bytes", found: "\(path) is \(bytes) bytes and was not read").description
                + " (or pass --max-bytes)"
        case let .changedWhileReading(path):
            return "\(path): the file changed while it was being read; ingest it again once it is complete"
        case let .notAFile(path):
            return "\(path): not a regular file"
        }
    }
}

/// Reads a file into a `SourceDocument` with its size, SHA-256 and modification time.
///
/// Large containers are not loaded: a file above `streamingThreshold` bytes whose first bytes
/// are a WARC record (`WARC/`), gzip data (`1F 8B`), an archive (ZIP, 7z, RAR, xz, bzip2,
/// ustar) or a JSON object (`{`, a Telegram `result.json`) gets `bytes` = its first `sniffBytes` bytes (for sniffing) and
/// `payloadPath` = its path; the stages that open it stream it with
/// `SourceDocument.openPayload()`. Its SHA-256 is still of the whole file, computed by streaming
/// it once here, and `maxBytes` does not apply to it (memory stays flat however large it is).
public struct FileReader: Sendable {
    /// Files larger than this are refused with an error record before any byte is read
    /// (streamed containers excepted). `IngestRunner` lowers it to its pipeline's `max-bytes`.
    public var maxBytes: Int
    /// Containers larger than this are streamed instead of loaded.
    public var streamingThreshold: Int
    /// How many leading bytes a streamed document carries in `bytes`.
    public static let sniffBytes = 64 << 10

    public init(maxBytes: Int = 512 << 20, streamingThreshold: Int = 64 << 20) {
        self.maxBytes = maxBytes
        self.streamingThreshold = streamingThreshold
    }

    /// Whether a file starting with `head` is a container that streams (WARC, gzip, archive, JSON object).
    static func isStreamable(_ head: ArraySlice<UInt8>) -> Bool {
        if head.starts(with: Array("WARC/".utf8)) || head.starts(with: [0x1F, 0x8B]) { return true }
        // Archives the unarchive stage opens from the file itself (ZIP, 7z, RAR, xz, bzip2, ustar).
        for magic: [UInt8] in [[0x50, 0x4B, 0x03, 0x04], [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], Array("Rar!".utf8),
                               [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], Array("BZh".utf8)] where head.starts(with: magic) {
            return true
        }
        if head.count >= 262, head.dropFirst(257).prefix(5).elementsEqual("ustar".utf8) { return true }
        var rest = head
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        return rest.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } == UInt8(ascii: "{")
    }

    public func read(_ file: InputFile) throws(ReadError) -> SourceDocument {
        let path = file.path
        let fd = (file.openPathBytes + [0]).withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_RDONLY | O_CLOEXEC)
        }
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .notAFile(path: path) }
        let size = Int(st.st_size)
        if size > streamingThreshold, let doc = try readStreamed(file, fd: fd, st: st) { return doc }
        if size > maxBytes { throw .tooLarge(path: path, bytes: size, limit: maxBytes) }
        var offset = 0
        var failure: ReadError?
        var hasher = SHA256()
        // Read into uninitialized storage: zero-filling a buffer the read overwrites costs a
        // pass over every byte.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while offset < size {
                let n = Glibc.read(fd, buffer.baseAddress! + offset, size - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .readFailed(path: path, offset: offset, reason: String(cString: strerror(errno)))
                    break
                }
                if n == 0 { break }
                offset += n
            }
            initialized = offset
        }
        if let failure { throw failure }
        if offset != size { throw .changedWhileReading(path: path) }
        // A file that grew while we read it is also incomplete.
        var probe: UInt8 = 0
        let more = Glibc.read(fd, &probe, 1)
        if more > 0 { throw .changedWhileReading(path: path) }
        // A read error at the end is still a read error (an I/O error, /proc/self/mem).
        if more < 0 { throw .readFailed(path: path, offset: offset, reason: String(cString: strerror(errno))) }
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

    /// A large container: its first bytes and a streamed SHA-256; `nil` when it is not a container.
    private func readStreamed(_ file: InputFile, fd: Int32, st: stat) throws(ReadError) -> SourceDocument? {
        let path = file.path
        let size = Int(st.st_size)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var head: [UInt8] = []
        var hasher = SHA256()
        var offset = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .readFailed(path: path, offset: offset, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            if offset == 0 && !Self.isStreamable(chunk[0..<min(n, 512)]) {
                // Not a container: the caller loads it whole.
                guard lseek(fd, 0, SEEK_SET) == 0 else {
                    throw .readFailed(path: path, offset: 0, reason: String(cString: strerror(errno)))
                }
                return nil
            }
            if head.count < Self.sniffBytes { head.append(contentsOf: chunk[0..<min(n, Self.sniffBytes - head.count)]) }
            hasher.update(chunk[0..<n])
            offset += n
        }
        var after = stat()
        if offset != size || (fstat(fd, &after) == 0 && (after.st_mtim.tv_sec != st.st_mtim.tv_sec
            || after.st_mtim.tv_nsec != st.st_mtim.tv_nsec || after.st_size != st.st_size)) {
            throw .changedWhileReading(path: path)
        }
        let info = SourceInfo(path: path, pathBytes: file.isValidUTF8 ? nil : file.pathBytes, bytes: size,
                              sha256: SHA256.hexString(hasher.finalize()),
                              modified: Timestamp(seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int32(st.st_mtim.tv_nsec)))
        var doc = SourceDocument(source: info, bytes: head)
        // The stages stream it from where it was opened (the file's `directory`, if any).
        doc.payloadPathBytes = file.openPathBytes
        doc.payloadPath = String(decoding: file.openPathBytes, as: UTF8.self)
        return doc
    }

    /// A document that stands for a file that could not be read (for its error record).
    public static func unreadable(_ file: InputFile) -> SourceDocument {
        SourceDocument(source: SourceInfo(path: file.path, pathBytes: file.isValidUTF8 ? nil : file.pathBytes, bytes: 0, sha256: ""),
                       bytes: [])
    }
}
