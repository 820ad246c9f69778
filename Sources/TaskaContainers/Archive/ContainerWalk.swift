import TaskaCore

/// One container read from start to end, nested containers included: the counters every limit
/// is checked against, and the document held back for the closing warning.
///
/// A class because nested readers' streams report their bytes to the same counters.
final class ContainerWalk {
    let stage: String
    let options: UnarchiveOptions
    let root: SourceDocument
    /// The outermost container's size, against which the overall ratio is measured.
    let containerSize: Int
    let emit: (SourceDocument) throws -> Void

    /// Output below this many bytes of one member is never called a bomb.
    static let memberRatioFloor = 16 << 20
    /// Output below this many bytes in all is never called a bomb.
    static let totalRatioFloor = 100 << 20

    private var ordinal = 0
    private var members = 0
    private(set) var produced = 0
    /// Set once a container-wide limit stops the walk.
    private(set) var stopped = false
    private var pending: SourceDocument?
    private var skipped: [String: Int] = [:]

    init(stage: String, options: UnarchiveOptions, root: SourceDocument, containerSize: Int,
         emit: @escaping (SourceDocument) throws -> Void) {
        self.stage = stage
        self.options = options
        self.root = root
        self.containerSize = containerSize
        self.emit = emit
    }

    /// Reads one container level. Returns `false` (having emitted nothing) when a gzip, bzip2
    /// or xz stream turns out to hold no container, so the caller takes it as a plain document.
    func open(_ source: ArchiveReader.Source, kind: ContainerKind, chain: [String], depth: Int) throws -> Bool {
        let reader: ArchiveReader
        do throws(ArchiveReader.Failure) {
            reader = try ArchiveReader(source)
        } catch {
            if kind.isCompressionOnly { return false }
            try unreadable(chain, kind.rawValue, error, depth: depth)
            return true
        }
        var index = 0
        let firstOrdinal = ordinal
        var exports = ChatExportHold(budget: options.maxMemberBytes)
        while !stopped {
            let entry: ArchiveReader.Entry?
            do throws(ArchiveReader.Failure) {
                entry = try reader.next()
            } catch {
                if index == 0 && kind.isCompressionOnly { return false }
                if index == 0 {
                    try unreadable(chain, reader.formatName, error, depth: depth)
                } else if let limit = error.underlying as? ContainerError {
                    try fail(chain, limit)
                } else {
                    try fail(chain, .broken(chain: Self.show(chain), after: index, reason: error.message))
                }
                break
            }
            guard let entry else {
                if index == 0 && kind.isCompressionOnly { return false }
                break
            }
            index += 1
            do throws(ContainerError) {
                try countMember(chain)
            } catch {
                try fail(chain, error)
                break
            }
            let memberChain = chain + [entry.name]
            switch entry.kind {
            case .directory: continue
            case .regular: break
            case .symlink: skipped["symbolic links", default: 0] += 1; continue
            case .hardlink: skipped["hard links", default: 0] += 1; continue
            case .other: skipped["devices, FIFOs and other special entries", default: 0] += 1; continue
            }
            if Self.isHidden(entry.nameBytes) { skipped["hidden members", default: 0] += 1; continue }
            if kind == .zip, Self.isWACZMetadata(entry.nameBytes) {
                skipped["WACZ indexes and metadata", default: 0] += 1
                continue
            }
            if entry.encrypted {
                try fail(memberChain, .encrypted(chain: Self.show(memberChain)))
                continue
            }
            if try !member(reader, entry, chain: memberChain, depth: depth, exports: &exports) { break }
        }
        for page in exports.release(complete: !stopped) { try send(page) }
        if depth > 1, ordinal == firstOrdinal {
            // A nested container with no document is an error record, as the same file alone is.
            try fail(chain, .empty(chain: Self.show(chain), skipped: index == 0 ? "" : "\(index) \(index == 1 ? "entry" : "entries"): folders, links or hidden members"))
        }
        return true
    }

    /// Reads one regular member: a nested container is opened, anything else becomes a
    /// document. Returns `false` when the container cannot be read past this member.
    /// Its size and SHA-256 go into `exports`; a Telegram export page is held there.
    private func member(_ reader: ArchiveReader, _ entry: ArchiveReader.Entry, chain: [String], depth: Int,
                        exports: inout ChatExportHold) throws -> Bool {
        let stream = MemberStream(reader: reader, walk: self, chain: chain)
        let cap = min(options.maxMemberBytes, root.limits.maxBytes)
        var bytes: [UInt8] = []
        do {
            if let size = entry.size, size > cap, try !startsAsContainer(stream) {
                try fail(chain, .memberTooLarge(chain: Self.show(chain), limit: cap))
                exports.record(entry.name, bytes: size, sha256: nil)
                return true
            }
            let head = try stream.head()
            let nested = ContainerKind.of(head)
            if let nested, let legacy = nested.legacyDescription {
                try fail(chain, .legacyFormat(path: Self.show(chain), format: legacy))
                return true
            }
            if nested == .officeZip {
                bytes = head
                try stream.readRest(into: &bytes, cap: cap)
                return try officeMember(bytes, entry: entry, chain: chain, depth: depth)
            }
            if let nested, !nested.isCompressionOnly, nested != .legacyWord, nested != .rtf, nested != .officeZip {
                guard depth < options.maxDepth else {
                    try fail(chain, .tooDeep(chain: Self.show(chain), limit: options.maxDepth))
                    return true
                }
                if nested == .sevenZip {
                    // libarchive reads 7z only from a seekable source (its header is at the end):
                    // the member is taken into memory, within the member limit.
                    bytes = head
                    try stream.readRest(into: &bytes, cap: cap)
                    _ = try open(.memory(bytes), kind: nested, chain: chain, depth: depth + 1)
                    return !stopped
                }
                _ = try open(.stream(stream), kind: nested, chain: chain, depth: depth + 1)
                return !stopped
            }
            bytes = head
            try stream.readRest(into: &bytes, cap: cap)
            if let nested, nested.isCompressionOnly, depth < options.maxDepth,
               try open(.memory(bytes), kind: nested, chain: chain, depth: depth + 1) {
                return !stopped
            }
        } catch let error as ContainerError {
            try fail(chain, error)
            return !stopped
        } catch let error as ArchiveReader.Failure {
            if let limit = error.underlying as? ContainerError {
                try fail(chain, limit)
            } else {
                try fail(chain, .unreadableMember(chain: Self.show(chain), reason: error.message))
            }
            return !error.fatal && !stopped
        } catch let error as LimitExceeded {
            try fail(chain, .unreadableMember(chain: Self.show(chain), reason: error.description))
            return true
        }
        let sha256 = SHA256.hex(of: bytes)
        exports.record(entry.name, bytes: bytes.count, sha256: sha256)
        var doc = subDocument(chain, sha256: sha256, bytes: bytes.count)
        doc.bytes = bytes
        if Self.isUnsafe(entry.nameBytes) {
            doc.warn(stage, "container-member-name-unsafe",
                     "The member name \(Self.safe(entry.name)) is absolute or climbs out with '..'; nothing is ever written to disk, the name is only reported")
        }
        if ChatExportHold.isExportPage(entry.name) {
            if let early = exports.hold(doc, name: entry.name) { try send(early) }
        } else {
            try send(doc)
        }
        return true
    }

    /// Whether the member's first bytes are those of a container (the stream keeps them).
    private func startsAsContainer(_ stream: MemberStream) throws -> Bool {
        guard let kind = ContainerKind.of(try stream.head()) else { return false }
        return !kind.isCompressionOnly && kind != .legacyWord && kind != .rtf && kind != .officeZip
    }

    /// Counts one more member read from the outermost container; throws (and stops the walk)
    /// past `max-members`.
    func countMember(_ chain: [String]) throws(ContainerError) {
        members += 1
        if members > options.maxMembers {
            stopped = true
            throw .tooManyMembers(chain: Self.show(chain), limit: options.maxMembers)
        }
    }

    /// Counts `n` more output bytes of the member in `chain`; throws once a limit is passed.
    func account(_ n: Int, memberProduced: Int, compressed: Int, chain: [String]) throws(ContainerError) {
        produced += n
        if produced > options.maxTotalBytes {
            stopped = true
            throw .totalTooLarge(chain: Self.show([chain[0]]), limit: options.maxTotalBytes)
        }
        if produced > Self.totalRatioFloor, produced / options.maxRatio > containerSize {
            stopped = true
            throw .totalRatio(chain: Self.show([chain[0]]), produced: produced, size: containerSize, limit: options.maxRatio)
        }
        // `compressed` is how far the reader advanced while reading this member; where it went
        // back (overlapping entries point at data already read) the overall ratio guards instead.
        if compressed > 0, memberProduced > Self.memberRatioFloor, memberProduced / options.maxRatio > compressed {
            throw .memberRatio(chain: Self.show(chain), produced: memberProduced, compressed: compressed, limit: options.maxRatio)
        }
    }

    /// Emits the document held back and closes with the skipped-members warning.
    func finish() throws {
        let skippedCount = skipped.values.reduce(0, +)
        let summary = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        guard var last = pending else {
            throw ContainerError.empty(chain: root.source.path, skipped: summary)
        }
        if skippedCount > 0 {
            last.warn(stage, "container-members-skipped",
                      "This container held \(skippedCount) members that are not documents and were skipped (\(summary)). This warning sits on the last document taken from the container",
                      count: skippedCount)
        }
        pending = nil
        try emit(last)
    }

    func send(_ doc: SourceDocument) throws {
        if let previous = pending { try emit(previous) }
        pending = doc
    }

    func subDocument(_ chain: [String], sha256: String?, bytes: Int?) -> SourceDocument {
        var info = root.source
        info.container = ContainerMember(chain: chain, sha256: sha256, bytes: bytes, ordinal: ordinal)
        ordinal += 1
        var doc = SourceDocument(source: info, bytes: [])
        doc.warnings = root.warnings
        doc.limits = root.limits
        // No deadline: the pipeline gives each member its own `max-seconds` budget (a member
        // shares the container's nil `subIndex`, so an inherited deadline would be kept).
        doc.deadline = nil
        return doc
    }

    /// An error record for one member (or for a container level, when `chain` ends at it).
    func fail(_ chain: [String], _ error: ContainerError) throws {
        var doc = subDocument(chain, sha256: nil, bytes: nil)
        doc.failure = StageFailure(stage: stage, message: error.description)
        try send(doc)
    }

    /// The outermost container fails as a whole; a nested one gets an error record.
    private func unreadable(_ chain: [String], _ format: String, _ error: ArchiveReader.Failure, depth: Int) throws {
        let problem = (error.underlying as? ContainerError)
            ?? .unreadable(chain: Self.show(chain), format: format, reason: error.message)
        if depth == 1 { throw problem }
        try fail(chain, problem)
    }

    /// A chain as messages show it, names escaped (`safe`).
    static func show(_ chain: [String]) -> String {
        chain.enumerated().map { $0.offset == 0 ? $0.element : safe($0.element) }.joined(separator: " → ")
    }

    /// A member name as messages show it (`ContainerMember.escaped`).
    static func safe(_ name: String) -> String { ContainerMember.escaped(name) }

    /// A name with a part starting with `.` or a `__MACOSX` part (resource forks), like the walker's hidden files.
    static func isHidden(_ name: [UInt8]) -> Bool {
        name.split(separator: UInt8(ascii: "/")).contains { part in
            (part.first == UInt8(ascii: ".") && !part.elementsEqual([UInt8(ascii: ".")]) && !part.elementsEqual("..".utf8))
                || part.elementsEqual("__MACOSX".utf8)
        }
    }

    /// The index, page list and package description at the root of a WACZ (Webrecorder's zip
    /// of WARCs): `indexes/…`, `pages/….jsonl`, `datapackage.json`, `datapackage-digest.json`.
    /// They describe the WARCs and are no documents; the WARCs under `archive/` are.
    static func isWACZMetadata(_ name: [UInt8]) -> Bool {
        let text = String(decoding: name, as: UTF8.self)
        return text == "datapackage.json" || text == "datapackage-digest.json"
            || (text.hasPrefix("indexes/") && (text.hasSuffix(".cdx") || text.hasSuffix(".cdxj") || text.hasSuffix(".idx") || text.hasSuffix(".cdx.gz")))
            || (text.hasPrefix("pages/") && text.hasSuffix(".jsonl"))
    }

    /// An absolute name, a Windows drive or UNC name, or one with a `..` part.
    static func isUnsafe(_ name: [UInt8]) -> Bool {
        if name.first == UInt8(ascii: "/") || name.first == UInt8(ascii: "\\") { return true }
        if name.count >= 2, name[1] == UInt8(ascii: ":") { return true }
        return name.split(whereSeparator: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") })
            .contains { $0.elementsEqual("..".utf8) }
    }
}
