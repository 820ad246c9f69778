import TaskaCore

/// Splits plain text into paragraph blocks at blank lines; lines inside a paragraph are
/// joined with one space.
///
/// Any line end counts: LF, CRLF, CR, NEL, U+2028, U+2029 (which ends a paragraph).
public struct PlainTextSplitter: Sendable {
    public init() {}

    public func blocks(of text: String) -> [TextBlock] {
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
                if previousCR { previousCR = false; continue }
                endLine()
            case 0x0D:
                endLine(); previousCR = true; continue
            case 0x85, 0x2028:
                endLine()
            case 0x2029:
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
