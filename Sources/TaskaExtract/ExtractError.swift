import TaskaCore

/// Why the Extract stage could not produce text from a document.
public enum ExtractError: DocumentError, Equatable {
    case unparsable(path: String, syntax: String, reason: String)
    case tooLarge(path: String, bytes: Int)
    case tooManyNodes(path: String, limit: Int)

    public var description: String {
        switch self {
        case let .unparsable(path, syntax, reason):
            return "\(path): could not parse as \(syntax): \(reason); the document was refused — check that the file is complete and really \(syntax)"
        case let .tooLarge(path, bytes):
            return "\(path): \(bytes) bytes of markup is more than the parser accepts (2 GiB); split the file"
        case let .tooManyNodes(path, limit):
            return "\(path): more than \(limit) markup nodes; the document was abandoned to keep memory bounded"
        }
    }
}
