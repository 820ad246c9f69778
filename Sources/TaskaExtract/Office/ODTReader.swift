import TaskaCore

/// OpenDocument Text (ODT): `content.xml`'s headings, paragraphs, list items and table rows as
/// blocks, then its notes; `meta.xml` as metadata.
///
/// - `text:h` (and paragraphs of an outline-level or `Heading`/`Title` style) are headings;
///   paragraphs inside `text:list-item` are list items; a `table:table-row` is one block,
///   cells separated by a tab.
/// - `text:note` bodies follow the body as their own blocks, marked `footnote`/`endnote`.
/// - Tracked changes: the text as if all were accepted. ODF keeps inserted text in place and
///   deleted text in `text:tracked-changes`, which is not read; its `text:insertion` and
///   `text:deletion` regions are counted in an `office-tracked-changes` warning.
/// - Hints: a paragraph style's `style:writing-mode="rl-tb"` gives the block's direction; the
///   `fo:language`/`fo:country` of paragraph and span styles (the complex-script ones for
///   right-to-left paragraphs and Arabic-script text) give languages.
/// - Page headers and footers live in `styles.xml` and are never read as text; their
///   paragraphs are counted in an `office-headers-footers` warning.
/// - Not text: annotations (comments), alternative text of frames; text boxes are read after
///   the paragraph that anchors them.
struct ODTReader {
    static let skipped: Set<String> = [
        "tracked-changes", "annotation", "annotation-end", "note-citation", "sequence-decls", "forms", "desc", "title",
        "variable-decls", "user-field-decls", "table-columns", "table-column", "table-header-columns", "change",
        "change-start", "change-end", "soft-page-break", "bookmark", "bookmark-start", "bookmark-end",
    ]

    func read(_ document: inout SourceDocument) throws {
        guard let content = try OfficePart.parse("content.xml", of: &document) else {
            throw ExtractError.officePartMissing(path: document.source.path, format: "ODT", part: "content.xml")
        }
        let stylesTree = try OfficePart.parse("styles.xml", of: &document)
        var styles = ODTStyles()
        styles.add(stylesTree)
        styles.add(content)
        var changes = TrackedChanges()
        var blocks: [TextBlock] = []
        if let root = content.rootElement, let body = content.child(root, "body"), let text = content.child(body, "text") {
            if let tracked = content.child(text, "tracked-changes") {
                for region in content.nodes[tracked].children where content.nodes[region].kind == .element {
                    for change in content.nodes[region].children where content.nodes[change].kind == .element {
                        if content.nodes[change].name == "insertion" { changes.insertions += 1 }
                        if content.nodes[change].name == "deletion" { changes.deletions += 1 }
                    }
                }
            }
            var walk = ODTWalk(tree: content, styles: styles)
            walk.read(text)
            blocks = walk.blocks
            for (kind, note) in walk.notes {
                guard let noteBody = content.child(note, "note-body") else { continue }
                var noteWalk = ODTWalk(tree: content, styles: styles)
                noteWalk.read(noteBody)
                for var block in noteWalk.blocks {
                    block.kind = .paragraph
                    block.spans.insert(Entity(type: kind, start: 0, end: block.text.unicodeScalars.count), at: 0)
                    blocks.append(block)
                }
            }
        }
        document.blocks = blocks
        if changes.insertions + changes.deletions > 0 {
            document.warn("extract", "office-tracked-changes",
                          "The document has tracked changes (\(changes.insertions) insertions, \(changes.deletions) deletions); the text is as if all were accepted (insertions kept, deletions dropped) — open it in Word or LibreOffice to review them",
                          count: changes.insertions + changes.deletions)
        }
        if let stylesTree {
            let furniture = Self.headerFooterParagraphs(stylesTree)
            if furniture > 0 {
                document.warn("extract", "office-headers-footers",
                              "Left out \(furniture) paragraphs of page headers and footers, which repeat on every page; they are page furniture, not the document's text",
                              count: furniture)
            }
        }
        try OfficeMetadata.readODF(into: &document, part: "meta.xml")
        if document.title == nil {
            document.title = blocks.first { $0.kind == .heading }.map { HTMLTitle.collapse($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// Paragraphs with text in the master pages' headers and footers (`style:header`, `style:footer`, their `-left`/`-first` forms).
    static func headerFooterParagraphs(_ tree: MarkupTree) -> Int {
        var count = 0
        for index in tree.nodes.indices where tree.nodes[index].kind == .element {
            let name = tree.nodes[index].name
            guard name == "p" || name == "h" else { continue }
            var ancestor = tree.nodes[index].parent
            var inFurniture = false
            while ancestor >= 0 {
                let a = tree.nodes[ancestor].name
                if a.hasPrefix("header") || a.hasPrefix("footer") { inFurniture = true; break }
                ancestor = tree.nodes[ancestor].parent
            }
            if inFurniture, tree.textContent(of: index).utf8.contains(where: { $0 > 0x20 }) { count += 1 }
        }
        return count
    }
}

/// One walk over an ODF text subtree (`office:text`, a `text:note-body`), without recursion.
struct ODTWalk {
    private struct Context {
        var node: Int
        var kind: TextBlock.Kind
        var direction: Direction?
        var style: String?
        var builder = OfficeBlockBuilder()
        var deferred: [TextBlock] = []
        var cellStarted = false
        var cellHasParagraph = false
    }

    let tree: MarkupTree
    let styles: ODTStyles
    private(set) var blocks: [TextBlock] = []
    private(set) var notes: [(kind: String, node: Int)] = []
    private var contexts: [Context] = []
    /// Text styles of the open `text:span` elements, innermost last.
    private var spanStyles: [(node: Int, style: String)] = []

    init(tree: MarkupTree, styles: ODTStyles) {
        self.tree = tree
        self.styles = styles
    }

    mutating func read(_ root: Int) {
        let tree = tree
        tree.walk(childrenOf: root, enter: { enter($0) },
                  text: { if !contexts.isEmpty { append(Self.spaced(tree.nodes[$0].text)) } },
                  leave: { leave($0) })
        while !contexts.isEmpty { close() }
    }

    private mutating func enter(_ index: Int) -> Bool {
        let name = tree.nodes[index].name
        if ODTReader.skipped.contains(name) { return false }
        switch name {
        case "note":
            let kind = tree.officeAttribute(index, "note-class") == "endnote" ? "endnote" : "footnote"
            notes.append((kind, index))
            return false
        case "p", "h":
            if let row = contexts.indices.last, contexts[row].kind == .tableRow {
                if contexts[row].cellHasParagraph { contexts[row].builder.append(" ", language: nil, rtl: false) }
                contexts[row].cellHasParagraph = true
            } else {
                let style = tree.officeAttribute(index, "style-name")
                var kind = TextBlock.Kind.paragraph
                if name == "h" || style.map(styles.isHeading) == true {
                    kind = .heading
                } else if tree.nodes[index].parent >= 0, tree.nodes[tree.nodes[index].parent].name == "list-item"
                            || tree.nodes[tree.nodes[index].parent].name == "list-header" {
                    kind = .listItem
                }
                let rtl = style.flatMap(styles.rtl)
                contexts.append(Context(node: index, kind: kind, direction: rtl == true ? .rtl : nil, style: style))
            }
        case "table-row":
            if let row = contexts.indices.last, contexts[row].kind == .tableRow {
                contexts[row].builder.append("\t", language: nil, rtl: false)
            } else {
                contexts.append(Context(node: index, kind: .tableRow, direction: nil, style: nil))
            }
        case "table-cell", "covered-table-cell":
            if let row = contexts.indices.last, contexts[row].kind == .tableRow {
                if contexts[row].cellStarted { contexts[row].builder.append("\t", language: nil, rtl: false) }
                contexts[row].cellStarted = true
                contexts[row].cellHasParagraph = false
            }
        case "span":
            if let style = tree.officeAttribute(index, "style-name") { spanStyles.append((index, style)) }
        case "s":
            if !contexts.isEmpty { append(" ") }
        case "tab":
            if !contexts.isEmpty { append("\t") }
        case "line-break":
            if !contexts.isEmpty { append("\n") }
        default: break
        }
        return true
    }

    private mutating func leave(_ index: Int) {
        switch tree.nodes[index].name {
        case "p", "h", "table-row":
            if contexts.last?.node == index { close() }
        case "span":
            if spanStyles.last?.node == index { spanStyles.removeLast() }
        default: break
        }
    }

    private mutating func close() {
        var context = contexts.removeLast()
        context.builder.flush(context.kind, direction: context.direction)
        let made = context.builder.blocks + context.deferred
        if contexts.isEmpty { blocks += made } else { contexts[contexts.count - 1].deferred += made }
    }

    /// A text node's text as ODF reads it: a run of spaces, tabs and line ends is one space
    /// (`text:s`, `text:tab` and `text:line-break` are the document's own).
    static func spaced(_ raw: String) -> String {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        var previous: UInt8 = 0
        var collapsible = false
        for b in raw.utf8 {
            if isSpace(b) && (b != 0x20 || isSpace(previous)) { collapsible = true; break }
            previous = b
        }
        guard collapsible else { return raw }
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count)
        var inSpace = false
        for b in raw.utf8 {
            if isSpace(b) {
                if !inSpace { out.append(0x20) }
                inSpace = true
            } else {
                out.append(b)
                inSpace = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` to the innermost context, with the language its span or paragraph style declares.
    private mutating func append(_ text: String) {
        let context = contexts[contexts.count - 1]
        let complex = context.direction == .rtl || text.utf8.contains(where: { ($0 >= 0xD8 && $0 <= 0xDB) || $0 == 0xDD })
        var language: String?
        for (_, style) in spanStyles.reversed() {
            if let value = styles.language(style, complex: complex) { language = value; break }
        }
        if language == nil, let style = context.style { language = styles.language(style, complex: complex) }
        contexts[contexts.count - 1].builder.append(text, language: language, rtl: false)
    }
}
