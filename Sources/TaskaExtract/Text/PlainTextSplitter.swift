import TaskaCore

/// Splits plain text into paragraph blocks at blank lines; lines inside a paragraph are
/// joined with one space.
///
/// Any line end counts: LF, CRLF, CR, NEL, U+2028, U+2029 (which ends a paragraph).
public struct PlainTextSplitter: Sendable {
    public init() {}

    /// Counts of each line-end style met, to report files that mix them.
    public struct LineEnds: Sendable, Equatable {
        public var lf = 0, crlf = 0, cr = 0, other = 0
        /// How many different styles the text uses.
        public var styles: Int { [lf, crlf, cr, other].filter { $0 > 0 }.count }
    }

    public func blocks(of text: String) -> [TextBlock] {
        var ends = LineEnds()
        return blocks(of: text, lineEnds: &ends)
    }

    public func blocks(of text: String, lineEnds ends: inout LineEnds) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty {
                blocks.append(TextBlock(kind: .paragraph, text: paragraph.joined(separator: " ")))
                paragraph.removeAll()
            }
        }
        var line = String.UnicodeScalarView()
        var previousCR = false
        func endLine() {
            let trimmed = String(line).trimmingWhitespace()
            if trimmed.isEmpty { flush() } else { paragraph.append(trimmed) }
            line = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                if previousCR { previousCR = false; ends.cr -= 1; ends.crlf += 1; continue }
                ends.lf += 1
                endLine()
            case 0x0D:
                ends.cr += 1
                endLine(); previousCR = true; continue
            case 0x85, 0x2028:
                ends.other += 1
                endLine()
            case 0x2029:
                ends.other += 1
                endLine(); flush()
            default:
                line.append(scalar)
            }
            previousCR = false
        }
        endLine()
        flush()
        return blocks
    }
}

extension String {
    /// Trims ASCII and Unicode whitespace at both ends.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
