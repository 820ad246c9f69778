import TaskaCore
import TaskaNormalize
import TaskaStore

/// A search hit ready to show: the stored fields plus a snippet in the original spelling.
public struct SearchResult: Sendable {
    public var hit: ArchiveHit
    /// One line of the record's text around the first match, matched words in «…».
    public var snippet: String
}

/// Runs user queries against the archive: folds the query like record text, searches, and
/// highlights matches in the text as written (not in the folded key).
public struct ArchiveSearch: Sendable {
    public var normalizer: TextNormalizer

    public init(normalizer: TextNormalizer = TextNormalizer()) {
        self.normalizer = normalizer
    }

    public func search(_ archive: Archive, query: String, language: String? = nil, since: String? = nil,
                       until: String? = nil, limit: Int = 20, offset: Int = 0) throws(ArchiveError) -> [SearchResult] {
        let terms = normalizer.searchTerms(query)
        let hits = try archive.search(ArchiveQuery(terms: terms, language: language, since: since, until: until,
                                                   limit: limit, offset: offset))
        return hits.map { SearchResult(hit: $0, snippet: snippet(text: $0.text, searchKey: $0.searchKey, terms: terms)) }
    }

    /// The first line whose key holds a term, with each word whose key holds a term marked.
    public func snippet(text: String, searchKey: String, terms: [String], width: Int = 200) -> String {
        let textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let keyLines = searchKey.split(separator: "\n", omittingEmptySubsequences: false)
        var lineIndex = 0
        if textLines.count == keyLines.count,
           let found = keyLines.firstIndex(where: { line in terms.contains { line.contains($0) } }) {
            lineIndex = found
        }
        guard lineIndex < textLines.count else { return "" }
        let words = textLines[lineIndex].split(separator: " ", omittingEmptySubsequences: false)
        var marked: [String] = []
        var firstMatch: Int?
        for word in words {
            let key = normalizer.searchKey(String(word))
            if terms.contains(where: { key.contains($0) }) {
                if firstMatch == nil { firstMatch = marked.count }
                marked.append("«\(word)»")
            } else {
                marked.append(String(word))
            }
        }
        // Keep a window of words around the first match.
        let start = max(0, (firstMatch ?? 0) - 8)
        var out: [String] = []
        var length = 0
        for word in marked[start...] {
            if length + word.count > width && !out.isEmpty { break }
            out.append(word)
            length += word.count + 1
        }
        var line = out.joined(separator: " ")
        if start > 0 { line = "…" + line }
        if start + out.count < marked.count { line += "…" }
        return line
    }
}
