/// The element names the HTML extractor decides on, as one byte.
///
/// Why: every element is looked up in several name lists (invisible, block, furniture) and
/// compared with several names; set once per element when a tree is linked, the tag turns each
/// of those into a byte compare or a table read. Any other name is `.other`, and a name's tag
/// is exact (case-sensitive, as the `String` comparisons it replaces).
public enum HTMLTag: UInt8, Sendable, CaseIterable {
    case other
    case a, address, article, aside, audio, base, bdi, bdo, blockquote, body, br, canvas, caption, center
    case datalist, dd, details, dialog, div, dl, dt, embed, fieldset, figcaption, figure, footer, form
    case h1, h2, h3, h4, h5, h6, head, header, hr, html, iframe, input, legend, li, link, main, map, math
    case menu, meta, nav, noscript, object, ol, option, p, picture, pre, script, section, select, source
    case style, summary, svg, table, tbody, td, template, textarea, tfoot, th, thead, time, title, tr, ul, video

    /// Case name -> tag, for every case but `.other`.
    static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        for tag in allCases where tag != .other { table["\(tag)"] = tag }
        return table
    }()

    /// The tag of element name `name`; `.other` when it is none of the cases.
    public init(name: String) { self = Self.byName[name] ?? .other }
}

/// A set of tags (a bit per tag).
struct HTMLTagSet: Sendable {
    private var low: UInt64 = 0, high: UInt64 = 0

    /// The tags of `names`; every name must be a case of `HTMLTag` (checked: a name missing
    /// from the enum would silently never match).
    init(_ names: some Sequence<String>) {
        for name in names {
            guard let tag = HTMLTag.byName[name] else { preconditionFailure("\(name) is not an HTMLTag case") }
            insert(tag)
        }
    }

    private mutating func insert(_ tag: HTMLTag) {
        if tag.rawValue < 64 { low |= 1 << UInt64(tag.rawValue) } else { high |= 1 << UInt64(tag.rawValue - 64) }
    }

    @inline(__always) func contains(_ tag: HTMLTag) -> Bool {
        tag.rawValue < 64 ? low & (1 << UInt64(tag.rawValue)) != 0 : high & (1 << UInt64(tag.rawValue - 64)) != 0
    }
}
