import TaskaCore

/// Consonant skeletons of Latin- and Arabic-script words, so that a name written in either
/// script, or spelled another way, meets the others: `Shekau`, `Shekkau` and `شيكاو` all give
/// `ckw`. The rules and their measurements: docs/cross-script-search.md.
///
/// Why a mapping table, not ICU's Arabic-Latin transliterator: ICU romanises letter by letter
/// (`شيكاو` → `shykaw`), so the long vowels و ي ا become consonants that Latin spellings never
/// have; on the analysts' dev set its output, put through the same Latin rules, finds far fewer
/// documents (the figures are on the docs page).
///
/// Tokens of the skeleton column: an Arabic-script word gives its skeletons (`ckw`); a Latin
/// word gives `1` + its skeletons (`1ckw`) and `0` + its vowel-aware variants (`0cikaw`). A
/// Latin query looks for Arabic skeletons and Latin variants, an Arabic query for Arabic and
/// Latin skeletons, so Latin words meet each other only when their vowels agree.
public struct NameSkeleton: NameSkeletonFolding {
    /// Folds queries and text words like the records' search key.
    public var folding: TextNormalizer

    /// A skeleton this short joins the next word's: `أبو بكر` also gives `bbkr` (`Abubakar`).
    static let joiningLength = 2
    /// Query words looked at; a longer query matches on these.
    static let maxQueryWords = 32
    /// Words of one text line examined when explaining a match.
    static let maxLineWords = 5000

    public init(folding: TextNormalizer = TextNormalizer()) {
        self.folding = folding
    }

    // MARK: Column

    public func skeletonColumn(searchKey: String) -> String {
        var cache = WordCache()
        return skeletonColumn(searchKey: searchKey, cache: &cache)
    }

    /// Words already read, kept across records (the records of one file share most of their
    /// words): reading a word is most of the column's cost. At most `limit` words are kept.
    public struct WordCache {
        fileprivate var words: [[UInt32]: WordTokens?] = [:]
        static let limit = 100_000
        public init() {}
    }

    /// `skeletonColumn(searchKey:)` reading each word once per `cache`, not once per record.
    public func skeletonColumn(searchKey: String, cache: inout WordCache) -> String {
        var out = ""
        out.reserveCapacity(searchKey.utf8.count)
        // Each token once per record: the index needs presence, not counts.
        let wordsGuess = searchKey.utf8.count / 8
        var seen = Set<String>(minimumCapacity: wordsGuess)
        var readWords: [[UInt32]: WordTokens?] = Dictionary(minimumCapacity: wordsGuess / 2)
        for line in searchKey.split(separator: "\n", omittingEmptySubsequences: false) {
            if !out.isEmpty { out.append("\n") }
            var first = true
            func emit(_ token: String) {
                guard seen.insert(token).inserted else { return }
                if !first { out.append(" ") }
                out.append(token)
                first = false
            }
            var previous: [String]?  // skeletons of the previous word when it is a short Arabic word
            for word in Self.words(of: line.unicodeScalars) {
                // Words repeat: each is read once per record.
                let entry: WordTokens?
                if let known = readWords[word] {
                    entry = known
                } else {
                    if let cached = cache.words[word] {
                        entry = cached
                    } else {
                        entry = Self.tokens(of: word).map { WordTokens(tokens: $0.tokens, skeletons: $0.skeletons, script: $0.script) }
                        if cache.words.count >= WordCache.limit { cache.words.removeAll(keepingCapacity: true) }
                        cache.words[word] = entry
                    }
                    readWords[word] = entry
                    entry?.tokens.forEach(emit)
                }
                guard let (_, skeletons, script) = entry.map({ ($0.tokens, $0.skeletons, $0.script) }) else { previous = nil; continue }
                if let first = previous {
                    for a in first { for b in skeletons { emit(a + b) } }
                }
                // Only Arabic words join the next (أبو بكر → bbkr): a Latin name written in two
                // words is found from one-word queries by the query's own join.
                let short = script == .arabic && (skeletons.first?.utf8.count ?? Int.max) <= Self.joiningLength
                previous = short ? skeletons : nil
            }
        }
        return out
    }

    /// A word's column tokens, skeletons and script.
    struct WordTokens {
        var tokens: [String]
        var skeletons: [String]
        var script: SkeletonReading.Script
    }

    /// The column tokens of one word, its skeletons and script; nil for a word without letters
    /// the skeleton reads.
    static func tokens(of word: [UInt32]) -> (tokens: [String], skeletons: [String], script: SkeletonReading.Script)? {
        guard let reading = SkeletonReading(word: word) else { return nil }
        let skeletons = reading.skeletons
        guard !skeletons.isEmpty else { return nil }
        switch reading.script {
        case .arabic:
            var tokens = skeletons
            if let bare = withoutProclitic(word), let stripped = SkeletonReading(word: bare) {
                tokens.append(contentsOf: stripped.skeletons.filter { !tokens.contains($0) })
            }
            return (tokens, skeletons, .arabic)
        case .latin:
            return (skeletons.map { "1" + $0 } + reading.variants.map { "0" + $0 }, skeletons, .latin)
        }
    }

    /// An Arabic word with its leading proclitic و ب ل ف ك off (`بماروا` → `ماروا`), when it
    /// has one and is long enough to be a name with one.
    static func withoutProclitic(_ word: [UInt32]) -> [UInt32]? {
        guard word.count >= 4, let first = word.first, SkeletonLetters.proclitics.contains(first),
              !word.starts(with: SkeletonLetters.article) else { return nil }
        return Array(word.dropFirst())
    }

    // MARK: Query

    public func skeletonQuery(_ query: String) -> SkeletonQuery {
        let key = folding.searchKey(folding.normalize(query))
        var items: [(word: [UInt32], reading: SkeletonReading, skeletons: [String])] = []
        for line in key.split(separator: "\n") {
            for word in Self.words(of: line.unicodeScalars) where items.count < Self.maxQueryWords {
                guard let reading = SkeletonReading(word: word) else { continue }
                let skeletons = reading.skeletons
                if !skeletons.isEmpty { items.append((word, reading, skeletons)) }
            }
        }
        func alternatives(_ k: Int) -> [[String]] {
            let (_, reading, skeletons) = items[k]
            switch reading.script {
            case .arabic: return skeletons.map { [$0] } + skeletons.map { ["1" + $0] }
            case .latin: return skeletons.map { [$0] } + reading.variants.map { ["0" + $0] }
            }
        }
        var clauses: [[[String]]] = []
        var k = 0
        while k < items.count {
            if k + 1 < items.count, let head = items[k].skeletons.first, head.utf8.count <= Self.joiningLength {
                var clause: [[String]] = []
                for a in alternatives(k) { for b in alternatives(k + 1) { clause.append(a + b) } }
                for a in items[k].skeletons { for b in items[k + 1].skeletons { clause.append([a + b]); clause.append(["1" + a + b]) } }
                clauses.append(clause)
                k += 2
            } else {
                clauses.append(alternatives(k))
                k += 1
            }
        }
        return SkeletonQuery(clauses: clauses, words: items.map { String(String.UnicodeScalarView($0.word.compactMap(Unicode.Scalar.init))) })
    }

    // MARK: Translated names

    /// The generic words of names in English, Hausa and Arabic.
    static let glossary = NameGlossary(folding: TextNormalizer())
    /// Token alternatives one translated phrase may put in a clause (its words' alternatives multiply).
    static let maxPhraseAlternatives = 32

    public func translatedQueries(_ query: String) -> [TranslatedNameQuery] {
        let key = folding.searchKey(folding.normalize(query))
        var words: [[UInt32]] = []
        for line in key.split(separator: "\n") { words += Self.words(of: line.unicodeScalars) }
        words = Array(words.prefix(Self.maxQueryWords))
        func string(_ scalars: [UInt32]) -> String { String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))) }
        var out: [TranslatedNameQuery] = []
        for (_, slots) in Self.glossary.translations(of: words) {
            var clauses: [[[String]]] = []
            var slotQueries: [TranslatedNameQuery.Slot] = []
            var shown: [String] = []
            for slot in slots {
                var alternatives: [[String]] = []
                var queries: [SkeletonQuery] = []
                for phrase in slot.phrases {
                    let q = skeletonQuery(string(phrase))
                    guard !q.isEmpty else { continue }
                    queries.append(q)
                    alternatives += Self.conjunctions(q.clauses, limit: Self.maxPhraseAlternatives)
                }
                // A word without a skeleton (a number) is no name: left out.
                guard !queries.isEmpty else { continue }
                clauses.append(alternatives)
                slotQueries.append(TranslatedNameQuery.Slot(phrases: queries, isGlossaryWord: slot.isGlossaryWord))
                shown.append(string(slot.phrases[0]))
            }
            guard !clauses.isEmpty else { continue }
            let translated = TranslatedNameQuery(text: shown.joined(separator: " "), clauses: clauses, slots: slotQueries)
            if !out.contains(translated) { out.append(translated) }
        }
        return out
    }

    /// Clauses (each alternatives of tokens, all clauses required) as alternatives of tokens:
    /// one clause of a larger query. At most `limit` alternatives.
    static func conjunctions(_ clauses: [[[String]]], limit: Int) -> [[String]] {
        var out: [[String]] = [[]]
        for clause in clauses {
            var next: [[String]] = []
            outer: for prefix in out {
                for alternative in clause {
                    next.append(prefix + alternative)
                    if next.count >= limit { break outer }
                }
            }
            out = next
        }
        return out.filter { !$0.isEmpty }
    }

    // MARK: Explaining a match

    public func spellings(of query: SkeletonQuery, in line: String) -> [Range<Int>]? {
        guard !query.words.isEmpty, let (scalars, ranges, words) = lineWords(line) else { return nil }
        return Self.spellings(of: query, scalars, ranges, words)
    }

    /// `spellings(of:in:)` on a line already cut into words by `lineWords`.
    private static func spellings(of query: SkeletonQuery, _ scalars: [Unicode.Scalar], _ ranges: [Range<Int>],
                                  _ words: [[UInt32]]) -> [Range<Int>]? {
        let queryWords = query.words.map { $0.unicodeScalars.map(\.value) }
        guard !queryWords.isEmpty else { return nil }
        var failed = Set<Int>()  // (query word, start) pairs known not to match, as q * (n + 1) + j
        let n = words.count

        /// The text words matching query words `q…` with the first at `j` or `j + 1`.
        func match(_ q: Int, from j: Int, anywhere: Bool) -> [Int]? {
            if q == queryWords.count { return [] }
            let key = q * (n + 1) + j
            if !anywhere, failed.contains(key) { return nil }
            let end = anywhere ? n : min(n, j + 2)
            var at = j
            while at < end {
                if !words[at].isEmpty {
                    if spells(queryWords[q], words[at]), let rest = match(q + 1, from: at + 1, anywhere: false) { return [at] + rest }
                    if at + 1 < n, spells(queryWords[q], words[at] + words[at + 1]),
                       let rest = match(q + 1, from: at + 2, anywhere: false) { return [at, at + 1] + rest }
                    if q + 1 < queryWords.count, spells(queryWords[q] + queryWords[q + 1], words[at]),
                       let rest = match(q + 2, from: at + 1, anywhere: false) { return [at] + rest }
                }
                at += 1
            }
            if !anywhere { failed.insert(key) }
            return nil
        }
        guard let matched = match(0, from: 0, anywhere: true) else { return nil }
        return matched.map { trimmed(ranges[$0], in: scalars) }
    }

    public func spellings(of query: TranslatedNameQuery, in line: String) -> [Range<Int>]? {
        guard !query.slots.isEmpty, let (scalars, ranges, words) = lineWords(line) else { return nil }
        // Each word's glossary key, and the key without a proclitic (`ببحيرة` → `بحيرة`).
        let keys = words.map { word in [NameGlossary.key(word)] + (Self.withoutProclitic(word).map { [NameGlossary.key($0)] } ?? []) }
        var out: [Range<Int>] = []
        for slot in query.slots {
            if slot.isGlossaryWord {
                // The phrase's words, as written (folded), one after the other.
                var found: [Int]?
                for phrase in slot.phrases where found == nil {
                    let wanted = phrase.words.map { NameGlossary.key($0.unicodeScalars.map(\.value)) }
                    guard !wanted.isEmpty, wanted.count <= keys.count else { continue }
                    for at in 0...(keys.count - wanted.count) where keys[at].contains(wanted[0]) {
                        if (0..<wanted.count).allSatisfy({ keys[at + $0].contains(wanted[$0]) }) {
                            found = Array(at..<(at + wanted.count))
                            break
                        }
                    }
                }
                guard let found else { return nil }
                out += found.map { Self.trimmed(ranges[$0], in: scalars) }
            } else {
                guard let found = slot.phrases.lazy.compactMap({ Self.spellings(of: $0, scalars, ranges, words) }).first else { return nil }
                out += found
            }
        }
        return out
    }

    /// The words of a line as written (split at spaces, at most `maxLineWords`): its scalars,
    /// each word's range and its first search-key word; nil for a line without words.
    private func lineWords(_ line: String) -> (scalars: [Unicode.Scalar], ranges: [Range<Int>], words: [[UInt32]])? {
        let scalars = Array(line.unicodeScalars)
        var ranges: [Range<Int>] = []
        var start: Int?
        for (k, scalar) in scalars.enumerated() {
            let space = scalar.properties.isWhitespace
            if space, let s = start { ranges.append(s..<k); start = nil } else if !space, start == nil { start = k }
            if ranges.count >= Self.maxLineWords { break }
        }
        if let s = start, ranges.count < Self.maxLineWords { ranges.append(s..<scalars.count) }
        guard !ranges.isEmpty else { return nil }
        // Their keys in one fold.
        let joined = ranges.map { String(String.UnicodeScalarView(scalars[$0])) }.joined(separator: "\n")
        var keys = folding.searchKey(joined).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if keys.count != ranges.count {
            keys = ranges.map { folding.searchKey(String(String.UnicodeScalarView(scalars[$0]))) }
        }
        return (scalars, ranges, keys.map { Self.words(of: $0.unicodeScalars).first ?? [] })
    }

    /// A word's range without the punctuation around it (`«شيكاو»:` → `شيكاو`).
    private static func trimmed(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        var r = range
        func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark }
        while r.count > 1, !isLetter(scalars[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
        while r.count > 1, !isLetter(scalars[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
        return r
    }

    /// Whether text word `word` spells query word `query` (both in search-key form): Latin
    /// words by their vowel-aware variants; otherwise by skeleton, and a vowel Arabic writes
    /// (ا و ي after the first letter) must be a vowel in the Latin spelling, and between two
    /// Arabic spellings one's vowels must include the other's and both end alike.
    static func spells(_ query: [UInt32], _ word: [UInt32]) -> Bool {
        if let bare = withoutProclitic(word), spellsExactly(query, bare) { return true }
        if let bare = withoutProclitic(query), spellsExactly(bare, word) { return true }
        return spellsExactly(query, word)
    }

    func spells(_ query: [UInt32], _ word: [UInt32]) -> Bool { Self.spells(query, word) }

    private static func spellsExactly(_ query: [UInt32], _ word: [UInt32]) -> Bool {
        guard let q = SkeletonReading(word: query), let d = SkeletonReading(word: word) else { return false }
        if q.script == .latin && d.script == .latin {
            return !Set(q.variants).isDisjoint(with: d.variants)
        }
        guard !Set(q.skeletons).isDisjoint(with: d.skeletons) else { return false }
        let qs = q.vowelSlots, ds = d.vowelSlots
        guard qs.count == ds.count else { return true }
        if q.script == .arabic && d.script == .arabic {
            // Medial long vowels may be left out, a final one never (أنصارو is not أنصار).
            guard qs.last == ds.last else { return false }
            return zip(qs, ds).allSatisfy { !$0 || $1 } || zip(qs, ds).allSatisfy { $0 || !$1 }
        }
        let (arabic, latin) = q.script == .arabic ? (qs, ds) : (ds, qs)
        return zip(arabic, latin).dropFirst().allSatisfy { !$0 || $1 }
    }

    // MARK: Words

    /// The words of a search-key line: runs of letters, marks, apostrophes and hyphens, with
    /// apostrophes and hyphens trimmed from their ends.
    static func words<S: Sequence>(of scalars: S) -> [[UInt32]] where S.Element == Unicode.Scalar {
        var out: [[UInt32]] = []
        var current: [UInt32] = []
        func flush() {
            while let last = current.last, isJoiner(last) { current.removeLast() }
            if let start = current.firstIndex(where: { !isJoiner($0) }) {
                out.append(start == 0 ? current : Array(current[start...]))
            }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in scalars {
            let v = scalar.value
            let isWordScalar: Bool
            if v < 0x80 {
                isWordScalar = (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) || v == 0x27 || v == 0x2D
            } else {
                let p = scalar.properties
                isWordScalar = isJoiner(v) || p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
            }
            if isWordScalar {
                current.append(v)
            } else if !current.isEmpty {
                flush()
            }
        }
        if !current.isEmpty { flush() }
        return out
    }

    private static func isJoiner(_ v: UInt32) -> Bool {
        SkeletonLetters.isApostrophe(v) || SkeletonLetters.isHyphen(v)
    }
}
