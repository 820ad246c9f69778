#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TaskaCore

/// A file found by the walker, named by the raw bytes of its path as reached from the argument.
public struct InputFile: Sendable, Equatable {
    /// Path bytes exactly as the file system gave them (may be invalid UTF-8, may hold newlines).
    public var pathBytes: [UInt8]
    /// The folder a relative `pathBytes` is opened from; `nil` is the process's working
    /// directory. Records keep `pathBytes` as given either way.
    public var directory: String?

    public init(pathBytes: [UInt8], relativeTo directory: String? = nil) {
        self.pathBytes = pathBytes
        self.directory = directory
    }
    public init(path: String, relativeTo directory: String? = nil) {
        self.init(pathBytes: Array(path.utf8), relativeTo: directory)
    }

    /// The bytes to open: `pathBytes`, with `directory` in front when the path is relative.
    public var openPathBytes: [UInt8] { FileWalker.resolve(pathBytes, against: directory) }

    /// The path as text; invalid UTF-8 becomes U+FFFD (the raw bytes stay in `pathBytes`).
    public var path: String { String(decoding: pathBytes, as: UTF8.self) }

    /// Whether `pathBytes` is valid UTF-8.
    public var isValidUTF8: Bool {
        var iterator = pathBytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

/// Why the walker could not visit a path named on the command line.
public enum WalkError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)

    public var description: String {
        switch self {
        case let .missing(path): return "\(path): no such file or directory"
        }
    }
}

/// Walks files and folders recursively, in a stable (byte-sorted) order.
///
/// Skips hidden entries (names starting with "."), follows symbolic links to files and to
/// folders but never enters a folder twice (so symlink loops end), and reports unreadable
/// folders through `onProblem` instead of stopping.
public struct FileWalker: Sendable {
    public init() {}

    /// Calls `visit` for every regular file under `roots`, streaming (no full listing is built).
    ///
    /// Relative roots are opened from `directory` (the working directory when `nil`); the files
    /// and problems reported keep the paths as reached from the roots ("x" gives "x/y.txt").
    public func walk(_ roots: [String], relativeTo directory: String? = nil,
                     onProblem: (String, String) -> Void = { _, _ in }, visit: (InputFile) throws -> Void) throws {
        var visited = Set<DirectoryID>()
        for root in roots {
            var st = stat()
            let ok = (Self.resolve(Array(root.utf8), against: directory) + [0]).withUnsafeBufferPointer {
                stat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), &st) == 0
            }
            guard ok else { throw WalkError.missing(path: root) }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                try walkDirectory(Array(root.utf8), directory: directory, st: st, visited: &visited, onProblem: onProblem, visit: visit)
            } else {
                try visit(InputFile(path: root, relativeTo: directory))
            }
        }
    }

    /// `path` as opened from `directory`: unchanged when it is absolute, empty or `directory` is `nil`.
    static func resolve(_ path: [UInt8], against directory: String?) -> [UInt8] {
        guard let directory, !directory.isEmpty, let first = path.first, first != UInt8(ascii: "/") else { return path }
        let base = Array(directory.utf8)
        return base.last == UInt8(ascii: "/") ? base + path : base + [UInt8(ascii: "/")] + path
    }

    struct DirectoryID: Hashable { var device: UInt64; var inode: UInt64 }

    private func walkDirectory(_ path: [UInt8], directory: String?, st: stat, visited: inout Set<DirectoryID>,
                               onProblem: (String, String) -> Void, visit: (InputFile) throws -> Void) throws {
        guard visited.insert(DirectoryID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))).inserted else {
            onProblem(String(decoding: path, as: UTF8.self), "folder already visited (symbolic link loop); skipped")
            return
        }
        var names: [[UInt8]] = []
        let cPath = Self.resolve(path, against: directory) + [0]
        guard let dir = cPath.withUnsafeBufferPointer({ opendir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }) else {
            onProblem(String(decoding: path, as: UTF8.self), "cannot open folder: \(String(cString: strerror(errno)))")
            return
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name.first == UInt8(ascii: ".") { continue }  // hidden, ".", ".."
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        let base = path.last == UInt8(ascii: "/") ? path : path + [UInt8(ascii: "/")]
        for name in names {
            let child = base + name
            var cst = stat()
            let ok = (Self.resolve(child, against: directory) + [0]).withUnsafeBufferPointer {
                stat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), &cst) == 0
            }
            if !ok {
                // A dangling symlink or a file that vanished: report it as a file so it gets a record.
                try visit(InputFile(pathBytes: child, relativeTo: directory))
                continue
            }
            switch cst.st_mode & S_IFMT {
            case S_IFDIR: try walkDirectory(child, directory: directory, st: cst, visited: &visited, onProblem: onProblem, visit: visit)
            case S_IFREG: try visit(InputFile(pathBytes: child, relativeTo: directory))
            default: onProblem(String(decoding: child, as: UTF8.self), "not a regular file (device, socket or pipe); skipped")
            }
        }
    }
}
