import TaskaCore

/// Options of the Extract stage.
public struct ExtractOptions: Sendable, Equatable {
    /// Which blocks of a page are kept.
    public enum Mode: String, Sendable, Equatable {
        /// Every visible block in reading order (no boilerplate scoring).
        case visibleBlocks = "visible-blocks"
    }

    public var mode: Mode

    public init(mode: Mode = .visibleBlocks) {
        self.mode = mode
    }
}

/// Decoded text -> title and text blocks, by media type.
///
/// The format cascade, in order:
/// 1. HTML/XHTML: libxml2's HTML parser (recover mode, no network), then `BlockExtractor`.
/// 2. XML (feeds, TEI, other): libxml2's XML parser with the `LibXMLSecurity` settings; every
///    element with text becomes a block; the root element is noted in a warning-free way (title).
/// 3. Everything else that decoded as text: `PlainTextSplitter` (blank lines end paragraphs).
public struct ExtractStage: Stage {
    public var options: ExtractOptions

    public init(options: ExtractOptions = ExtractOptions()) {
        self.options = options
    }

    public var name: String { "extract" }
    public var configuration: String { "mode=\(options.mode.rawValue)" }

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var doc = document
        let mediaType = doc.mediaType ?? "text/plain"
        switch mediaType {
        case "text/html", "application/xhtml+xml":
            let tree = try MarkupParser().parse(doc.text, syntax: .html, path: doc.source.path)
            doc.title = HTMLTitle.find(in: tree)
            doc.blocks = BlockExtractor().blocks(of: tree, root: tree.firstElement(named: "body") ?? 0)
            Self.reportParserMessages(tree, into: &doc, stage: name)
        case let type where type.hasSuffix("xml"):
            let tree = try MarkupParser().parse(doc.text, syntax: .xml, path: doc.source.path)
            doc.blocks = BlockExtractor(everyElementIsBlock: true).blocks(of: tree)
            Self.reportParserMessages(tree, into: &doc, stage: name)
            if let root = tree.rootElement, let title = XMLTitle.find(in: tree, root: root) { doc.title = title }
        default:
            doc.blocks = PlainTextSplitter().blocks(of: doc.text)
        }
        if doc.blocks.isEmpty {
            doc.warn(name, "no-text", "No visible text was found in the document; the record has empty text")
        }
        try emit(doc)
    }
}

extension ExtractStage {
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

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// A title for XML documents: the first `title` element (RSS channel, Atom feed, TEI header).
enum XMLTitle {
    static func find(in tree: MarkupTree, root: Int) -> String? {
        guard let index = tree.firstElement(named: "title") else { return nil }
        let text = HTMLTitle.collapse(tree.textContent(of: index))
        return text.isEmpty ? nil : text
    }
}
