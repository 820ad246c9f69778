/// Options of the Normalize stage.
public struct NormalizeOptions: Sendable, Equatable {
    /// The Unicode normalisation form of `text` (NFC unless NFKC is asked for). Arabic
    /// presentation forms are folded to letters under both forms.
    public var form: NormalizationForm = .nfc
    /// The spelling of Hausa and Kanuri letters in `text`: as the source wrote them (default),
    /// or standardised where a paragraph looks Hausa or Kanuri.
    public var orthography: Orthography = .source

    public init(form: NormalizationForm = .nfc, orthography: Orthography = .source) {
        self.form = form
        self.orthography = orthography
    }

    /// The canonical description hashed into the pipeline hash, e.g.
    /// `form=nfc orthography=source`.
    public var canonicalDescription: String {
        "form=\(form.rawValue) orthography=\(orthography.rawValue)"
    }
}
