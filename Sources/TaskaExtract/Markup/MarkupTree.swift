/// A parsed HTML or XML document as plain Swift values, in document order.
///
/// HTML is built into this flat, index-based form straight from libxml2's parse events
/// (`HTMLTreeBuilder`); XML is copied from libxml2's tree, which is freed at once. No C pointer
/// outlives the parse and deep documents never recurse on the Swift stack.
///
/// In HTML the text of `style` elements and of `script` elements other than JSON-LD
/// (`type="application/ld+json"`) is not kept: their text nodes stay, empty. Nothing reads it,
/// and on real pages it is about 40 % of the bytes. Nor are the values of the attributes no
/// reader takes (`Node.isUnreadAttribute`: image sources, SVG paths, `data-*`): the attributes
/// stay, with empty values.
public struct MarkupTree: Sendable {
    /// One element or text node.
    public struct Node: Sendable {
        public enum Kind: Sendable, Equatable { case element, text, comment }
        public var kind: Kind
        /// Lowercased local name for HTML, as written (local name) for XML; empty for text.
        public var name: String
        /// Namespace URI of an XML element, if any.
        public var namespace: String?
        /// Attributes in document order (name lowercased for HTML; `xml:lang` keeps its prefix).
        public var attributes: [(name: String, value: String)]
        /// Text content of a text or comment node.
        public var text: String
        public var parent: Int
        /// Child indices in document order; in a parsed tree, a slice of one array shared by
        /// all nodes (`init(linking:)`), so no node owns an allocation of its own for them.
        public var children: ArraySlice<Int>
        /// The element's name as an `HTMLTag` (set when the tree is linked; `.other` for text,
        /// comments and names the extractor does not decide on).
        public var tag: HTMLTag = .other

        @inline(__always)
        public func attribute(_ name: String) -> String? { Self.attribute(name, in: attributes) }

        /// The value of attribute `name` in `attributes`. Hot loops over nodes in place pass
        /// `nodes[i].attributes` here: a method call on `nodes[i]` copies the whole node first.
        @inline(__always)
        public static func attribute(_ name: String, in attributes: [(name: String, value: String)]) -> String? {
            // Lengths first: most names differ in length, and that test is inline.
            let length = name.utf8.count
            return attributes.first { $0.name.utf8.count == length && $0.name == name }?.value
        }

        /// Whether this is a JSON-LD block: `<script type="application/ld+json">`.
        var isJSONLD: Bool { Self.isJSONLD(name, attributes) }

        /// Whether this HTML element's text is not kept: `style`, and `script` unless JSON-LD.
        var elidesText: Bool { Self.elidesText(name, attributes) }

        static func isJSONLD(_ name: String, _ attributes: [(name: String, value: String)]) -> Bool {
            name == "script" && attribute("type", in: attributes).map(MarkupParser.lowercased) == "application/ld+json"
        }

        /// Whether an HTML attribute's value is not kept: `src`, `srcset`, `sizes`, `d` and
        /// `data-*`, in any case. They are a third of the attribute bytes of real pages, which
        /// libxml2 reads one character at a time; add a name here only if nothing reads it.
        static func isUnreadAttribute(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
            @inline(__always) func at(_ k: Int) -> UInt8 { name[k] | 0x20 }
            switch name.count {
            case 1: return at(0) == 0x64  // d
            case 3: return at(0) == 0x73 && at(1) == 0x72 && at(2) == 0x63  // src
            case 5: return at(0) == 0x73 && at(1) == 0x69 && at(2) == 0x7A && at(3) == 0x65 && at(4) == 0x73  // sizes
            default:
                if name.count == 6 && at(0) == 0x73 && at(1) == 0x72 && at(2) == 0x63 && at(3) == 0x73 && at(4) == 0x65 && at(5) == 0x74 { return true }  // srcset
                return name.count > 5 && at(0) == 0x64 && at(1) == 0x61 && at(2) == 0x74 && at(3) == 0x61 && name[4] == 0x2D  // data-
            }
        }

        /// `isUnreadAttribute` of a name as a `String`.
        static func isUnreadAttribute(_ name: String) -> Bool {
            var name = name
            return name.withUTF8 { isUnreadAttribute($0) }
        }

        static func elidesText(_ name: String, _ attributes: [(name: String, value: String)]) -> Bool {
            name == "style" || (name == "script" && !isJSONLD(name, attributes))
        }
    }

    /// All nodes; index 0 is the document root (an element named "#document").
    public var nodes: [Node]
    /// Problems the parser reported (recovered), with their line numbers.
    public var parserMessages: [String]

    public init(nodes: [Node], parserMessages: [String] = []) {
        self.nodes = nodes
        self.parserMessages = parserMessages
    }

    /// A tree whose nodes carry only their `parent`: every node's `children` is set from the
    /// parent links, in index order. Parsers append nodes in document order (a parent before its
    /// children, siblings in order), so index order is document order. Each element's `tag` is
    /// set from its name unless `tagged` says the parser set it already.
    init(linking nodes: consuming [Node], tagged: Bool = false) {
        let n = nodes.count
        // Counting sort of the nodes by parent: start[p]..<start[p + 1] are p's children.
        var start = [Int](repeating: 0, count: n + 1)
        for i in 0..<n where nodes[i].parent >= 0 { start[nodes[i].parent + 1] += 1 }
        for p in 0..<n { start[p + 1] += start[p] }
        var next = start
        var all = [Int](repeating: 0, count: start[n])
        for i in 0..<n where nodes[i].parent >= 0 {
            let p = nodes[i].parent
            all[next[p]] = i
            next[p] += 1
        }
        for p in 0..<n {
            nodes[p].children = start[p] == start[p + 1] ? [] : all[start[p]..<start[p + 1]]
            if !tagged && nodes[p].kind == .element { nodes[p].tag = HTMLTag(name: nodes[p].name) }
        }
        self.init(nodes: nodes)  // the caller's array is consumed, so no node was copied
    }

    /// The first element (in document order) named `name`.
    public func firstElement(named name: String) -> Int? {
        nodes.indices.first { nodes[$0].kind == .element && nodes[$0].name == name }
    }

    /// The root element (first element child of the document node).
    public var rootElement: Int? {
        guard let first = nodes.first else { return nil }
        return first.children.first { nodes[$0].kind == .element }
    }

    /// Concatenated text of a subtree, in document order (iterative).
    public func textContent(of index: Int) -> String {
        var out = ""
        var stack = [index]
        while let i = stack.popLast() {
            let node = nodes[i]
            if node.kind == .text { out += node.text }
            if node.kind == .element { stack.append(contentsOf: node.children.reversed()) }
        }
        return out
    }
}
