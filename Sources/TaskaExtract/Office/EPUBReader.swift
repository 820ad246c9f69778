import TaskaCore

/// EPUB 2 and 3: the chapters of the spine, in spine order, each through the HTML path (all
/// visible blocks, `lang`/`dir` hints as in any page), concatenated into one document; the
/// package's Dublin Core metadata.
///
/// - `META-INF/container.xml` names the package document (`.opf`); its `<manifest>` maps ids
///   to parts and its `<spine>` gives the reading order. Spine items that are not XHTML or
///   HTML (images, SVG) and the EPUB 3 navigation document are passed over; items whose part
///   is missing are counted in an `epub-chapters-missing` warning.
/// - A spine chapter listed in `META-INF/encryption.xml` with anything but font obfuscation
///   (DRM) makes the book an error: its text cannot be read.
struct EPUBReader {
    /// Font obfuscation algorithms (IDPF, Adobe): fonts only, never text.
    static let fontObfuscation: Set<String> = ["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"]

    private struct Item {
        var path: String
        var mediaType: String
        var properties: String
    }

    func read(_ document: inout SourceDocument) throws {
        let path = document.source.path
        guard let container = try OfficePart.parse("META-INF/container.xml", of: &document) else {
            throw ExtractError.officePartMissing(path: path, format: "EPUB", part: "META-INF/container.xml")
        }
        let rootfiles = container.nodes.indices.filter { container.nodes[$0].kind == .element && container.nodes[$0].name == "rootfile" }
        let rootfile = rootfiles.first { container.nodes[$0].attribute("media-type") == "application/oebps-package+xml" } ?? rootfiles.first
        guard let packagePath = rootfile.flatMap({ container.nodes[$0].attribute("full-path") }).map({ Self.resolve($0, against: "") }),
              let opf = try OfficePart.parse(packagePath, of: &document), let root = opf.rootElement else {
            throw ExtractError.officePartMissing(path: path, format: "EPUB", part: "package document (.opf) that META-INF/container.xml names")
        }
        let base = packagePath.lastIndex(of: "/").map { String(packagePath[...$0]) } ?? ""
        if let metadata = opf.child(root, "metadata") { OfficeMetadata.readOPF(opf, metadata: metadata, into: &document) }
        var items: [String: Item] = [:]
        if let manifest = opf.child(root, "manifest") {
            for index in opf.elementChildren(of: manifest, named: "item") {
                guard let id = opf.nodes[index].attribute("id"), let href = opf.nodes[index].attribute("href") else { continue }
                items[id] = Item(path: Self.resolve(href, against: base), mediaType: opf.nodes[index].attribute("media-type") ?? "",
                                 properties: opf.nodes[index].attribute("properties") ?? "")
            }
        }
        let encrypted = try encryptedParts(&document)
        var blocks: [TextBlock] = []
        var missing: [String] = []
        var read = 0
        let spine = opf.child(root, "spine").map { opf.elementChildren(of: $0, named: "itemref") } ?? []
        for itemref in spine {
            guard let id = opf.nodes[itemref].attribute("idref"), let item = items[id] else {
                missing.append(opf.nodes[itemref].attribute("idref") ?? "(no idref)")
                continue
            }
            let type = item.mediaType.lowercased()
            guard type == "application/xhtml+xml" || type == "text/html" || type.isEmpty else { continue }
            if item.properties.split(separator: " ").contains("nav") { continue }
            if encrypted.contains(item.path) {
                throw ExtractError.officeEncrypted(path: path, part: item.path)
            }
            try document.checkDeadline("stopped after \(read) chapters")
            guard let tree = try OfficePart.parse(item.path, of: &document, html: true) else {
                missing.append(item.path)
                continue
            }
            blocks += MainTextExtractor(removeBoilerplate: false).extract(tree, root: 0)
            read += 1
        }
        document.blocks = blocks
        if !missing.isEmpty {
            document.warn("extract", "epub-chapters-missing",
                          "\(missing.count) chapters of the spine are not in the book (\(missing.prefix(5).map(ContainerMember.escaped).joined(separator: ", "))); the text has the others — the file may be incomplete",
                          count: missing.count)
        }
        if document.title == nil {
            document.title = blocks.first { $0.kind == .heading }.map { HTMLTitle.collapse($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// The parts `META-INF/encryption.xml` lists as encrypted with anything but font obfuscation.
    private func encryptedParts(_ document: inout SourceDocument) throws -> Set<String> {
        guard let tree = try OfficePart.parse("META-INF/encryption.xml", of: &document) else { return [] }
        var out = Set<String>()
        for index in tree.nodes.indices where tree.nodes[index].kind == .element && tree.nodes[index].name == "EncryptedData" {
            let method = tree.child(index, "EncryptionMethod").flatMap { tree.officeAttribute($0, "Algorithm") } ?? ""
            guard !Self.fontObfuscation.contains(method) else { continue }
            let reference = tree.child(index, "CipherData").flatMap { tree.child($0, "CipherReference") }
            if let uri = reference.flatMap({ tree.officeAttribute($0, "URI") }) { out.insert(Self.resolve(uri, against: "")) }
        }
        return out
    }

    /// The member name `href` points at from folder `base` (`OEBPS/`): fragment dropped,
    /// percent escapes decoded, `.` and `..` resolved.
    static func resolve(_ href: String, against base: String) -> String {
        var bytes = Array((href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "").utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x37
            case 0x61...0x66: return b - 0x57
            default: return nil
            }
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = hex(bytes[i + 1]), let low = hex(bytes[i + 2]) {
                decoded.append(high << 4 | low)
                i += 3
            } else {
                decoded.append(bytes[i])
                i += 1
            }
        }
        bytes = decoded
        let relative = String(decoding: bytes, as: UTF8.self)
        let joined = relative.hasPrefix("/") ? String(relative.dropFirst()) : base + relative
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
