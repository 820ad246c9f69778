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
