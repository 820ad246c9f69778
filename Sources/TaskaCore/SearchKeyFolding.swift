/// Folds text and queries into the form the archive's full-text index holds.
///
/// Why a protocol in Core: search (and the reading room) must fold a query exactly as ingest
/// folded the text, without linking the normaliser's ICU boundary themselves; the executable
/// hands them `TextNormalizer`, which implements it.
public protocol SearchKeyFolding: Sendable {
    /// The search terms of a user's query, each in search-key form.
    func searchTerms(_ query: String) -> [String]
    /// The search key of `text` (one line per paragraph).
    func searchKey(_ text: String) -> String
}
