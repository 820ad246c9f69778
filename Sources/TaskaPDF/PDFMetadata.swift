/// A PDF's info-dictionary metadata, as poppler reads it (XMP wins where poppler merges it).
struct PDFMetadata: Sendable, Equatable {
    var title: String?
    var author: String?
    /// ISO 8601.
    var created: String?
    /// ISO 8601.
    var modified: String?
    var producer: String?
}
