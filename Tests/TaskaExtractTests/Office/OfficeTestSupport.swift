import Testing
import TaskaCore
@testable import TaskaExtract

/// Runs the Extract stage on an office package built in memory (no zip: `unarchive`'s part is
/// tested in `TaskaContainersTests`).
enum OfficeTestSupport {
    static let w = """
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
    """

    static func document(_ format: OfficePackage.Format, _ parts: [String: String], path: String = "t") -> SourceDocument {
        var doc = SourceDocument(source: SourceInfo(path: path, bytes: 1, sha256: "00"), bytes: [])
        let named = parts.sorted { $0.key < $1.key }.map { OfficePackage.Part(name: $0.key, bytes: Array($0.value.utf8)) }
        doc.officePackage = OfficePackage(format: format, parts: named, memberNames: named.map(\.name))
        doc.mediaType = format.mediaType
        return doc
    }

    /// The one document Extract makes of `parts`.
    static func extract(_ format: OfficePackage.Format, _ parts: [String: String]) throws -> SourceDocument {
        var out: [SourceDocument] = []
        try ExtractStage().process(document(format, parts)) { out.append($0) }
        #expect(out.count == 1)
        return out[0]
    }

    /// A `word/document.xml` whose body is `body`.
    static func docx(_ body: String) -> String {
        "<w:document \(w)><w:body>\(body)</w:body></w:document>"
    }

    static func warning(_ doc: SourceDocument, _ code: String) -> DocumentWarning? {
        doc.warnings.first { $0.code == code }
    }
}
