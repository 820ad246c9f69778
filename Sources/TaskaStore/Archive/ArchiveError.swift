/// Why the archive could not be opened, read or written.
public enum ArchiveError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case newerSchema(path: String)
    case database(path: String, reason: String)
    case busy(path: String)
    /// What was asked for is not in the archive; `what` says what is there instead.
    case notFound(path: String, what: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open archive \(path): \(reason); check the path and its folder permissions, or choose another with --archive"
        case let .newerSchema(path):
            return "archive \(path) was written by a newer taska; upgrade taska before writing to it"
        case let .database(path, reason):
            return "archive \(path): \(reason)"
        case let .busy(path):
            return "archive \(path) is in use by another taska process; wait for it to finish or use another --archive"
        case let .notFound(path, what):
            return "archive \(path) has no \(what)"
        }
    }
}
