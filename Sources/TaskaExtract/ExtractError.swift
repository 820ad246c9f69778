import TaskaCore

/// Why the Extract stage could not produce text from a document.
public enum ExtractError: DocumentError, Equatable {
    case unparsable(path: String, syntax: String, reason: String)
    case tooLarge(path: String, bytes: Int)
    case tooManyAttributes(path: String, count: Int, offset: Int, limit: Int)
    /// An office document or e-book without the part that holds its text (`part` says which).
    case officePartMissing(path: String, format: String, part: String)
    /// An EPUB whose chapters are encrypted (DRM).
    case officeEncrypted(path: String, part: String)

    public var description: String {
        switch self {
        case let .unparsable(path, syntax, reason):
            return "\(path): could not parse as \(syntax): \(reason); the document was refused — check that the file is complete and really \(syntax)"
        case let .tooLarge(path, bytes):
            return "\(path): \(bytes) bytes of markup is more than the parser accepts (2 GiB); split the file"
        case let .tooManyAttributes(path, count, offset, limit):
            return "\(path): the element at byte \(offset) has \(count) attributes, over the fixed cap of \(limit) (libxml2 checks attributes in quadratic time, so parsing it would stall the worker); the document was refused — it is not a real page"
        case let .officePartMissing(path, format, part):
            return "\(path): this \(format) file has no \(part), which holds its text; the file is damaged or incomplete — open it in Word or LibreOffice and save it again, or ingest a PDF of it"
        case let .officeEncrypted(path, part):
            return "\(path): the EPUB's chapters are encrypted (DRM; \(ContainerMember.escaped(part)) is listed in META-INF/encryption.xml); Taska cannot read them — ingest a copy without DRM"
        }
    }
}
