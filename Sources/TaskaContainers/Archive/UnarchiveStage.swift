import TaskaCore

/// Opens containers before everything else: ZIP (incl. ZIP64), TAR (plain, gz, bz2, xz), 7z,
/// RAR and cpio, sniffed by content (`ContainerKind`), never by extension.
///
/// - Every regular member becomes a document of its own that runs through the rest of the
///   pipeline like a file (so a WARC, a gzipped page, a feed or a Telegram `result.json`
///   inside a zip is unpacked, decoded and extracted as usual). Members stream in archive
///   order; nothing is unpacked to disk, and only one member at a time is held in memory.
/// - A member that is itself a container is opened in turn, streamed from its parent (a zip
///   in a tar in a zip), down to `max-depth`.
/// - Each document keeps the container as its `source` (path, size, SHA-256: the stored
///   original) and gets `source.container`: the chain of names from the file to the member,
///   and the member's own size and SHA-256. Ids are `<sha256>#m<ordinal>`.
/// - A bad member (encrypted, too large, a bomb, unreadable) becomes an error record of its
///   own and the rest goes on; a container-wide limit (members, total bytes, overall ratio)
///   gives one error record and stops reading that container.
/// - Directories are passed over; symbolic links, hard links, devices and hidden members
///   (a name part starting with `.`, `__MACOSX/`) are skipped and counted in one
///   `container-members-skipped` warning on the last document taken from the container.
/// - A Telegram export page (`result.json`, `messages*.html`) is held back until the rest of its
///   container level has streamed past and then carries `folderMembers`: the size and SHA-256
///   of every member of its folder, which its messages' media files resolve to
///   (`ChatExportHold` says why it is held rather than read twice).
/// - A gzip, bzip2 or xz stream that does not hold a container (a `.warc.gz`, a gzipped page)
///   passes on unchanged for `unpack`.
/// - A zip that is an office document or e-book, by its members (`[Content_Types].xml` with
///   `word/document.xml`: DOCX; a `mimetype` member naming ODF text or EPUB), is one document:
///   the parts its reader needs are read (within the same limits) into `officePackage` and the
///   Extract stage reads them. Other office formats (XLSX, PPTX, ODS, ODP, …), such a file with
///   its main part missing, and legacy `.doc` (OLE2) and RTF files give an error record that
///   says what they are and what to do; every other document passes through unchanged.
public struct UnarchiveStage: Stage {
    public var options: UnarchiveOptions

    public init(options: UnarchiveOptions = UnarchiveOptions()) { self.options = options }

    public var name: String { "unarchive" }
    public var configuration: String { options.canonicalDescription }

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        guard let kind = ContainerKind.of(document.bytes.prefix(512)) else { return try emit(document) }
        let path = document.source.path
        if let legacy = kind.legacyDescription { throw ContainerError.legacyFormat(path: path, format: legacy) }
        let source: ArchiveReader.Source
        if let payload = document.payloadPath {
            let raw: [UInt8]?
            if let bytes = document.payloadPathBytes, String(decoding: bytes, as: UTF8.self) == payload {
                raw = bytes
            } else {
                raw = payload == document.source.path ? document.source.pathBytes : nil
            }
            source = .file(path: payload, pathBytes: raw)
        } else {
            source = .memory(document.bytes)
        }
        let size = max(document.source.bytes, document.bytes.count, 1)
        try withoutActuallyEscaping(emit) { emit in
            let walk = ContainerWalk(stage: name, options: options, root: document, containerSize: size, emit: emit)
            if kind == .zip || kind == .officeZip, let office = walk.officeKind(source) {
                return try emit(ContainerWalk.carrying(walk.officePackage(source, kind: office, chain: [path]), document))
            }
            guard try walk.open(source, kind: kind == .officeZip ? .zip : kind, chain: [path], depth: 1) else { return try emit(document) }
            try walk.finish()
        }
    }
}
