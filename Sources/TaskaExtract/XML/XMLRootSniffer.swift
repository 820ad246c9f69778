/// The name of an XML document's root element, read from the text without parsing it, so
/// readers can choose a document by content (`rss`, `rdf:RDF`, `feed`, `TEI`).
enum XMLRootSniffer {
    /// The qualified name of the first start tag (after the XML declaration, processing
    /// instructions, comments and a DOCTYPE), looking at most at the first `limit` scalars.
    static func rootName(of text: String, limit: Int = 16_384) -> String? {
        let s = Array(text.unicodeScalars.prefix(limit))
        var i = 0
        func find(_ pattern: String, from: Int) -> Int? {
            let p = Array(pattern.unicodeScalars)
            guard p.count <= s.count else { return nil }
            var j = from
            while j + p.count <= s.count {
                if s[j] == p[0] && Array(s[j..<(j + p.count)]) == p { return j + p.count }
                j += 1
            }
            return nil
        }
        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            i += 1
            guard i < s.count else { return nil }
            if s[i] == "?" {
                guard let end = find("?>", from: i) else { return nil }
                i = end
                continue
            }
            if s[i] == "!" {
                let isComment = i + 2 < s.count && s[i + 1] == "-" && s[i + 2] == "-"
                if isComment {
                    guard let end = find("-->", from: i) else { return nil }
                    i = end
                    continue
                }
                // DOCTYPE: ends at '>' outside an internal subset [ … ].
                var depth = 0
                while i < s.count {
                    if s[i] == "[" { depth += 1 } else if s[i] == "]" { depth -= 1 } else if s[i] == ">" && depth <= 0 { break }
                    i += 1
                }
                i += 1
                continue
            }
            var name = ""
            while i < s.count, !" \t\r\n/>".unicodeScalars.contains(s[i]) {
                name.unicodeScalars.append(s[i])
                i += 1
            }
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// The local part of a qualified name (`rdf:RDF` -> `RDF`).
    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }
}
