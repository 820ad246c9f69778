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
    /// the end tag; `MarkupParser` may blank them before parsing (`BlankedMarkup`).
    var rawTextBodies: [Range<Int>] = []
    /// Values of attributes no reader takes (`MarkupTree.Node.isUnreadAttribute`), quoted and
    /// at least `unreadValueMinimum` bytes long, each with the offset where libxml2 stands when
    /// it reports the element (the tag's `>`, or the `/` of `/>`). Only from start tags libxml2
    /// tokenizes as the census does: names of libxml2's name characters, separators of its
    /// white space, closed by `>`, not `html`/`head`/`body` (which libxml2 may discard), and
    /// only in text without NUL (which ends a value in libxml2). `MarkupParser` may blank them.
    var unreadValues: [UnreadValue] = []
    struct UnreadValue: Equatable {
        var value: Range<Int>
        var tagEnd: Int
        /// Unread attributes of the tag libxml2 will report with an empty value once its values
        /// are cut (the cut ones and those empty already): a check that the cuts were values.
        var emptyAfterCut = 0
    }
    /// Shorter values are not worth a cut in the copy.
    static let unreadValueMinimum = 16

    /// Counts `bytes` (UTF-8 markup).
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> MarkupCensus {
        let noNUL = ByteSearch.index(of: 0, in: bytes, from: 0) == bytes.count
        return Self.byteKinds.withUnsafeBufferPointer { kinds in count(bytes, noNUL: noNUL, kinds: kinds) }
    }

    private static func count(_ bytes: UnsafeBufferPointer<UInt8>, noNUL: Bool, kinds: UnsafeBufferPointer<UInt8>) -> MarkupCensus {
        var census = MarkupCensus()
        let n = bytes.count
        var i = 0
        @inline(__always) func kind(_ c: UInt8) -> UInt8 { kinds[Int(c)] }
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
            var nameKinds = Self.nameByte
            while j < n { let k = kind(bytes[j]); if k & Self.endsTagName != 0 { break }; nameKinds &= k; j += 1 }
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
            // Whether libxml2 reads this tag token for token as below (see `unreadValues`).
            var clean = noNUL && nameKinds != 0 && nameLength <= 100 && !Self.isDiscardable(bytes, nameStart..<j)
            let firstUnread = census.unreadValues.count
            var tagEnd = -1
            var emptyUnread = 0  // unread attributes with no value, or an empty one
            while j < n {
                let c = bytes[j]
                if isSpace(c) || c == 0x2F {
                    if c == 0x0C { clean = false }  // white space to the census, not to libxml2
                    if c == 0x2F { if j + 1 < n && bytes[j + 1] == 0x3E { tagEnd = j } else { clean = false } }
                    j += 1; continue
                }
                if c == 0x3E { if tagEnd != j - 1 { tagEnd = j }; j += 1; closed = true; break }
                // An attribute name, up to space, '=', '/' or '>'.
                count += 1
                let attributeName = j
                var nameKinds = kind(bytes[j]) & Self.startsName != 0 ? Self.nameByte : 0
                while j < n { let k = kind(bytes[j]); if k & Self.endsAttributeName != 0 { break }; nameKinds &= k; j += 1 }
                let name = attributeName..<j
                if nameKinds == 0 || name.count > 100 { clean = false }
                @inline(__always) func isUnread() -> Bool { MarkupTree.Node.isUnreadAttribute(UnsafeBufferPointer(rebasing: bytes[name])) }
                while j < n, isSpace(bytes[j]) { if bytes[j] == 0x0C { clean = false }; j += 1 }
                guard j < n, bytes[j] == 0x3D else {
                    if clean && isUnread() { emptyUnread += 1 }
                    continue
                }
                j += 1
                while j < n, isSpace(bytes[j]) { if bytes[j] == 0x0C { clean = false }; j += 1 }
                guard j < n else { break }
                if bytes[j] == 0x22 || bytes[j] == 0x27 {
                    let open = j
                    j = ByteSearch.index(of: bytes[j], in: bytes, from: j + 1) + 1  // past the closing quote
                    let length = j - 2 - open
                    if clean && j <= n && (length == 0 || length >= Self.unreadValueMinimum) && isUnread() {
                        emptyUnread += 1
                        if length > 0 { census.unreadValues.append(UnreadValue(value: (open + 1)..<(j - 1), tagEnd: 0)) }
                    }
                } else {
                    let value = j
                    while j < n, !isSpace(bytes[j]), bytes[j] != 0x3E { j += 1 }
                    if clean && j == value && isUnread() { emptyUnread += 1 }
                }
            }
            if census.unreadValues.count > firstUnread {
                if clean && closed {
                    for k in firstUnread..<census.unreadValues.count {
                        census.unreadValues[k].tagEnd = tagEnd
                        census.unreadValues[k].emptyAfterCut = emptyUnread
                    }
                } else {
                    census.unreadValues.removeSubrange(firstUnread...)
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

    /// Byte kinds, as flags: what ends a tag name (census white space, `>`, `/`), what ends an
    /// attribute name (those and `=`), what libxml2's HTML parser reads as part of a name
    /// (letters, digits, `:`, `-`, `_`, `.`; at most 100 bytes, its name buffer), and what may
    /// start one (letters, `_`, `:`). A name is libxml2's whole when its first byte has
    /// `startsName` and every byte `nameByte`.
    private static let endsTagName: UInt8 = 1, endsAttributeName: UInt8 = 2, nameByte: UInt8 = 4, startsName: UInt8 = 8
    private static let byteKinds: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        switch b {
        case 0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x3E, 0x2F: return endsTagName | endsAttributeName
        case 0x3D: return endsAttributeName
        case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x3A: return nameByte | startsName
        case 0x30...0x39, 0x2D, 0x2E: return nameByte
        default: return 0
        }
    }

    /// Whether the tag name is `html`, `head` or `body`, whose start tags libxml2 drops when repeated.
    private static func isDiscardable(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count == 4 else { return false }
        let b = range.lowerBound
        let word = UInt32(bytes[b] | 0x20) | UInt32(bytes[b + 1] | 0x20) << 8 | UInt32(bytes[b + 2] | 0x20) << 16 | UInt32(bytes[b + 3] | 0x20) << 24
        return word == Self.html || word == Self.head || word == Self.body
    }

    private static let html = UInt32(littleEndianBytes: "html"), head = UInt32(littleEndianBytes: "head"), body = UInt32(littleEndianBytes: "body")

    private static let commentEnd = Array("-->".utf8)
    private static let cdataEnd = Array("]]>".utf8)
    private static let piEnd = Array("?>".utf8)
    private static let scriptEnd = Array("</script".utf8)
    private static let styleEnd = Array("</style".utf8)
}

private extension UInt32 {
    /// The four ASCII bytes of `word`, first byte lowest.
    init(littleEndianBytes word: StaticString) {
        let p = word.utf8Start
        self = UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16 | UInt32(p[3]) << 24
    }
}
