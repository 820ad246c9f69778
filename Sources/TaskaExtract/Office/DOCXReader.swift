import TaskaCore

/// WordprocessingML (DOCX): the body's paragraphs, headings, list items and table rows as
/// blocks, then the footnotes and endnotes it refers to; core properties as metadata.
///
/// - Headings: paragraphs whose style (`w:pStyle`, through `w:basedOn`) is a title, a
///   `heading N` or has an outline level, or with `w:outlineLvl` of their own.
/// - List items: paragraphs with `w:numPr` (or a numbered or `List …` style).
/// - Tables: one block per row (`w:tr`), cells separated by a tab, paragraphs in a cell by a
///   space; a table inside a cell is read into the row that holds it.
/// - Notes: `w:footnoteReference`/`w:endnoteReference` in reading order; each note follows the
///   body as its own blocks, marked with a `footnote`/`endnote` span.
/// - Tracked changes: the text as if every change were accepted (`w:ins`, `w:moveTo` kept;
///   `w:del`, `w:moveFrom` dropped), counted in an `office-tracked-changes` warning.
/// - Page headers and footers (`word/header*.xml`, `word/footer*.xml`) are page furniture:
///   left out, their paragraphs counted in an `office-headers-footers` warning.
/// - Hints: `w:bidi` (paragraph) gives the block's direction, `w:rtl` (run) a right-to-left
///   hint; `w:lang` gives languages (`w:bidi` attribute for right-to-left or complex-script
///   runs, else `w:val`), as `OfficeBlockBuilder` assigns them.
/// - Text boxes are read after the paragraph that anchors them (the DrawingML copy, not the
///   VML fallback); field codes (`w:instrText`) are not text, field results are.
/// - Metadata (`docProps/core.xml`): `dc:title`, `dc:creator`, `dcterms:created`,
///   `dcterms:modified`, `dc:language`, `dc:description`; the title falls back to the first heading.
struct DOCXReader {
    /// Elements whose subtree is never text (properties, deleted text, field codes, the VML
    /// copy of a text box).
    static let skipped: Set<String> = [
        "del", "moveFrom", "Fallback", "pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr",
        "instrText", "delText", "delInstrText", "commentReference", "footnoteRef", "endnoteRef", "annotationRef",
        "separator", "continuationSeparator", "fldChar", "sym", "softHyphen", "lastRenderedPageBreak",
    ]

    /// Whether an on/off property element (`<w:bidi/>`, `<w:rtl w:val="0"/>`) is on.
    static func isOn(_ tree: MarkupTree, _ index: Int) -> Bool {
        guard let value = tree.officeAttribute(index, "val") else { return true }
        return !(value == "0" || value == "false" || value == "off")
    }

    func read(_ document: inout SourceDocument) throws {
        let styles = DOCXStyles(try OfficePart.parse("word/styles.xml", of: &document))
        guard let body = try OfficePart.parse("word/document.xml", of: &document) else {
            throw ExtractError.officePartMissing(path: document.source.path, format: "DOCX", part: "word/document.xml")
        }
        var walk = DOCXWalk(tree: body, styles: styles)
        if let root = body.rootElement, let bodyElement = body.child(root, "body") {
            walk.read(bodyElement)
        }
        var blocks = walk.blocks
        var changes = walk.changes
        // Notes, in the order the body first refers to them.
        var seen = Set<String>()
        for kind in ["footnote", "endnote"] {
            let references = walk.notes.filter { $0.kind == kind && seen.insert("\(kind) \($0.id)").inserted }
            guard !references.isEmpty, let tree = try OfficePart.parse("word/\(kind)s.xml", of: &document),
                  let root = tree.rootElement else { continue }
            var notes: [String: Int] = [:]
            for index in tree.nodes[root].children where tree.nodes[index].kind == .element && tree.nodes[index].name == kind {
                if let id = tree.officeAttribute(index, "id"), tree.officeAttribute(index, "type") == nil { notes[id] = index }
            }
            for reference in references {
                guard let note = notes[reference.id] else { continue }
                var noteWalk = DOCXWalk(tree: tree, styles: styles)
                noteWalk.read(note)
                for var block in noteWalk.blocks {
                    block.kind = .paragraph
                    block.spans.insert(Entity(type: kind, start: 0, end: block.text.unicodeScalars.count), at: 0)
                    blocks.append(block)
                }
                changes.insertions += noteWalk.changes.insertions
                changes.deletions += noteWalk.changes.deletions
            }
        }
        document.blocks = blocks
        if changes.insertions + changes.deletions > 0 {
            document.warn("extract", "office-tracked-changes",
                          "The document has tracked changes (\(changes.insertions) insertions, \(changes.deletions) deletions); the text is as if all were accepted (insertions kept, deletions dropped) — open it in Word or LibreOffice to review them",
                          count: changes.insertions + changes.deletions)
        }
        var furniture = 0
        for name in document.officePackage?.memberNames ?? [] where Self.isHeaderOrFooter(name) {
            guard let tree = try OfficePart.parse(name, of: &document) else { continue }
            furniture += Self.paragraphsWithText(tree)
        }
        if furniture > 0 {
            document.warn("extract", "office-headers-footers",
                          "Left out \(furniture) paragraphs of page headers and footers, which repeat on every page; they are page furniture, not the document's text",
                          count: furniture)
        }
        try OfficeMetadata.readCore(into: &document, part: "docProps/core.xml")
        if document.title == nil {
            document.title = blocks.first { $0.kind == .heading }.map { HTMLTitle.collapse($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// `word/header1.xml`, `word/footer2.xml`, …
    static func isHeaderOrFooter(_ name: String) -> Bool {
        guard name.hasPrefix("word/"), name.hasSuffix(".xml") else { return false }
        let file = name.dropFirst(5)
        return !file.contains("/") && (file.hasPrefix("header") || file.hasPrefix("footer"))
    }

    /// Paragraphs (`w:p`) of `tree` with visible text in their `w:t` elements.
    static func paragraphsWithText(_ tree: MarkupTree) -> Int {
        var count = 0
        for index in tree.nodes.indices where tree.nodes[index].kind == .element && tree.nodes[index].name == "p" {
            var stack = Array(tree.nodes[index].children)
            var found = false
            while let i = stack.popLast(), !found {
                let node = tree.nodes[i]
                if node.kind == .text, tree.nodes[node.parent].name == "t", node.text.utf8.contains(where: { $0 > 0x20 }) { found = true }
                if node.kind == .element, node.name != "p" { stack.append(contentsOf: node.children) }
            }
            if found { count += 1 }
        }
        return count
    }
}

/// Tracked changes met while reading.
struct TrackedChanges {
    var insertions = 0
    var deletions = 0
}

/// One walk over a WordprocessingML subtree (the body, or one note), without recursion.
struct DOCXWalk {
    /// A paragraph being read, or a table row that takes in every paragraph inside it.
    private struct Context {
        var node: Int
        var kind: TextBlock.Kind
        var direction: Direction?
        var builder = OfficeBlockBuilder()
        /// Blocks that follow this one (text boxes anchored in it).
        var deferred: [TextBlock] = []
        /// In a row: whether a cell has begun (the next one is preceded by a tab).
        var cellStarted = false
        /// In a row: whether the current cell has a paragraph (the next one is preceded by a space).
        var cellHasParagraph = false
    }

    let tree: MarkupTree
    let styles: DOCXStyles
    private(set) var blocks: [TextBlock] = []
    private(set) var notes: [(kind: String, id: String)] = []
    private(set) var changes = TrackedChanges()
    private var contexts: [Context] = []
    private var runLanguage: String?
    private var runRTL = false

    init(tree: MarkupTree, styles: DOCXStyles) {
        self.tree = tree
        self.styles = styles
    }

    /// Reads the children of `root` (a `w:body`, a `w:footnote`).
    mutating func read(_ root: Int) {
        let tree = tree
        tree.walk(childrenOf: root, enter: { enter($0) },
                  text: { if tree.nodes[tree.nodes[$0].parent].name == "t" { append(tree.nodes[$0].text) } },
                  leave: { leave($0) })
        while !contexts.isEmpty { close() }
    }

    /// Starts element `index`; returns whether its children are read.
    private mutating func enter(_ index: Int) -> Bool {
        let name = tree.nodes[index].name
        if DOCXReader.skipped.contains(name) {
            if name == "del" || name == "moveFrom" { changes.deletions += 1 }
            return false
        }
        switch name {
        case "ins", "moveTo":
            changes.insertions += 1
        case "p":
            if let row = contexts.indices.last, contexts[row].kind == .tableRow {
                if contexts[row].cellHasParagraph { contexts[row].builder.append(" ", language: nil, rtl: false) }
                contexts[row].cellHasParagraph = true
            } else {
                let (kind, direction) = paragraphProperties(index)
                contexts.append(Context(node: index, kind: kind, direction: direction))
            }
        case "tr":
            if let row = contexts.indices.last, contexts[row].kind == .tableRow {
                contexts[row].builder.append("\t", language: nil, rtl: false)
            } else {
                contexts.append(Context(node: index, kind: .tableRow, direction: rowDirection(index)))
            }
        case "tc":
            if let row = contexts.indices.last, contexts[row].kind == .tableRow {
                if contexts[row].cellStarted { contexts[row].builder.append("\t", language: nil, rtl: false) }
                contexts[row].cellStarted = true
                contexts[row].cellHasParagraph = false
            }
        case "r":
            runProperties(index)
        case "tab", "ptab": append("\t")
        case "br":
            let type = tree.officeAttribute(index, "type")
            append(type == "page" || type == "column" ? " " : "\n")
        case "cr": append("\n")
        case "noBreakHyphen": append("\u{2011}")
        case "footnoteReference", "endnoteReference":
            if let id = tree.officeAttribute(index, "id") { notes.append((name == "footnoteReference" ? "footnote" : "endnote", id)) }
        default: break
        }
        return true
    }

    private mutating func leave(_ index: Int) {
        switch tree.nodes[index].name {
        case "p", "tr":
            if contexts.last?.node == index { close() }
        case "r":
            runLanguage = nil
            runRTL = false
        default: break
        }
    }

    /// Ends the innermost context: its block and the blocks deferred to it go to the enclosing
    /// context's deferred blocks (a text box in a paragraph), or out.
    private mutating func close() {
        var context = contexts.removeLast()
        context.builder.flush(context.kind, direction: context.direction)
        let made = context.builder.blocks + context.deferred
        if contexts.isEmpty { blocks += made } else { contexts[contexts.count - 1].deferred += made }
    }

    private mutating func append(_ text: String) {
        if contexts.isEmpty { contexts.append(Context(node: -1, kind: .paragraph, direction: nil)) }
        // Right-to-left or complex-script runs carry their language in `w:bidi` (see `runProperties`).
        contexts[contexts.count - 1].builder.append(text, language: runLanguage, rtl: runRTL)
    }

    /// The block kind and direction of paragraph `index` from its `w:pPr` and its style.
    private func paragraphProperties(_ index: Int) -> (TextBlock.Kind, Direction?) {
        guard let pPr = tree.child(index, "pPr") else { return (.paragraph, nil) }
        let style = tree.child(pPr, "pStyle").flatMap { tree.officeAttribute($0, "val") }
        var kind = TextBlock.Kind.paragraph
        if let level = tree.child(pPr, "outlineLvl").flatMap({ tree.officeAttribute($0, "val") }).flatMap({ Int($0) }), level < 9 {
            kind = .heading
        } else if let style, styles.isHeading(style) {
            kind = .heading
        } else if tree.child(pPr, "numPr") != nil || style.map(styles.isList) == true {
            kind = .listItem
        }
        var bidi = tree.child(pPr, "bidi").map { DOCXReader.isOn(tree, $0) }
        if bidi == nil, let style { bidi = styles.bidi(style) }
        return (kind, bidi == true ? .rtl : nil)
    }

    /// A row's direction: right-to-left when its table is (`w:tblPr/w:bidiVisual`).
    private func rowDirection(_ row: Int) -> Direction? {
        let table = tree.nodes[row].parent
        guard table >= 0, let tblPr = tree.child(table, "tblPr"), let bidi = tree.child(tblPr, "bidiVisual") else { return nil }
        return DOCXReader.isOn(tree, bidi) ? .rtl : nil
    }

    /// Sets the hints of run `index` from its `w:rPr`: `w:rtl`, and `w:lang` (`w:bidi` for a
    /// right-to-left, complex-script or Arabic-script run, else `w:val`).
    private mutating func runProperties(_ index: Int) {
        runLanguage = nil
        runRTL = false
        guard let rPr = tree.child(index, "rPr") else { return }
        runRTL = tree.child(rPr, "rtl").map { DOCXReader.isOn(tree, $0) } ?? false
        guard let lang = tree.child(rPr, "lang") else { return }
        let complex = runRTL || tree.child(rPr, "cs").map { DOCXReader.isOn(tree, $0) } == true || hasArabicScript(index)
        let value = complex ? (tree.officeAttribute(lang, "bidi") ?? tree.officeAttribute(lang, "val"))
                            : (tree.officeAttribute(lang, "val") ?? tree.officeAttribute(lang, "bidi"))
        runLanguage = value.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the text of run `index` has Arabic-script letters (UTF-8 lead bytes D8–DB, DD:
    /// U+0600–U+06FF, U+0740–U+077F).
    private func hasArabicScript(_ run: Int) -> Bool {
        for t in tree.nodes[run].children where tree.nodes[t].kind == .element && tree.nodes[t].name == "t" {
            for text in tree.nodes[t].children where tree.nodes[text].kind == .text {
                if tree.nodes[text].text.utf8.contains(where: { ($0 >= 0xD8 && $0 <= 0xDB) || $0 == 0xDD }) { return true }
            }
        }
        return false
    }
}
