import TaskaCore
import TaskaOCR

/// Pages with lines → blocks in reading order: running furniture removed, columns read in
/// order, paragraphs rebuilt, every block tagged with its page.
enum PagedLayout {
    struct Result {
        var blocks: [TextBlock]
        /// How many header/footer/page-number lines were removed.
        var furnitureRemoved: Int
        /// The first heading of the first page with text (a title when metadata has none).
        var firstHeading: String?
    }

    static func blocks(of pages: [PageContent]) -> Result {
        let furniture = RunningFurniture.find(in: pages)
        var blocks: [TextBlock] = []
        var removed = 0
        var firstHeading: String?
        for (p, page) in pages.enumerated() {
            let drop = furniture[p]
            removed += drop.count
            let lines = page.lines.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            let rtlLines = lines.filter(\.rtl).count
            let rtl = rtlLines * 2 > lines.count
            let columns = ReadingOrder.columns(lines, pageWidth: page.width, rtl: rtl)
            for paragraph in ParagraphBuilder.paragraphs(columns, rtl: rtl) {
                if paragraph.isHeading && firstHeading == nil && blocks.isEmpty { firstHeading = paragraph.text }
                blocks.append(TextBlock(kind: paragraph.isHeading ? .heading : .paragraph, text: paragraph.text, page: page.number))
            }
        }
        return Result(blocks: blocks, furnitureRemoved: removed, firstHeading: firstHeading)
    }

    /// OCR lines (pixels) as page lines in the page's own units (`scale` units per pixel).
    static func lines(from ocr: [OCRLine], scale: Double) -> [PageLine] {
        ocr.map { line in
            let letters = line.text.unicodeScalars.filter { $0.properties.isAlphabetic }
            let arabic = letters.filter(RightToLeftRepair.isArabicLetter).count
            return PageLine(text: line.text,
                            box: Box(x0: Double(line.x0) * scale, y0: Double(line.y0) * scale, x1: Double(line.x1) * scale, y1: Double(line.y1) * scale),
                            rtl: arabic * 2 > letters.count, startsParagraph: line.startsParagraph)
        }
    }
}
