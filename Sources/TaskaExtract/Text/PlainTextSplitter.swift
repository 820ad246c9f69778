import TaskaCore

/// Splits plain text into paragraph blocks at blank lines; lines inside a paragraph are
/// joined with one space.
///
/// Any line end counts: LF, CRLF, CR, NEL, U+2028, U+2029 (which ends a paragraph). Works on
/// the text's UTF-8 bytes: every line end and white-space character it trims is a fixed byte
/// sequence, so no scalar is decoded and no per-character `String` is built.
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
            while s < e, let n = Self.whitespace(u, at: s, end: e) { s += n }
            while e > s, let n = Self.whitespace(u, endingAt: e, start: s) { e -= n }
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

    /// The byte length of the white-space character (Unicode White_Space, line ends aside)
    /// starting at `i`, if one does.
    static func whitespace(_ u: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        let b0 = u[i]
        if b0 == 0x20 || b0 == 0x09 || b0 == 0x0B || b0 == 0x0C { return 1 }
        if b0 == 0xC2, i + 1 < end, u[i + 1] == 0xA0 { return 2 }  // U+00A0
        guard i + 2 < end, b0 >= 0xE1, b0 <= 0xE3 else { return nil }
        return isThreeByteWhitespace(b0, u[i + 1], u[i + 2]) ? 3 : nil
    }

    /// The byte length of the white-space character ending just before `e`, if one does.
    static func whitespace(_ u: UnsafeBufferPointer<UInt8>, endingAt e: Int, start: Int) -> Int? {
        let last = u[e - 1]
        if last == 0x20 || last == 0x09 || last == 0x0B || last == 0x0C { return 1 }
        if last == 0xA0, e - 2 >= start, u[e - 2] == 0xC2 { return 2 }
        guard e - 3 >= start else { return nil }
        return isThreeByteWhitespace(u[e - 3], u[e - 2], last) ? 3 : nil
    }

    /// U+1680, U+2000–U+200A, U+202F, U+205F, U+3000 in UTF-8.
    @inline(__always)
    static func isThreeByteWhitespace(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b) {
        case (0xE1, 0x9A): return c == 0x80
        case (0xE2, 0x80): return (0x80...0x8A).contains(c) || c == 0xAF
        case (0xE2, 0x81): return c == 0x9F
        case (0xE3, 0x80): return c == 0x80
        default: return false
        }
    }
}
