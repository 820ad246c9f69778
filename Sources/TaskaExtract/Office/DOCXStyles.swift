/// The paragraph styles of a DOCX (`word/styles.xml`) as far as the reader needs them: which
/// are headings, which are lists, which are right-to-left, following `w:basedOn`.
///
/// Style ids are not names (a German Word writes `berschrift1` for "heading 1"), so the
/// decision reads each style's `w:name` and `w:outlineLvl`; without `styles.xml`, the ids
/// Word uses in English (`Heading1`, `Title`) decide.
struct DOCXStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numbered = false
        var bidi: Bool?
    }

    private(set) var styles: [String: Style] = [:]

    init(_ tree: MarkupTree?) {
        guard let tree, let root = tree.rootElement else { return }
        for index in tree.nodes[root].children where tree.nodes[index].kind == .element && tree.nodes[index].name == "style" {
            guard let id = tree.officeAttribute(index, "styleId") else { continue }
            var style = Style()
            style.name = tree.child(index, "name").flatMap { tree.officeAttribute($0, "val") }
            style.basedOn = tree.child(index, "basedOn").flatMap { tree.officeAttribute($0, "val") }
            if let pPr = tree.child(index, "pPr") {
                style.outlineLevel = tree.child(pPr, "outlineLvl").flatMap { tree.officeAttribute($0, "val") }.flatMap { Int($0) }
                style.numbered = tree.child(pPr, "numPr") != nil
                if let bidi = tree.child(pPr, "bidi") { style.bidi = DOCXReader.isOn(tree, bidi) }
            }
            styles[id] = style
        }
    }

    /// The style `id` and the styles it is based on, nearest first (at most 16: a loop ends there).
    private func chain(_ id: String) -> [(id: String, style: Style?)] {
        var out: [(String, Style?)] = []
        var next: String? = id
        while let current = next, out.count < 16, !out.contains(where: { $0.0 == current }) {
            let style = styles[current]
            out.append((current, style))
            next = style?.basedOn
        }
        return out
    }

    /// Whether paragraphs of style `id` are headings (a title, `heading N`, or an outline level).
    func isHeading(_ id: String) -> Bool {
        for (styleId, style) in chain(id) {
            if let level = style?.outlineLevel, level < 9 { return true }
            let name = (style?.name ?? styleId).lowercased()
            if name.hasPrefix("heading") || name == "title" || name == "subtitle" { return true }
        }
        return false
    }

    /// Whether paragraphs of style `id` are list items (numbered by the style, or a `List …` style).
    func isList(_ id: String) -> Bool {
        for (styleId, style) in chain(id) {
            if style?.numbered == true { return true }
            let name = (style?.name ?? styleId).lowercased()
            if name.hasPrefix("list") && name != "list paragraph" { return true }
        }
        return false
    }

    /// The direction style `id` sets (`w:bidi`), if any.
    func bidi(_ id: String) -> Bool? {
        chain(id).lazy.compactMap { $0.style?.bidi }.first
    }
}
