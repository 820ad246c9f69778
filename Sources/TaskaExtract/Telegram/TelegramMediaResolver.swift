import TaskaCore

/// Resolves the media files a Telegram export's messages name (`photos/photo_1@….jpg`) to the
/// members of the container the export was read from, and counts those that are not in it.
///
/// Only an export read from a container has `FolderMembers`; a loose export folder is left as
/// it is (its records carry no `media.bytes` or `media.sha256`).
struct TelegramMediaResolver {
    let members: FolderMembers?
    private(set) var missing = 0
    private var examples: [String] = []

    init(_ members: FolderMembers?) { self.members = members }

    /// Sets the size and SHA-256 of the member `info.mediaFile` names (both nil when missing).
    mutating func resolve(_ info: inout MessageInfo) {
        guard let members, let file = info.mediaFile else { return }
        info.mediaLookedUp = true
        if let digest = members.member(named: file) {
            info.mediaBytes = digest.bytes
            info.mediaSha256 = digest.sha256
        } else {
            missing += 1
            if examples.count < 3 { examples.append(ContainerMember.escaped(file)) }
        }
    }

    /// One warning for the export when media files were missing, else nil.
    var warning: DocumentWarning? {
        guard missing > 0, let members else { return nil }
        let files = missing == 1 ? "1 media file" : "\(missing) media files"
        let names = examples.joined(separator: ", ") + (missing > examples.count ? ", …" : "")
        let whereMissing = members.complete
            ? "not in the container"
            : "not among the members read before the export was (the container stopped early, or more than max-member-bytes of export pages were held back)"
        return DocumentWarning(stage: "extract", code: "telegram-media-missing",
                               message: "\(files) that messages of this export name (\(names)) \(missing == 1 ? "is" : "are") \(whereMissing); \(missing == 1 ? "its message's record has" : "their messages' records have") media.bytes and media.sha256 null — export the chat with its media, or zip the whole export folder",
                               count: missing)
    }
}
