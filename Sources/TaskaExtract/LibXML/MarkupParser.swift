internal import CLibXML2
import TaskaCore

/// Parses HTML or XML text with libxml2 into a `MarkupTree`, freeing every libxml2 resource
/// before it returns.
///
/// With `HTMLTreeBuilder` (its parse-event handler), the only Swift code that touches libxml2
/// pointers. A document over its `max-nodes` or `max-depth` limit is refused with
/// `LimitExceeded` (counted by `MarkupCensus` before libxml2 reads anything, then exactly as the
/// HTML events arrive or while copying an XML tree); XML entity blow-ups are refused first by
/// `EntityExpansionEstimate`.
struct MarkupParser {
    enum Syntax { case html, xml }

    /// How an HTML tree is built: from libxml2's parse events (`HTMLTreeBuilder`, the default),
    /// or by copying the tree libxml2 builds itself (`dom`, the reference the tests compare
    /// against). XML always takes the DOM path, where libxml2's entity handling lives.
    enum Builder { case events, dom }
    var htmlBuilder = Builder.events

    /// What the events builder has libxml2 parse blanked (`BlankedMarkup`): the `script`/`style`
    /// bodies and unread attribute values the census found (the default), nothing, or given
    /// ones (tests: a cut that is not raw text or an unread value must make the parse fall back
    /// to the original text).
    enum Blanking { case census, none, given(bodies: [Range<Int>], values: [MarkupCensus.UnreadValue]) }
    var blanking = Blanking.census

    /// Most markup nodes (elements, text, attributes) copied into the tree.
    var maxNodes = DocumentLimits().maxNodes
    /// Deepest element nesting (capped at `LibXMLSecurity.depthCeiling`).
    var maxDepth = DocumentLimits().maxDepth
    /// Most attributes on one element: libxml2 2.9.14 checks them in quadratic time (1,000
    /// take 0.04 s, 10,000 take 3 s, 40,000 take 8 minutes), so this is fixed, not a limit to raise.
    static let maxAttributesPerElement = 1_000

    init() {}

    /// A parser bounded by a document's limits.
    init(limits: DocumentLimits) {
        maxNodes = limits.maxNodes
        maxDepth = limits.maxDepth
    }

    /// Parses `text` (already decoded; handed to libxml2 as UTF-8).
    ///
    /// The corresponding libxml2 functions are `htmlCtxtReadMemory` and `xmlCtxtReadMemory`.
    func parse(_ text: String, syntax: Syntax, path: String) throws -> MarkupTree {
        LibXMLSecurity.install()
        taska_xml_silence_errors()
        // libxml2 reads the string's own UTF-8 storage (no copy of the document).
        var source = text
        return try source.withUTF8 { utf8 in try parse(utf8: utf8, syntax: syntax, path: path) }
    }

    private func parse(utf8: UnsafeBufferPointer<UInt8>, syntax: Syntax, path: String) throws -> MarkupTree {
        if utf8.isEmpty { return MarkupTree(nodes: [Self.documentNode()]) }
        guard utf8.count < Int(Int32.max) else {
            throw ExtractError.tooLarge(path: path, bytes: utf8.count)
        }
        let census = MarkupCensus.count(utf8)
        if census.mostAttributes > Self.maxAttributesPerElement {
            throw ExtractError.tooManyAttributes(path: path, count: census.mostAttributes, offset: census.mostAttributesOffset,
                                                 limit: Self.maxAttributesPerElement)
        }
        if census.elements + census.texts + census.attributes > maxNodes {
            throw LimitExceeded(limit: "max-nodes", allowed: "\(maxNodes) nodes",
                                found: "\(path) has \(census.elements) elements, \(census.texts) text runs and \(census.attributes) attributes (counted before parsing)")
        }
        if syntax == .xml {
            let estimate = EntityExpansionEstimate.estimate(utf8)
            if estimate.isExcessive(documentBytes: utf8.count) {
                let size = estimate.expandedBytes == Int.max ? "without bound" : "to \(estimate.expandedBytes) bytes"
                throw ExtractError.unparsable(path: path, syntax: "XML",
                                              reason: "the XML declares recursive or exponentially expanding entities: its entity references would expand \(size), over \(EntityExpansionEstimate.ratio) times the document (refused before parsing)")
            }
        }
        var lastError: String?
        var depthHalted = false
        var built: HTMLTreeBuilder?
        /// Parses `bytes` as HTML; with `blanked`, the offsets `HTMLTreeBuilder.checkpoints`
        /// checks. Returns libxml2's document (DOM builder only) and whether blanking held.
        func parseHTML(_ bytes: UnsafeBufferPointer<UInt8>, blanked: [BlankedMarkup.Checkpoint]) -> (xmlDocPtr?, Bool) {
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars -> (xmlDocPtr?, Bool) in
                guard let ctxt = htmlNewParserCtxt() else { return (nil, true) }
                defer { htmlFreeParserCtxt(ctxt) }
                var doc: xmlDocPtr?
                if htmlBuilder == .events {
                    // Elements and text runs as counted, and as many again for the whitespace text
                    // between tags that the census does not count.
                    var builder = HTMLTreeBuilder(maxNodes: maxNodes, depthLimit: min(maxDepth, LibXMLSecurity.depthCeiling), path: path,
                                                  expectedNodes: 2 * census.elements + census.texts)
                    builder.checkpoints = blanked
                    builder.parse(ctxt, chars, count: Int32(bytes.count))
                    guard builder.blankingHeld else { return (nil, false) }
                    // A parse that stopped or failed names a line, which blanking moved: the
                    // original text gives the message.
                    if !blanked.isEmpty && (builder.failure != nil || xmlCtxtGetLastError(ctxt).map(Self.losesText) == true) {
                        return (nil, false)
                    }
                    built = builder
                } else {
                    doc = htmlCtxtReadMemory(ctxt, chars, Int32(bytes.count), nil, "UTF-8", LibXMLSecurity.htmlOptions)
                }
                // HTML parse errors are the norm on the web (unknown HTML5 tags, stray end tags);
                // report only those that lose text: depth limit and out-of-memory.
                if let error = xmlCtxtGetLastError(ctxt), Self.losesText(error) {
                    lastError = Self.describe(error)
                    depthHalted = Self.isDepthHalt(error)
                }
                return (doc, true)
            }
        }
        let doc: xmlDocPtr?
        switch syntax {
        case .html:
            // libxml2 reads script and style text and attribute values character by character
            // (over half the bytes of a typical page), and Taska keeps no script or style text
            // (`elidesText`) and no unread attribute value (`isUnreadAttribute`): hand it the text
            // with those cut, unless the parse shows a cut was not where the census found it, or
            // stops with a message naming a line; then parse the text as it is.
            let bodies: [Range<Int>], values: [MarkupCensus.UnreadValue]
            switch blanking {
            case .census: (bodies, values) = (census.rawTextBodies, census.unreadValues)
            case .none: (bodies, values) = ([], [])
            case let .given(givenBodies, givenValues): (bodies, values) = (givenBodies, givenValues)
            }
            if htmlBuilder == .events, let blanked = BlankedMarkup(utf8, bodies: bodies, values: values),
               case let (blankedDoc, true) = blanked.bytes.withUnsafeBufferPointer({ parseHTML($0, blanked: blanked.checkpoints) }) {
                doc = blankedDoc
            } else {
                doc = parseHTML(utf8, blanked: []).0
            }
        case .xml:
            doc = utf8.baseAddress!.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars -> xmlDocPtr? in
                guard let ctxt = xmlNewParserCtxt() else { return nil }
                defer { xmlFreeParserCtxt(ctxt) }
                let doc = xmlCtxtReadMemory(ctxt, chars, Int32(utf8.count), nil, "UTF-8", LibXMLSecurity.xmlOptions)
                if let error = xmlCtxtGetLastError(ctxt), error.pointee.level == XML_ERR_FATAL {
                    lastError = Self.describe(error)
                    depthHalted = Self.isDepthHalt(error)
                }
                if let error = xmlCtxtGetLastError(ctxt), error.pointee.level == XML_ERR_FATAL,
                   error.pointee.code == XML_ERR_ENTITY_LOOP.rawValue
                    || error.pointee.code == XML_ERR_ENTITY_AMPLIFICATION_raw {
                    if let doc { xmlFreeDoc(doc) }
                    return nil
                }
                return doc
            }
        }
        var tree: MarkupTree
        if var taken = built {
            built = nil  // `taken` is then the only reference to the nodes
            if let failure = taken.failure { throw failure }
            tree = taken.takeTree()
        } else {
            guard let doc else {
                throw ExtractError.unparsable(path: path, syntax: syntax == .html ? "HTML" : "XML",
                                              reason: syntax == .xml ? "the XML is malformed beyond recovery or declares recursive or exponentially expanding entities (refused)" : "libxml2 could not build a tree")
            }
            defer { xmlFreeDoc(doc) }
            tree = try copyTree(doc, syntax: syntax, path: path)
        }
        if depthHalted {
            // Deeper than libxml2's ceiling (only reached when `maxDepth` is at or above it).
            throw LimitExceeded(limit: "max-depth", allowed: "\(min(maxDepth, LibXMLSecurity.depthCeiling)) levels (\(LibXMLSecurity.depthCeiling) at most)",
                                found: "\(path): elements are nested deeper than libxml2's ceiling of \(LibXMLSecurity.depthCeiling)")
        }
        if let lastError { tree.parserMessages.append(lastError) }
        return tree
    }

    /// Whether an HTML parse error lost text (depth limit, out of memory): the only ones reported.
    private static func losesText(_ error: xmlErrorPtr) -> Bool {
        error.pointee.code == XML_ERR_INTERNAL_ERROR.rawValue || error.pointee.code == XML_ERR_NO_MEMORY.rawValue
    }

    /// Whether libxml2 halted at its nesting ceiling (`xmlParserMaxDepth`).
    private static func isDepthHalt(_ error: xmlErrorPtr) -> Bool {
        guard error.pointee.code == XML_ERR_INTERNAL_ERROR.rawValue, let message = error.pointee.message else { return false }
        return String(cString: message).hasPrefix("Excessive depth")
    }

    /// "line 12: Excessive depth in document: 256 use XML_PARSE_HUGE option" for errors (not warnings).
    private static func describe(_ error: xmlErrorPtr?) -> String? {
        guard let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return nil }
        var message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        // libxml2's advice names a parser flag Taska deliberately never sets.
        let advice = " use XML_PARSE_HUGE option"
        if message.hasSuffix(advice) { message.removeLast(advice.count) }
        return "line \(error.pointee.line): \(message) (libxml2 error \(error.pointee.code))"
    }

    /// The root of every tree (both builders start from it).
    static func documentNode() -> MarkupTree.Node {
        MarkupTree.Node(kind: .element, name: "#document", namespace: nil, attributes: [], text: "", parent: -1, children: [])
    }

    /// Copies libxml2's tree into Swift values with an explicit stack (no recursion).
    private func copyTree(_ doc: xmlDocPtr, syntax: Syntax, path: String) throws -> MarkupTree {
        var nodes = [Self.documentNode()]
        var attributeCount = 0
        let depthLimit = min(maxDepth, LibXMLSecurity.depthCeiling)
        var stack: [(xmlNodePtr, Int, Int)] = []  // (C node, Swift parent index, depth)
        var child = doc.pointee.children
        var pending: [(xmlNodePtr, Int, Int)] = []
        while let c = child { pending.append((c, 0, 1)); child = c.pointee.next }
        stack.append(contentsOf: pending.reversed())
        while let (cnode, parent, depth) = stack.popLast() {
            if nodes.count + attributeCount >= maxNodes {
                throw LimitExceeded(limit: "max-nodes", allowed: "\(maxNodes) nodes",
                                    found: "\(path) has more markup nodes (elements, text and attributes) than that")
            }
            let type = cnode.pointee.type
            let index = nodes.count
            switch type {
            case XML_ELEMENT_NODE:
                let name = Self.string(cnode.pointee.name)
                var attributes: [(name: String, value: String)] = []
                var attr = cnode.pointee.properties
                while let a = attr {
                    var attrName = Self.string(a.pointee.name)
                    if let ns = a.pointee.ns, let prefix = ns.pointee.prefix { attrName = Self.string(prefix) + ":" + attrName }
                    var value = ""
                    if syntax == .html && MarkupTree.Node.isUnreadAttribute(attrName) {
                        // not kept (`MarkupTree`)
                    } else if let raw = xmlNodeListGetString(doc, a.pointee.children, 1) {
                        value = Self.string(raw)
                        taska_xml_free(raw)
                    }
                    attributes.append((syntax == .html ? Self.lowercased(attrName) : attrName, value))
                    attr = a.pointee.next
                }
                attributeCount += attributes.count
                let ns = cnode.pointee.ns.flatMap { $0.pointee.href }.map(Self.string)
                nodes.append(MarkupTree.Node(kind: .element, name: syntax == .html ? Self.lowercased(name) : name, namespace: ns,
                                             attributes: attributes, text: "", parent: parent, children: []))
                if depth > depthLimit {
                    throw LimitExceeded(limit: "max-depth", allowed: "\(depthLimit) levels",
                                        found: "\(path): elements are nested deeper than that (line \(cnode.pointee.line))")
                }
                pending.removeAll(keepingCapacity: true)
                var c = cnode.pointee.children
                while let n = c { pending.append((n, index, depth + 1)); c = n.pointee.next }
                stack.append(contentsOf: pending.reversed())
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                var text = Self.string(cnode.pointee.content)
                if text.isEmpty { continue }
                if syntax == .html, nodes[parent].elidesText { text = "" }
                nodes.append(MarkupTree.Node(kind: .text, name: "", namespace: nil, attributes: [], text: text, parent: parent, children: []))
            case XML_COMMENT_NODE:
                nodes.append(MarkupTree.Node(kind: .comment, name: "", namespace: nil, attributes: [],
                                             text: Self.string(cnode.pointee.content), parent: parent, children: []))
            case XML_ENTITY_REF_NODE:
                // Undeclared or unexpanded entity reference: keep its name visibly, expand nothing.
                continue
            default:
                continue
            }
        }
        return MarkupTree(linking: nodes)
    }

    /// `name.lowercased()`, without the Unicode case mapping when there is nothing to map
    /// (libxml2's HTML parser already lowercases ASCII tag and attribute names).
    static func lowercased(_ name: String) -> String {
        var name = name
        let plain = name.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) } }
        return plain ? name : name.lowercased()
    }

    /// `lowercased(String(cString: p))`, checked on the C bytes before any `String` is made.
    static func lowercasedName(_ p: UnsafePointer<xmlChar>) -> String {
        var n = 0
        var plain = true
        while p[n] != 0 {
            let b = p[n]
            if b >= 0x80 || (b >= 0x41 && b <= 0x5A) { plain = false }
            n += 1
        }
        let name = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        return plain ? name : name.lowercased()
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func string(_ p: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }
}

/// XML_ERR_ENTITY_AMPLIFICATION does not exist in libxml2 2.9.14; 110 is its value in 2.11+.
private let XML_ERR_ENTITY_AMPLIFICATION_raw: Int32 = 110
