import TaskaCore
import TaskaStore

/// A search hit ready to show: the stored fields plus a snippet in the original spelling.
public struct SearchResult: Sendable {
    public var hit: ArchiveHit
    /// One line of the record's text around the first match, with the matched words' ranges.
    public var snippet: Snippet
    /// The index column that matched.
    public var column: MatchColumn = .searchKey
    /// The words of the record's text that matched, as written (for a name-skeleton match,
    /// the spelling of the name in the record).
    public var spellings: [String] = []
    /// For a match of the query's generic words translated by the name glossary, the
    /// translated query (`بحيرة chad` for `Lake Chad`); nil otherwise.
    public var translation: String?
}

/// Which column of the full-text index a hit matched.
public enum MatchColumn: String, Sendable {
    /// The query's words, folded, in the record's search key: the same script and spelling.
    case searchKey
    /// The query's name skeletons in the record's: a name in the other script or spelled another way.
    case nameSkeleton
}

/// A piece of a record's text with the ranges of the words a query matched.
///
/// Why ranges, not markers in the text: documents hold `«…»` and every other mark a front end
/// could use, so in-band markers would highlight the wrong words. Each front end renders them.
public struct Snippet: Sendable, Equatable {
    /// The text as written (with `…` where it was cut).
    public var text: String
    /// Matched words: Unicode scalar offsets into `text`, in order, not overlapping.
    public var hits: [Range<Int>]

    public init(text: String, hits: [Range<Int>]) {
        self.text = text
        self.hits = hits
    }

    /// `text` cut into pieces, each marked as a hit or not, in order (for renderers).
    public var pieces: [(text: String, isHit: Bool)] {
        let scalars = Array(text.unicodeScalars)
        var out: [(String, Bool)] = []
        var at = 0
        func piece(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
        for hit in hits where hit.lowerBound >= at && hit.upperBound <= scalars.count {
            if at < hit.lowerBound { out.append((piece(at..<hit.lowerBound), false)) }
            out.append((piece(hit), true))
            at = hit.upperBound
        }
        if at < scalars.count { out.append((piece(at..<scalars.count), false)) }
        return out
    }

    /// `text` with each hit between `open` and `close` (for terminals and plain text).
    public func rendered(open: String, close: String) -> String {
        pieces.map { $0.isHit ? open + $0.text + close : $0.text }.joined()
    }

    /// `{"text": …, "hits": [[start, end], …]}`.
    public var json: JSONValue {
        .object([("text", .string(text)), ("hits", .array(hits.map { .array([.int($0.lowerBound), .int($0.upperBound)]) }))])
    }
}

/// Runs user queries against the archive: folds the query like record text, searches, and
/// highlights matches in the text as written (not in the folded key).
public struct ArchiveSearch: Sendable {
    /// Folds queries and words as ingest folded the text (`TextNormalizer` in the executable).
    public var folding: any SearchKeyFolding
    /// Name skeletons for cross-script matching (`NameSkeleton` in the executable); nil for none.
    public var skeletons: (any NameSkeletonFolding)?

    /// Skeleton candidates fetched per round while verifying cross-script hits.
    static let candidateBatch = 100
    /// Skeleton candidates verified at most per search (bounds a query that matches everywhere).
    static let maxCandidates = 2000
    /// The same bound when cross-script matching was not asked for but tried because the
    /// query found nothing in its own script: ordinary words that found nothing are rarely
    /// names, and the fallback must not cost a missed query a second.
    static let maxFallbackCandidates = 100

    public init(folding: any SearchKeyFolding, skeletons: (any NameSkeletonFolding)? = nil) {
        self.folding = folding
        self.skeletons = skeletons
    }

    /// Ranked hits for `query`: its words in the records' search key first (bm25); then, with
    /// `anyScript` or when there is no such hit, names whose skeleton matches (cross-script or
    /// another spelling), each verified in the record's text, which gives its snippet and
    /// spelling. Hits from both are never repeated.
    public func search(_ archive: Archive, query: String, language: String? = nil, since: String? = nil,
                       until: String? = nil, limit: Int = 20, offset: Int = 0,
                       entities: [EntityFilter] = [], anyScript: Bool = false) throws(ArchiveError) -> [SearchResult] {
        let terms = folding.searchTerms(query)
        let wanted = offset + limit
        let base = ArchiveQuery(terms: terms, language: language, since: since, until: until, limit: wanted, offset: 0, entities: entities)
        var results = try archive.search(base).map { hit in
            if terms.allSatisfy(\.isEmpty), let entity = hit.entities.first {
                let s = snippet(text: hit.text, around: entity.start..<entity.end)
                return SearchResult(hit: hit, snippet: s, spellings: s.pieces.filter(\.isHit).map(\.text))
            }
            let s = snippet(text: hit.text, searchKey: hit.searchKey, terms: terms)
            return SearchResult(hit: hit, snippet: s, spellings: s.pieces.filter(\.isHit).map(\.text))
        }
        if let skeletons, anyScript || results.isEmpty, results.count < wanted, !terms.allSatisfy(\.isEmpty),
           try archive.hasNameSkeletons() {
            let maxCandidates = anyScript ? Self.maxCandidates : Self.maxFallbackCandidates
            let nameQuery = skeletons.skeletonQuery(query)
            if !nameQuery.isEmpty {
                results += try crossScript(archive, nameQuery.clauses, base: base, excluding: Set(results.map(\.hit.rowID)),
                                           wanted: wanted - results.count, maxCandidates: maxCandidates) { hit in
                    verified(hit, nameQuery, skeletons)
                }
            }
            // Names translated rather than transliterated (Lake Chad ↔ بحيرة تشاد): the query's
            // generic words in the other languages, after every transliterated hit.
            for translated in skeletons.translatedQueries(query) where results.count < wanted {
                results += try crossScript(archive, translated.clauses, base: base, excluding: Set(results.map(\.hit.rowID)),
                                           wanted: wanted - results.count, maxCandidates: maxCandidates) { hit in
                    verified(hit, translated, skeletons)
                }
            }
        }
        return Array(results.dropFirst(offset).prefix(limit))
    }

    /// Up to `wanted` records whose skeleton column matches `clauses` and that `verify` accepts,
    /// best bm25 first.
    private func crossScript(_ archive: Archive, _ clauses: [[[String]]], base: ArchiveQuery, excluding: Set<Int64>,
                             wanted: Int, maxCandidates: Int,
                             verify: (ArchiveHit) -> SearchResult?) throws(ArchiveError) -> [SearchResult] {
        var out: [SearchResult] = []
        var query = base
        query.skeletonClauses = clauses
        query.limit = Self.candidateBatch
        query.offset = 0
        while out.count < wanted, query.offset < maxCandidates {
            let candidates = try archive.search(query)
            for hit in candidates where !excluding.contains(hit.rowID) && out.count < wanted {
                if let result = verify(hit) { out.append(result) }
            }
            if candidates.count < query.limit { break }
            query.offset += query.limit
        }
        return out
    }

    /// The hit with its snippet around the first line that spells every slot of `translated`
    /// (in any order), or nil when no line does.
    func verified(_ hit: ArchiveHit, _ translated: TranslatedNameQuery, _ skeletons: any NameSkeletonFolding) -> SearchResult? {
        guard var result = verified(hit, spelling: { skeletons.spellings(of: translated, in: $0) }) else { return nil }
        result.translation = translated.text
        return result
    }

    /// The hit with its snippet around the first line that spells the query's names, or nil
    /// when no line does (the skeletons met by chance, across words or lines).
    func verified(_ hit: ArchiveHit, _ nameQuery: SkeletonQuery, _ skeletons: any NameSkeletonFolding) -> SearchResult? {
        verified(hit, spelling: { skeletons.spellings(of: nameQuery, in: $0) })
    }

    /// The hit with its snippet around the first line for which `spelling` gives the ranges of
    /// matched words (scalar offsets into the line), those words as its spellings; nil when none does.
    private func verified(_ hit: ArchiveHit, spelling: (String) -> [Range<Int>]?) -> SearchResult? {
        var lineStart = 0
        for line in hit.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.unicodeScalars.count
            defer { lineStart += length + 1 }
            let lineText = String(line)
            guard let found = spelling(lineText), !found.isEmpty else { continue }
            let ranges = Set(found).sorted { $0.lowerBound < $1.lowerBound }
            let scalars = Array(lineText.unicodeScalars)
            let spellings = ranges.map { String(String.UnicodeScalarView(scalars[$0])) }
            let span = (lineStart + ranges[0].lowerBound)..<(lineStart + ranges.map(\.upperBound).max()!)
            return SearchResult(hit: hit, snippet: snippet(text: hit.text, around: span), column: .nameSkeleton, spellings: spellings)
        }
        return nil
    }

    /// The line of `text` holding `span` (scalar offsets), cut to about `width` scalars around
    /// it, with `span` as the one hit.
    public func snippet(text: String, around span: Range<Int>, width: Int = 200) -> Snippet {
        let scalars = Array(text.unicodeScalars)
        guard span.lowerBound >= 0, span.upperBound <= scalars.count, span.lowerBound <= span.upperBound else {
            return Snippet(text: "", hits: [])
        }
        var lineStart = span.lowerBound
        while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = span.upperBound
        while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
        let margin = max(0, (width - span.count) / 2)
        var from = max(lineStart, span.lowerBound - margin)
        var to = min(lineEnd, span.upperBound + margin)
        // Cut at spaces, not inside words.
        while from > lineStart, from < span.lowerBound, scalars[from - 1] != " " { from += 1 }
        while to < lineEnd, to > span.upperBound, scalars[to] != " " { to -= 1 }
        var out = String.UnicodeScalarView()
        if from > lineStart { out.append("…") }
        let offset = out.count - from
        out.append(contentsOf: scalars[from..<to])
        if to < lineEnd { out.append("…") }
        return Snippet(text: String(out), hits: [(span.lowerBound + offset)..<(span.upperBound + offset)])
    }

    /// The first line whose key holds a term, cut to about `width` characters around the first
    /// match, with the range of each word whose key holds a term.
    public func snippet(text: String, searchKey: String, terms: [String], width: Int = 200) -> Snippet {
        let textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let keyLines = searchKey.split(separator: "\n", omittingEmptySubsequences: false)
        var lineIndex = 0
        if textLines.count == keyLines.count,
           let found = keyLines.firstIndex(where: { line in terms.contains { line.contains($0) } }) {
            lineIndex = found
        }
        guard lineIndex < textLines.count else { return Snippet(text: "", hits: []) }
        let words = textLines[lineIndex].split(separator: " ", omittingEmptySubsequences: false)
        let matched = words.map { word in
            let key = folding.searchKey(String(word))
            return terms.contains(where: { key.contains($0) })
        }
        // Keep a window of words around the first match.
        let start = max(0, (matched.firstIndex(of: true) ?? 0) - 8)
        var out = String.UnicodeScalarView()
        var hits: [Range<Int>] = []
        var length = 0
        if start > 0 { out.append("…") }
        var end = start
        for k in start..<words.count {
            let count = words[k].unicodeScalars.count
            if length + count > width && end > start { break }
            if k > start { out.append(" ") }
            let from = out.count
            out.append(contentsOf: words[k].unicodeScalars)
            if matched[k] { hits.append(from..<out.count) }
            length += count + 1
            end = k + 1
        }
        if end < words.count { out.append("…") }
        return Snippet(text: String(out), hits: hits)
    }
}
