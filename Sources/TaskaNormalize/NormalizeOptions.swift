/// Options of the Normalize stage.
public struct NormalizeOptions: Sendable, Equatable {
    /// The Unicode normalisation form of `text` (NFC unless NFKC is asked for). Arabic
    /// presentation forms are folded to letters under both forms.
    public var form: NormalizationForm = .nfc
    /// Apply Hausa/Kanuri orthography folds to paragraphs that look Hausa or Kanuri.
    public var orthographyFolds: Bool = true

    public init(form: NormalizationForm = .nfc, orthographyFolds: Bool = true) {
        self.form = form
        self.orthographyFolds = orthographyFolds
    }

    /// The canonical description hashed into the pipeline hash, e.g.
    /// `form=nfc orthography-folds=true`.
    public var canonicalDescription: String {
        "form=\(form.rawValue) orthography-folds=\(orthographyFolds)"
    }
}
