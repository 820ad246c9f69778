import TaskaCore

/// What an office zip is, from its member names and the text of its `mimetype` member: a
/// format Taska reads, an office format it does not, or a document with its main part missing.
///
/// `nil` from `of` means an ordinary zip, whose members are documents of their own.
enum OfficeKind: Equatable {
    /// DOCX, ODT or EPUB: read as one document.
    case readable(OfficePackage.Format)
    /// An office format Taska does not read (a spreadsheet, slides): what it is, for the message.
    case unsupported(String)
    /// A DOCX, ODT or EPUB without the part that holds its text.
    case incomplete(format: String, missing: String)

    /// The kind of a zip whose regular members are `names` and whose `mimetype` member holds
    /// `mimetype` (read only when there is one).
    static func of(names: [String], mimetype: String?) -> OfficeKind? {
        let members = Set(names)
        if let mimetype {
            switch mimetype {
            case "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template":
                return members.contains("content.xml") ? .readable(.odt) : .incomplete(format: "ODT", missing: "content.xml")
            case "application/epub+zip":
                return members.contains("META-INF/container.xml") ? .readable(.epub) : .incomplete(format: "EPUB", missing: "META-INF/container.xml")
            case "application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet-template":
                return .unsupported("an OpenDocument spreadsheet (ODS)")
            case "application/vnd.oasis.opendocument.presentation", "application/vnd.oasis.opendocument.presentation-template":
                return .unsupported("an OpenDocument presentation (ODP)")
            case "application/vnd.oasis.opendocument.graphics", "application/vnd.oasis.opendocument.graphics-template":
                return .unsupported("an OpenDocument drawing (ODG)")
            default:
                if mimetype.hasPrefix("application/vnd.oasis.opendocument.") {
                    return .unsupported("an OpenDocument file of type \(mimetype)")
                }
                if mimetype.hasPrefix("application/vnd.sun.xml.") {
                    return .unsupported("an OpenOffice.org 1 file of type \(mimetype) (.sxw, .sxc, …)")
                }
            }
        }
        guard members.contains("[Content_Types].xml") else { return nil }
        if members.contains("word/document.xml") { return .readable(.docx) }
        if members.contains("xl/workbook.xml") || names.contains(where: { $0.hasPrefix("xl/") }) {
            return .unsupported("an Excel workbook (XLSX)")
        }
        if members.contains("ppt/presentation.xml") || names.contains(where: { $0.hasPrefix("ppt/") }) {
            return .unsupported("a PowerPoint presentation (PPTX)")
        }
        if names.contains(where: { $0.hasPrefix("visio/") }) { return .unsupported("a Visio drawing (VSDX)") }
        if names.contains(where: { $0.hasPrefix("word/") }) { return .incomplete(format: "DOCX", missing: "word/document.xml") }
        return nil
    }

    /// Whether the reader of `format` needs the member `name` (the others are passed over unread).
    static func wants(_ format: OfficePackage.Format, _ name: String) -> Bool {
        switch format {
        case .docx:
            // The body, styles, numbering, notes, headers and footers; not media, not sub-folders.
            if name == "docProps/core.xml" { return true }
            guard name.hasPrefix("word/"), name.hasSuffix(".xml") else { return false }
            return !name.dropFirst(5).contains("/")
        case .odt:
            return name == "content.xml" || name == "meta.xml" || name == "styles.xml"
        case .epub:
            guard let dot = name.lastIndex(of: ".") else { return false }
            let ext = name[name.index(after: dot)...].lowercased()
            return ext == "opf" || ext == "xhtml" || ext == "html" || ext == "htm" || ext == "xml"
        }
    }
}
