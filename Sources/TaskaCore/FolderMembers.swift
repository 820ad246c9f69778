/// The other members of the container folder a document was read from, by their path within
/// that folder: what a chat export's `media.file` names resolve to.
///
/// `unarchive` sets it on a member that is a Telegram export (`result.json`, `messages*.html`),
/// built from the size and SHA-256 it computes for every member as it streams past, so no
/// member is read twice.
public struct FolderMembers: Sendable, Equatable {
    /// Size and SHA-256 of one member.
    public struct Digest: Sendable, Equatable {
        public var bytes: Int
        /// `nil` when the member was too large to read (it has an error record of its own).
        public var sha256: String?

        public init(bytes: Int, sha256: String?) {
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// Member path relative to the folder (`photos/photo_1.jpg`) → its size and SHA-256.
    public var files: [String: Digest]
    /// Whether every member of the container was seen before the table was handed over;
    /// `false` when the export could not be held back to the end (see `UnarchiveStage`), or
    /// the container stopped early at a limit, so a name missing here may still be in it.
    public var complete: Bool

    public init(files: [String: Digest], complete: Bool) {
        self.files = files
        self.complete = complete
    }

    /// The member a media path names: as written, then with `./` and `%20`-style escapes of
    /// the HTML export undone.
    public func member(named path: String) -> Digest? {
        if let hit = files[path] { return hit }
        var name = Substring(path)
        while name.hasPrefix("./") { name = name.dropFirst(2) }
        if let hit = files[String(name)] { return hit }
        if let decoded = Self.percentDecoded(name), let hit = files[decoded] { return hit }
        return nil
    }

    /// `%XX` escapes undone (Telegram's HTML pages escape spaces and non-ASCII in `href`).
    static func percentDecoded(_ text: Substring) -> String? {
        guard text.contains("%") else { return nil }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
