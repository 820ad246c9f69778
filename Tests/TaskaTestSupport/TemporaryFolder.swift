import Foundation
import Testing

/// A fresh folder under the system's temporary directory, removed when the object is released
/// (hold it in a local for the whole test: file-system calls keep it alive until its scope ends).
public final class TemporaryFolder: @unchecked Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Creates `<tmp>/<prefix>-<UUID>`.
    public init(prefix: String = "taska-test") throws {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `<path>/<relative>`.
    public func path(_ relative: String) -> String { path + "/" + relative }

    /// Writes `contents` to `<path>/<name>` (folders included) and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ contents: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        write(name, bytes: Array(contents.utf8), sourceLocation: sourceLocation)
    }

    /// Writes `bytes` to `<path>/<name>` (folders included) and returns the file's path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let full = path(name)
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: full, contents: Data(bytes)), "could not prepare the test's files",
                sourceLocation: sourceLocation)
        return full
    }

    /// Creates a file whose name is given as raw bytes (possibly invalid UTF-8).
    public func write(rawName: [UInt8], _ contents: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let full = Array(path.utf8) + [UInt8(ascii: "/")] + rawName + [0]
        let fd = full.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644)
        }
        #expect(fd >= 0, "could not prepare the test's files", sourceLocation: sourceLocation)
        guard fd >= 0 else { return }
        _ = contents.utf8CString.withUnsafeBufferPointer { Foundation.write(fd, $0.baseAddress!, $0.count - 1) }
        close(fd)
    }
}
