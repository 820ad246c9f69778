import TaskaCore

/// TEI P5 documents: the body's `<head>`, `<p>`, `<l>`, `<item>` … as blocks, with the
/// header's title, author and date.
///
/// - Title: `teiHeader/fileDesc/titleStmt/title` (the first); author: the first `author` of
///   the `titleStmt`; published: `publicationStmt/date` (`@when`, else its text when it is ISO 8601).
/// - Language: `xml:lang` of `<text>` (else of `<TEI>`) -> `metadata.declaredLanguage`; every
///   block carries the nearest `xml:lang` above it.
/// - Line, page and column breaks (`<lb/>`, `<pb/>`, `<cb/>`) are word boundaries, unless
///   `break="no"`: then the word goes on across the break and no space is inserted (nor the
///   source's line-break whitespace around it).
/// - Not text: `<fw>` (running heads, catchwords), `<figDesc>`, `<sic>`/`<orig>`/`<abbr>` when a
///   `<choice>` offers `<corr>`/`<reg>`/`<expan>`, and `<note>` inside a block (notes become their
///   own blocks after the block they sit in).
/// - A TEI file with no `<text>` (header only) gives one record with empty text and a
///   `tei-no-text` warning, not a failure.
struct TEIReader: FormatReader {
    var name: String { "tei" }

    static let teiNS = "http://www.tei-c.org/ns/1.0"

    func accepts(_ document: SourceDocument) -> Bool {
        guard FeedReader.isXML(document.mediaType), let root = XMLRootSniffer.rootName(of: document.text) else { return false }
        let local = XMLRootSniffer.localName(root)
        return local == "TEI" || local == "TEI.2" || local == "teiCorpus"
    }

    /// Block-level elements: each starts and ends a block.
    static let blockKinds: [String: TextBlock.Kind] = [
        "head": .heading, "p": .paragraph, "ab": .paragraph, "l": .line, "item": .listItem, "label": .paragraph,
        "quote": .quote, "cit": .quote, "sp": .paragraph, "speaker": .paragraph, "stage": .paragraph,
        "trailer": .paragraph, "byline": .paragraph, "dateline": .paragraph, "signed": .paragraph,
        "salute": .paragraph, "opener": .paragraph, "closer": .paragraph, "argument": .paragraph,
        "epigraph": .paragraph, "docTitle": .heading, "titlePart": .heading, "row": .tableRow, "cell": .paragraph,
        "note": .paragraph, "bibl": .paragraph, "div": .paragraph, "lg": .paragraph, "list": .paragraph,
        "table": .paragraph, "figure": .paragraph, "castList": .paragraph, "castItem": .listItem,
    ]

    /// Elements whose content is never reading text.
    static let skipped: Set<String> = ["fw", "figDesc", "del", "surplus", "teiHeader", "facsimile", "graphic"]
    /// Readings skipped inside `<choice>`, where `corr`, `reg` or `expan` is read instead.
    static let alternatives: Set<String> = ["sic", "orig", "abbr"]

    func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var doc = document
        let tree = try MarkupParser(limits: doc.limits).parse(doc.text, syntax: .xml, path: doc.source.path)
        ExtractStage.reportParserMessages(tree, into: &doc, stage: "extract")
        guard let root = tree.rootElement else { return try emit(doc) }
        // teiCorpus: the first TEI inside.
        let tei = tree.nodes[root].name == "teiCorpus" ? (tree.firstDescendant(of: root, named: "TEI") ?? root) : root
        if let header = tree.firstChild(of: tei, named: "teiHeader") ?? tree.firstDescendant(of: tei, named: "teiHeader") {
            readHeader(header, tree: tree, into: &doc)
        }
        let text = tree.firstChild(of: tei, named: "text") ?? tree.firstDescendant(of: tei, named: "text")
        let rootLang = tree.nodes[tei].attribute("xml:lang").flatMap { $0.isEmpty ? nil : $0 }
        let textLang = text.flatMap { tree.nodes[$0].attribute("xml:lang") }.flatMap { $0.isEmpty ? nil : $0 }
        doc.metadata.declaredLanguage = textLang ?? rootLang
        guard let text else {
            doc.text = ""
            doc.blocks = []
            doc.warn("extract", "tei-no-text", "The TEI file has a header but no <text> element; the record has the header's metadata and empty text")
            return try emit(doc)
        }
        let bodies = bodies(of: text, tree: tree)
        doc.blocks = blocks(of: bodies.isEmpty ? [text] : bodies, tree: tree, language: textLang ?? rootLang)
        doc.text = ""
        if doc.blocks.isEmpty {
            doc.warn("extract", "tei-no-text", "The TEI <text> has no body text; the record has the header's metadata and empty text")
        }
        try emit(doc)
    }

    /// `text/body`, or the bodies of `text/group/text`.
    private func bodies(of text: Int, tree: MarkupTree) -> [Int] {
        var out: [Int] = []
        var stack = [text]
        while let i = stack.popLast() {
            for child in tree.elementChildren(of: i).reversed() {
                switch tree.nodes[child].name {
                case "body": out.append(child)
                case "group", "text": stack.append(child)
                default: continue
                }
            }
        }
        return out.reversed()
    }

    private func readHeader(_ header: Int, tree: MarkupTree, into doc: inout SourceDocument) {
        let fileDesc = tree.firstChild(of: header, named: "fileDesc")
        let titleStmt = fileDesc.flatMap { tree.firstChild(of: $0, named: "titleStmt") }
        if let titleStmt {
            let titles = tree.elementChildren(of: titleStmt, named: "title")
            let main = titles.first { tree.nodes[$0].attribute("type") == "main" } ?? titles.first
            doc.title = tree.collapsedText(of: main)
            doc.metadata.author = tree.collapsedText(of: tree.firstChild(of: titleStmt, named: "author"))
        }
        if let pub = fileDesc.flatMap({ tree.firstChild(of: $0, named: "publicationStmt") }),
           let date = tree.firstChild(of: pub, named: "date") {
            if let when = tree.nodes[date].attribute("when"), FeedDate.isISO(when) {
                doc.metadata.published = when
            } else if let text = tree.collapsedText(of: date), FeedDate.isISO(text) {
                doc.metadata.published = text
            }
        }
    }

    /// Walks the bodies, building blocks.
    private func blocks(of roots: [Int], tree: MarkupTree, language: String?) -> [TextBlock] {
        var builder = Builder()
        var notes: [(Int, String?)] = []
        struct Frame { var index: Int; var entering: Bool; var language: String? }
        for root in roots {
            var stack = [Frame(index: root, entering: true, language: language)]
            while let frame = stack.popLast() {
                let node = tree.nodes[frame.index]
                switch node.kind {
                case .comment: continue
                case .text: builder.append(node.text, language: frame.language)
                case .element:
                    let name = node.name
                    if !frame.entering {
                        if Self.blockKinds[name] != nil {
                            builder.flush()
                            builder.end()
                            // Notes met inside the outermost block follow it, each as a block.
                            if !builder.inBlock {
                                for (note, lang) in notes {
                                    builder.start(.paragraph)
                                    appendAll(note, tree: tree, language: lang, builder: &builder)
                                    builder.flush()
                                    builder.end()
                                }
                                notes.removeAll()
                            }
                        }
                        continue
                    }
                    if Self.skipped.contains(name) { continue }
                    if Self.alternatives.contains(name), tree.nodes[node.parent].name == "choice" { continue }
                    if name == "lb" || name == "pb" || name == "cb" || name == "milestone" {
                        if node.attribute("break") == "no" { builder.joinWord() } else { builder.space() }
                        continue
                    }
                    if name == "gap" { builder.space(); continue }
                    let lang = node.attribute("xml:lang").flatMap { $0.isEmpty ? nil : $0 } ?? frame.language
                    if name == "note", builder.inBlock {
                        notes.append((frame.index, lang))
                        continue
                    }
                    if let kind = Self.blockKinds[name] {
                        builder.flush()
                        builder.start(kind)
                    }
                    stack.append(Frame(index: frame.index, entering: false, language: lang))
                    for child in node.children.reversed() { stack.append(Frame(index: child, entering: true, language: lang)) }
                }
            }
            builder.flush()
        }
        return builder.blocks
    }

    /// Appends the text of a subtree (a note) without block structure.
    private func appendAll(_ index: Int, tree: MarkupTree, language: String?, builder: inout Builder) {
        var stack = [index]
        while let i = stack.popLast() {
            let node = tree.nodes[i]
            if node.kind == .text { builder.append(node.text, language: language); continue }
            guard node.kind == .element, !Self.skipped.contains(node.name) else { continue }
            if Self.alternatives.contains(node.name), tree.nodes[node.parent].name == "choice" { continue }
            if node.name == "lb" || node.name == "pb" || node.name == "cb" {
                if node.attribute("break") == "no" { builder.joinWord() } else { builder.space() }
                continue
            }
            stack.append(contentsOf: node.children.reversed())
        }
    }

    /// Collects text into blocks: whitespace collapsed, words joined across `break="no"`.
    struct Builder {
        var blocks: [TextBlock] = []
        var kinds: [TextBlock.Kind] = []
        var buffer = ""
        var language: String?
        var pendingSpace = false
        var joining = false

        var inBlock: Bool { !kinds.isEmpty }

        mutating func start(_ kind: TextBlock.Kind) { kinds.append(kind) }
        mutating func end() { if !kinds.isEmpty { kinds.removeLast() } }

        mutating func space() {
            if !buffer.isEmpty { pendingSpace = true }
            joining = false
        }

        /// A break inside a word: drop the whitespace around it.
        mutating func joinWord() {
            pendingSpace = false
            joining = true
        }

        mutating func append(_ text: String, language: String?) {
            for scalar in text.unicodeScalars {
                if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                    if !joining && !buffer.isEmpty { pendingSpace = true }
                    continue
                }
                if pendingSpace { buffer.unicodeScalars.append(" "); pendingSpace = false }
                joining = false
                if buffer.isEmpty { self.language = language }
                buffer.unicodeScalars.append(scalar)
            }
        }

        mutating func flush() {
            pendingSpace = false
            joining = false
            guard !buffer.isEmpty else { return }
            blocks.append(TextBlock(kind: kinds.last ?? .paragraph, text: buffer, declaredLanguage: language))
            buffer = ""
        }
    }
}
