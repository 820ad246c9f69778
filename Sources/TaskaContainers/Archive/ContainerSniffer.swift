/// Names the container format of a byte prefix by its magic bytes, never by a file name.
///
/// The stage opens only what this recognises, so every other document passes untouched.
enum ContainerKind: String, Equatable {
    case zip, sevenZip = "7z", rar, tar, gzip, bzip2, xz
    /// A zip whose first member is named as office packages begin (`mimetype`,
    /// `[Content_Types].xml`, `_rels/`, `word/`, …): worth listing its members before fanning
    /// it out (`OfficeKind`), even when it is the member of another container.
    case officeZip = "office"
    /// Legacy formats nothing here reads: OLE2 compound files (`.doc`, `.xls`) and RTF.
    case legacyWord = "ole2", rtf

    /// Whether this magic names only a compression filter: the stream is a container only if
    /// what it decompresses to is (a `.tar.gz` is; a `.warc.gz` or a gzipped page is not).
    var isCompressionOnly: Bool { self == .gzip || self == .bzip2 || self == .xz }

    /// What a legacy format is, for its error record; `nil` for every other kind.
    var legacyDescription: String? {
        switch self {
        case .legacyWord: return "legacy Office compound (OLE2: .doc, .xls, .ppt)"
        case .rtf: return "Rich Text Format (RTF)"
        default: return nil
        }
    }

    /// The kind of the data starting with `head` (at least 262 bytes are needed to see ustar).
    static func of(_ head: some Collection<UInt8>) -> ContainerKind? {
        let b = Array(head.prefix(512))
        func starts(_ magic: [UInt8]) -> Bool { b.starts(with: magic) }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            return isOfficeZip(b) ? .officeZip : .zip
        }
        if starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) { return .zip }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
        if starts(Array("Rar!\u{1A}\u{07}".utf8)) { return .rar }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x42, 0x5A, 0x68]) && b.count > 3 && (0x31...0x39).contains(b[3]) { return .bzip2 }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyWord }
        if starts(Array("{\\rtf".utf8)) { return .rtf }
        if b.count >= 262, b[257..<262].elementsEqual("ustar".utf8) { return .tar }
        return nil
    }

    /// A zip whose first local header names `mimetype` (ODF, EPUB), `[Content_Types].xml`
    /// (OOXML) or a part under one of the folders OOXML, ODF and EPUB writers put first.
    private static func isOfficeZip(_ b: [UInt8]) -> Bool {
        guard b.count >= 30 else { return false }
        let nameLength = Int(b[26]) | Int(b[27]) << 8
        guard b.count >= 30 + nameLength else { return false }
        let name = Array(b[30..<(30 + nameLength)])
        if name.elementsEqual("mimetype".utf8) || name.elementsEqual("[Content_Types].xml".utf8) { return true }
        return officeFolders.contains { name.starts(with: $0.utf8) }
    }

    /// Folders whose parts OOXML, ODF and EPUB writers may put first in the zip.
    static let officeFolders = ["_rels/", "docProps/", "word/", "xl/", "ppt/", "customXml/", "META-INF/", "Configurations2/"]
}
