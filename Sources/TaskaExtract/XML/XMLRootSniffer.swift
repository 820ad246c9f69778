import TaskaCore

/// The name of an XML document's root element, read from the text without parsing it, so
/// readers can choose a document by content (`rss`, `rdf:RDF`, `feed`, `TEI`).
enum XMLRootSniffer {
    /// The qualified name of the first start tag (after the XML declaration, processing
    /// instructions, comments and a DOCTYPE), looking at most at the first `limit` scalars.
    ///
    /// Reads the text's UTF-8 bytes: every delimiter it looks for is ASCII, and a byte below
    /// 0x80 is never part of a multi-byte character.
    static func rootName(of text: String, limit: Int = 16_384) -> String? {
        var text = text
        return text.withUTF8 { all in
            // The byte length of the first `limit` scalars.
            var end = 0, scalars = 0
            while end < all.count && scalars < limit {
                if all[end] & 0xC0 != 0x80 { scalars += 1 }
                end += 1
            }
            while end < all.count && all[end] & 0xC0 == 0x80 { end += 1 }  // finish the last scalar
            return rootName(UnsafeBufferPointer(rebasing: all[0..<end]))
        }
    }

    private static func rootName(_ s: UnsafeBufferPointer<UInt8>) -> String? {
        let n = s.count
        /// The index just past `pattern` found from `from`, or nil.
        func find(_ pattern: StaticString, from: Int) -> Int? {
            ByteSearch.index(of: pattern, in: s, from: from).map { $0 + pattern.utf8CodeUnitCount }
        }
        var i = 0
        while i < n {
            guard s[i] == UInt8(ascii: "<") else { i += 1; continue }
            i += 1
            guard i < n else { return nil }
            if s[i] == UInt8(ascii: "?") {
                guard let end = find("?>", from: i) else { return nil }
                i = end
                continue
            }
            if s[i] == UInt8(ascii: "!") {
                let isComment = i + 2 < n && s[i + 1] == UInt8(ascii: "-") && s[i + 2] == UInt8(ascii: "-")
                if isComment {
                    guard let end = find("-->", from: i) else { return nil }
                    i = end
                    continue
                }
                // DOCTYPE: ends at '>' outside an internal subset [ … ].
                var depth = 0
                while i < n {
                    let c = s[i]
                    if c == UInt8(ascii: "[") { depth += 1 } else if c == UInt8(ascii: "]") { depth -= 1 } else if c == UInt8(ascii: ">") && depth <= 0 { break }
                    i += 1
                }
                i += 1
                continue
            }
            let start = i
            while i < n {
                let c = s[i]
                if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") { break }
                i += 1
            }
            return i == start ? nil : String(decoding: UnsafeBufferPointer(rebasing: s[start..<i]), as: UTF8.self)
        }
        return nil
    }

    /// The local part of a qualified name (`rdf:RDF` -> `RDF`).
    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }
}
