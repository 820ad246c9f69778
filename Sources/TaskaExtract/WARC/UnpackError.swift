import TaskaCore

/// Why the Unpack stage could not open a container at all (a broken record inside a WARC
/// file is not an `UnpackError`: it becomes an error record of its own).
public enum UnpackError: DocumentError, Equatable {
    case unreadable(path: String, reason: String)
    case noTextRecords(path: String, records: Int, skipped: String)
    case tooLarge(path: String, limit: Int)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): could not unpack: \(reason)"
        case let .noTextRecords(path, records, skipped):
            return records == 0
                ? "\(path): the WARC data holds no complete record; nothing to extract — check that the file is complete"
                : "\(path): none of the \(records) WARC records is a response or resource with an HTML, XML or text payload (\(skipped)); nothing to extract"
        case let .tooLarge(path, limit):
            return "\(path): the decompressed data is larger than \(limit) bytes; decompress and split it, or raise the limit"
        }
    }
}
