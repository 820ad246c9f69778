import TaskaCore

/// Turns a `MarkupTree` into text blocks in reading order: one block per heading, paragraph,
/// list item, quotation, table row or line of preformatted text.
///
/// This keeps every visible block (no boilerplate scoring); it is the baseline that the
/// main-text extractor builds on and the output of `--no-boilerplate-removal`.
public struct BlockExtractor: Sendable {
    /// Elements whose content is never visible text.
    static let invisible: Set<String> = [
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "select", "option", "datalist", "textarea", "button", "input", "meta", "link",
    ]

    /// Elements that start and end a block: `Selectors.blockKinds`, shared with the main-text extractor.
    static var blockKinds: [String: TextBlock.Kind] { Selectors.blockKinds }

    /// Whether XML elements (unknown names) are treated as blocks.
    public var everyElementIsBlock: Bool

    public init(everyElementIsBlock: Bool = false) {
        self.everyElementIsBlock = everyElementIsBlock
    }

    /// Blocks of the subtree at `root` (default: the whole document).
    public func blocks(of tree: MarkupTree, root: Int = 0) -> [TextBlock] {
        var builder = Builder()
        // Explicit stack of (node index, entering?) to avoid recursion on deep trees.
        var stack: [(Int, Bool)] = [(root, true)]
        var context: [Context] = [Self.inheritedContext(of: root, in: tree)]
        while let (index, entering) = stack.popLast() {
            let node = tree.nodes[index]
            switch node.kind {
            case .comment: continue
            case .text:
                builder.append(node.text, context: context[context.count - 1])
            case .element:
                if entering {
                    if Self.isHidden(node) { continue }
                    let name = node.name
                    if name == "br" { builder.flush(context: context[context.count - 1]); continue }
                    let blockKind = Self.blockKinds[name] ?? (everyElementIsBlock ? .paragraph : nil)
                    var ctx = context[context.count - 1]
                    if let lang = node.attribute("lang") ?? node.attribute("xml:lang"), !lang.isEmpty { ctx.language = lang }
                    if let dir = node.attribute("dir")?.lowercased() {
                        if dir == "rtl" { ctx.direction = .rtl } else if dir == "ltr" { ctx.direction = .ltr }
                    }
                    if name == "pre" { ctx.pre = true }
                    if let blockKind {
                        builder.flush(context: context[context.count - 1])
                        ctx.kind = blockKind
                    }
                    context.append(ctx)
                    stack.append((index, false))
                    for child in node.children.reversed() { stack.append((child, true)) }
                } else {
                    let ctx = context.removeLast()
                    if Self.blockKinds[node.name] != nil || everyElementIsBlock {
                        builder.flush(context: ctx)
                    } else if node.name == "td" || node.name == "th" {
                        builder.separate()
                    }
                }
            }
        }
        builder.flush(context: context[0])
        return builder.blocks
    }

    struct Context {
        var kind: TextBlock.Kind
        var language: String?
        var direction: Direction?
        var pre: Bool
    }

    /// Collects inline text and emits blocks, collapsing whitespace outside `<pre>`.
    struct Builder {
        var blocks: [TextBlock] = []
        var buffer: [UInt8] = []
        var pendingSpace = false

        mutating func append(_ text: String, context: Context) {
            if context.pre {
                // Preformatted: each line becomes its own block.
                var first = true
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    if !first { flush(context: context, kind: .preformatted) }
                    first = false
                    buffer.append(contentsOf: line.utf8)
                }
                return
            }
            var text = text
            text.withUTF8 { u in
                // Runs between ASCII white space are copied at once.
                var i = 0
                let n = u.count
                while i < n {
                    let b = u[i]
                    if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                        if !buffer.isEmpty { pendingSpace = true }
                        i += 1
                        continue
                    }
                    let start = i
                    while i < n {
                        let c = u[i]
                        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C { break }
                        i += 1
                    }
                    if pendingSpace { buffer.append(0x20); pendingSpace = false }
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
                }
            }
        }

        /// A cell boundary: keep words of adjacent cells apart.
        mutating func separate() {
            if !buffer.isEmpty { pendingSpace = true }
        }

        mutating func flush(context: Context, kind: TextBlock.Kind? = nil) {
            pendingSpace = false
            guard !buffer.isEmpty else { return }
            let text = String(decoding: buffer, as: UTF8.self)
            buffer.removeAll(keepingCapacity: true)
            blocks.append(TextBlock(kind: kind ?? context.kind, text: text,
                                    declaredLanguage: context.language, declaredDirection: context.direction))
        }
    }

    /// Language and direction declared on the ancestors of `root` (e.g. `<html lang="ha">`).
    static func inheritedContext(of root: Int, in tree: MarkupTree) -> Context {
        var context = Context(kind: .paragraph, language: nil, direction: nil, pre: false)
        var index = tree.nodes[root].parent
        while index >= 0 {
            let node = tree.nodes[index]
            if context.language == nil, let lang = node.attribute("lang") ?? node.attribute("xml:lang"), !lang.isEmpty {
                context.language = lang
            }
            if context.direction == nil, let dir = node.attribute("dir")?.lowercased() {
                context.direction = dir == "rtl" ? .rtl : dir == "ltr" ? .ltr : nil
            }
            index = node.parent
        }
        return context
    }

    /// `hidden`, `aria-hidden="true"` or an inline `display:none` / `visibility:hidden`.
    static func isHidden(_ node: borrowing MarkupTree.Node) -> Bool {
        if invisible.contains(node.name) { return true }
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        return false
    }
}
