import TaskaCore

/// Why the Extract stage could not produce text from a document.
public enum ExtractError: DocumentError, Equatable {
    case unparsable(path: String, syntax: String, reason: String)
    case tooLarge(path: String, bytes: Int)
    case tooManyAttributes(path: String, count: Int, offset: Int, limit: Int)

    public var description: String {
        switch self {
        case let .unparsable(path, syntax, reason):
            return "\(path): could not parse as \(syntax): \(reason); the document was refused — check that the file is complete and really \(syntax)"
        case let .tooLarge(path, bytes):
            return "\(path): \(bytes) bytes of markup is more than the parser accepts (2 GiB); split the file"
        case let .tooManyAttributes(path, count, offset, limit):
            return "\(path): the element at byte \(offset) has \(count) attributes, over the fixed cap of \(limit) (libxml2 checks attributes in quadratic time, so parsing it would stall the worker); the document was refused — it is not a real page"
        }
    }
}
