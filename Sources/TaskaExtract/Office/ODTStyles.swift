/// The paragraph and text styles of an ODT (automatic styles of `content.xml`, common styles
/// of `styles.xml`) as far as the reader needs them: headings, direction and language,
/// following `style:parent-style-name`.
struct ODTStyles {
    struct Style {
        var displayName: String?
        var parent: String?
        var outlineLevel: Int?
        var rtl: Bool?
        var language: String?
        var complexLanguage: String?
    }

    private var styles: [String: Style] = [:]

    /// Adds the `style:style` elements of `tree` (both `office:automatic-styles` and `office:styles`).
    mutating func add(_ tree: MarkupTree?) {
        guard let tree, let root = tree.rootElement else { return }
        for group in tree.nodes[root].children where tree.nodes[group].kind == .element
            && (tree.nodes[group].name == "automatic-styles" || tree.nodes[group].name == "styles") {
            for index in tree.nodes[group].children where tree.nodes[index].kind == .element && tree.nodes[index].name == "style" {
                guard let name = tree.officeAttribute(index, "name") else { continue }
                var style = Style()
                style.displayName = tree.officeAttribute(index, "display-name")
                style.parent = tree.officeAttribute(index, "parent-style-name")
                style.outlineLevel = tree.officeAttribute(index, "default-outline-level").flatMap { Int($0) }
                if let paragraph = tree.child(index, "paragraph-properties"), let mode = tree.officeAttribute(paragraph, "writing-mode") {
                    if mode.hasPrefix("rl") { style.rtl = true } else if mode.hasPrefix("lr") { style.rtl = false }
                }
                if let text = tree.child(index, "text-properties") {
                    style.language = Self.tag(tree.officeAttribute(text, "language"), tree.officeAttribute(text, "country"))
                    style.complexLanguage = Self.tag(tree.officeAttribute(text, "language-complex"), tree.officeAttribute(text, "country-complex"))
                }
                styles[name] = style
            }
        }
    }

    /// `ha` + `NG` → `ha-NG`; `none`/`zxx` → nil.
    static func tag(_ language: String?, _ country: String?) -> String? {
        guard let language, !language.isEmpty, language != "none", language != "zxx" else { return nil }
        guard let country, !country.isEmpty, country != "none" else { return language }
        return language + "-" + country
    }

    /// Style `name` and its parents, nearest first (at most 16).
    private func chain(_ name: String) -> [(name: String, style: Style?)] {
        var out: [(String, Style?)] = []
        var next: String? = name
        while let current = next, out.count < 16, !out.contains(where: { $0.0 == current }) {
            out.append((current, styles[current]))
            next = styles[current]?.parent
        }
        return out
    }

    /// Whether paragraphs of style `name` are headings (an outline level, or a `Heading`/`Title` style).
    func isHeading(_ name: String) -> Bool {
        for (styleName, style) in chain(name) {
            if style?.outlineLevel != nil { return true }
            let shown = (style?.displayName ?? styleName).lowercased()
            if shown.hasPrefix("heading") || shown == "title" || shown == "subtitle" { return true }
        }
        return false
    }

    /// The direction style `name` sets, if any (`true`: right-to-left).
    func rtl(_ name: String) -> Bool? { chain(name).lazy.compactMap { $0.style?.rtl }.first }

    /// The language style `name` declares: the complex-script one when `complex`, else the western one.
    func language(_ name: String, complex: Bool) -> String? {
        for (_, style) in chain(name) {
            if let value = complex ? (style?.complexLanguage ?? style?.language) : style?.language { return value }
        }
        return nil
    }
}
