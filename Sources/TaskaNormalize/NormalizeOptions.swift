import TaskaCore

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
}

extension NormalizeOptions: StageOptions {
    public init() { self.init(form: .nfc) }

    public static let declarations: [OptionDeclaration<NormalizeOptions>] = [
        .choice("form", \.form, meaning: "Unicode normalisation form of the text"),
        .choice("orthography", \.orthography,
                meaning: "Hausa/Kanuri letters in text: source keeps the source's; standard writes ɓ ɗ ƙ ʼy ə where a paragraph looks Hausa or Kanuri"),
    ]
}
