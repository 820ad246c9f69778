import TaskaCore

/// Splits plain text into paragraph blocks at blank lines; lines inside a paragraph are
/// joined with one space.
///
/// Any line end counts: LF, CRLF, CR, NEL, U+2028, U+2029 (which ends a paragraph). Works on
/// the text's UTF-8 bytes: line ends are found as byte sequences, and only the scalars at a
/// line's edges are decoded (to trim its white space), so no per-character `String` is built.
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
        var copy = text
        return copy.withUTF8 { Self.blocks(of: $0, lineEnds: &ends) }
    }

    static func blocks(of u: UnsafeBufferPointer<UInt8>, lineEnds ends: inout LineEnds) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var paragraph: [UInt8] = []
        func flush() {
            if !paragraph.isEmpty {
                blocks.append(TextBlock(kind: .paragraph, text: String(decoding: paragraph, as: UTF8.self)))
                paragraph.removeAll(keepingCapacity: true)
            }
        }
        func endLine(_ start: Int, _ end: Int) {
            var s = start, e = end
            // Line ends never occur inside a line, so White_Space here is the in-line white space.
            while s < e {
                let (value, length) = UTF8Scalars.decode(u, at: s)
                guard ScalarValues.isWhitespace(value) else { break }
                s += length
            }
            while e > s {
                let start = UTF8Scalars.start(before: e, in: u, lower: s)
                guard ScalarValues.isWhitespace(UTF8Scalars.decode(u, at: start).value) else { break }
                e = start
            }
            if s == e { flush(); return }
            if !paragraph.isEmpty { paragraph.append(0x20) }
            paragraph.append(contentsOf: UnsafeBufferPointer(rebasing: u[s..<e]))
        }
        let n = u.count
        var lineStart = 0
        var i = 0
        while i < n {
            let b = u[i]
            switch b {
            case 0x0A:
                ends.lf += 1
                endLine(lineStart, i)
                i += 1
                lineStart = i
            case 0x0D:
                if i + 1 < n, u[i + 1] == 0x0A { ends.crlf += 1; endLine(lineStart, i); i += 2 } else {
                    ends.cr += 1; endLine(lineStart, i); i += 1
                }
                lineStart = i
            case 0xC2 where i + 1 < n && u[i + 1] == 0x85:  // NEL
                ends.other += 1
                endLine(lineStart, i)
                i += 2
                lineStart = i
            case 0xE2 where i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9):
                ends.other += 1
                endLine(lineStart, i)
                if u[i + 2] == 0xA9 { flush() }  // U+2029 PARAGRAPH SEPARATOR
                i += 3
                lineStart = i
            default:
                i += 1
            }
        }
        endLine(lineStart, n)
        flush()
        return blocks
    }
}
