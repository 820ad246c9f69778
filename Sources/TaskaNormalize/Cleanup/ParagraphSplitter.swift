/// Splits plain text (a document without extracted blocks) into paragraphs at blank lines.
///
/// Lines inside a paragraph are joined with one space; U+2029 PARAGRAPH SEPARATOR and form feed
/// also end a paragraph. A line holding only spaces and invisible characters is blank.
enum ParagraphSplitter {
    /// The paragraphs of `text`, each as scalar values with its lines joined by U+0020.
    static func blankLineParagraphs(_ text: String) -> [[UInt32]] {
        var paragraphs: [[UInt32]] = []
        var current: [UInt32] = []
        var line: [UInt32] = []
        var lineIsBlank = true

        func endLine() {
            if lineIsBlank {
                endParagraph()
            } else {
                if !current.isEmpty { current.append(0x20) }
                current.append(contentsOf: line)
            }
            line.removeAll(keepingCapacity: true)
            lineIsBlank = true
        }
        func endParagraph() {
            if !current.isEmpty { paragraphs.append(current) }
            current.removeAll(keepingCapacity: true)
        }

        let scalars = ScalarText.scalars(of: text)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            i += 1
            switch c {
            case 0x0D:
                if i < scalars.count, scalars[i] == 0x0A { i += 1 }
                endLine()
            case 0x0A, 0x0B, 0x85, 0x2028:
                endLine()
            case 0x0C, 0x2029:
                endLine()
                endParagraph()
            default:
                line.append(c)
                if lineIsBlank && !ScalarKind.isInvisible(c) { lineIsBlank = false }
            }
        }
        endLine()
        endParagraph()
        return paragraphs
    }
}
