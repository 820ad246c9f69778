#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TaskaCore

/// Why output could not be written; the run stops (a sink failure is never a document failure).
public enum SinkError: Error, CustomStringConvertible, Equatable {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason):
            return "cannot write \(path): \(reason); choose a writable location with --jsonl"
        case let .writeFailed(path, reason):
            return "writing \(path) failed: \(reason); the output is incomplete — free space or fix the destination and run again"
        }
    }
}

/// Writes one compact JSON record per line to a file or standard output.
///
/// Writes go through a 1 MiB buffer; `finish` flushes and (for files) fsyncs.
public final class JSONLinesSink: RecordSink {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let name: String
    private var buffer: [UInt8] = []

    /// `path` "-" means standard output. The file is created, and truncated unless `append`.
    public init(path: String, append: Bool = false) throws(SinkError) {
        if path == "-" {
            fd = 1
            ownsDescriptor = false
            name = "standard output"
        } else {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o644)
            guard descriptor >= 0 else { throw .cannotCreate(path: path, reason: String(cString: strerror(errno))) }
            fd = descriptor
            ownsDescriptor = true
            name = path
        }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// Writes an already-serialised line (without its newline).
    public func writeLine(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes buffered lines to the file (no fsync).
    public func flushBuffered() throws { try flush() }

    /// Writes buffered lines and forces them to disk (fsync), so they survive a crash.
    public func sync() throws {
        try flush()
        if ownsDescriptor, fsync(fd) != 0, errno != EINVAL {
            throw SinkError.writeFailed(path: name, reason: String(cString: strerror(errno)))
        }
    }

    public func finish() throws { try sync() }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SinkError.writeFailed(path: name, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
