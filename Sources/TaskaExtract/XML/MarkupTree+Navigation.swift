/// Small lookups over a parsed XML tree, by local name (as libxml2 reports it).
extension MarkupTree {
    /// Element children of `index`, optionally only those named `name`.
    func elementChildren(of index: Int, named name: String? = nil) -> [Int] {
        nodes[index].children.filter { nodes[$0].kind == .element && (name == nil || nodes[$0].name == name) }
    }

    /// The first element child of `index` named `name` (and in `namespace`, when given).
    func firstChild(of index: Int, named name: String, namespace: String? = nil) -> Int? {
        nodes[index].children.first {
            nodes[$0].kind == .element && nodes[$0].name == name && (namespace == nil || nodes[$0].namespace == namespace)
        }
    }

    /// The first element named `name` in the subtree of `index` (document order), excluding `index`.
    func firstDescendant(of index: Int, named name: String) -> Int? {
        var stack = Array(nodes[index].children.reversed())
        while let i = stack.popLast() {
            let node = nodes[i]
            guard node.kind == .element else { continue }
            if node.name == name { return i }
            stack.append(contentsOf: node.children.reversed())
        }
        return nil
    }

    /// Whitespace-collapsed text of a subtree; nil when empty.
    func collapsedText(of index: Int?) -> String? {
        guard let index else { return nil }
        let text = HTMLTitle.collapse(textContent(of: index))
        return text.isEmpty ? nil : text
    }
}
