/// Rebuilds paragraphs from a page's lines in reading order: a new paragraph starts after a
/// wider line gap, at an indented first line, after a short last line, or where the type size
/// changes (a heading). Lines are joined with a space; a line ending in a hyphen after a letter
/// is joined without one (the hyphen is kept: the word was hyphenated in the source).
enum ParagraphBuilder {
    /// One rebuilt paragraph.
    struct Paragraph: Equatable {
        var text: String
        var isHeading: Bool
    }

    static func paragraphs(_ columns: [[PageLine]], rtl: Bool) -> [Paragraph] {
        let all = columns.flatMap { $0 }
        let pageLineHeight = RightToLeftRepair.median(all.map(\.box.height).filter { $0 > 0 }) ?? 10
        var out: [Paragraph] = []
        var current: [PageLine] = []
        var open = false
        var lastLine: PageLine?
        func flush() {
            guard !current.isEmpty else { return }
            let heights = current.map(\.box.height)
            let heading = (RightToLeftRepair.median(heights) ?? 0) > 1.25 * pageLineHeight
            out.append(Paragraph(text: join(current), isHeading: heading))
            current = []
        }
        for column in columns {
            let heights = column.map(\.box.height).filter { $0 > 0 }
            let h = RightToLeftRepair.median(heights) ?? pageLineHeight
            var pitches: [Double] = []
            for i in column.indices.dropFirst() {
                let d = column[i].box.y0 - column[i - 1].box.y0
                if d > 0 { pitches.append(d) }
            }
            let pitch = RightToLeftRepair.median(pitches) ?? h * 1.5
            let start = rtl ? column.map(\.box.x1).max() ?? 0 : column.map(\.box.x0).min() ?? 0
            let end = rtl ? column.map(\.box.x0).min() ?? 0 : column.map(\.box.x1).max() ?? 0
            let width = abs(end - start)
            func indent(_ line: PageLine) -> Double { rtl ? start - line.box.x1 : line.box.x0 - start }
            func length(_ line: PageLine) -> Double { rtl ? start - line.box.x0 : line.box.x1 - start }
            for (i, line) in column.enumerated() {
                var breaks: Bool
                if i == 0 {
                    // A paragraph may run on from the previous column unless this line is
                    // indented or set in another size.
                    let sizeChange = lastLine.map { max(line.box.height, $0.box.height) > 1.3 * min(line.box.height, $0.box.height) } ?? true
                    breaks = !open || indent(line) > 0.9 * h || sizeChange
                } else {
                    let previous = column[i - 1]
                    let gap = line.box.y0 - previous.box.y0
                    let sizeChange = max(line.box.height, previous.box.height) > 1.3 * min(line.box.height, previous.box.height)
                    breaks = gap > 1.4 * pitch || indent(line) > 0.9 * h || length(previous) < 0.7 * width || sizeChange
                        || line.startsParagraph == true && gap > 1.15 * pitch
                }
                if breaks { flush() }
                current.append(line)
            }
            if let last = column.last, column.count > 1 { open = length(last) >= 0.85 * width } else { open = false }
            lastLine = column.last
        }
        flush()
        return out
    }

    /// Lines joined into one paragraph.
    static func join(_ lines: [PageLine]) -> String {
        var text = ""
        for line in lines {
            let piece = line.text
            if text.isEmpty {
                text = piece
            } else if let last = text.unicodeScalars.last, last == "-" || last == "\u{2010}",
                      text.unicodeScalars.dropLast().last?.properties.isAlphabetic == true {
                text += piece
            } else {
                text += " " + piece
            }
        }
        return text
    }
}
