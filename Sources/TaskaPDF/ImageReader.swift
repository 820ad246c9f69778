import TaskaCore
import TaskaOCR

/// Reads a page image (PNG, JPEG, TIFF, WebP) by OCR into one document with one page.
///
/// Why here and not in `TaskaOCR`: an image of a printed page needs the same layout work as a
/// PDF page (running furniture, columns, paragraphs), which lives in this module.
public struct ImageReader: FormatReader {
    public var options: PDFOptions

    public init(options: PDFOptions = PDFOptions()) { self.options = options }

    public var name: String { "image" }

    /// Media types read (set by Decode's content sniffing, never from the file name).
    static let mediaTypes: [String: String] = [
        "image/png": "PNG image", "image/jpeg": "JPEG image", "image/tiff": "TIFF image", "image/webp": "WebP image",
    ]

    public func accepts(_ document: SourceDocument) -> Bool { Self.mediaTypes[document.mediaType ?? ""] != nil }

    public func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var doc = document
        let path = doc.source.path
        let format = Self.mediaTypes[doc.mediaType ?? ""] ?? "image"
        let image = try PageRecognizer.decodeImage(doc.bytes, format: format, path: path, maxPixels: doc.limits.maxPagePixels)
        if !image.droppedChunks.isEmpty {
            let chunks = image.droppedChunks
            doc.warn("extract", "image-chunks-dropped",
                     "Left out \(chunks.count) damaged PNG \(chunks.count == 1 ? "chunk" : "chunks") (\(chunks.joined(separator: ", "))) whose checksum failed; the picture itself was intact and was read. The original bytes are kept unchanged",
                     count: chunks.count)
        }
        let recognizer = PageRecognizer(models: options.models, pageSeconds: doc.limits.maxPageSeconds)
        let page = try recognizer.recognize(image, path: path)
        let content = PageContent(number: 1, width: Double(image.width), height: Double(image.height),
                                  lines: PagedLayout.lines(from: page.lines, scale: 1))
        let layout = PagedLayout.blocks(of: [content])
        if layout.furnitureRemoved > 0 {
            doc.warn("extract", "pdf-running-furniture", "Removed \(layout.furnitureRemoved) header, footer and page-number lines",
                     count: layout.furnitureRemoved)
        }
        if let c = page.meanConfidence, c < options.lowConfidence {
            doc.warn("extract", "ocr-low-confidence",
                     "OCR read the image with low confidence (mean word confidence \(Int((c * 100).rounded())) %); check the text against the image",
                     count: 1)
        }
        if page.timedOut {
            doc.warn("extract", "ocr-time-limit",
                     "OCR stopped at the max-page-seconds limit; text at the end of the image may be missing. Raise `max-page-seconds` under `limits:` to read it all",
                     count: 1)
        }
        doc.blocks = layout.blocks
        doc.pages = [PageInfo(number: 1, source: .ocr, ocrConfidence: page.meanConfidence)]
        doc.title = layout.firstHeading
        doc.bytes = []
        try emit(doc)
    }
}
