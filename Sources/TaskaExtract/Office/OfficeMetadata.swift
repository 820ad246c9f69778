import TaskaCore

/// Title, author, dates, language and description of an office document or e-book, from its
/// Dublin Core properties: OOXML `docProps/core.xml`, ODF `meta.xml`, the EPUB package's
/// `<metadata>`. Dates are kept only when they are ISO 8601, as written.
enum OfficeMetadata {
    /// The elements under `root` (its children and grandchildren: ODF nests them in
    /// `office:meta`) as (local name, collapsed text), in document order.
    static func properties(_ tree: MarkupTree, under root: Int) -> [(name: String, index: Int, text: String)] {
        var out: [(String, Int, String)] = []
        for child in tree.nodes[root].children where tree.nodes[child].kind == .element {
            if let text = tree.officeText(child) { out.append((tree.nodes[child].name, child, text)) }
            for grandchild in tree.nodes[child].children where tree.nodes[grandchild].kind == .element {
                if let text = tree.officeText(grandchild) { out.append((tree.nodes[grandchild].name, grandchild, text)) }
            }
        }
        return out
    }

    private static func date(_ text: String) -> String? { FeedDate.isISO(text) ? text : nil }

    /// OOXML core properties (`dc:title`, `dc:creator`, `dcterms:created`, `dcterms:modified`,
    /// `dc:language`, `dc:description`).
    static func readCore(into document: inout SourceDocument, part: String) throws {
        guard let tree = try OfficePart.parse(part, of: &document), let root = tree.rootElement else { return }
        for (name, _, text) in properties(tree, under: root) {
            switch name {
            case "title": if document.title == nil { document.title = text }
            case "creator": if document.metadata.author == nil { document.metadata.author = text }
            case "created": if document.metadata.created == nil { document.metadata.created = date(text) }
            case "modified": if document.metadata.modified == nil { document.metadata.modified = date(text) }
            case "language": if document.metadata.declaredLanguage == nil { document.metadata.declaredLanguage = text }
            case "description": if document.metadata.description == nil { document.metadata.description = text }
            default: continue
            }
        }
    }

    /// ODF `meta.xml`: `dc:title`, `meta:initial-creator` (else `dc:creator`, the last editor),
    /// `meta:creation-date`, `dc:date` (the last change), `dc:language`, `dc:description`.
    static func readODF(into document: inout SourceDocument, part: String) throws {
        guard let tree = try OfficePart.parse(part, of: &document), let root = tree.rootElement else { return }
        let found = properties(tree, under: root)
        func first(_ name: String) -> String? { found.first { $0.name == name }?.text }
        if document.title == nil { document.title = first("title") }
        document.metadata.author = first("initial-creator") ?? first("creator")
        document.metadata.created = first("creation-date").flatMap(date)
        document.metadata.modified = first("date").flatMap(date)
        document.metadata.declaredLanguage = first("language")
        document.metadata.description = first("description")
    }

    /// The EPUB package's `<metadata>`: `dc:title`, `dc:creator`, `dc:date` (publication),
    /// `meta property="dcterms:modified"`, `dc:language`, `dc:description`.
    static func readOPF(_ tree: MarkupTree, metadata: Int, into document: inout SourceDocument) {
        for (name, index, text) in properties(tree, under: metadata) {
            switch name {
            case "title": if document.title == nil { document.title = text }
            case "creator": if document.metadata.author == nil { document.metadata.author = text }
            case "date": if document.metadata.published == nil { document.metadata.published = date(text) }
            case "meta":
                if tree.nodes[index].attribute("property") == "dcterms:modified", document.metadata.modified == nil {
                    document.metadata.modified = date(text)
                }
            case "language": if document.metadata.declaredLanguage == nil { document.metadata.declaredLanguage = text }
            case "description": if document.metadata.description == nil { document.metadata.description = text }
            default: continue
            }
        }
    }
}
