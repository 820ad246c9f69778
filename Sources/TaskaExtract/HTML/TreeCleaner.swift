import TaskaCore

/// Per-node facts of a parsed page, and which elements are dropped before blocks are made.
///
/// Two passes over the flat tree (parents come before children): bottom-up text and link
/// counts, then top-down visibility and furniture decisions.
struct PageFacts {
    /// Nodes not read at all: invisible, hidden, or page furniture (when cleaning).
    var skip: [Bool]
    /// Visible non-space scalars in each subtree (before furniture removal).
    var chars: [Int]
    /// Of those, scalars inside links.
    var linkChars: [Int]
    /// Class/id/role vote of each element: positive for content, negative for boilerplate.
    var vote: [Double]

    func linkDensity(_ i: Int) -> Double { chars[i] == 0 ? 0 : Double(linkChars[i]) / Double(chars[i]) }
}

/// Marks what is never text (scripts, styles, hidden elements) and, unless disabled, the page
/// furniture: navigation, asides, footers, banners, share/related/comment/cookie blocks.
///
/// Markup semantics (`nav`, `aside`, `footer`, ARIA roles) count as strong evidence; class and
/// id tokens (English words) only count together with a structural sign — high link density or
/// little text — so a page whose class names mean nothing loses nothing.
struct TreeCleaner {
    var removeBoilerplate: Bool

    func facts(of tree: MarkupTree, root: Int) -> PageFacts {
        // Nodes are read in place (a copy of a node retains its five strings and arrays).
        tree.nodes.withUnsafeBufferPointer { facts(of: $0, root: root) }
    }

    private func facts(of buffer: UnsafeBufferPointer<MarkupTree.Node>, root: Int) -> PageFacts {
        let n = buffer.count
        // Nodes are read field by field: passing `nodes[i]` on, or calling a method on it, copies
        // the node and retains its strings and arrays.
        guard let nodes = buffer.baseAddress else { return PageFacts(skip: [], chars: [], linkChars: [], vote: []) }
        var hidden = [Bool](repeating: false, count: n)
        var inLink = [Bool](repeating: false, count: n)
        // `hidden`, `aria-hidden` and inline `display:none`: hidden unless the element holds most
        // of the page (streamed server-rendered pages keep their content in a hidden div that a
        // script reveals).
        var softHidden = [Bool](repeating: false, count: n)
        var vote = [Double](repeating: 0, count: n)
        var tokens: [(token: ClassTokenClassifier.Token, kind: ClassTokenClassifier.Kind)] = []
        // Top-down: invisibility and link context (parents precede children).
        for i in 0..<n {
            let p = nodes[i].parent
            if p >= 0 { hidden[i] = hidden[p]; inLink[i] = inLink[p] }
            guard nodes[i].kind == .element else { continue }
            if !hidden[i] && Selectors.invisibleTagSet.contains(nodes[i].tag) { hidden[i] = true }
            let tag = nodes[i].tag, attributes = nodes[i].attributes
            if !hidden[i] && BlockSegmenter.isHidden(tag, attributes) { softHidden[i] = true }
            if tag == .a && MarkupTree.Node.attribute("href", in: attributes) != nil { inLink[i] = true }
            vote[i] = Self.vote(tag, attributes, tokens: &tokens)
        }
        // Bottom-up: visible text and link text per subtree.
        var chars = [Int](repeating: 0, count: n)
        var linkChars = [Int](repeating: 0, count: n)
        var longest = [Int](repeating: 0, count: n)
        // Visible scalars of each text node, counted once and reused by the recount below.
        var own = [Int](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            if nodes[i].kind == .text && !hidden[i] {
                let c = Self.visibleScalars(nodes[i].text)
                own[i] = c
                chars[i] = c
                if inLink[i] { linkChars[i] = c } else { longest[i] = c }
            }
            let p = nodes[i].parent
            if p >= 0 && !hidden[i] {
                chars[p] += chars[i]; linkChars[p] += linkChars[i]; longest[p] = max(longest[p], longest[i])
            }
        }
        var skip = hidden
        let visible = max(chars[root], 1)
        for i in 0..<n where softHidden[i] && Double(chars[i]) < 0.3 * Double(visible) { skip[i] = true }
        for i in 0..<n where !skip[i] { let p = nodes[i].parent; if p >= 0 && skip[p] { skip[i] = true } }
        if skip.contains(true) {
            // Recount without what stays hidden.
            for i in 0..<n { chars[i] = 0; linkChars[i] = 0; longest[i] = 0 }
            for i in stride(from: n - 1, through: 0, by: -1) where !skip[i] {
                if nodes[i].kind == .text {
                    let c = own[i]  // not skipped, so not hidden: counted above
                    chars[i] = c
                    if inLink[i] { linkChars[i] = c } else { longest[i] = c }
                }
                let p = nodes[i].parent
                if p >= 0 { chars[p] += chars[i]; linkChars[p] += linkChars[i]; longest[p] = max(longest[p], longest[i]) }
            }
        }
        if removeBoilerplate {
            let total = max(chars[root], 1)
            for i in 0..<n where !skip[i] {
                let p = nodes[i].parent
                if p >= 0 && skip[p] { skip[i] = true; continue }
                guard nodes[i].kind == .element, i != root else { continue }
                if isFurniture(i, tag: nodes[i].tag, attributes: nodes[i].attributes, chars: chars, linkChars: linkChars,
                               longest: longest[i], vote: vote[i], total: total) { skip[i] = true }
            }
        }
        return PageFacts(skip: skip, chars: chars, linkChars: linkChars, vote: vote)
    }

    /// Visible characters of `text`: scalars that are not ASCII white space, a combining mark or a
    /// format control (`UTF8Scalars.isMarkOrFormat`), so that the length of a text does not depend
    /// on how fully its script is vocalised.
    static func visibleScalars(_ text: String) -> Int {
        var text = text  // `withUTF8` copies nothing for a native string
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var c = 0
            var i = 0
            // Eight bytes per word: a byte counts unless it continues a scalar (10xxxxxx), is a
            // space, or is 0x09-0x0D. Each test leaves the byte's top bit set where it holds (no
            // carry crosses a byte: the sums are on bytes below 0x80).
            let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while i + 8 <= bytes.count {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let continuation = x & ~(x << 1) & high
                let t = x ^ 0x2020_2020_2020_2020
                let space = ~(((t & low) &+ low) | t | low)
                let y = x & low
                let controls = ((y &+ 0x7777_7777_7777_7777) & ~(y &+ 0x7272_7272_7272_7272)) & ~x & high
                c &+= 8 &- (continuation | space | controls).nonzeroBitCount
                // Lead bytes of multi-byte scalars (11xxxxxx): a mark or format control counts
                // nothing. (Byte k of the word is bits 8k..8k+7: little-endian loads.)
                var lead = x & (x &<< 1) & high
                while lead != 0 {
                    if UTF8Scalars.isMarkOrFormat(base, at: i &+ (lead.trailingZeroBitCount &>> 3)) { c &-= 1 }
                    lead &= lead &- 1
                }
                i &+= 8
            }
            while i < bytes.count {
                let b = base[i]
                if b & 0xC0 != 0x80 && !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) && !UTF8Scalars.isMarkOrFormat(base, at: i) { c &+= 1 }
                i &+= 1
            }
            return c
        }
    }

    private func isFurniture(_ i: Int, tag: HTMLTag, attributes: [(name: String, value: String)], chars: [Int], linkChars: [Int],
                             longest: Int, vote: Double, total: Int) -> Bool {
        let c = chars[i]
        if c == 0 { return false }
        let share = Double(c) / Double(total)
        if share > 0.5 { return false }   // never the bulk of the page
        let density = Double(linkChars[i]) / Double(c)
        let role = MarkupTree.Node.attribute("role", in: attributes).map(MarkupParser.lowercased) ?? ""
        if Selectors.furnitureTagSet.contains(tag) || (!role.isEmpty && Selectors.furnitureRoles.contains(role)) {
            // Semantic furniture; an aside or footer that is mostly prose and large stays for scoring.
            if tag == .nav || role == "navigation" || density > 0.3 || c < 600 || share < 0.15 { return true }
            return false
        }
        if tag == .header && (density > 0.4) { return true }
        if vote <= -1 && longest < 150 {
            // A class/id vote needs a structural sign to remove: many links or little text, and
            // no run of unlinked text as long as a real paragraph.
            if density > 0.35 || c < 120 { return true }
        }
        return false
    }

    /// The class/id/role vote of one element: +1 per content token, -1 per boilerplate token,
    /// -0.5 per byline/meta token; main-content roles and `itemprop="articleBody"` count +2.
    static func vote(of node: borrowing MarkupTree.Node) -> Double { vote(node.tag, node.attributes) }

    /// `vote(of:)` of an element with this tag and these attributes.
    static func vote(_ tag: HTMLTag, _ attributes: [(name: String, value: String)]) -> Double {
        var tokens: [(token: ClassTokenClassifier.Token, kind: ClassTokenClassifier.Kind)] = []
        return vote(tag, attributes, tokens: &tokens)
    }

    /// `vote(_:_:)` with a token buffer the caller reuses from element to element.
    static func vote(_ tag: HTMLTag, _ attributes: [(name: String, value: String)],
                     tokens: inout [(token: ClassTokenClassifier.Token, kind: ClassTokenClassifier.Kind)]) -> Double {
        if tag == .body || tag == .html { return 0 }
        var v = 0.0
        var negative = 0
        tokens.removeAll(keepingCapacity: true)
        for (name, value) in attributes where (name == "class" || name == "id") && !value.isEmpty {
            ClassTokenClassifier.shared.classify(value, into: &tokens)
        }
        // Only classified tokens count, each distinct one once (over class and id together).
        for k in tokens.indices where !tokens[..<k].contains(where: { $0.token == tokens[k].token }) {
            switch tokens[k].kind {
            case .boilerplate: negative += 1
            case .content: v += 1
            case .meta: v -= 0.5
            }
        }
        // A boilerplate token outweighs content tokens (`comment-body`, `related-content`).
        v = negative > 0 ? -Double(min(negative, 2)) : max(-2, min(2, v))
        if let role = MarkupTree.Node.attribute("role", in: attributes), Selectors.mainRoles.contains(MarkupParser.lowercased(role)) { v += 2 }
        if let prop = MarkupTree.Node.attribute("itemprop", in: attributes).map(MarkupParser.lowercased), prop == "articlebody" || prop == "text" { v += 2 }
        if tag == .article || tag == .main { v += 1 }
        return v
    }
}
