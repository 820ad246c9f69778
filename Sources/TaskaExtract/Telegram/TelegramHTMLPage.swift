import TaskaCore

/// The messages of one Telegram Desktop HTML export page (`messages.html`, `messages2.html`, …),
/// read from a `MarkupTree`: `div.page_wrap` > `div.history` > `div.message` blocks.
struct TelegramHTMLPage {
    /// One ordinary message block as the page writes it.
    struct Message {
        var id: Int64
        /// `joined`: a later message of the same sender, written without `from_name`.
        var joined: Bool
        /// `from_name` of the block (nil for a joined block).
        var sender: String?
        var date: (date: String, wallTime: String, utcOffset: String?)?
        var author: String?
        var forwardedFrom: String?
        var replyTo: Int64?
        var mediaType: String?
        var mediaFile: String?
        var text: TelegramMessageText
    }

    var chatName: String?
    var messages: [Message] = []
    /// Real service events (channel created, member joined, …), skipped.
    var serviceMessages = 0
    /// Date separators (`5 July 2021`), skipped.
    var dateSeparators = 0
    /// `href` of the "Previous messages" link, if the page has one.
    var previousPage: String?

    /// Whether the head of `text` looks like a Telegram export page.
    static func looksLikeExport(_ text: String) -> Bool {
        // Byte search in the first 64 KiB (the markers are ASCII): every HTML page is sniffed,
        // so this must not build and scan a String. One pass visits each `class="` (found by
        // its rare `=`) and notes which of the export's class values follow.
        var text = text
        return text.withUTF8 { all in
            let head = UnsafeBufferPointer(rebasing: all.prefix(1 << 16))
            var pageWrap = false, history = false, messageOrHeader = false
            var i = ByteSearch.index(of: 0x3D, in: head, from: 5)  // '='
            while i < head.count {
                if matches(head, at: i - 5, Self.classOpen) {
                    let value = i + 2
                    if !pageWrap && matches(head, at: value, Self.pageWrap) { pageWrap = true }
                    else if !history && matches(head, at: value, Self.history) { history = true }
                    else if !messageOrHeader && (matches(head, at: value, Self.message) || matches(head, at: value, Self.pageHeader)) {
                        messageOrHeader = true
                    }
                    if pageWrap && history && messageOrHeader { return true }
                }
                i = ByteSearch.index(of: 0x3D, in: head, from: i + 1)
            }
            return false
        }
    }

    private static let classOpen = Array("class=\"".utf8)
    private static let pageWrap = Array("page_wrap\"".utf8)
    private static let history = Array("history\"".utf8)
    private static let message = Array("message ".utf8)
    private static let pageHeader = Array("page_header\"".utf8)

    /// Whether `needle` is at `start` in `haystack` (bytes).
    private static func matches(_ haystack: UnsafeBufferPointer<UInt8>, at start: Int, _ needle: [UInt8]) -> Bool {
        guard start >= 0, start + needle.count <= haystack.count else { return false }
        for j in 0..<needle.count where haystack[start + j] != needle[j] { return false }
        return true
    }

    init(tree: MarkupTree) {
        let nodes = tree.nodes
        func classes(_ i: Int) -> Set<Substring> {
            Set((nodes[i].attribute("class") ?? "").split(separator: " "))
        }
        func elementChildren(_ i: Int) -> [Int] { nodes[i].children.filter { nodes[$0].kind == .element } }
        // The page header's chat name and the history block.
        var history: Int?
        for i in nodes.indices where nodes[i].kind == .element && nodes[i].name == "div" {
            let c = classes(i)
            if c.contains("page_header"), chatName == nil,
               let name = Self.descendants(of: i, in: tree).first(where: { classes($0).isSuperset(of: ["text", "bold"]) }) {
                let text = Self.collapse(tree.textContent(of: name))
                chatName = text.isEmpty ? nil : text
            }
            if c.contains("history") { history = i; break }
        }
        guard let history else { return }
        for child in elementChildren(history) {
            let c = classes(child)
            if nodes[child].name == "a", c.contains("pagination"), previousPage == nil,
               Self.collapse(tree.textContent(of: child)).lowercased().hasPrefix("previous") {
                previousPage = nodes[child].attribute("href")
                continue
            }
            guard c.contains("message"), let id = Self.messageId(nodes[child].attribute("id")) else { continue }
            if c.contains("service") {
                let text = Self.collapse(tree.textContent(of: child))
                if Self.isDateSeparator(text) { dateSeparators += 1 } else { serviceMessages += 1 }
                continue
            }
            messages.append(Self.message(child, id: id, joined: c.contains("joined"), tree: tree))
        }
    }

    // MARK: - One message

    private static func message(_ block: Int, id: Int64, joined: Bool, tree: MarkupTree) -> Message {
        let nodes = tree.nodes
        func classes(_ i: Int) -> Set<Substring> { Set((nodes[i].attribute("class") ?? "").split(separator: " ")) }
        var m = Message(id: id, joined: joined, text: TelegramMessageText())
        guard let body = nodes[block].children.first(where: {
            nodes[$0].kind == .element && classes($0).contains("body") && !classes($0).contains("forwarded")
        }) else { return m }
        var textDiv: Int?
        var stack = Array(nodes[body].children.reversed())
        var directChildren = Set(nodes[body].children)
        while let i = stack.popLast() {
            guard nodes[i].kind == .element else { continue }
            let c = classes(i)
            if directChildren.contains(i), c.contains("date"), c.contains("details"), m.date == nil,
               let title = nodes[i].attribute("title") {
                m.date = TelegramDate.parseHTMLTitle(title)
                continue
            }
            if directChildren.contains(i), c.contains("from_name") {
                let name = collapse(ownText(i, tree))
                m.sender = name.isEmpty ? collapse(tree.textContent(of: i)) : name
                continue
            }
            if c.contains("forwarded"), c.contains("body") {
                if let from = nodes[i].children.first(where: { nodes[$0].kind == .element && classes($0).contains("from_name") }) {
                    let name = collapse(ownText(from, tree))
                    m.forwardedFrom = name.isEmpty ? nil : name
                }
                // The forwarded content (text, media) sits inside `forwarded body`.
                for child in nodes[i].children.reversed() { stack.append(child); directChildren.remove(child) }
                continue
            }
            if c.contains("reply_to") {
                m.replyTo = replyTarget(i, tree)
                continue
            }
            if c.contains("signature") {
                let author = collapse(tree.textContent(of: i))
                m.author = author.isEmpty ? nil : author
                continue
            }
            if c.contains("media_wrap") {
                (m.mediaType, m.mediaFile) = media(i, tree)
                continue
            }
            if c == ["text"], textDiv == nil {
                textDiv = i
                continue
            }
            if c.contains("reactions") || c.contains("userpic_wrap") { continue }
            stack.append(contentsOf: nodes[i].children.reversed())
        }
        if let textDiv {
            var text = TelegramMessageText()
            for child in nodes[textDiv].children { inline(child, tree, into: &text) }
            text.trim()
            m.text = text
        }
        return m
    }

    /// Message text from inline HTML: `<br>` is a line end, layout newlines are spaces,
    /// formatting elements become entities named as in the JSON export.
    private static func inline(_ i: Int, _ tree: MarkupTree, into text: inout TelegramMessageText) {
        let node = tree.nodes[i]
        switch node.kind {
        case .comment: return
        case .text:
            text.append(layoutText: node.text)
            return
        case .element: break
        }
        if node.name == "br" { text.append("\n"); return }
        let start = text.mark
        for child in node.children { inline(child, tree, into: &text) }
        let cls = Set((node.attribute("class") ?? "").split(separator: " "))
        switch node.name {
        case "a":
            let href = node.attribute("href") ?? ""
            let onclick = node.attribute("onclick") ?? ""
            let label = text.text(from: start)
            if onclick.contains("ShowHashtag") { text.addSpan(type: "hashtag", from: start) }
            else if onclick.contains("ShowCashtag") { text.addSpan(type: "cashtag", from: start) }
            else if onclick.contains("ShowBotCommand") { text.addSpan(type: "bot_command", from: start) }
            else if onclick.contains("ShowMentionName") { text.addSpan(type: "mention_name", from: start) }
            else if href.hasPrefix("mailto:") { text.addSpan(type: "email", from: start) }
            else if href.hasPrefix("tel:") { text.addSpan(type: "phone", from: start) }
            else if label.hasPrefix("@") { text.addSpan(type: "mention", from: start) }
            else if href == label || href == "http://" + label || href == "https://" + label {
                text.addSpan(type: "link", from: start, href: href)
            } else if !href.isEmpty {
                text.addSpan(type: "text_link", from: start, href: href)
            }
        case "b", "strong": text.addSpan(type: "bold", from: start)
        case "i", "em": text.addSpan(type: "italic", from: start)
        case "u": text.addSpan(type: "underline", from: start)
        case "s", "strike", "del": text.addSpan(type: "strikethrough", from: start)
        case "code": text.addSpan(type: "code", from: start)
        case "pre": text.addSpan(type: "pre", from: start)
        case "blockquote": text.addSpan(type: "blockquote", from: start)
        case "span" where cls.contains("spoiler"): text.addSpan(type: "spoiler", from: start)
        default: break
        }
    }

    /// `GoToMessage(413)` in `onclick`, else `#go_to_message413` in `href` (also
    /// `messages.html#go_to_message277` for a message on another page).
    private static func replyTarget(_ i: Int, _ tree: MarkupTree) -> Int64? {
        for a in descendants(of: i, in: tree) where tree.nodes[a].name == "a" {
            if let onclick = tree.nodes[a].attribute("onclick"), let r = onclick.firstRange(of: "GoToMessage(") {
                let digits = onclick[r.upperBound...].prefix { $0 == "-" || $0.isNumber }
                if let id = Int64(digits) { return id }
            }
            if let href = tree.nodes[a].attribute("href"), let r = href.firstRange(of: "go_to_message") {
                let digits = href[r.upperBound...].prefix { $0 == "-" || $0.isNumber }
                if let id = Int64(digits) { return id }
            }
        }
        return nil
    }

    /// Media class names of the HTML export → the JSON export's `media_type` names.
    private static let mediaClasses: [(String, String)] = [
        ("media_audio_file", "audio_file"), ("media_voice_message", "voice_message"), ("media_video", "video_file"),
        ("video_file_wrap", "video_file"), ("media_photo", "photo"), ("photo_wrap", "photo"), ("media_file", "file"),
        ("sticker_wrap", "sticker"), ("media_sticker", "sticker"), ("animated_wrap", "animation"),
        ("media_animation", "animation"), ("video_message_wrap", "video_message"), ("media_location", "location"),
        ("media_live_location", "location"), ("media_contact", "contact"), ("media_poll", "poll"), ("media_game", "game"),
        ("media_invoice", "invoice"), ("media_call", "call"),
    ]

    private static func media(_ wrap: Int, _ tree: MarkupTree) -> (String?, String?) {
        for i in descendants(of: wrap, in: tree) {
            let cls = (tree.nodes[i].attribute("class") ?? "").split(separator: " ")
            for (name, type) in mediaClasses where cls.contains(Substring(name)) {
                var file: String?
                if tree.nodes[i].name == "a", let href = tree.nodes[i].attribute("href"), !href.isEmpty, !href.hasPrefix("#") {
                    file = href
                }
                return (type, file)
            }
        }
        return ("file", nil)
    }

    // MARK: - Helpers

    /// `message123` / `message-5` → 123 / -5.
    static func messageId(_ attribute: String?) -> Int64? {
        guard let a = attribute, a.hasPrefix("message") else { return nil }
        return Int64(a.dropFirst("message".count))
    }

    /// A date separator's text: `26 August 2016` (always English in exports).
    static func isDateSeparator(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), (1...31).contains(day), parts[2].count == 4, Int(parts[2]) != nil else {
            return false
        }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return months.contains(String(parts[1]))
    }

    /// The text directly inside an element (not inside its child elements).
    private static func ownText(_ i: Int, _ tree: MarkupTree) -> String {
        tree.nodes[i].children.filter { tree.nodes[$0].kind == .text }.map { tree.nodes[$0].text }.joined()
    }

    static func collapse(_ text: String) -> String { WhitespaceCollapse.collapse(text) }

    /// All descendants of `i` in document order (iterative).
    static func descendants(of i: Int, in tree: MarkupTree) -> [Int] {
        var out: [Int] = []
        var stack = Array(tree.nodes[i].children.reversed())
        while let j = stack.popLast() {
            out.append(j)
            stack.append(contentsOf: tree.nodes[j].children.reversed())
        }
        return out
    }
}
