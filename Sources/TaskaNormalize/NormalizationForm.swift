/// Unicode normalisation form of record text.
public enum NormalizationForm: String, Sendable, CaseIterable {
    /// Canonical composition: keeps ligatures such as ﬁ and superscripts as written (default).
    case nfc
    /// Compatibility composition: also folds ﬁ → fi, ² → 2, full-width letters → ASCII.
    case nfkc
}
