import TaskaCore

/// Options of the Extract stage.
public struct ExtractOptions: Sendable, Equatable {
    /// Which blocks of a page are kept.
    public enum Mode: String, Sendable, Equatable, CaseIterable {
        /// Every visible block in reading order (no boilerplate scoring).
        case visibleBlocks = "visible-blocks"
    }

    public var mode: Mode
    /// Whether HTML page furniture (navigation, footers, asides, share/related/comment blocks,
    /// cookie banners) is removed; `false` keeps all visible text (`--no-boilerplate-removal`).
    public var removeBoilerplate: Bool

    public init(mode: Mode = .visibleBlocks, removeBoilerplate: Bool = true) {
        self.mode = mode
        self.removeBoilerplate = removeBoilerplate
    }
}

extension ExtractOptions: StageOptions {
    public init() { self.init(mode: .visibleBlocks) }

    public static let declarations: [OptionDeclaration<ExtractOptions>] = [
        .choice("mode", \.mode, meaning: "which blocks are read"),
        .flag("remove-boilerplate", \.removeBoilerplate,
              meaning: "remove HTML page furniture (navigation, footers, share and related blocks)"),
    ]
}

/// Decoded text -> title, metadata and text blocks, by format.
///
/// The format cascade, in order (first reader that accepts wins):
/// 0. Office documents and e-books whose parts `unarchive` read (`OfficeReader`: DOCX, ODT,
///    EPUB); then the readers of other modules' formats (PDF, page images).
/// 1. HTML/XHTML: libxml2's HTML parser (recover mode, no network), then `HTMLReader`'s
///    metadata and main-text extraction (see `MainTextExtractor`).
/// 2. XML (feeds, TEI, other): libxml2's XML parser with the `LibXMLSecurity` settings; every
///    element with text becomes a block.
/// 3. Everything else that decoded as text: `PlainTextSplitter` (blank lines end paragraphs).
public struct ExtractStage: Stage {
    public var options: ExtractOptions
    /// The readers, most specific first.
    public var readers: [any FormatReader]

    /// `formats`: readers of formats from other modules (PDF and page images from `TaskaPDF`),
    /// asked before the text readers; they see the undecoded bytes Decode passed through.
    public init(options: ExtractOptions = ExtractOptions(), formats: [any FormatReader] = []) {
        self.options = options
        self.readers = [OfficeReader()] + formats + [TelegramJSONReader(), TelegramHTMLReader(), HTMLReader(removeBoilerplate: options.removeBoilerplate), FeedReader(), TEIReader(), GenericXMLReader(), PlainTextReader()]
    }

    public var name: String { "extract" }
    public var configuration: String {
        let extra = readers.filter { !$0.configuration.isEmpty }.map { "\($0.name)(\($0.configuration))" }
        return ([options.canonicalDescription] + extra).joined(separator: " ")
    }

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        try document.checkDeadline("stopped before extraction")
        let reader = readers.first { $0.accepts(document) } ?? PlainTextReader()
        if document.payloadPath != nil && !(reader is TelegramJSONReader) {
            // Only the head of a file too large to load was decoded; no reader streams this format.
            throw LimitExceeded(limit: "max-bytes", allowed: "\(document.limits.maxBytes) bytes",
                                found: "\(document.source.path) is \(document.source.bytes) bytes and is not a container Taska streams (WARC, gzip, Telegram JSON export)")
        }
        // The source's budget is for reading it: the time its sub-documents spend in the later
        // stages (each on a budget of its own) is given back, so a long export is not cut off
        // by how long its messages took downstream.
        var downstream: Duration = .zero
        try reader.read(document) { output in
            var reading = output
            reading.deadline = output.deadline.map { $0 + downstream }
            try reading.checkDeadline("stopped after \(output.subIndex.map { "\($0 + 1) sub-documents" } ?? "extraction")")
            var doc = output
            if doc.blocks.isEmpty && doc.message == nil {
                doc.warn(name, "no-text", "No visible text was found in the document; the record has empty text")
            }
            let start = ContinuousClock.now
            try emit(doc)
            downstream += ContinuousClock.now - start
        }
    }
}

/// Any XML: every element with text becomes a block; the title is the first `title` element.
struct GenericXMLReader: FormatReader {
    var name: String { "xml" }

    func accepts(_ document: SourceDocument) -> Bool {
        (document.mediaType ?? "").hasSuffix("xml")
    }

    func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var doc = document
        let tree = try MarkupParser(limits: doc.limits).parse(doc.text, syntax: .xml, path: doc.source.path)
        doc.blocks = BlockExtractor(everyElementIsBlock: true).blocks(of: tree)
        if let root = tree.rootElement {
            if let title = XMLTitle.find(in: tree, root: root) { doc.title = title }
            if let lang = tree.nodes[root].attribute("xml:lang"), !lang.isEmpty { doc.metadata.declaredLanguage = lang }
        }
        ExtractStage.reportParserMessages(tree, into: &doc, stage: "extract")
        ExtractStage.reportTruncation(into: &doc)
        try emit(doc)
    }
}

/// Plain text (and anything else that decoded as text): paragraphs at blank lines.
struct PlainTextReader: FormatReader {
    var name: String { "text" }

    func accepts(_ document: SourceDocument) -> Bool { true }

    func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var doc = document
        var ends = PlainTextSplitter.LineEnds()
        doc.blocks = PlainTextSplitter().blocks(of: doc.text, lineEnds: &ends)
        if ends.styles > 1 {
            doc.warn("extract", "mixed-line-ends",
                     "The text mixes line-end styles (LF \(ends.lf), CRLF \(ends.crlf), CR \(ends.cr), other \(ends.other)); all were read as line ends — the file was probably pieced together from several sources",
                     count: ends.lf + ends.crlf + ends.cr + ends.other)
        }
        try emit(doc)
    }
}

extension ExtractStage {
    /// Warns when markup ends inside a tag (a truncated download).
    static func reportTruncation(into doc: inout SourceDocument) {
        if let tail = truncatedTail(doc.text) {
            doc.warn("extract", "markup-truncated",
                     "The markup ends inside a tag (…\(tail)); the file looks like a truncated download — text at its end may be missing. Fetch it again if you can")
        }
    }

    /// The last characters of markup that does not end with `>`, or nil when it ends cleanly.
    static func truncatedTail(_ text: String) -> String? {
        guard let last = text.unicodeScalars.last(where: { !$0.properties.isWhitespace }), last != ">" else { return nil }
        // Only when an unfinished tag is open: a '<' after the last '>'.
        let scalars = text.unicodeScalars
        guard let lastOpen = scalars.lastIndex(of: "<") else { return nil }
        if let lastClose = scalars.lastIndex(of: ">"), lastClose > lastOpen { return nil }
        let tail = String(scalars[lastOpen...].prefix(30))
        return tail
    }

    /// The parser recovered from errors: say so, since text may be missing.
    static func reportParserMessages(_ tree: MarkupTree, into doc: inout SourceDocument, stage: String) {
        for message in tree.parserMessages {
            doc.warn(stage, "markup-errors", "The markup is malformed (\(message)); text after that point may be missing")
        }
    }
}

/// The page title: `<title>`, else the first `<h1>`; whitespace collapsed.
enum HTMLTitle {
    static func find(in tree: MarkupTree) -> String? {
        for name in ["title", "h1"] {
            if let index = tree.firstElement(named: name) {
                let text = collapse(tree.textContent(of: index))
                if !text.isEmpty { return text }
            }
        }
        return nil
    }

    static func collapse(_ text: String) -> String { WhitespaceCollapse.collapse(text) }
}

/// A title for XML documents: the first `title` element (RSS channel, Atom feed, TEI header).
enum XMLTitle {
    static func find(in tree: MarkupTree, root: Int) -> String? {
        guard let index = tree.firstElement(named: "title") else { return nil }
        let text = HTMLTitle.collapse(tree.textContent(of: index))
        return text.isEmpty ? nil : text
    }
}
