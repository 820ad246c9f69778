import TaskaCore

/// What one container level keeps for chat exports packed in it: the size and SHA-256 of every
/// member read whole (computed anyway for `source.container`), and the Telegram export pages
/// (`result.json`, `messages*.html`) held back until the level's last member has streamed
/// past, so that their messages' media files resolve to members that come before *or after*
/// them, and no member is read twice.
///
/// Why hold the export and not its records, and why not a first pass: a zip's central
/// directory lists names and sizes but no SHA-256, and a TAR (or a zip nested in a stream) has
/// no directory at all, so the digests are only known once every member has been read; the
/// export's bytes are already in memory (a member, at most `max-member-bytes`), while its
/// records could be many times larger. Holding is bounded: at most `max-member-bytes` of export
/// pages are held at once; a page past that budget is released at once with the members seen
/// so far (`FolderMembers.complete` is then false). The table has one small entry per member,
/// so it is bounded by `max-members`.
struct ChatExportHold {
    /// Most bytes of export pages held back at once.
    let budget: Int
    private var digests: [String: FolderMembers.Digest] = [:]
    private var held: [(document: SourceDocument, folder: String)] = []
    private var heldBytes = 0

    init(budget: Int) { self.budget = budget }

    /// Whether a member name is a Telegram Desktop export page: `result.json`, `messages.html`,
    /// `messages2.html`, … (the reader decides whether it really is one).
    static func isExportPage(_ name: String) -> Bool {
        let base = name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name
        if base == "result.json" { return true }
        guard base.hasPrefix("messages"), base.hasSuffix(".html") else { return false }
        let number = base.dropFirst("messages".count).dropLast(".html".count)
        return number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Notes a member's size and SHA-256 (`nil` when it was too large to read).
    mutating func record(_ name: String, bytes: Int, sha256: String?) {
        digests[name] = FolderMembers.Digest(bytes: bytes, sha256: sha256)
    }

    /// Holds an export page until `release`; returns it (with the members seen so far) when
    /// holding it would pass the budget.
    mutating func hold(_ document: SourceDocument, name: String) -> SourceDocument? {
        let folder = Self.folder(of: name)
        let size = document.bytes.count
        if heldBytes + size > budget {
            var early = document
            early.folderMembers = table(for: folder, complete: false)
            return early
        }
        heldBytes += size
        held.append((document, folder))
        return nil
    }

    /// The held export pages, in archive order, each with its folder's members.
    mutating func release(complete: Bool) -> [SourceDocument] {
        let out = held.map { entry in
            var document = entry.document
            document.folderMembers = table(for: entry.folder, complete: complete)
            return document
        }
        held = []
        heldBytes = 0
        return out
    }

    /// The members under `folder`, named relative to it.
    private func table(for folder: String, complete: Bool) -> FolderMembers {
        var files: [String: FolderMembers.Digest] = [:]
        for (name, digest) in digests where name.hasPrefix(folder) && name.count > folder.count {
            files[String(name.dropFirst(folder.count))] = digest
        }
        return FolderMembers(files: files, complete: complete)
    }

    /// `a/b/result.json` → `a/b/`; a name without a folder → "".
    static func folder(of name: String) -> String {
        guard let slash = name.lastIndex(of: "/") else { return "" }
        return String(name[...slash])
    }
}
