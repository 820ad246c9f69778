#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on an archive for writers (`ingest`, `watch`, `merge`), held on
/// `<archive>.lock` with flock(2) and released when the process ends, even by SIGKILL.
///
/// Why: SQLite serialises writes, but two long-running writers over one archive interleave
/// their JSON Lines and commits; the second is refused with a clear message instead.
public final class ArchiveLock {
    private let fd: Int32
    public let path: String

    public enum Failure: Error, CustomStringConvertible {
        case held(path: String)
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case let .held(path):
                return "\(path) is locked: another taska ingest, watch or merge is writing this archive; wait for it to finish, or use another --archive"
            case let .cannotOpen(path, reason):
                return "cannot create lock file \(path): \(reason)"
            }
        }
    }

    /// Takes the lock, or throws at once when another process holds it.
    public init(archive: String) throws(Failure) {
        path = archive + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw .held(path: archive)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
