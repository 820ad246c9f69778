import TaskaCore

/// Decides the media type of a document from its bytes, with the file extension as a hint.
///
/// Binary signatures come first (a PNG renamed `.html` is still a PNG). Text is then read
/// through an ASCII view of its start — the bytes themselves, or the low bytes of UTF-16/32
/// units — and classified as HTML, XHTML, XML (RSS, Atom and TEI by their root element),
/// JSON or plain text.
enum FormatSniffer {
    /// What the bytes are.
    enum Verdict: Sendable, Equatable {
        /// Text of this media type.
        case text(mediaType: String)
        /// A container another stage opens (gzip, WARC); not decoded here.
        case container(mediaType: String)
        /// A binary format Taska cannot read.
        case binary(mediaType: String, description: String)
        /// Binary data without a known signature; `share` of NUL/control bytes at the start.
        case unrecognizedBinary(share: Double)
    }

    /// How many bytes of the start are examined.
    static let headLimit = 8 * 1024

    /// Sniffs `bytes`; `path` supplies the extension hint.
    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Verdict {
        if let signature = BinarySignature.match(bytes) {
            return signature.isContainer
                ? .container(mediaType: signature.mediaType)
                : .binary(mediaType: signature.mediaType, description: signature.description)
        }
        let bom = ByteOrderMark.detect(bytes)
        let body = UnsafeBufferPointer(rebasing: bytes[(bom?.length ?? 0)...])
        var layout = bom?.charset
        if layout == nil, let wide = WideEncodingDetector.detect(body) { layout = wide.charset }
        if layout == nil || layout == "utf-8" {
            let share = binaryShare(body)
            if share > 0 { return .unrecognizedBinary(share: share) }
        }
        let head = asciiView(body, layout: layout ?? "utf-8")
        return .text(mediaType: classifyText(head, last: lastSignificantByte(body), fileExtension: fileExtension(of: path)))
    }

    /// Share of NUL and C0 control bytes (other than tab, newlines, form feed and escape) in the
    /// first bytes when it is too high for text, else 0.
    static func binaryShare(_ b: UnsafeBufferPointer<UInt8>) -> Double {
        let n = min(b.count, headLimit)
        guard n > 0 else { return 0 }
        var nul = 0, controls = 0
        for i in 0..<n {
            let c = b[i]
            if c == 0 { nul += 1 } else if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0C && c != 0x0D && c != 0x1B {
                controls += 1
            }
        }
        let share = Double(nul + controls) / Double(n)
        // A stray NUL in long text is tolerated; many NULs or many controls are not.
        // Compressed or random binary has about 10 % control bytes; text with a few stray NULs
        // (a damaged download) stays text, and Normalize removes and counts the NULs.
        if nul * 20 >= n || nul >= 16 || share > 0.05 || (nul > 0 && n < 16) { return max(share, 0.01) }
        return 0
    }

    /// The first `headLimit` characters as ASCII bytes; non-ASCII characters become 0x80.
    static func asciiView(_ b: UnsafeBufferPointer<UInt8>, layout: String) -> [UInt8] {
        let width: Int
        switch layout {
        case "utf-16le", "utf-16be": width = 2
        case "utf-32le", "utf-32be": width = 4
        default: return Array(b.prefix(headLimit))
        }
        var out: [UInt8] = []
        out.reserveCapacity(headLimit)
        var i = 0
        while i + width <= b.count, out.count < headLimit {
            let low: UInt8, high: Bool
            switch layout {
            case "utf-16le": low = b[i]; high = b[i + 1] != 0
            case "utf-16be": low = b[i + 1]; high = b[i] != 0
            case "utf-32le": low = b[i]; high = b[i + 1] != 0 || b[i + 2] != 0 || b[i + 3] != 0
            default: low = b[i + 3]; high = b[i] != 0 || b[i + 1] != 0 || b[i + 2] != 0
            }
            out.append(high || low >= 0x80 ? 0x80 : low)
            i += width
        }
        return out
    }

    /// The last byte that is neither whitespace nor NUL (so it works for UTF-16/32 too).
    static func lastSignificantByte(_ b: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var i = b.count - 1
        var steps = 0
        while i >= 0, steps < 4096 {
            let c = b[i]
            if c != 0 && c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C { return c }
            i -= 1
            steps += 1
        }
        return nil
    }

    /// The lowercase extension of the last path component, or "".
    static func fileExtension(of path: String) -> String {
        let utf8 = path.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return "" }
        return String(path[utf8.index(after: dot)...]).lowercased()
    }

    private static let htmlExtensions: Set<String> = ["html", "htm", "shtml", "xht", "php", "asp", "aspx", "jsp"]
    private static let htmlRoots: Set<String> = ["html", "head", "body", "div", "p", "table", "meta", "title", "script",
                                                 "style", "span", "a", "br", "link", "form", "section", "article",
                                                 "header", "nav", "main", "ul", "ol", "h1", "h2", "h3", "img", "center", "font"]

    /// Classifies the ASCII view of a text's start.
    static func classifyText(_ head: [UInt8], last: UInt8?, fileExtension ext: String) -> String {
        var i = 0
        skipSpace(head, &i)
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if i < head.count, head[i] == UInt8(ascii: "<") {
            return classifyMarkup(head, lower, from: i, ext: ext)
        }
        if i < head.count, head[i] == UInt8(ascii: "{") || head[i] == UInt8(ascii: "[") {
            let closer = head[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if looksLikeJSON(head, from: i) && (last == closer || ext == "json") { return "application/json" }
        }
        // Text with markup further in (a page saved with junk before <html>).
        if contains(lower, "<!doctype html") || contains(lower, "<html") { return "text/html" }
        if htmlExtensions.contains(ext), contains(lower, "<body") || contains(lower, "<p>") || contains(lower, "<div")
            || contains(lower, "<br") {
            return "text/html"
        }
        return "text/plain"
    }

    private static func classifyMarkup(_ head: [UInt8], _ lower: [UInt8], from start: Int, ext: String) -> String {
        var i = start
        var xmlDeclaration = false
        var doctypeHTML = false
        // Walk the prolog: XML declaration, processing instructions, comments, doctype.
        while i < head.count {
            skipSpace(head, &i)
            guard i < head.count, head[i] == UInt8(ascii: "<") else { break }
            if starts(lower, i, "<?xml") { xmlDeclaration = true }
            if starts(lower, i, "<?") {
                guard let end = find(lower, "?>", from: i) else { break }
                i = end + 2
            } else if starts(lower, i, "<!--") {
                guard let end = find(lower, "-->", from: i + 4) else { break }
                i = end + 3
            } else if starts(lower, i, "<!doctype") {
                var j = i + 9
                skipSpace(lower, &j)
                if starts(lower, j, "html") { doctypeHTML = true }
                // Skip to the closing '>', past an internal subset in brackets.
                var depth = 0
                while j < lower.count {
                    if lower[j] == UInt8(ascii: "[") { depth += 1 }
                    if lower[j] == UInt8(ascii: "]") { depth -= 1 }
                    if lower[j] == UInt8(ascii: ">") && depth <= 0 { break }
                    j += 1
                }
                i = j + 1
            } else {
                break
            }
        }
        let root = elementName(lower, at: i)
        switch root {
        case "rss": return "application/rss+xml"
        case "feed": return "application/atom+xml"
        case "rdf:rdf":
            return contains(lower, "purl.org/rss/1.0") || contains(lower, "<channel") ? "application/rss+xml" : "application/xml"
        case "tei", "tei.2", "teicorpus", "tei:tei": return "application/tei+xml"
        case "html":
            if xmlDeclaration || ext == "xhtml" || ext == "xht" { return "application/xhtml+xml" }
            return "text/html"
        default:
            break
        }
        if doctypeHTML { return xmlDeclaration ? "application/xhtml+xml" : "text/html" }
        if xmlDeclaration {
            return ext == "xhtml" ? "application/xhtml+xml" : "application/xml"
        }
        if let root, htmlRoots.contains(root) { return "text/html" }
        switch ext {
        case _ where htmlExtensions.contains(ext): return "text/html"
        case "xhtml": return "application/xhtml+xml"
        case "rss": return "application/rss+xml"
        case "atom": return "application/atom+xml"
        case "tei": return "application/tei+xml"
        case "txt", "text", "md", "csv", "tsv", "srt": return "text/plain"
        default: return root == nil ? "text/plain" : "application/xml"
        }
    }

    /// The lowercase name of the element starting at `i` (`<name`), or `nil`.
    private static func elementName(_ lower: [UInt8], at i: Int) -> String? {
        guard i < lower.count, lower[i] == UInt8(ascii: "<") else { return nil }
        var j = i + 1
        while j < lower.count {
            let c = lower[j]
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: ":")
                || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
            if !ok { break }
            j += 1
        }
        guard j > i + 1 else { return nil }
        return String(decoding: lower[(i + 1)..<j], as: UTF8.self)
    }

    /// `{"`, `{}`, `[` followed by a JSON value, and a closing bracket at the end of the view.
    private static func looksLikeJSON(_ head: [UInt8], from start: Int) -> Bool {
        var i = start + 1
        skipSpace(head, &i)
        guard i < head.count else { return false }
        let c = head[i]
        if head[start] == UInt8(ascii: "{") {
            return c == UInt8(ascii: "\"") || c == UInt8(ascii: "}")
        }
        return c == UInt8(ascii: "{") || c == UInt8(ascii: "[") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "]")
            || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-")
            || starts(head, i, "true") || starts(head, i, "false") || starts(head, i, "null")
    }

    private static func skipSpace(_ b: [UInt8], _ i: inout Int) {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x0C { i += 1 }
    }

    private static func starts(_ b: [UInt8], _ i: Int, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i >= 0, i + n <= b.count else { return false }
        let p = s.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        return true
    }

    private static func find(_ b: [UInt8], _ s: StaticString, from: Int) -> Int? {
        b.withUnsafeBufferPointer { ByteSearch.index(of: s, in: $0, from: from) }
    }

    private static func contains(_ b: [UInt8], _ s: StaticString) -> Bool { find(b, s, from: 0) != nil }
}
