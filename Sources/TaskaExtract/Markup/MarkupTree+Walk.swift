extension MarkupTree {
    /// Visits the subtrees of `root`'s children depth first, in document order, without
    /// recursion (office documents nest deeply). `enter` is called on an element and says
    /// whether its children are read (when false, `leave` is not called for it); `text` on a
    /// text node; `leave` after an element's children. Comments are passed over.
    func walk(childrenOf root: Int, enter: (Int) -> Bool, text: (Int) -> Void, leave: (Int) -> Void) {
        var stack: [(Int, Bool)] = nodes[root].children.reversed().map { ($0, true) }
        while let (index, entering) = stack.popLast() {
            let node = nodes[index]
            switch node.kind {
            case .comment: continue
            case .text: text(index)
            case .element:
                if entering {
                    guard enter(index) else { continue }
                    stack.append((index, false))
                    for child in node.children.reversed() { stack.append((child, true)) }
                } else {
                    leave(index)
                }
            }
        }
    }
}
