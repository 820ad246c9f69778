import TaskaCore

/// A one-pass count of start tags and attributes in markup text, taken before libxml2 sees it.
///
/// libxml2 2.9.14 builds the whole tree before Taska can count its nodes, and checks each new
/// attribute of an element against all earlier ones (quadratic: 10,000 attributes take
/// seconds, 40,000 minutes, uninterruptibly). Counting first lets `MarkupParser` refuse such a
/// document in linear time. Comments, CDATA sections, processing instructions and the raw text
/// of `script`/`style` are skipped; the counts are what libxml2 would build, near enough to bound it.
struct MarkupCensus: Equatable {
    /// Start tags (elements).
    var elements = 0
    /// Attributes over all elements.
    var attributes = 0
    /// Runs of text right after a tag that start with a non-space (libxml2 makes a text node of each).
    var texts = 0
    /// The most attributes on one element, and the byte offset of that element's `<`.
    var mostAttributes = 0
    var mostAttributesOffset = 0
    /// Bodies of `script` and `style` elements that libxml2 will read as raw text and Taska does
    /// not keep: the start tag ends in `>` (not `/>`), the end tag follows, and a `script` tag
    /// has no `json` (JSON-LD is kept) and no `&` in it. From just after the `>` to the `<` of
    /// the end tag; `MarkupParser` may blank them before parsing (`RawTextBlanking`).
    var rawTextBodies: [Range<Int>] = []

    /// Counts `bytes` (UTF-8 markup).
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> MarkupCensus {
        var census = MarkupCensus()
        let n = bytes.count
        var i = 0
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0C }
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        /// Index of `needle` found from `from` (ASCII, case-insensitive), or nil. Every needle
        /// starts with a non-letter, so candidates are found by one byte compare.
        func find(_ needle: [UInt8], from: Int) -> Int? {
            let first = needle[0]
            var j = from
            let last = n - needle.count
            while j <= last {
                if bytes[j] != first { j = ByteSearch.index(of: first, in: bytes, from: j + 1); continue }
                var k = 1
                while k < needle.count && (bytes[j + k] | (isLetter(bytes[j + k]) ? 0x20 : 0)) == needle[k] { k += 1 }
                if k == needle.count { return j }
                j += 1
            }
            return nil
        }
        /// Index just after `needle` found from `from`, or `n`.
        func skip(past needle: [UInt8], from: Int) -> Int {
            find(needle, from: from).map { $0 + needle.count } ?? n
        }
        /// Whether `bytes[range]` holds `&` or "json" in any case (a script that may be JSON-LD).
        func mayBeJSON(_ range: Range<Int>) -> Bool {
            var k = range.lowerBound
            while k < range.upperBound {
                let c = bytes[k]
                if c == 0x26 { return true }
                if c | 0x20 == 0x6A, k + 4 <= range.upperBound, bytes[k + 1] | 0x20 == 0x73,
                   bytes[k + 2] | 0x20 == 0x6F, bytes[k + 3] | 0x20 == 0x6E { return true }
                k += 1
            }
            return false
        }
        while i < n {
            if bytes[i] != 0x3C { i = ByteSearch.index(of: 0x3C, in: bytes, from: i + 1); continue }  // '<'
            guard i + 1 < n else { i += 1; continue }
            let next = bytes[i + 1]
            if next == 0x21 {  // "<!": comment, CDATA or declaration
                if i + 3 < n && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x2D {
                    i = skip(past: Self.commentEnd, from: i + 4)
                } else if i + 8 < n && bytes[i + 2] == 0x5B {
                    i = skip(past: Self.cdataEnd, from: i + 3)
                } else {
                    i += 2
                }
                continue
            }
            if next == 0x3F { i = skip(past: Self.piEnd, from: i + 2); continue }
            guard isLetter(next) else { i += 1; continue }
            // A start tag: its name, then attributes until '>' outside quotes.
            let start = i
            var j = i + 1
            let nameStart = j
            while j < n, !isSpace(bytes[j]), bytes[j] != 0x3E, bytes[j] != 0x2F { j += 1 }
            let nameLength = j - nameStart
            var isRawText = false
            if nameLength == 6 || nameLength == 5 {
                let name = nameLength == 6 ? Self.scriptEnd : Self.styleEnd  // "</script", "</style"
                isRawText = true
                for k in 0..<nameLength where bytes[nameStart + k] | 0x20 != name[k + 2] { isRawText = false; break }
            }
            census.elements += 1
            var count = 0
            var closed = false
            while j < n {
                let c = bytes[j]
                if isSpace(c) || c == 0x2F { j += 1; continue }
                if c == 0x3E { j += 1; closed = true; break }
                // An attribute name, up to space, '=', '/' or '>'.
                count += 1
                while j < n, !isSpace(bytes[j]), bytes[j] != 0x3D, bytes[j] != 0x3E, bytes[j] != 0x2F { j += 1 }
                while j < n, isSpace(bytes[j]) { j += 1 }
                guard j < n, bytes[j] == 0x3D else { continue }
                j += 1
                while j < n, isSpace(bytes[j]) { j += 1 }
                guard j < n else { break }
                if bytes[j] == 0x22 || bytes[j] == 0x27 {
                    j = ByteSearch.index(of: bytes[j], in: bytes, from: j + 1) + 1  // past the closing quote
                } else {
                    while j < n, !isSpace(bytes[j]), bytes[j] != 0x3E { j += 1 }
                }
            }
            census.attributes += count
            if count > census.mostAttributes {
                census.mostAttributes = count
                census.mostAttributesOffset = start
            }
            i = j
            if i < n && bytes[i] != 0x3C && !isSpace(bytes[i]) { census.texts += 1 }
            if isRawText {
                let end = nameLength == 6 ? Self.scriptEnd : Self.styleEnd
                guard let close = find(end, from: i) else { i = n; continue }
                // `j - 2` is the byte before `>`: `<script/>` has no body in libxml2.
                if closed && close > i && bytes[j - 2] != 0x2F && (nameLength == 5 || !mayBeJSON(start..<j)) {
                    census.rawTextBodies.append(i..<close)
                }
                i = close + end.count
            }
        }
        return census
    }

    private static let commentEnd = Array("-->".utf8)
    private static let cdataEnd = Array("]]>".utf8)
    private static let piEnd = Array("?>".utf8)
    private static let scriptEnd = Array("</script".utf8)
    private static let styleEnd = Array("</style".utf8)
}
