/// The parts of an office document or e-book (DOCX, ODT, EPUB) that hold its text, read from
/// its zip by the `unarchive` stage and handed, as plain bytes, to the office readers of `extract`.
///
/// Why: the zip is opened where every container is opened (libarchive, with the container
/// limits), while the XML is read where every XML is read (libxml2, with its safety settings);
/// this value is what passes between the two, so neither module depends on the other.
public struct OfficePackage: Sendable {
    /// Which format the package was recognised as, from its members (never its file name).
    public enum Format: String, Sendable, Equatable {
        /// Office Open XML WordprocessingML (`[Content_Types].xml` and `word/document.xml`).
        case docx
        /// OpenDocument Text (`mimetype` = `application/vnd.oasis.opendocument.text`).
        case odt
        /// EPUB (`mimetype` = `application/epub+zip`).
        case epub

        /// The IANA media type of the format.
        public var mediaType: String {
            switch self {
            case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .odt: return "application/vnd.oasis.opendocument.text"
            case .epub: return "application/epub+zip"
            }
        }
    }

    /// One member of the package that was read, with its bytes as stored (decompressed).
    public struct Part: Sendable, Equatable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    public var format: Format
    /// The parts that were read, in archive order.
    public var parts: [Part]
    /// The names of every regular member of the package, in archive order (read or not).
    public var memberNames: [String]

    public init(format: Format, parts: [Part], memberNames: [String]) {
        self.format = format
        self.parts = parts
        self.memberNames = memberNames
    }

    /// The bytes of the part named `name` (exact, case-sensitive as zip names are), if it was read.
    public func part(_ name: String) -> [UInt8]? {
        parts.first { $0.name == name }?.bytes
    }
}
