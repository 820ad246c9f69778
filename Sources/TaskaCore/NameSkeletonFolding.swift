/// Folds names into consonant skeletons that Latin and Arabic spellings share, for
/// cross-script search (`Shekau` ↔ `شيكاو`); docs/cross-script-search.md gives the rules.
///
/// Why a protocol in Core: the archive stores and the search layer queries the skeletons, but
/// only `TaskaNormalize` (which folds text) computes them; the executable hands `NameSkeleton`.
public protocol NameSkeletonFolding: Sendable {
    /// The skeleton column of a record: the skeleton tokens of every word of its search key.
    func skeletonColumn(searchKey: String) -> String
    /// A user's query as skeleton clauses, empty when no word of it has a skeleton.
    func skeletonQuery(_ query: String) -> SkeletonQuery
    /// Scalar ranges into `line` (a line of a record's text as written) of the words that
    /// spell the query's names in order, or nil when the line does not spell them all.
    func spellings(of query: SkeletonQuery, in line: String) -> [Range<Int>]?
    /// The query with its generic words translated by a glossary (one per other language),
    /// empty when it has none: names that are translated rather than transliterated.
    func translatedQueries(_ query: String) -> [TranslatedNameQuery]
    /// Scalar ranges into `line` of the words that spell every slot of `query` (any order), or
    /// nil when the line misses one.
    func spellings(of query: TranslatedNameQuery, in line: String) -> [Range<Int>]?
}

/// A query in skeleton form: every clause must match the archive's skeleton column.
public struct SkeletonQuery: Sendable, Equatable {
    /// Per clause, its alternatives; an alternative is tokens that must all occur.
    public var clauses: [[[String]]]
    /// The query's words (search-key form) the clauses stand for, in order.
    public var words: [String]

    public init(clauses: [[[String]]], words: [String]) {
        self.clauses = clauses
        self.words = words
    }

    /// Whether there is nothing to look for.
    public var isEmpty: Bool { clauses.isEmpty }
}

/// A query whose generic words (lake, army, international…) the name glossary put into another
/// language, its other words left for their skeletons: `Lake Chad` → `بحيرة تشاد`.
///
/// Why slots in any order: a translation need not keep the words' order (`Nigerian Army` is
/// `الجيش النيجيري`), so each slot must be spelled somewhere in one line.
public struct TranslatedNameQuery: Sendable, Equatable {
    /// One word or phrase of the translated query, with its alternatives.
    public struct Slot: Sendable, Equatable {
        /// The spellings any one of which will do, as skeleton queries.
        public var phrases: [SkeletonQuery]
        /// A glossary word must be written as it is (folded), not merely share a skeleton:
        /// generic words are short and common (`العفو` would meet `في`).
        public var isGlossaryWord: Bool

        public init(phrases: [SkeletonQuery], isGlossaryWord: Bool) {
            self.phrases = phrases
            self.isGlossaryWord = isGlossaryWord
        }
    }

    /// The translated query as words (for explaining a match).
    public var text: String
    /// Skeleton-column clauses: every slot, as alternatives of tokens.
    public var clauses: [[[String]]]
    public var slots: [Slot]

    public init(text: String, clauses: [[[String]]], slots: [Slot]) {
        self.text = text
        self.clauses = clauses
        self.slots = slots
    }
}

extension NameSkeletonFolding {
    /// No glossary: no translated queries.
    public func translatedQueries(_ query: String) -> [TranslatedNameQuery] { [] }
    /// No glossary: nothing spelled.
    public func spellings(of query: TranslatedNameQuery, in line: String) -> [Range<Int>]? { nil }
}
