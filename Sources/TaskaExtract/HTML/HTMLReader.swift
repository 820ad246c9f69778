import TaskaCore

/// HTML and XHTML pages: metadata, cleaned title and main text (or all visible text).
///
/// The cascade, in order:
/// 1. libxml2's HTML parser (recover mode, no network; the text is already decoded).
/// 2. `MetadataExtractor`: title (og:title, `<title>`, `<h1>`; site-name suffix removed),
///    dates, author, site name, canonical URL, description, declared language.
/// 3. `MainTextExtractor` on the whole tree: tree cleaning, container scoring, block filtering, and
///    the whole-page baseline when the best container holds too little of the prose. With
///    `removeBoilerplate == false`, every visible block is kept.
struct HTMLReader: FormatReader {
    /// Whether page furniture is removed (see `ExtractOptions.removeBoilerplate`).
    var removeBoilerplate = true

    var name: String { "html" }

    func accepts(_ document: SourceDocument) -> Bool {
        let type = document.mediaType ?? ""
        return type == "text/html" || type == "application/xhtml+xml"
    }

    func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var doc = document
        let tree = try MarkupParser(limits: doc.limits).parse(doc.text, syntax: .html, path: doc.source.path)
        let page = MetadataExtractor().extract(from: tree)
        doc.title = page.title
        doc.metadata = page.metadata
        // The whole document, not `<body>`: recovered markup can leave text outside it.
        doc.blocks = MainTextExtractor(removeBoilerplate: removeBoilerplate).extract(tree, root: 0)
        ExtractStage.reportParserMessages(tree, into: &doc, stage: "extract")
        ExtractStage.reportTruncation(into: &doc)
        try emit(doc)
    }
}
