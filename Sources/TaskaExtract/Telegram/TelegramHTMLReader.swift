import TaskaCore

/// Telegram Desktop HTML exports (`messages.html`, `messages2.html`, …): one document per
/// ordinary message of the page.
///
/// Must come before the generic `HTMLReader`. A `joined` block carries the sender of the last
/// non-joined block; at the start of page N > 1 that sender is on the previous page, which is
/// read from disk next to this one (the "Previous messages" link, else `messages{N-1}.html`).
/// When it cannot be read, the sender is nil and the record says why.
///
/// Date separators and service messages are skipped; their counts go onto the **last** record
/// of the page, as for `TelegramJSONReader`.
struct TelegramHTMLReader: FormatReader {
    var name: String { "telegram-html" }

    /// How many earlier pages may be read to find the sender of a leading joined block.
    static let maxPagesBack = 4

    func accepts(_ document: SourceDocument) -> Bool {
        let type = document.mediaType ?? ""
        guard type == "text/html" || type == "application/xhtml+xml" else { return false }
        return TelegramHTMLPage.looksLikeExport(document.text)
    }

    func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        let tree = try MarkupParser(limits: document.limits).parse(document.text, syntax: .html, path: document.source.path)
        let page = TelegramHTMLPage(tree: tree)
        var base = document
        base.text = ""
        base.blocks = []
        base.bytes = []
        base.folderMembers = nil
        var media = TelegramMediaResolver(document.folderMembers)
        ExtractStage.reportParserMessages(tree, into: &base, stage: "extract")

        var lastSender: String?
        var lookedBack = false
        var queue: [SourceDocument] = []
        for (index, m) in page.messages.enumerated() {
            var doc = base
            doc.subIndex = index
            var info = MessageInfo(id: m.id)
            info.chatName = page.chatName
            if m.joined {
                if lastSender == nil && !lookedBack {
                    lookedBack = true
                    lastSender = Self.senderAtEnd(ofPageBefore: document.source.path, previousLink: page.previousPage, depth: 1)
                    if lastSender == nil {
                        doc.warn("extract", "joined-sender-unknown",
                                 "Message \(m.id) continues the previous sender, who is on an earlier page that could not be read (\(Self.previousPath(of: document.source.path, link: page.previousPage) ?? "no previous page named")); its sender is left empty — ingest the export folder with all its pages")
                    }
                }
                info.sender = lastSender
            } else {
                info.sender = m.sender
                lastSender = m.sender
            }
            info.date = m.date?.date
            info.wallTime = m.date?.wallTime
            info.utcOffset = m.date?.utcOffset
            if m.date == nil {
                doc.warn("extract", "message-date-missing", "Message \(m.id) has no date `title`; its instant is unknown")
            }
            info.author = m.author
            info.forwardedFrom = m.forwardedFrom
            info.replyTo = m.replyTo
            info.mediaType = m.mediaType
            info.mediaFile = m.mediaFile
            media.resolve(&info)
            doc.message = info
            doc.blocks = m.text.blocks()
            queue.append(doc)
        }
        var last = queue.popLast() ?? base
        if page.messages.isEmpty {
            last.warn("extract", "no-messages", "The Telegram export page holds no ordinary message; no message records were made")
        }
        if page.dateSeparators > 0 {
            last.warn("extract", "date-separators-skipped",
                      "Skipped \(page.dateSeparators) date separator\(page.dateSeparators == 1 ? "" : "s") on this page", count: page.dateSeparators)
        }
        if page.serviceMessages > 0 {
            last.warn("extract", "service-messages-skipped",
                      "Skipped \(page.serviceMessages) service message\(page.serviceMessages == 1 ? "" : "s") (chat created, members joined, pinned, …) on this page; \(page.messages.count) ordinary messages became records",
                      count: page.serviceMessages)
        }
        if let missing = media.warning { last.warnings.append(missing) }
        for doc in queue { try emit(doc) }
        try emit(last)
    }

    /// The path of the page before `path`: the "Previous messages" link resolved next to it,
    /// else by name (`messages3.html` → `messages2.html`, `messages2.html` → `messages.html`).
    static func previousPath(of path: String, link: String?) -> String? {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let file = slash.map { String(path[path.index(after: $0)...]) } ?? path
        if let link, !link.isEmpty, !link.contains("://"), !link.hasPrefix("/") {
            let target = link.split(separator: "#", maxSplits: 1).first.map(String.init) ?? link
            if !target.isEmpty { return dir + target }
        }
        guard file.hasPrefix("messages"), file.hasSuffix(".html") else { return nil }
        let number = file.dropFirst("messages".count).dropLast(".html".count)
        guard let n = Int(number), n >= 2 else { return nil }
        return dir + (n == 2 ? "messages.html" : "messages\(n - 1).html")
    }

    /// The sender of the last message of the page before `path` (reading further back while
    /// that page has only joined blocks), or nil when it cannot be read.
    static func senderAtEnd(ofPageBefore path: String, previousLink: String?, depth: Int) -> String? {
        guard depth <= maxPagesBack, let previous = previousPath(of: path, link: previousLink),
              let bytes = try? readFile(previous),
              let tree = try? MarkupParser().parse(String(decoding: bytes, as: UTF8.self), syntax: .html, path: previous)
        else { return nil }
        let page = TelegramHTMLPage(tree: tree)
        if let last = page.messages.last(where: { !$0.joined }) { return last.sender }
        return senderAtEnd(ofPageBefore: previous, previousLink: page.previousPage, depth: depth + 1)
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        let stream = try FileByteStream(path: path)
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }
}
