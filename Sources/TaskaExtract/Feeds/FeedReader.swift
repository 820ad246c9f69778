import TaskaCore

/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item or entry.
///
/// Each item gets `title`, `metadata.canonicalURL` (its link), `metadata.published` (ISO 8601;
/// RSS `pubDate` converted from RFC 822), `metadata.modified` (Atom `updated`),
/// `metadata.author`, `metadata.siteName` (the channel title) and `metadata.declaredLanguage`
/// (channel `language` / `xml:lang`). Its text is the item title as a heading block, then its
/// HTML (`content:encoded`, else `description`; Atom `content`, else `summary`) run through
/// `BlockExtractor`. Items get `subIndex` 0, 1, 2, … in feed order. A feed without items gives
/// one document for the channel, with a `feed-empty` warning.
struct FeedReader: FormatReader {
    var name: String { "feed" }

    enum Kind { case rss2, rss1, atom }

    static let atomNS = "http://www.w3.org/2005/Atom"
    static let contentNS = "http://purl.org/rss/1.0/modules/content/"
    static let dcNS = "http://purl.org/dc/elements/1.1/"

    func accepts(_ document: SourceDocument) -> Bool {
        guard Self.isXML(document.mediaType) else { return false }
        return Self.kind(of: document.text) != nil
    }

    static func isXML(_ mediaType: String?) -> Bool {
        guard let type = mediaType?.lowercased() else { return false }
        return type.hasSuffix("xml")
    }

    /// The feed kind, from the root element of the text.
    static func kind(of text: String) -> Kind? {
        guard let root = XMLRootSniffer.rootName(of: text) else { return nil }
        switch XMLRootSniffer.localName(root) {
        case "rss": return .rss2
        case "RDF": return .rss1
        case "feed": return .atom
        default: return nil
        }
    }

    func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        let tree = try MarkupParser(limits: document.limits).parse(document.text, syntax: .xml, path: document.source.path)
        guard let root = tree.rootElement else {
            var doc = document
            doc.warn("extract", "feed-empty", "The feed has no root element; nothing to extract")
            return try emit(doc)
        }
        let kind: Kind = tree.nodes[root].name == "feed" ? .atom : (tree.nodes[root].name == "RDF" ? .rss1 : .rss2)
        let channel: Int
        let items: [Int]
        switch kind {
        case .rss2:
            channel = tree.firstChild(of: root, named: "channel") ?? root
            items = tree.elementChildren(of: channel, named: "item")
        case .rss1:
            channel = tree.firstChild(of: root, named: "channel") ?? root
            items = tree.elementChildren(of: root, named: "item")
        case .atom:
            channel = root
            items = tree.elementChildren(of: root, named: "entry")
        }
        var base = document
        base.text = ""
        base.blocks = []
        base.metadata.siteName = tree.collapsedText(of: tree.firstChild(of: channel, named: "title"))
        base.metadata.declaredLanguage = tree.collapsedText(of: tree.firstChild(of: channel, named: "language"))
            ?? tree.nodes[root].attribute("xml:lang").flatMap { $0.isEmpty ? nil : $0 }
            ?? tree.nodes[channel].attribute("xml:lang").flatMap { $0.isEmpty ? nil : $0 }
        ExtractStage.reportParserMessages(tree, into: &base, stage: "extract")
        let feedAuthor = kind == .atom ? tree.collapsedText(of: tree.firstChild(of: channel, named: "author").flatMap { tree.firstChild(of: $0, named: "name") }) : nil

        guard !items.isEmpty else {
            var doc = base
            doc.title = base.metadata.siteName
            if let description = tree.collapsedText(of: tree.firstChild(of: channel, named: "description") ?? tree.firstChild(of: channel, named: "subtitle")) {
                doc.blocks = [TextBlock(kind: .paragraph, text: description, declaredLanguage: base.metadata.declaredLanguage)]
            }
            doc.warn("extract", "feed-empty", "The feed has no items or entries; only the channel was read")
            return try emit(doc)
        }
        for (ordinal, item) in items.enumerated() {
            var doc = base
            doc.subIndex = ordinal
            read(item: item, kind: kind, tree: tree, into: &doc)
            if doc.metadata.author == nil { doc.metadata.author = feedAuthor }
            try emit(doc)
        }
    }

    private func read(item: Int, kind: Kind, tree: MarkupTree, into doc: inout SourceDocument) {
        let node = tree.nodes[item]
        let language = node.attribute("xml:lang").flatMap { $0.isEmpty ? nil : $0 } ?? doc.metadata.declaredLanguage
        doc.metadata.declaredLanguage = language
        doc.title = tree.collapsedText(of: tree.firstChild(of: item, named: "title"))
        var blocks: [TextBlock] = []
        if let title = doc.title { blocks.append(TextBlock(kind: .heading, text: title, declaredLanguage: language)) }

        switch kind {
        case .rss2, .rss1:
            doc.metadata.canonicalURL = tree.collapsedText(of: tree.firstChild(of: item, named: "link"))
                ?? node.attribute("rdf:about") ?? tree.collapsedText(of: tree.firstChild(of: item, named: "guid"))
            let dateNode = tree.firstChild(of: item, named: "pubDate") ?? tree.firstChild(of: item, named: "date", namespace: Self.dcNS)
            setDate(tree.collapsedText(of: dateNode), published: true, into: &doc)
            doc.metadata.author = tree.collapsedText(of: tree.firstChild(of: item, named: "creator", namespace: Self.dcNS))
                ?? tree.collapsedText(of: tree.firstChild(of: item, named: "author")).map(Self.rssAuthorName)
            let content = tree.firstChild(of: item, named: "encoded", namespace: Self.contentNS)
                ?? tree.firstChild(of: item, named: "description")
            if let content { blocks += htmlBlocks(tree.textContent(of: content), language: language, path: doc.source.path, into: &doc) }
        case .atom:
            let links = tree.elementChildren(of: item, named: "link")
            let alternate = links.first { (tree.nodes[$0].attribute("rel") ?? "alternate") == "alternate" } ?? links.first
            doc.metadata.canonicalURL = alternate.flatMap { tree.nodes[$0].attribute("href") }
            setDate(tree.collapsedText(of: tree.firstChild(of: item, named: "published")), published: true, into: &doc)
            setDate(tree.collapsedText(of: tree.firstChild(of: item, named: "updated")), published: false, into: &doc)
            doc.metadata.author = tree.collapsedText(of: tree.firstChild(of: item, named: "author").flatMap { tree.firstChild(of: $0, named: "name") })
            if let content = tree.firstChild(of: item, named: "content") ?? tree.firstChild(of: item, named: "summary") {
                let type = (tree.nodes[content].attribute("type") ?? "text").lowercased()
                switch type {
                case "html", "text/html":
                    blocks += htmlBlocks(tree.textContent(of: content), language: language, path: doc.source.path, into: &doc)
                case "xhtml", "application/xhtml+xml":
                    blocks += BlockExtractor().blocks(of: tree, root: content).map { withLanguage($0, language) }
                default:
                    if let text = tree.collapsedText(of: content) {
                        blocks.append(TextBlock(kind: .paragraph, text: text, declaredLanguage: language))
                    }
                }
            }
        }
        doc.blocks = blocks
    }

    /// RSS `author` is "email (Name)": keep the name when there is one.
    static func rssAuthorName(_ value: String) -> String {
        if let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")"), open < close {
            let name = String(value[value.index(after: open)..<close]).warcTrimmed
            if !name.isEmpty { return name }
        }
        return value
    }

    private func setDate(_ raw: String?, published: Bool, into doc: inout SourceDocument) {
        guard let raw else { return }
        guard let iso = FeedDate.iso8601(raw) else {
            doc.warn("extract", "feed-date-unreadable", "The item date «\(raw)» is neither RFC 822 nor ISO 8601; it was left out")
            return
        }
        if published { doc.metadata.published = iso } else { doc.metadata.modified = iso }
    }

    /// Item HTML (escaped in the feed) through the HTML parser and `BlockExtractor`.
    private func htmlBlocks(_ html: String, language: String?, path: String, into doc: inout SourceDocument) -> [TextBlock] {
        guard html.contains(where: { !$0.isWhitespace }) else { return [] }
        do {
            let tree = try MarkupParser(limits: doc.limits).parse(html, syntax: .html, path: path)
            return BlockExtractor().blocks(of: tree, root: tree.firstElement(named: "body") ?? 0).map { withLanguage($0, language) }
        } catch {
            doc.warn("extract", "feed-item-html", "The item HTML could not be parsed (\(error)); it was kept as plain text")
            return [TextBlock(kind: .paragraph, text: HTMLTitle.collapse(html), declaredLanguage: language)]
        }
    }

    private func withLanguage(_ block: TextBlock, _ language: String?) -> TextBlock {
        var block = block
        if block.declaredLanguage == nil { block.declaredLanguage = language }
        return block
    }
}
