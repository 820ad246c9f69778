#if canImport(Glibc)
import Glibc
#endif

/// Recursive inotify on a folder tree: reports paths that were closed after writing or moved
/// in, new folders, and queue overflows.
///
/// The only type that touches inotify's file descriptor and event buffers.
final class InotifyWatch {
    enum Event: Equatable {
        /// A file was closed after writing, or moved in.
        case file(String)
        /// A folder appeared (created or moved in): walk it, files may already be inside.
        case folder(String)
        /// The kernel queue overflowed: events were lost, rescan everything.
        case overflow
    }

    enum Failure: Error, CustomStringConvertible {
        case unavailable(reason: String)
        case limitReached(path: String)

        var description: String {
            switch self {
            case let .unavailable(reason): return "inotify is unavailable (\(reason))"
            case let .limitReached(path):
                return "inotify watch limit reached at \(path); raise it with `sysctl fs.inotify.max_user_watches=524288` (now polling instead)"
            }
        }
    }

    private let fd: Int32
    private var folders: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    private static let fileMask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE)
    private static let mask = fileMask | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

    init() throws(Failure) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw .unavailable(reason: String(cString: strerror(errno))) }
    }

    deinit { close(fd) }

    /// Watches one folder (not its subfolders: the caller adds those as it walks).
    func add(folder path: String) throws(Failure) {
        let wd = inotify_add_watch(fd, path, Self.mask)
        if wd < 0 {
            if errno == ENOSPC { throw .limitReached(path: path) }
            return  // vanished or unreadable: the next scan reports it
        }
        folders[wd] = path
    }

    /// Waits up to `timeout` seconds for events and returns them (empty on timeout).
    func next(timeout: Double) -> [Event] {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pfd, 1, Int32(timeout * 1000))
        guard ready > 0 else { return [] }
        var events: [Event] = []
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                while offset + MemoryLayout<inotify_event>.size <= n {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = raw[nameStart..<min(nameStart + Int(event.len), n)].prefix { $0 != 0 }
                    offset = nameStart + Int(event.len)
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { events.append(.overflow); continue }
                    if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil; continue }
                    guard let folder = folders[event.wd], !nameBytes.isEmpty else { continue }
                    let path = folder + "/" + String(decoding: nameBytes, as: UTF8.self)
                    if event.mask & UInt32(IN_ISDIR) != 0 {
                        if event.mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 { events.append(.folder(path)) }
                    } else if event.mask & Self.fileMask != 0 {
                        events.append(.file(path))
                    }
                }
            }
        }
        return events
    }
}
