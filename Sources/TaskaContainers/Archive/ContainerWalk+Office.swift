import TaskaCore

/// Office documents and e-books (DOCX, ODT, EPUB): zips that are one document, not a
/// collection. Their text parts are read here, within the walk's limits, and handed on in
/// `SourceDocument.officePackage`; the Extract stage's office readers read them.
extension ContainerWalk {
    /// The office kind of the zip at `source`, from one pass over its member headers (data
    /// skipped, only `mimetype` read); `nil` for an ordinary zip, or one libarchive cannot list
    /// (the ordinary walk then reports what is wrong with it).
    func officeKind(_ source: ArchiveReader.Source) -> OfficeKind? {
        guard let reader = try? ArchiveReader(source) else { return nil }
        var names: [String] = []
        var mimetype: String?
        var entries = 0
        while let entry = try? reader.next() {
            entries += 1
            if entries > options.maxMembers { return nil }
            guard entry.kind == .regular else { continue }
            names.append(entry.name)
            if entry.name == "mimetype", !entry.encrypted, (entry.size ?? 0) <= 200 {
                mimetype = Self.mimetype(reader)
            }
        }
        return OfficeKind.of(names: names, mimetype: mimetype)
    }

    /// The text of the current member (a `mimetype` member: at most 200 bytes), trimmed.
    private static func mimetype(_ reader: ArchiveReader) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        var filled = 0
        while filled < buffer.count {
            let n = (try? buffer.withUnsafeMutableBytes { try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }) ?? 0
            if n <= 0 { break }
            filled += n
        }
        guard filled <= 200 else { return nil }
        var bytes = buffer[..<filled]
        while let last = bytes.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The package of an office zip `kind` names, or the error that stops it: an unsupported
    /// format, a missing main part, an encrypted part, a limit.
    func officePackage(_ source: ArchiveReader.Source, kind: OfficeKind, chain: [String]) throws -> OfficePackage {
        switch kind {
        case let .unsupported(what):
            throw ContainerError.unsupportedOffice(chain: Self.show(chain), what: what)
        case let .incomplete(format, missing):
            throw ContainerError.incompleteOffice(chain: Self.show(chain), format: format, missing: missing)
        case let .readable(format):
            return try readParts(source, format: format, chain: chain)
        }
    }

    /// Reads the parts `format`'s reader needs, every byte counted against the walk's limits
    /// (total bytes, ratio, time) and all of them together within the member limit.
    private func readParts(_ source: ArchiveReader.Source, format: OfficePackage.Format, chain: [String]) throws -> OfficePackage {
        let shown = Self.show(chain)
        let reader: ArchiveReader
        do throws(ArchiveReader.Failure) {
            reader = try ArchiveReader(source)
        } catch {
            throw (error.underlying as? ContainerError) ?? .unreadable(chain: shown, format: "ZIP", reason: error.message)
        }
        let cap = min(options.maxMemberBytes, root.limits.maxBytes)
        var parts: [OfficePackage.Part] = []
        var names: [String] = []
        var total = 0
        while true {
            let next: ArchiveReader.Entry?
            do throws(ArchiveReader.Failure) {
                next = try reader.next()
            } catch {
                throw (error.underlying as? ContainerError) ?? .broken(chain: shown, after: names.count, reason: error.message)
            }
            guard let entry = next else { break }
            try countMember(chain)
            guard entry.kind == .regular else { continue }
            names.append(entry.name)
            guard OfficeKind.wants(format, entry.name) else { continue }
            let partChain = chain + [entry.name]
            if entry.encrypted { throw ContainerError.encrypted(chain: Self.show(partChain)) }
            if let size = entry.size, size > cap - total { throw ContainerError.officeTooLarge(chain: shown, limit: cap) }
            let stream = MemberStream(reader: reader, walk: self, chain: partChain)
            var bytes: [UInt8] = []
            do {
                try stream.readRest(into: &bytes, cap: cap - total)
            } catch ContainerError.memberTooLarge(_, _) {
                throw ContainerError.officeTooLarge(chain: shown, limit: cap)
            } catch let error as ArchiveReader.Failure {
                throw (error.underlying as? ContainerError) ?? .unreadableMember(chain: Self.show(partChain), reason: error.message)
            }
            total += bytes.count
            parts.append(OfficePackage.Part(name: entry.name, bytes: bytes))
        }
        return OfficePackage(format: format, parts: parts, memberNames: names)
    }

    /// `document` carrying `package` in place of its zip bytes.
    static func carrying(_ package: OfficePackage, _ document: SourceDocument) -> SourceDocument {
        var doc = document
        doc.officePackage = package
        doc.mediaType = package.format.mediaType
        doc.bytes = []
        doc.payloadPath = nil
        doc.payloadPathBytes = nil
        return doc
    }

    /// A member that may be an office document (its zip bytes read whole): one document when it
    /// is one, an error record when it is an office file Taska does not read, else opened as a
    /// nested zip. Returns `false` when the container cannot be read past it.
    func officeMember(_ bytes: [UInt8], entry: ArchiveReader.Entry, chain: [String], depth: Int) throws -> Bool {
        let source = ArchiveReader.Source.memory(bytes)
        guard let kind = officeKind(source) else {
            guard depth < options.maxDepth else {
                try fail(chain, .tooDeep(chain: Self.show(chain), limit: options.maxDepth))
                return true
            }
            _ = try open(source, kind: .zip, chain: chain, depth: depth + 1)
            return !stopped
        }
        let package: OfficePackage
        do {
            package = try officePackage(source, kind: kind, chain: chain)
        } catch let error as ContainerError {
            try fail(chain, error)
            return !stopped
        } catch let error as LimitExceeded {
            try fail(chain, .unreadableMember(chain: Self.show(chain), reason: error.description))
            return true
        }
        var doc = Self.carrying(package, subDocument(chain, sha256: SHA256.hex(of: bytes), bytes: bytes.count))
        if Self.isUnsafe(entry.nameBytes) {
            doc.warn(stage, "container-member-name-unsafe",
                     "The member name \(Self.safe(entry.name)) is absolute or climbs out with '..'; nothing is ever written to disk, the name is only reported")
        }
        try send(doc)
        return true
    }
}
