import TaskaCore

/// Office documents and e-books whose parts `unarchive` read (`SourceDocument.officePackage`):
/// DOCX (`DOCXReader`), ODT (`ODTReader`) and EPUB (`EPUBReader`), each one record.
///
/// The parts are XML (XHTML for EPUB chapters) parsed with libxml2 under the same settings and
/// limits as every other XML (`LibXMLSecurity`, `max-nodes`, `max-depth`); a part that cannot
/// be parsed at all is an error naming it, a part libxml2 recovered from is a `markup-errors`
/// warning naming it.
struct OfficeReader: FormatReader {
    var name: String { "office" }

    func accepts(_ document: SourceDocument) -> Bool { document.officePackage != nil }

    func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        guard let package = document.officePackage else { return try emit(document) }
        var doc = document
        doc.bytes = []
        doc.text = ""
        switch package.format {
        case .docx: try DOCXReader().read(&doc)
        case .odt: try ODTReader().read(&doc)
        case .epub: try EPUBReader().read(&doc)
        }
        // The parts are read; the record needs only what came of them.
        doc.officePackage = nil
        try emit(doc)
    }
}
