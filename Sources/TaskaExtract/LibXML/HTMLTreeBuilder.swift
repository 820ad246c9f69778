internal import CLibXML2
import TaskaCore

/// Builds a `MarkupTree` straight from libxml2's HTML parser events (SAX), so libxml2 never
/// builds, and Taska never copies and frees, a DOM of its own.
///
/// Why: building libxml2's tree, copying it node by node into Swift values and freeing it cost
/// more than the parse itself on small pages. The events are the ones libxml2's own tree
/// builder receives (start and end of each element with its decoded attributes, character
/// data, `script`/`style` content, comments), taken in the same way: adjacent character data
/// makes one text node, raw text one node of its own, whitespace is kept. A test compares the
/// trees of both builders on every HTML fixture and benchmark page (`MarkupParser.Builder.dom`).
///
/// Limits are enforced as the events arrive: past `maxNodes` or `maxDepth` the parser is
/// stopped and the parse fails with `LimitExceeded`.
struct HTMLTreeBuilder {
    private(set) var nodes: [MarkupTree.Node]
    /// Open elements, innermost last; index 0 is the document node.
    private var open: [Int] = [0]
    /// Character data not yet made a node, and whether it is raw text (CDATA block).
    private var text: [UInt8] = []
    private var textIsRaw = false
    /// Whether the innermost open element's text is not kept (`MarkupTree.Node.elidesText`),
    /// and whether character data was dropped for the pending text node.
    private var elidingText = false
    private var elidedText = false
    private var attributeCount = 0
    /// Element and attribute names as `String`s, by the pointer libxml2 interned each name at
    /// (its parser dictionary holds one copy per distinct name), so a name is decoded,
    /// lowercased and split once per parse. Direct-mapped: a clash only recomputes.
    private var elementNames = NameCache()
    private var attributeNames = NameCache()
    private let maxNodes: Int
    private let depthLimit: Int
    private let path: String
    /// Why the parse was stopped, if it was.
    private(set) var failure: LimitExceeded?
    /// Whether the document's first child in libxml2's tree is one Taska does not keep: the
    /// DOCTYPE (always put first) or a processing instruction that came before anything else.
    private var hiddenFirstChild = false
    /// The document node's first child, once there is one.
    private var documentFirstChild: Int?
    /// Where the parsed buffer had cuts (`BlankedMarkup`): the offsets, in order, at which
    /// libxml2 must report a start tag; whether it must be a `script`/`style` element of Taska's
    /// elided kind (a body was cut after it), and how many of its unread attributes must come
    /// empty (values were cut in it). Otherwise the tree may differ from the one of the original
    /// text and `blankingHeld` turns false.
    var checkpoints: [BlankedMarkup.Checkpoint] = []
    private var checkpointsMatched = 0
    private var blankingBroke = false
    /// Whether every cut was where libxml2 read the text as the census did (trivially true
    /// without cuts).
    var blankingHeld: Bool { !blankingBroke && checkpointsMatched == checkpoints.count }

    /// `expectedNodes` (the census's count) sizes the node array once: growing it by doubling
    /// copies every node built so far.
    init(maxNodes: Int, depthLimit: Int, path: String, expectedNodes: Int = 0) {
        self.maxNodes = maxNodes
        self.depthLimit = depthLimit
        self.path = path
        nodes = [MarkupParser.documentNode()]
        nodes.reserveCapacity(min(max(expectedNodes, 16), maxNodes) + 1)
        text.reserveCapacity(256)
    }

    /// Parses `chars` (UTF-8, `count` bytes) with `ctxt`, whose SAX handler this replaces.
    mutating func parse(_ ctxt: htmlParserCtxtPtr, _ chars: UnsafePointer<CChar>, count: Int32) {
        guard let sax = ctxt.pointee.sax else { return }
        // Only what Taska reads: no document node, DTD or processing instruction is built.
        sax.pointee.startDocument = nil
        sax.pointee.endDocument = nil
        sax.pointee.internalSubset = { ctx, _, _, _ in Events.of(ctx)?.builder.hiddenFirstChild = true }
        sax.pointee.externalSubset = nil
        sax.pointee.processingInstruction = { ctx, _, _ in Events.of(ctx)?.builder.processingInstruction() }
        sax.pointee.reference = nil
        sax.pointee.startElementNs = nil
        sax.pointee.endElementNs = nil
        sax.pointee.startElement = { ctx, name, atts in Events.of(ctx)?.builder.startElement(name, atts, ctx) }
        sax.pointee.endElement = { ctx, _ in Events.of(ctx)?.builder.endElement() }
        sax.pointee.characters = { ctx, ch, len in Events.of(ctx)?.builder.characters(ch, len, raw: false, ctx) }
        sax.pointee.ignorableWhitespace = { ctx, ch, len in Events.of(ctx)?.builder.characters(ch, len, raw: false, ctx) }
        sax.pointee.cdataBlock = { ctx, ch, len in Events.of(ctx)?.builder.characters(ch, len, raw: true, ctx) }
        sax.pointee.comment = { ctx, value in Events.of(ctx)?.builder.comment(value, ctx) }
        let events = Events(builder: self)
        ctxt.pointee._private = Unmanaged.passUnretained(events).toOpaque()
        defer { ctxt.pointee._private = nil }
        withExtendedLifetime(events) {
            // Returns no document: the handler above builds none.
            let doc = htmlCtxtReadMemory(ctxt, chars, count, nil, "UTF-8", LibXMLSecurity.htmlOptions)
            if let doc { xmlFreeDoc(doc) }
        }
        // Take the built nodes back without a second reference to them (appending to a shared
        // array would copy every node).
        swap(&self, &events.builder)
        flushText()
    }

    /// The finished tree; the builder is left empty (its nodes move into the tree uncopied).
    mutating func takeTree() -> MarkupTree {
        var taken: [MarkupTree.Node] = []
        swap(&taken, &nodes)
        return MarkupTree(linking: taken, tagged: true)
    }

    /// The builder the parser's callbacks reach through `_private` (one exclusive access per
    /// event, not one per field).
    private final class Events {
        // Reached only from the parser's callbacks, one at a time on this thread: no dynamic
        // exclusivity check per event.
        @exclusivity(unchecked) var builder: HTMLTreeBuilder
        init(builder: HTMLTreeBuilder) { self.builder = builder }

        static func of(_ ctx: UnsafeMutableRawPointer?) -> Events? {
            guard let ctx else { return nil }
            let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let raw = ctxt.pointee._private else { return nil }
            return Unmanaged<Events>.fromOpaque(raw).takeUnretainedValue()
        }
    }

    private mutating func stop(_ ctx: UnsafeMutableRawPointer?, _ limit: LimitExceeded) {
        if failure == nil { failure = limit }
        if let ctx { xmlStopParser(ctx.assumingMemoryBound(to: xmlParserCtxt.self)) }
    }

    private mutating func room(_ ctx: UnsafeMutableRawPointer?) -> Bool {
        guard failure == nil else { return false }
        if nodes.count + attributeCount >= maxNodes {
            stop(ctx, LimitExceeded(limit: "max-nodes", allowed: "\(maxNodes) nodes",
                                    found: "\(path) has more markup nodes (elements, text and attributes) than that"))
            return false
        }
        return true
    }

    private mutating func append(_ node: consuming MarkupTree.Node) -> Int {
        let index = nodes.count
        if node.parent == 0 && documentFirstChild == nil { documentFirstChild = index }
        nodes.append(node)  // children are linked once, from the parent links (`takeTree()`)
        return index
    }

    private mutating func flushText() {
        guard !text.isEmpty || elidedText else { return }
        let parent = open[open.count - 1]
        _ = append(MarkupTree.Node(kind: .text, name: "", namespace: nil, attributes: [],
                                   text: text.isEmpty ? "" : String(decoding: text, as: UTF8.self), parent: parent, children: []))
        text.removeAll(keepingCapacity: true)
        elidedText = false
    }

    /// Follows the innermost open element after it changed.
    private mutating func openElementChanged() {
        let innermost = open[open.count - 1]
        elidingText = innermost != 0 && MarkupTree.Node.elidesText(nodes[innermost].name, nodes[innermost].attributes)
    }

    private mutating func startElement(_ name: UnsafePointer<xmlChar>?, _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                              _ ctx: UnsafeMutableRawPointer?) {
        flushText()
        guard room(ctx) else { return }
        if open.count > depthLimit {
            stop(ctx, LimitExceeded(limit: "max-depth", allowed: "\(depthLimit) levels",
                                    found: "\(path): elements are nested deeper than that (line \(xmlSAX2GetLineNumber(ctx)))"))
            return
        }
        var attributes: [(name: String, value: String)] = []
        var emptyUnread = 0
        if let atts {
            var pairs = 0
            while atts[2 * pairs] != nil { pairs += 1 }
            attributes.reserveCapacity(pairs)
            var i = 0
            while let attName = atts[i] {
                // libxml2's builder gives a boolean attribute written without a value
                // (`<input checked>`) its own name as value; others get none.
                let (name, unread) = attributeNames.attribute(attName)
                if unread && (atts[i + 1]?.pointee ?? 0) == 0 { emptyUnread += 1 }
                let value = unread ? "" : atts[i + 1].map { String(cString: $0) } ?? (htmlIsBooleanAttr(attName) != 0 ? String(cString: attName) : "")
                attributes.append((name, value))
                i += 2
            }
        }
        attributeCount += attributes.count
        // Where libxml2's builder puts an element outside any open one: into the document while
        // the document has no child, else into its first child when that is an element (so a
        // second top-level element lands inside the first), else beside it.
        var parent = open[open.count - 1]
        if parent == 0, !hiddenFirstChild, let first = documentFirstChild, nodes[first].kind == .element { parent = first }
        let named = name.map { elementNames.named($0) { Self.localName(MarkupParser.lowercasedName($0)) } } ?? ("", .other)
        var element = MarkupTree.Node(kind: .element, name: named.name,
                                      namespace: nil, attributes: attributes, text: "", parent: parent, children: [])
        element.tag = named.tag
        if checkpointsMatched < checkpoints.count { checkBlanked(element, emptyUnread: emptyUnread, ctx) }
        open.append(append(consume element))
        openElementChanged()
    }

    /// Matches a start tag against the next checkpoint; a checkpoint passed by, a cut body after
    /// an element whose text Taska keeps (JSON-LD) or that is no `script`/`style`, or a tag with
    /// another number of empty unread attributes than the census counted, stops the parse.
    private mutating func checkBlanked(_ element: borrowing MarkupTree.Node, emptyUnread: Int, _ ctx: UnsafeMutableRawPointer?) {
        guard let ctx else { return }
        let offset = taska_xml_input_offset(ctx.assumingMemoryBound(to: xmlParserCtxt.self))
        let expected = checkpoints[checkpointsMatched]
        if offset == expected.offset && (!expected.rawText || element.elidesText)
            && (expected.emptyUnread < 0 || expected.emptyUnread == emptyUnread) {
            checkpointsMatched += 1
        } else if offset >= expected.offset {
            blankingBroke = true
            xmlStopParser(ctx.assumingMemoryBound(to: xmlParserCtxt.self))
        }
    }

    private mutating func endElement() {
        flushText()
        guard failure == nil, open.count > 1 else { return }
        open.removeLast()
        openElementChanged()
    }

    private mutating func characters(_ ch: UnsafePointer<xmlChar>?, _ len: Int32, raw: Bool, _ ctx: UnsafeMutableRawPointer?) {
        // libxml2's builder drops character data outside every element.
        guard let ch, len > 0, failure == nil, open.count > 1 else { return }
        // libxml2's builder merges character data into the last text node, and raw text into
        // the last raw-text node, but never one into the other.
        if raw != textIsRaw { flushText(); textIsRaw = raw }
        if text.isEmpty && !elidedText && !room(ctx) { return }
        if elidingText { elidedText = true; return }
        text.append(contentsOf: UnsafeBufferPointer(start: ch, count: Int(len)))
    }

    /// Not kept, but a node in libxml2's tree: it ends the text before it.
    private mutating func processingInstruction() {
        flushText()
        if open.count == 1 && documentFirstChild == nil { hiddenFirstChild = true }
    }

    private mutating func comment(_ value: UnsafePointer<xmlChar>?, _ ctx: UnsafeMutableRawPointer?) {
        flushText()
        guard room(ctx) else { return }
        _ = append(MarkupTree.Node(kind: .comment, name: "", namespace: nil, attributes: [],
                                   text: value.map { String(cString: $0) } ?? "", parent: open[open.count - 1], children: []))
    }

    /// Strings made from interned C names, kept by pointer (256 slots: a page has a few dozen
    /// distinct element and attribute names; 64 slots missed one lookup in four).
    struct NameCache {
        private static let slots = 256
        private var pointers = [UnsafePointer<xmlChar>?](repeating: nil, count: slots)
        private var strings = [String](repeating: "", count: slots)
        private var tags = [HTMLTag](repeating: .other, count: slots)
        private var unread = [Bool](repeating: false, count: slots)

        /// An attribute's lowercased name and whether its value is kept
        /// (`MarkupTree.Node.isUnreadAttribute`), made on the first sight of `p` (or after a clash).
        mutating func attribute(_ p: UnsafePointer<xmlChar>) -> (name: String, unread: Bool) {
            let slot = Self.slot(p)
            if pointers[slot] == p { return (strings[slot], unread[slot]) }
            let made = MarkupParser.lowercasedName(p)
            pointers[slot] = p
            strings[slot] = made
            unread[slot] = MarkupTree.Node.isUnreadAttribute(made)
            return (made, unread[slot])
        }

        @inline(__always) private static func slot(_ p: UnsafePointer<xmlChar>) -> Int {
            Int(truncatingIfNeeded: (UInt(bitPattern: p) >> 3) ^ (UInt(bitPattern: p) >> 11)) & (slots - 1)
        }

        /// The string of `p` and its `HTMLTag`, made on the first sight of `p` (or after a clash).
        mutating func named(_ p: UnsafePointer<xmlChar>, _ make: (UnsafePointer<xmlChar>) -> String) -> (name: String, tag: HTMLTag) {
            let slot = Self.slot(p)
            if pointers[slot] == p { return (strings[slot], tags[slot]) }
            let made = make(p)
            let tag = HTMLTag(name: made)
            pointers[slot] = p
            strings[slot] = made
            tags[slot] = tag
            return (made, tag)
        }
    }

    /// The local part of a prefixed element name, as libxml2's builder splits it (`g:plusone`
    /// -> `plusone`; `:x` and `x:` stay whole).
    static func localName(_ name: String) -> String {
        guard let colon = name.utf8.firstIndex(of: 0x3A), colon != name.utf8.startIndex else { return name }
        let rest = name.utf8.index(after: colon)
        guard rest != name.utf8.endIndex else { return name }
        return String(name[rest...])
    }
}
