/// Reads the JSON-LD blocks of a page (`<script type="application/ld+json">`) far enough to
/// find the schema.org facts of its article: headline, dates, author, publisher, description.
///
/// A small JSON parser of its own keeps Foundation out of TaskaExtract; malformed blocks are
/// skipped (they are common on the web), never fatal.
struct JSONLDReader {
    /// A parsed JSON value.
    indirect enum Value {
        case object([(String, Value)]), array([Value]), string(String), number(String), bool(Bool), null

        subscript(key: String) -> Value? {
            if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
            return nil
        }

        /// The value as text: a string, or the `name` (else `@id`/`url`) of an object, or the
        /// first such value of an array.
        var text: String? {
            switch self {
            case .string(let s): return s
            case .number(let s): return s
            case .object: return self["name"]?.text ?? self["@id"]?.text ?? self["url"]?.text
            case .array(let items): return items.lazy.compactMap(\.text).first
            default: return nil
            }
        }

        /// `@type` values.
        var types: [String] {
            switch self["@type"] {
            case .string(let s)?: return [s]
            case .array(let items)?: return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            default: return []
            }
        }
    }

    /// schema.org types that describe the page's main text, most specific first.
    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "BlogPosting", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ScholarlyArticle", "TechArticle", "Report", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting",
        "Review", "Recipe", "HowTo", "QAPage", "Question",
    ]

    /// Every object in the blocks (top level, arrays and `@graph`), in document order.
    func objects(in sources: [String]) -> [Value] {
        var out: [Value] = []
        for source in sources {
            var parser = Parser(Array(source.utf8))
            guard let value = parser.parse() else { continue }
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
    func article(in sources: [String]) -> Value? {
        let all = objects(in: sources)
        return all.first { !Set($0.types).isDisjoint(with: Self.articleTypes) }
            ?? all.first { $0.types.contains { $0.hasSuffix("WebPage") } }
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0
        var depth = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func parse() -> Value? {
            let v = value()
            return v
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func value() -> Value? {
            skipSpace()
            guard i < bytes.count, depth < 200 else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1; depth += 1; defer { depth -= 1 }
                var members: [(String, Value)] = []
                skipSpace()
                if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                    i += 1
                    guard let v = value() else { return nil }
                    members.append((key, v))
                    skipSpace()
                    guard i < bytes.count else { return nil }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                    return nil
                }
            case UInt8(ascii: "["):
                i += 1; depth += 1; defer { depth -= 1 }
                var items: [Value] = []
                skipSpace()
                if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while true {
                    guard let v = value() else { return nil }
                    items.append(v)
                    skipSpace()
                    guard i < bytes.count else { return nil }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                    return nil
                }
            case UInt8(ascii: "\""):
                return string().map(Value.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default:
                let start = i
                while i < bytes.count, let c = Optional(bytes[i]), (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2B || c == 0x2E || c == 0x65 || c == 0x45 { i += 1 }
                return i > start ? .number(String(decoding: bytes[start..<i], as: UTF8.self)) : nil
            }
        }

        mutating func literal(_ word: String, _ v: Value) -> Value? {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { return nil }
            i += w.count
            return v
        }

        mutating func string() -> String? {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            // The string's UTF-8, escapes decoded (a `\u` escape is written as its UTF-8 bytes).
            var out: [UInt8] = []
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                    let e = bytes[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"), UInt8(ascii: "f"): out.append(0x20)
                    case UInt8(ascii: "u"):
                        guard i + 4 <= bytes.count, var code = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else { return nil }
                        i += 4
                        if (0xD800..<0xDC00).contains(code), i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                           let low = UInt32(String(decoding: bytes[i + 2..<i + 6], as: UTF8.self), radix: 16), (0xDC00..<0xE000).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        }
                        UTF8.encode(Unicode.Scalar(code) ?? "\u{FFFD}") { out.append($0) }
                    default: out.append(e)
                    }
                    continue
                }
                // A run of plain bytes at once.
                var end = i + 1
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") && bytes[end] != UInt8(ascii: "\\") { end += 1 }
                out.append(contentsOf: bytes[i..<end])
                i = end
            }
            return nil
        }
    }
}
