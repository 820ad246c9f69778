import TaskaCore

/// Reads the JSON-LD blocks of a page (`<script type="application/ld+json">`) far enough to
/// find the schema.org facts of its article: headline, dates, author, publisher, description.
///
/// Blocks are read with Core's `JSONTokenizer`; a block with no value is skipped (malformed
/// blocks are common on the web), never fatal.
struct JSONLDReader {
    /// schema.org types that describe the page's main text, most specific first.
    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "BlogPosting", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ScholarlyArticle", "TechArticle", "Report", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting",
        "Review", "Recipe", "HowTo", "QAPage", "Question",
    ]

    /// Every object in the blocks (top level, arrays and `@graph`), in document order.
    func objects(in sources: [String]) -> [JSONValue] {
        var out: [JSONValue] = []
        for source in sources {
            guard let value = JSONTokenizer.value(of: Array(source.utf8), maxDepth: 200) else { continue }
            var stack = [value]
            while let v = stack.popLast() {
                switch v {
                case .array(let items): stack.append(contentsOf: items.reversed())
                case .object:
                    out.append(v)
                    if let graph = v["@graph"] { stack.append(graph) }
                default: break
                }
            }
        }
        return out
    }

    /// The article object: the first whose `@type` is an article type, else the first `WebPage`.
    func article(in sources: [String]) -> JSONValue? {
        let all = objects(in: sources)
        return all.first { !Set($0.types).isDisjoint(with: Self.articleTypes) }
            ?? all.first { $0.types.contains { $0.hasSuffix("WebPage") } }
    }
}

extension JSONValue {
    /// The value as JSON-LD text: a string or number, or the `name` (else `@id`/`url`) of an
    /// object, or the first such value of an array.
    var text: String? {
        switch self {
        case .string(let s): return s
        case .int(let n): return String(n)
        case .double(let d): return String(d)
        case .object: return self["name"]?.text ?? self["@id"]?.text ?? self["url"]?.text
        case .array(let items): return items.lazy.compactMap(\.text).first
        default: return nil
        }
    }

    /// `@type` values.
    var types: [String] {
        switch self["@type"] {
        case .string(let s)?: return [s]
        case .array(let items)?: return items.compactMap(\.string)
        default: return []
        }
    }
}
