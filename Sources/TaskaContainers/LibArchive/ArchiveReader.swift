internal import CArchive
#if canImport(Glibc)
import Glibc
#endif
import TaskaCore

/// One container opened with libarchive, read member by member in archive order.
///
/// The only Swift file that touches libarchive: it owns the `struct archive *` (freed in
/// `deinit`) and hands out plain Swift values, so no C pointer leaves it. The corresponding
/// libarchive functions are `archive_read_new`, `archive_read_next_header`, `archive_read_data`
/// and `archive_read_free`.
final class ArchiveReader {
    /// Where the container's bytes come from.
    enum Source {
        /// Bytes in memory, copied and owned by the reader (seekable: ZIP's central directory
        /// and 7z's header are read).
        case memory([UInt8])
        /// A file on disk, opened by libarchive (seekable).
        case file(path: String, pathBytes: [UInt8]?)
        /// A forward-only stream, such as the data of a member of an outer container.
        case stream(any ByteStream)
    }

    /// What kind of entry a member is.
    enum EntryKind: Equatable {
        case regular, directory, symlink, hardlink, other
    }

    /// One member's header, as plain Swift values.
    struct Entry {
        /// The stored name (not valid UTF-8 → U+FFFD; see `nameBytes`).
        var name: String
        /// The stored name's raw bytes.
        var nameBytes: [UInt8]
        var kind: EntryKind
        /// The uncompressed size when the header states it.
        var size: Int?
        /// Whether the member (or its header) is encrypted.
        var encrypted: Bool
    }

    /// A libarchive failure: its message and whether the archive can be read further.
    struct Failure: Error {
        var message: String
        var fatal: Bool
        /// The error our own stream threw under libarchive (a limit, a broken outer member), if any.
        var underlying: (any Error)? = nil
    }

    private let handle: OpaquePointer
    private var memory: UnsafeMutableRawBufferPointer?
    private var box: StreamBox?
    /// The last non-fatal warning libarchive gave for a header (a damaged central directory, say).
    private(set) var lastWarning: String?

    /// Opens `source` for ZIP (incl. ZIP64), TAR (ustar, pax, GNU), 7z, RAR 4/5 and cpio, under
    /// any compression filter libarchive has (gzip, bzip2, xz, zstd, lz4). WARC is left out on
    /// purpose: the `unpack` stage reads it with its own HTTP-aware reader.
    init(_ source: Source) throws(Failure) {
        guard let a = archive_read_new() else { throw Failure(message: "libarchive could not allocate a reader", fatal: true) }
        handle = a
        archive_read_support_filter_all(a)
        archive_read_support_format_zip(a)
        archive_read_support_format_tar(a)
        archive_read_support_format_gnutar(a)
        archive_read_support_format_7zip(a)
        archive_read_support_format_rar(a)
        archive_read_support_format_rar5(a)
        archive_read_support_format_cpio(a)
        let status: Int32
        switch source {
        case let .memory(bytes):
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
            memory = buffer
            // Handed over 64 KiB at a time, so `consumedBytes` advances with each member (the bomb guard reads it).
            status = archive_read_open_memory2(a, buffer.baseAddress, bytes.count, 1 << 16)
        case let .file(path, pathBytes):
            let raw = pathBytes ?? Array(path.utf8)
            status = (raw + [0]).withUnsafeBufferPointer {
                archive_read_open_filename(a, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 1 << 16)
            }
        case let .stream(stream):
            let box = StreamBox(stream)
            self.box = box
            status = archive_read_open(a, Unmanaged.passUnretained(box).toOpaque(), nil, { _, client, out in
                guard let client, let out else { return -1 }
                let box = Unmanaged<StreamBox>.fromOpaque(client).takeUnretainedValue()
                return box.fill(out)
            }, nil)
        }
        if status != ARCHIVE_OK && status != ARCHIVE_WARN { throw failure(status) }
    }

    deinit {
        archive_read_free(handle)
        memory?.deallocate()
    }

    /// The next member's header, or `nil` at the end of the archive.
    func next() throws(Failure) -> Entry? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF { return nil }
        lastWarning = nil
        if status == ARCHIVE_WARN { lastWarning = message }
        else if status != ARCHIVE_OK { throw failure(status) }
        guard let entry else { throw Failure(message: "libarchive returned no header", fatal: true) }
        var nameBytes: [UInt8] = []
        if let name = archive_entry_pathname(entry) {
            nameBytes = Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
        }
        let type = UInt32(archive_entry_filetype(entry))
        let kind: EntryKind
        if archive_entry_hardlink(entry) != nil { kind = .hardlink }
        else {
            switch type & 0o170000 {
            case 0o100000: kind = .regular
            case 0o040000: kind = .directory
            case 0o120000: kind = .symlink
            default: kind = .other
            }
        }
        let size = archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : nil
        return Entry(name: String(decoding: nameBytes, as: UTF8.self), nameBytes: nameBytes, kind: kind,
                     size: size, encrypted: archive_entry_is_encrypted(entry) != 0)
    }

    /// Reads up to `buffer.count` bytes of the current member's data; 0 at its end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        let n = archive_read_data(handle, buffer.baseAddress, buffer.count)
        if n < 0 { throw failure(Int32(n)) }
        return n
    }

    /// Skips the rest of the current member's data.
    func skip() throws(Failure) {
        let status = archive_read_data_skip(handle)
        if status != ARCHIVE_OK && status != ARCHIVE_WARN { throw failure(status) }
    }

    /// Bytes taken from the source so far (compressed, before any filter).
    var consumedBytes: Int { Int(archive_filter_bytes(handle, -1)) }

    /// libarchive's name for the format being read, e.g. `ZIP 2.0 (deflation)` or `GNU tar format`.
    var formatName: String {
        guard let name = archive_format_name(handle) else { return "unknown format" }
        return String(cString: name)
    }

    /// libarchive's last error message.
    private var message: String {
        guard let text = archive_error_string(handle) else {
            return "libarchive gave no reason (the data does not follow the format its signature names)"
        }
        return String(cString: text)
    }

    private func failure(_ status: Int32) -> Failure {
        // An error raised by our own stream (a limit, a broken outer member) beats libarchive's summary of it.
        if let inner = box?.error { return Failure(message: "\(inner)", fatal: true, underlying: inner) }
        return Failure(message: message, fatal: status <= ARCHIVE_FATAL)
    }
}

/// Feeds a `ByteStream` to libarchive's read callback and keeps the last chunk alive until the next call.
private final class StreamBox {
    let stream: any ByteStream
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    var error: (any Error)?

    init(_ stream: any ByteStream) { self.stream = stream }
    deinit { buffer.deallocate() }

    func fill(_ out: UnsafeMutablePointer<UnsafeRawPointer?>) -> Int {
        do {
            let n = try stream.read(into: buffer)
            out.pointee = UnsafeRawPointer(buffer.baseAddress)
            return n
        } catch {
            self.error = error
            return -1
        }
    }
}
