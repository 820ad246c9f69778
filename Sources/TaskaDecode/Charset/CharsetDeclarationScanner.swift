import TaskaCore

/// Finds the charset a document declares about itself, reading its bytes as ASCII.
///
/// Understands `<meta charset=…>`, `<meta http-equiv="Content-Type" content="…; charset=…">`
/// (attributes in any order) and the XML declaration's `encoding="…"`. It looks through the
/// whole document, not only the first 1024 bytes, and skips `<!-- comments -->`. Nothing is
/// decoded: any ASCII-compatible charset spells these the same way.
enum CharsetDeclarationScanner {
    /// A declaration found in the bytes.
    struct Declaration: Sendable, Equatable {
        /// Where it was found.
        enum Kind: String, Sendable { case metaCharset = "<meta charset>", httpEquiv = "<meta http-equiv>", xmlDeclaration = "XML declaration" }
        /// The label as written (`ISO-8859-1`, `cp1256`).
        var label: String
        var kind: Kind
        /// Byte offset of the tag.
        var offset: Int
    }

    /// The first declaration in `bytes`, or `nil`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Declaration? {
        let n = bytes.count
        var i = 0
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i = ByteSearch.index(of: UInt8(ascii: "<"), in: bytes, from: i + 1); continue }
            if matches(bytes, i + 1, "!--") {
                guard let end = find(bytes, "-->", from: i + 4) else { return nil }
                i = end + 3
                continue
            }
            if matches(bytes, i + 1, "?xml"), i + 5 < n, isSpace(bytes[i + 5]) {
                let end = find(bytes, "?>", from: i + 5) ?? min(n, i + 512)
                let attributes = parseAttributes(bytes, from: i + 5, to: end)
                if let value = attributes.first(where: { $0.0 == "encoding" })?.1, !value.isEmpty {
                    return Declaration(label: value, kind: .xmlDeclaration, offset: i)
                }
                i = end
                continue
            }
            if matchesIgnoringCase(bytes, i + 1, "meta"), i + 5 < n, isSpace(bytes[i + 5]) || bytes[i + 5] == UInt8(ascii: "/") {
                let end = tagEnd(bytes, from: i + 5)
                let attributes = parseAttributes(bytes, from: i + 5, to: end)
                if let charset = attributes.first(where: { $0.0 == "charset" })?.1, !charset.isEmpty {
                    return Declaration(label: charset, kind: .metaCharset, offset: i)
                }
                let httpEquiv = attributes.first(where: { $0.0 == "http-equiv" })?.1.lowercased()
                if httpEquiv == "content-type", let content = attributes.first(where: { $0.0 == "content" })?.1,
                   let charset = charsetFromContentType(content) {
                    return Declaration(label: charset, kind: .httpEquiv, offset: i)
                }
                i = end
                continue
            }
            i += 1
        }
        return nil
    }

    /// The `charset` parameter of a Content-Type value (`text/html; charset="utf-8"`), per
    /// WHATWG's "extracting a character encoding from a meta element".
    static func charsetFromContentType(_ value: String) -> String? {
        let b = Array(value.utf8)
        var i = 0
        while i + 7 <= b.count {
            if matchesIgnoringCase(b, i, "charset") {
                var j = i + 7
                while j < b.count, isSpace(b[j]) { j += 1 }
                guard j < b.count, b[j] == UInt8(ascii: "=") else { i += 7; continue }
                j += 1
                while j < b.count, isSpace(b[j]) { j += 1 }
                guard j < b.count else { return nil }
                if b[j] == 0x22 || b[j] == 0x27 {
                    let quote = b[j]
                    guard let close = b[(j + 1)...].firstIndex(of: quote) else { return nil }
                    let v = String(decoding: b[(j + 1)..<close], as: UTF8.self)
                    return v.isEmpty ? nil : v
                }
                var k = j
                while k < b.count, !isSpace(b[k]), b[k] != UInt8(ascii: ";") { k += 1 }
                let v = String(decoding: b[j..<k], as: UTF8.self)
                return v.isEmpty ? nil : v
            }
            i += 1
        }
        return nil
    }

    // MARK: - Byte helpers

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard at >= 0, at + count <= b.count else { return false }
        let p = s.utf8Start
        for k in 0..<count where b[at + k] != p[k] { return false }
        return true
    }

    private static func matchesIgnoringCase<C: RandomAccessCollection>(_ b: C, _ at: Int, _ s: StaticString) -> Bool
    where C.Element == UInt8, C.Index == Int {
        let count = s.utf8CodeUnitCount
        guard at >= b.startIndex, at + count <= b.endIndex else { return false }
        let p = s.utf8Start
        for k in 0..<count {
            var c = b[at + k]
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c != p[k] { return false }
        }
        return true
    }

    private static func find(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString, from: Int) -> Int? {
        ByteSearch.index(of: s, in: b, from: from)
    }

    /// Index of the `>` that closes a tag, skipping quoted attribute values.
    private static func tagEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        var quote: UInt8 = 0
        while i < b.count {
            let c = b[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 0x22 || c == 0x27 {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return i
            }
            i += 1
            if i - from > 4096 { break }  // an unclosed tag: give up on it
        }
        return i
    }

    /// `name=value` pairs of a tag or XML declaration between `from` and `to`; names lowercased.
    private static func parseAttributes(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> [(String, String)] {
        var out: [(String, String)] = []
        var i = from
        let end = min(to, b.count)
        while i < end {
            while i < end, isSpace(b[i]) || b[i] == UInt8(ascii: "/") { i += 1 }
            let nameStart = i
            while i < end, !isSpace(b[i]), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/") {
                i += 1
            }
            guard i > nameStart else { i += 1; continue }
            let name = String(decoding: b[nameStart..<i].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            while i < end, isSpace(b[i]) { i += 1 }
            guard i < end, b[i] == UInt8(ascii: "=") else {
                out.append((name, ""))
                continue
            }
            i += 1
            while i < end, isSpace(b[i]) { i += 1 }
            guard i < end else { out.append((name, "")); break }
            var value: String
            if b[i] == 0x22 || b[i] == 0x27 {
                let quote = b[i]
                var j = i + 1
                while j < end, b[j] != quote { j += 1 }
                value = String(decoding: b[(i + 1)..<j], as: UTF8.self)
                i = j + 1
            } else {
                var j = i
                while j < end, !isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                value = String(decoding: b[i..<j], as: UTF8.self)
                i = j
            }
            if value.utf8.count > 256 { value = "" }
            out.append((name, value))
        }
        return out
    }
}
