/// Which spelling of Hausa and Kanuri letters record `text` carries.
///
/// Why `source` is the default: an archivist quotes `text` and a researcher diffs it against
/// the original, so `text` keeps the letters the source used. The search key folds every
/// spelling variant whichever is chosen (see `SearchKeyBuilder`), so search is the same.
public enum Orthography: String, Sendable, CaseIterable {
    /// The letters as the source wrote them: `kǝla` stays `kǝla`, `k'asa` stays `k'asa` (default).
    case source
    /// Standard spelling in paragraphs that look Hausa or Kanuri (`OrthographyGate`):
    /// b' d' k' → ɓ ɗ ƙ, 'y → ʼy, look-alike letters, one schwa ə (`OrthographyFolder`), each
    /// change counted in the record's warnings.
    case standard
}
