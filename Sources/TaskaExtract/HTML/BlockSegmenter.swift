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
        /// Visible characters (scalars other than white space, combining marks and format
        /// controls: see `TreeCleaner.visibleScalars`), and those inside links.
        var chars: Int
        var linkChars: Int
        /// Commas and sentence ends in any script (`, ، 、 ， ; ؛ . ! ? ؟ 。 ۔`).
        var punctuation: Int
        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
    }

    /// `hidden`, `aria-hidden="true"`, an inline `display:none` / `visibility:hidden`, or an
    /// element that never shows text.
    static func isHidden(_ node: borrowing MarkupTree.Node) -> Bool { isHidden(node.tag, node.attributes) }

    /// `isHidden` of an element with this tag and these attributes.
    static func isHidden(_ tag: HTMLTag, _ attributes: [(name: String, value: String)]) -> Bool {
        if Selectors.invisibleTagSet.contains(tag) || tag == .noscript { return true }
        if MarkupTree.Node.attribute("hidden", in: attributes) != nil { return true }
        if MarkupTree.Node.attribute("aria-hidden", in: attributes)?.lowercased() == "true" { return true }
        if let style = MarkupTree.Node.attribute("style", in: attributes), styleHides(style) { return true }
        return false
    }

    /// Whether an inline style, lowercased (ASCII) and without spaces, says `display:none` or
    /// `visibility:hidden` (a byte search: every element with a style is checked).
    static func styleHides(_ style: String) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for var b in style.utf8 where b != 0x20 {
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            compact.append(b)
        }
        return contains(compact, displayNone) || contains(compact, visibilityHidden)
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            var j = 1
            while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
        }
        return false
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool { isPunctuation(s.value) }

    @inline(__always) static func isPunctuation(_ v: UInt32) -> Bool {
        switch v {
        case 0x2C, 0x2E, 0x3B, 0x21, 0x3F, 0x060C, 0x061B, 0x061F, 0x06D4, 0x3001, 0x3002, 0xFF0C, 0xFF1B, 0xFF01, 0xFF1F: return true
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

    /// The block being built and the blocks made so far (a value with mutating methods, so
    /// its state is accessed without the dynamic exclusivity checks closures' captures need).
    private struct Builder {
        var out: [Block] = []
        // The block's text as UTF-8 bytes (copied from the nodes' valid UTF-8), and its length
        // in Unicode scalars (the unit of span offsets).
        var bytes: [UInt8] = []
        var count = 0
        var pendingSpace = false
        var chars = 0, linkChars = 0, punctuation = 0
        var open: [OpenSpan] = []
        var spans: [Entity] = []

        mutating func flush(_ ctx: Context, kind: TextBlock.Kind? = nil) {
            pendingSpace = false
            // Close the spans of this block; spans still open continue in the next block.
            for j in open.indices {
                if let start = open[j].start, count > start {
                    var e = open[j].entity; e.start = start; e.end = count; spans.append(e)
                }
                open[j].start = nil
            }
            guard count > 0 else { spans.removeAll(); return }
            let text = String(decoding: bytes, as: UTF8.self)
            spans.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            out.append(Block(block: TextBlock(kind: kind ?? ctx.kind, text: text, declaredLanguage: ctx.language,
                                              declaredDirection: ctx.direction, spans: spans),
                             owner: ctx.owner, chars: chars, linkChars: linkChars, punctuation: punctuation))
            bytes.removeAll(keepingCapacity: true); count = 0; chars = 0; linkChars = 0; punctuation = 0
            spans.removeAll()
        }

        /// One visible scalar: `length` UTF-8 bytes at `p`, value `value`.
        @inline(__always) mutating func put(_ p: UnsafePointer<UInt8>, _ length: Int, _ value: UInt32, inLink: Bool) {
            if pendingSpace { bytes.append(0x20); count += 1; pendingSpace = false }
            if !open.isEmpty { for j in open.indices where open[j].start == nil { open[j].start = count } }
            if length == 1 { bytes.append(p[0]) } else { bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: length)) }
            count += 1
            if !UTF8Scalars.isMarkOrFormat(value) {
                chars += 1
                if inLink { linkChars += 1 }
            }
            if BlockSegmenter.isPunctuation(value) { punctuation += 1 }
        }

        mutating func append(_ text: String, _ ctx: Context) {
            var text = text
            text.withUTF8 { u in
                guard let base = u.baseAddress else { return }
                let n = u.count
                var i = 0
                if ctx.pre {
                    // Each line is its own block. Lines end at LF; CR LF is one Character in Swift and
                    // was never split (its LF is kept as text), so the byte loop does the same.
                    while i < n {
                        let b = u[i]
                        if b == 0x0A && !(i > 0 && u[i - 1] == 0x0D) {
                            flush(ctx, kind: .preformatted)
                            i += 1
                            continue
                        }
                        if b == 0x20 || b == 0x09 || b == 0x0D {
                            bytes.append(b); count += 1; i += 1
                        } else {
                            let (value, length) = UTF8Scalars.decode(u, at: i)
                            put(base + i, length, value, inLink: ctx.inLink)
                            i += length
                        }
                    }
                    return
                }
                while i < n {
                    let b = u[i]
                    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                        if count > 0 { pendingSpace = true }
                        i += 1
                        continue
                    }
                    // A run of visible scalars (up to the next ASCII white space) goes in at once:
                    // the same bytes and counts as putting its scalars one by one.
                    // Offsets count every scalar; text length leaves out marks and format controls.
                    let start = i
                    var scalars = 0, marks = 0, attached = 0
                    while i < n {
                        let c = u[i]
                        if c < 0x80 {
                            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C { break }
                            scalars += 1
                            if c == 0x2C || c == 0x2E || c == 0x3B || c == 0x21 || c == 0x3F { marks += 1 }
                            i += 1
                        } else {
                            let (value, length) = UTF8Scalars.decode(u, at: i)
                            scalars += 1
                            if BlockSegmenter.isPunctuation(value) { marks += 1 }
                            if UTF8Scalars.isMarkOrFormat(value) { attached += 1 }
                            i += length
                        }
                    }
                    if pendingSpace { bytes.append(0x20); count += 1; pendingSpace = false }
                    if !open.isEmpty { for j in open.indices where open[j].start == nil { open[j].start = count } }
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: i - start))
                    count += scalars
                    chars += scalars - attached
                    if ctx.inLink { linkChars += scalars - attached }
                    punctuation += marks
                }
            }
        }
    }

    /// Blocks of the subtree at `root`, skipping the nodes `skip` marks.
    func blocks(of tree: MarkupTree, root: Int, skip: [Bool]) -> [Block] {
        var b = Builder()
        b.bytes.reserveCapacity(1024)
        var base = Context(kind: .paragraph, owner: root, language: nil, direction: nil, pre: false, inLink: false)
        let inherited = BlockExtractor.inheritedContext(of: root, in: tree)
        base.language = inherited.language
        base.direction = inherited.direction
        var context: [Context] = [base]
        var stack: [(Int, Bool)] = [(root, true)]
        // Nodes are read in place (a copy of a node retains its five strings and arrays).
        tree.nodes.withUnsafeBufferPointer { nodes in
            while let (index, entering) = stack.popLast() {
                switch nodes[index].kind {
                case .comment: continue
                case .text:
                    if !skip[index] { b.append(nodes[index].text, context[context.count - 1]) }
                case .element:
                    if entering {
                        if skip[index] { continue }
                        let tag = nodes[index].tag
                        if tag == .br { b.flush(context[context.count - 1]); continue }
                        let blockKind = Selectors.blockKind(of: tag)
                        var ctx = context[context.count - 1]
                        let lang = nodes[index].attribute("lang") ?? nodes[index].attribute("xml:lang")
                        if let lang, !lang.isEmpty { ctx.language = lang }
                        var dir: Direction?
                        if let d = nodes[index].attribute("dir")?.lowercased() { dir = d == "rtl" ? .rtl : d == "ltr" ? .ltr : nil }
                        if let dir { ctx.direction = dir }
                        if tag == .pre { ctx.pre = true }
                        if tag == .a && nodes[index].attribute("href") != nil { ctx.inLink = true }
                        if let blockKind {
                            b.flush(context[context.count - 1])
                            ctx.kind = blockKind
                            ctx.owner = index
                        } else {
                            // Inline element: links and language/direction hints become spans.
                            if tag == .a, let href = nodes[index].attribute("href"), !href.isEmpty {
                                b.open.append(OpenSpan(node: index, start: nil, entity: Entity(type: "link", start: 0, end: 0, href: href)))
                            }
                            let isolate = tag == .bdi || tag == .bdo
                            if (lang != nil && !(lang!.isEmpty)) || dir != nil || isolate {
                                let hintLang = (lang?.isEmpty ?? true) ? nil : lang
                                b.open.append(OpenSpan(node: index, start: nil,
                                                     entity: Entity(type: "language-hint", start: 0, end: 0, language: hintLang, direction: dir)))
                            }
                        }
                        context.append(ctx)
                        stack.append((index, false))
                        for child in nodes[index].children.reversed() { stack.append((child, true)) }
                    } else {
                        let ctx = context.removeLast()
                        if Selectors.blockKind(of: nodes[index].tag) != nil {
                            b.flush(ctx)
                        } else {
                            if nodes[index].tag == .td || nodes[index].tag == .th { if b.count > 0 { b.pendingSpace = true } }
                            // Close the spans this element opened.
                            while let last = b.open.last, last.node == index {
                                b.open.removeLast()
                                if let start = last.start, b.count > start {
                                    var e = last.entity; e.start = start; e.end = b.count; b.spans.append(e)
                                }
                            }
                        }
                    }
                }
            }
        }
        b.flush(context[0])
        return b.out
    }
}
