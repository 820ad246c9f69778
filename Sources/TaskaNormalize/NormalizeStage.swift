import TaskaCore

// TEMPORARY API CONTRACT — the Normalize helper replaces this file's bodies.

/// Unicode normalisation form of record text.
public enum NormalizationForm: String, Sendable, CaseIterable { case nfc, nfkc }

/// Options of the Normalize stage.
public struct NormalizeOptions: Sendable, Equatable {
    public var form: NormalizationForm = .nfc
    /// Apply Hausa/Kanuri orthography folds to paragraphs that look Hausa or Kanuri.
    public var orthographyFolds: Bool = true
    public init(form: NormalizationForm = .nfc, orthographyFolds: Bool = true) {
        self.form = form
        self.orthographyFolds = orthographyFolds
    }
}

/// Normalises one string (used by the stage and by `taska normalize`).
public struct TextNormalizer: Sendable {
    public var options: NormalizeOptions
    public init(options: NormalizeOptions = NormalizeOptions()) { self.options = options }
    /// Normalised text with counts of what changed.
    public func normalize(_ text: String) -> String { text }
    /// The search form of already-normalised text.
    public func searchKey(_ text: String) -> String { text.lowercased() }
}

/// Blocks -> normalised paragraphs, searchKey, direction, scripts.
public struct NormalizeStage: Stage {
    public var options: NormalizeOptions
    public init(options: NormalizeOptions = NormalizeOptions()) { self.options = options }
    public var name: String { "normalize" }
    public var configuration: String { "form=\(options.form.rawValue) folds=\(options.orthographyFolds)" }
    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var doc = document
        let text = doc.blocks.map(\.text).joined(separator: "\n")
        doc.normalized = NormalizedText(text: text, searchKey: text.lowercased(), direction: .ltr, scripts: [], paragraphs: [])
        try emit(doc)
    }
}
