import Foundation
import TaskaCore
import TaskaOCR

/// Reads a PDF into one document: its text layer page by page in reading order, OCR for the
/// pages whose text layer is missing or poor, metadata from the info dictionary.
///
/// The cascade, per page: 1. poppler's text layer, right-to-left words repaired
/// (`TextLayerLines`); 2. if that is poor (`TextLayerQuality`) or `ocr: always`, the page
/// rendered at `dpi` and recognised (`PageRecognizer`), up to one page per core at a time;
/// 3. all pages together: running headers/footers removed, columns ordered, paragraphs rebuilt
/// (`PagedLayout`). Why one record per PDF: a communiqué is one document whatever its pages;
/// `pages` in the record keeps where each page's text starts and whether OCR read it.
public struct PDFReader: FormatReader {
    public var options: PDFOptions

    public init(options: PDFOptions = PDFOptions()) { self.options = options }

    public var name: String { "pdf" }

    /// The OCR options, hashed into the pipeline hash (the image reader shares them).
    public var configuration: String { options.canonicalDescription }

    public func accepts(_ document: SourceDocument) -> Bool { document.mediaType == "application/pdf" }

    public func read(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        var doc = document
        let path = doc.source.path
        let pdf: PopplerDocument
        var openError: PDFError?
        do {
            pdf = try PopplerDocument(bytes: doc.bytes, path: path)
        } catch {
            // A file cut off after its last object opens once its cross-reference table is rebuilt.
            guard case .damaged = error.reason, let repaired = XrefRebuilder.rebuild(doc.bytes),
                  let reopened = try? PopplerDocument(bytes: repaired, path: path), reopened.pageCount > 0 else { throw error }
            pdf = reopened
            openError = error
            doc.warn("extract", "pdf-xref-rebuilt",
                     "The PDF's cross-reference table or trailer is missing or damaged (the file may be cut off); Taska rebuilt it from the objects in the file and read \(reopened.pageCount) page\(reopened.pageCount == 1 ? "" : "s"). Check the record against a complete copy if you can fetch one")
        }
        guard pdf.pageCount > 0 else { throw PDFError(path: path, reason: .noPages) }
        let count = min(pdf.pageCount, doc.limits.maxPages)
        if count < pdf.pageCount {
            doc.warn("extract", "pdf-pages-skipped",
                     "The PDF has \(pdf.pageCount) pages; only the first \(count) were read (max-pages). Raise `max-pages` under `limits:` in the pipeline file to read them all",
                     count: pdf.pageCount - count)
        }
        var pages: [PageContent] = []
        var infos: [PageInfo] = []
        var reordered: [Int] = []
        var wanted: [Int] = []
        for index in 0..<count {
            let raw = pdf.textLayer(page: index) ?? RawPage(width: 0, height: 0, lines: [])
            let (lines, reversed) = TextLayerLines.lines(of: raw)
            if reversed { reordered.append(index + 1) }
            pages.append(PageContent(number: index + 1, width: raw.width, height: raw.height, lines: lines))
            infos.append(PageInfo(number: index + 1, source: .text))
            if options.ocr == .always || (options.ocr == .auto && TextLayerQuality.isPoor(lines)) { wanted.append(index) }
        }
        if !reordered.isEmpty {
            doc.warn("extract", "pdf-visual-order",
                     "The Arabic text layer of page\(reordered.count == 1 ? "" : "s") \(Self.list(reordered)) was stored in visual (reversed) order and was turned round; check those pages against the PDF",
                     count: reordered.count)
        }
        try recognize(wanted, of: pdf, into: &pages, infos: &infos, document: &doc)
        let layout = PagedLayout.blocks(of: pages)
        // A rebuilt file that gives no text is reported as the damaged file it is.
        if let openError, layout.blocks.isEmpty { throw openError }
        if layout.furnitureRemoved > 0 {
            doc.warn("extract", "pdf-running-furniture",
                     "Removed \(layout.furnitureRemoved) running header, footer and page-number lines that repeat across pages",
                     count: layout.furnitureRemoved)
        }
        let metadata = pdf.metadata
        doc.blocks = layout.blocks
        doc.pages = infos
        doc.title = metadata.title.flatMap(Self.meaningfulTitle) ?? layout.firstHeading
        doc.metadata.author = metadata.author
        doc.metadata.created = metadata.created
        doc.metadata.modified = metadata.modified
        doc.metadata.producer = metadata.producer
        doc.bytes = []
        try emit(doc)
    }

    /// OCRs pages `wanted` (0-based), a core's worth at a time: rendering is sequential (one
    /// poppler document is not shared between threads), recognition runs in parallel.
    private func recognize(_ wanted: [Int], of pdf: PopplerDocument, into pages: inout [PageContent], infos: inout [PageInfo],
                           document doc: inout SourceDocument) throws {
        guard !wanted.isEmpty else { return }
        let recognizer = PageRecognizer(models: options.models, pageSeconds: doc.limits.maxPageSeconds)
        let path = doc.source.path
        let batch = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var low: [Int] = [], failed: [String] = [], timedOut: [Int] = [], unread: [Int] = []
        var start = 0
        while start < wanted.count {
            let chunk = Array(wanted[start..<min(start + batch, wanted.count)])
            start += chunk.count
            if let deadline = doc.deadline, ContinuousClock.now >= deadline {
                unread += chunk + wanted[start...]
                break
            }
            let images = chunk.map { pdf.render(page: $0, dpi: options.dpi, maxPixels: doc.limits.maxPagePixels) }
            let results = ParallelPages.map(images.indices) { k -> Result<OCRPage, OCRError> in
                guard let image = images[k] else {
                    return .failure(OCRError(path: path, page: chunk[k] + 1, reason: .unreadableImage(format: "rendered page")))
                }
                do throws(OCRError) { return .success(try recognizer.recognize(image, path: path, page: chunk[k] + 1)) } catch { return .failure(error) }
            }
            for (k, index) in chunk.enumerated() {
                guard let image = images[k], let result = results[k] else {
                    failed.append("\(path): page \(index + 1) could not be rendered for OCR; its text layer (if any) was kept")
                    continue
                }
                switch result {
                case let .failure(error): failed.append(error.description)
                case let .success(page):
                    if page.timedOut { timedOut.append(index + 1) }
                    guard !page.lines.isEmpty else { continue }
                    let scale = pages[index].width > 0 ? pages[index].width / Double(image.width) : 72 / Double(max(image.dpi, 1))
                    pages[index].lines = PagedLayout.lines(from: page.lines, scale: scale)
                    if pages[index].width <= 0 {
                        pages[index].width = Double(image.width) * scale
                        pages[index].height = Double(image.height) * scale
                    }
                    infos[index].source = .ocr
                    infos[index].ocrConfidence = page.meanConfidence
                    if let c = page.meanConfidence, c < options.lowConfidence { low.append(index + 1) }
                }
            }
        }
        if !low.isEmpty {
            doc.warn("extract", "ocr-low-confidence",
                     "OCR read page\(low.count == 1 ? "" : "s") \(Self.list(low)) with low confidence (mean word confidence under \(Int(options.lowConfidence * 100)) %); check the text against the scan",
                     count: low.count)
        }
        if !timedOut.isEmpty {
            doc.warn("extract", "ocr-time-limit",
                     "OCR of page\(timedOut.count == 1 ? "" : "s") \(Self.list(timedOut)) stopped at the max-page-seconds limit; text at the end of the page may be missing. Raise `max-page-seconds` under `limits:` to read it all",
                     count: timedOut.count)
        }
        for message in failed { doc.warn("extract", "ocr-failed", message) }
        if !unread.isEmpty {
            doc.warn("extract", "ocr-not-run",
                     "Page\(unread.count == 1 ? "" : "s") \(Self.list(unread.map { $0 + 1 })) needed OCR but the document reached its max-seconds limit first; raise `max-seconds` under `limits:` to read them",
                     count: unread.count)
        }
    }

    /// A metadata title, unless it is only a file name (`scan.html`, `Microsoft Word - a.docx`),
    /// which converters write when the source had no title.
    static func meaningfulTitle(_ title: String) -> String? {
        let lower = title.lowercased()
        if lower.hasPrefix("microsoft word - ") { return nil }
        for ext in [".html", ".htm", ".pdf", ".doc", ".docx", ".odt", ".txt", ".rtf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"]
        where lower.hasSuffix(ext) && !lower.contains(" ") {
            return nil
        }
        return title
    }

    /// `3`, `3 and 5`, `3, 5 and 7`.
    static func list(_ numbers: [Int]) -> String {
        let text = numbers.map(String.init)
        guard text.count > 1 else { return text.first ?? "" }
        return text.dropLast().joined(separator: ", ") + " and " + text.last!
    }
}
