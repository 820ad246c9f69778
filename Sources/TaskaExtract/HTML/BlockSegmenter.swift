import TaskaCore

/// Cuts a page into blocks in reading order — one per heading, paragraph, list item,
/// quotation, table row or line of preformatted text — and records, for each block, the
/// facts the scorer needs (owner element, text and link length, punctuation) and its inline
/// spans (links and language/direction hints) as Unicode scalar offsets into the block's text.
struct BlockSegmenter {
    /// A block with the facts used to score it.
    struct Block {
        var block: TextBlock
        /// The innermost block-level element that holds the text.
        var owner: Int
        /// Non-space scalars, and those inside links.
        var chars: Int
        var linkChars: Int
        /// Commas and sentence ends in any script (`, ، 、 ， ; ؛ . ! ? ؟ 。 ۔`).
        var punctuation: Int
        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
    }

    /// `hidden`, `aria-hidden="true"`, an inline `display:none` / `visibility:hidden`, or an
    /// element that never shows text.
    static func isHidden(_ node: MarkupTree.Node) -> Bool {
        if Selectors.invisibleTags.contains(node.name) || node.name == "noscript" { return true }
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        return false
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ",", ".", ";", "!", "?", "\u{060C}", "\u{061B}", "\u{061F}", "\u{06D4}", "\u{3001}", "\u{3002}", "\u{FF0C}", "\u{FF1B}", "\u{FF01}", "\u{FF1F}": return true
        default: return false
        }
    }

    private struct Context {
        var kind: TextBlock.Kind
        var owner: Int
        var language: String?
        var direction: Direction?
        var pre: Bool
        var inLink: Bool
    }

    private struct OpenSpan {
        var node: Int
        var start: Int?
        var entity: Entity
    }

    /// Blocks of the subtree at `root`, skipping the nodes `skip` marks.
    func blocks(of tree: MarkupTree, root: Int, skip: [Bool]) -> [Block] {
        var out: [Block] = []
        var scalars = String.UnicodeScalarView()
        var count = 0
        var pendingSpace = false
        var chars = 0, linkChars = 0, punctuation = 0
        var open: [OpenSpan] = []
        var spans: [Entity] = []

        func flush(_ ctx: Context, kind: TextBlock.Kind? = nil) {
            pendingSpace = false
            // Close the spans of this block; spans still open continue in the next block.
            for j in open.indices {
                if let start = open[j].start, count > start {
                    var e = open[j].entity; e.start = start; e.end = count; spans.append(e)
                }
                open[j].start = nil
            }
            guard count > 0 else { spans.removeAll(); return }
            let text = String(scalars)
            spans.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            out.append(Block(block: TextBlock(kind: kind ?? ctx.kind, text: text, declaredLanguage: ctx.language,
                                              declaredDirection: ctx.direction, spans: spans),
                             owner: ctx.owner, chars: chars, linkChars: linkChars, punctuation: punctuation))
            scalars = String.UnicodeScalarView(); count = 0; chars = 0; linkChars = 0; punctuation = 0
            spans.removeAll()
        }

        func put(_ s: Unicode.Scalar, inLink: Bool) {
            if pendingSpace { scalars.append(" "); count += 1; pendingSpace = false }
            for j in open.indices where open[j].start == nil { open[j].start = count }
            scalars.append(s); count += 1
            chars += 1
            if inLink { linkChars += 1 }
            if Self.isPunctuation(s) { punctuation += 1 }
        }

        func append(_ text: String, _ ctx: Context) {
            if ctx.pre {
                var first = true
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    if !first { flush(ctx, kind: .preformatted) }
                    first = false
                    for s in line.unicodeScalars {
                        if s == " " || s == "\t" || s == "\r" {
                            scalars.append(s); count += 1
                        } else { put(s, inLink: ctx.inLink) }
                    }
                }
                return
            }
            for s in text.unicodeScalars {
                if s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" {
                    if count > 0 { pendingSpace = true }
                } else {
                    put(s, inLink: ctx.inLink)
                }
            }
        }

        var base = Context(kind: .paragraph, owner: root, language: nil, direction: nil, pre: false, inLink: false)
        let inherited = BlockExtractor.inheritedContext(of: root, in: tree)
        base.language = inherited.language
        base.direction = inherited.direction
        var context: [Context] = [base]
        var stack: [(Int, Bool)] = [(root, true)]
        while let (index, entering) = stack.popLast() {
            let node = tree.nodes[index]
            switch node.kind {
            case .comment: continue
            case .text:
                if !skip[index] { append(node.text, context[context.count - 1]) }
            case .element:
                if entering {
                    if skip[index] { continue }
                    let name = node.name
                    if name == "br" { flush(context[context.count - 1]); continue }
                    let blockKind = Selectors.blockKinds[name]
                    var ctx = context[context.count - 1]
                    let lang = node.attribute("lang") ?? node.attribute("xml:lang")
                    if let lang, !lang.isEmpty { ctx.language = lang }
                    var dir: Direction?
                    if let d = node.attribute("dir")?.lowercased() { dir = d == "rtl" ? .rtl : d == "ltr" ? .ltr : nil }
                    if let dir { ctx.direction = dir }
                    if name == "pre" { ctx.pre = true }
                    if name == "a" && node.attribute("href") != nil { ctx.inLink = true }
                    if let blockKind {
                        flush(context[context.count - 1])
                        ctx.kind = blockKind
                        ctx.owner = index
                    } else {
                        // Inline element: links and language/direction hints become spans.
                        if name == "a", let href = node.attribute("href"), !href.isEmpty {
                            open.append(OpenSpan(node: index, start: nil, entity: Entity(type: "link", start: 0, end: 0, href: href)))
                        }
                        let isolate = name == "bdi" || name == "bdo"
                        if (lang != nil && !(lang!.isEmpty)) || dir != nil || isolate {
                            let hintLang = (lang?.isEmpty ?? true) ? nil : lang
                            open.append(OpenSpan(node: index, start: nil,
                                                 entity: Entity(type: "language-hint", start: 0, end: 0, language: hintLang, direction: dir)))
                        }
                    }
                    context.append(ctx)
                    stack.append((index, false))
                    for child in node.children.reversed() { stack.append((child, true)) }
                } else {
                    let ctx = context.removeLast()
                    if Selectors.blockKinds[node.name] != nil {
                        flush(ctx)
                    } else {
                        if node.name == "td" || node.name == "th" { if count > 0 { pendingSpace = true } }
                        // Close the spans this element opened.
                        while let last = open.last, last.node == index {
                            open.removeLast()
                            if let start = last.start, count > start {
                                var e = last.entity; e.start = start; e.end = count; spans.append(e)
                            }
                        }
                    }
                }
            }
        }
        flush(context[0])
        return out
    }
}
