import TaskaCore

/// Why a container, or one member of it, gave no document: each case names the container
/// chain, the member and what to do.
public enum ContainerError: DocumentError, Equatable {
    /// libarchive could not read the container at all.
    case unreadable(chain: String, format: String, reason: String)
    /// The container stops being readable after some members (truncated, corrupt).
    case broken(chain: String, after: Int, reason: String)
    /// A member is encrypted; Taska never asks for passwords.
    case encrypted(chain: String)
    /// A member is larger than the stage's `max-member-bytes` or the pipeline's `max-bytes`.
    case memberTooLarge(chain: String, limit: Int)
    /// A member decompresses past `max-ratio` times its compressed size (a zip bomb).
    case memberRatio(chain: String, produced: Int, compressed: Int, limit: Int)
    /// The whole container decompresses past `max-ratio` times its own size (overlapping entries, nested bombs).
    case totalRatio(chain: String, produced: Int, size: Int, limit: Int)
    /// More than `max-total-bytes` decompressed from one container, nested ones included.
    case totalTooLarge(chain: String, limit: Int)
    /// More than `max-members` members.
    case tooManyMembers(chain: String, limit: Int)
    /// A container nested deeper than `max-depth`.
    case tooDeep(chain: String, limit: Int)
    /// One member could not be read (a bad CRC, an unsupported compression method).
    case unreadableMember(chain: String, reason: String)
    /// A container that holds no member that is a document.
    case empty(chain: String, skipped: String)
    /// An office file Taska does not read (XLSX, PPTX, ODS, ODP, …): what it is.
    case unsupportedOffice(chain: String, what: String)
    /// A DOCX, ODT or EPUB without the part that holds its text.
    case incompleteOffice(chain: String, format: String, missing: String)
    /// The text parts of an office document decompress to more than the member limit in all.
    case officeTooLarge(chain: String, limit: Int)
    /// A legacy format (`.doc` as OLE2, RTF) that nothing in Taska reads.
    case legacyFormat(path: String, format: String)

    public var description: String {
        switch self {
        case let .unreadable(chain, format, reason):
            return "\(chain): could not open this \(format) container: \(reason); check that the file is complete, or repack it as ZIP or TAR"
        case let .broken(chain, after, reason):
            return "\(chain): the container breaks after \(after) members: \(reason); the members before it were kept — repack it from a good copy to get the rest"
        case let .encrypted(chain):
            return "\(chain): the member is encrypted; Taska reads no passwords — decrypt the archive and ingest the members"
        case let .memberTooLarge(chain, limit):
            return "\(chain): the member is larger than \(limit) bytes; the member was skipped — raise unarchive's max-member-bytes (and limits: max-bytes) to read it"
        case let .memberRatio(chain, produced, compressed, limit):
            return "\(chain): the member decompressed to \(produced) bytes from about \(compressed) compressed bytes, more than \(limit) times its size (a zip bomb?); the member was skipped — raise unarchive's max-ratio if it is genuine"
        case let .totalRatio(chain, produced, size, limit):
            return "\(chain): the container decompressed to \(produced) bytes from \(size) bytes, more than \(limit) times its size (a zip bomb or overlapping entries?); reading stopped — raise unarchive's max-ratio if it is genuine"
        case let .totalTooLarge(chain, limit):
            return "\(chain): the container decompresses to more than \(limit) bytes in all; reading stopped and later members were not read — raise unarchive's max-total-bytes"
        case let .tooManyMembers(chain, limit):
            return "\(chain): the container holds more than \(limit) members; later members were not read — raise unarchive's max-members or split the archive"
        case let .tooDeep(chain, limit):
            return "\(chain): containers nested more than \(limit) deep; this one was not opened — raise unarchive's max-depth to open it"
        case let .unreadableMember(chain, reason):
            return "\(chain): the member could not be read: \(reason); the other members go on"
        case let .empty(chain, skipped):
            return skipped.isEmpty
                ? "\(chain): the container holds no member; nothing to extract"
                : "\(chain): the container holds no member that is a document (\(skipped)); nothing to extract"
        case let .unsupportedOffice(chain, what):
            return "\(chain): \(what); Taska reads word-processing documents (DOCX, ODT) and EPUB books, not spreadsheets, slides or drawings — save the text you need as DOCX, ODT or PDF and ingest that"
        case let .incompleteOffice(chain, format, missing):
            return "\(chain): a \(format) file without its \(missing), which holds the text; the file is damaged or was not written by a word processor — open it in Word or LibreOffice and save it again, or ingest a PDF of it"
        case let .officeTooLarge(chain, limit):
            return "\(chain): the office document's text parts decompress to more than \(limit) bytes in all; it was not read — raise unarchive's max-member-bytes (and limits: max-bytes) to read it"
        case let .legacyFormat(path, format):
            return "\(path): a \(format) file; Taska does not read this legacy format — open it in Word or LibreOffice and save it as DOCX or ODT (or export a PDF), then ingest that"
        }
    }
}
