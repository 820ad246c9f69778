import TaskaCore

/// Repairs UTF-8 text that was once decoded as windows-1252 (or Latin-1) and re-encoded as
/// UTF-8: `Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©` back to `العربية`, `Æ™asa` to `ƙasa`, `Ã©` to `é`.
///
/// Each character of mojibake is the windows-1252 image of one byte of the original UTF-8, so
/// a lead-byte image (`Â`…`ô`) followed by the right number of continuation-byte images
/// (`€`…`¿`, and the C1 controls Latin-1 passes through) is encoded back to those bytes; when
/// they form valid UTF-8 they replace the images. A repair is applied only where such sequences
/// make up nearly all the candidate lead characters — to the whole text, or else line by line
/// with a stricter rule — so French or Portuguese text (`NÃO`, `São`) and a lone `©` stay as
/// written. Double encoding is undone by a second round, never more.
enum MojibakeRepairer {
    /// A repair that was made.
    struct Repair: Sendable, Equatable {
        /// The repaired text.
        var text: String
        /// Characters of the result that replaced a mojibake sequence (first round).
        var changed: Int
        /// 1, or 2 for double-encoded text.
        var rounds: Int
        /// False when only some lines were repaired.
        var wholeText: Bool
    }

    /// Repairs `text`, or returns `nil` when it does not look like mojibake.
    static func repair(_ text: String) -> Repair? {
        guard mayHoldMojibake(text) else { return nil }
        var bytes = Array(text.utf8)
        var result: Repair?
        for round in 1...2 {
            guard let once = repairOnce(bytes) else { break }
            bytes = once.bytes
            if result == nil {
                result = Repair(text: "", changed: once.changed, rounds: 1, wholeText: once.wholeText)
            } else {
                result?.rounds = round
            }
            if !bytes.contains(0xC3) { break }
        }
        guard var r = result else { return nil }
        r.text = String(decoding: bytes, as: UTF8.self)
        return r
    }

    /// Whether `text` has a lead image (U+00C2…U+00F4: `C3 82`…`C3 B4`) right before a
    /// continuation image (U+0080…U+00BF or one of windows-1252's letters and marks for
    /// 0x80…0x9F, whose UTF-8 starts with `C2`, `C5`, `C6`, `CB` or `E2`): what every sequence
    /// `scan` finds starts with. One byte loop instead of the scan on the many pages without.
    static func mayHoldMojibake(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            let n = b.count
            var i = 0
            while i + 2 < n {
                if b[i] != 0xC3 { i = ByteSearch.index(of: 0xC3, in: b, from: i + 1); continue }
                if b[i + 1] >= 0x82, b[i + 1] <= 0xB4 {
                    let c = b[i + 2]
                    if c == 0xC2 || c == 0xC5 || c == 0xC6 || c == 0xCB || c == 0xE2 { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// A mojibake sequence found in the UTF-8 of the text.
    private struct Sequence {
        var start: Int
        var end: Int
        var line: Int
        var original: [UInt8]
        var strong: Bool
    }

    private struct Counts {
        var leads = 0
        var sequences = 0
        var strong = 0
    }

    private static func repairOnce(_ bytes: [UInt8]) -> (bytes: [UInt8], changed: Int, wholeText: Bool)? {
        let (found, lines) = scan(bytes)
        guard !found.isEmpty else { return nil }
        var total = Counts()
        for l in lines {
            total.leads += l.leads
            total.sequences += l.sequences
            total.strong += l.strong
        }
        let whole = passes(total, strict: false)
        let chosen = whole ? found : found.filter { passes(lines[$0.line], strict: true) }
        guard !chosen.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        for s in chosen {
            out.append(contentsOf: bytes[at..<s.start])
            out.append(contentsOf: s.original)
            at = s.end
        }
        out.append(contentsOf: bytes[at...])
        // The repair must leave fewer suspicious sequences than it found.
        let after = scan(out).0.count
        guard after < found.count else { return nil }
        return (out, chosen.count, whole && chosen.count == found.count)
    }

    /// Whole text: nearly every lead image is part of a sequence, and either two sequences or
    /// one strong one. A single line needs more: two sequences with a strong one, or four.
    private static func passes(_ c: Counts, strict: Bool) -> Bool {
        guard c.sequences > 0, Double(c.sequences) >= 0.8 * Double(c.leads) else { return false }
        if strict { return (c.sequences >= 2 && c.strong >= 1) || c.sequences >= 4 }
        return c.sequences >= 2 || c.strong >= 1
    }

    /// Finds the sequences and counts per line.
    private static func scan(_ b: [UInt8]) -> ([Sequence], [Counts]) {
        var found: [Sequence] = []
        var lines = [Counts()]
        let n = b.count
        var i = 0
        while i < n {
            // Every lead (U+00C2…U+00F4) is encoded as C3 xx, and C3 is never inside another
            // character: jump to the next C3, counting the line ends passed on the way.
            b.withUnsafeBufferPointer { p in
                let next = ByteSearch.index(of: 0xC3, in: p, from: i)
                // The line ends before it, each found by the same search (bounded by `next`).
                let before = UnsafeBufferPointer(rebasing: p[..<next])
                var lineEnd = ByteSearch.index(of: 0x0A, in: before, from: i)
                while lineEnd < next {
                    lines.append(Counts())
                    lineEnd = ByteSearch.index(of: 0x0A, in: before, from: lineEnd + 1)
                }
                i = next
            }
            guard i < n else { break }
            let (cp, len) = decodeScalar(b, i)
            guard cp >= 0xC2 && cp <= 0xF4 else { i += len; continue }
            lines[lines.count - 1].leads += 1
            let need = cp < 0xE0 ? 1 : (cp < 0xF0 ? 2 : 3)
            var original: [UInt8] = [UInt8(cp)]
            var j = i + len
            var ok = true
            for _ in 0..<need {
                guard j < n else { ok = false; break }
                let (c2, l2) = decodeScalar(b, j)
                guard let byte = windows1252Byte(c2), byte >= 0x80 && byte <= 0xBF else { ok = false; break }
                original.append(byte)
                j += l2
            }
            let valid = ok && original.withUnsafeBufferPointer { p in
                guard let base = p.baseAddress else { return false }
                return UTF8Validator.sequenceLength(base, 0, p.count) == p.count
            }
            guard valid else { i += len; continue }
            let strong = need >= 2 || [0xC2, 0xC3, 0xD8, 0xD9, 0xDA, 0xDB].contains(cp)
                || ([0xC6, 0xC9, 0xCA].contains(cp) && original[1] < 0xA0)
            found.append(Sequence(start: i, end: j, line: lines.count - 1, original: original, strong: strong))
            lines[lines.count - 1].sequences += 1
            if strong { lines[lines.count - 1].strong += 1 }
            i = j
        }
        return (found, lines)
    }

    /// Decodes the scalar at `i` of valid UTF-8; returns (scalar, length).
    @inline(__always)
    private static func decodeScalar(_ b: [UInt8], _ i: Int) -> (UInt32, Int) {
        let b0 = b[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let n = b.count
        if b0 < 0xE0, i + 1 < n { return (UInt32(b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if b0 < 0xF0, i + 2 < n {
            return (UInt32(b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
        }
        if i + 3 < n {
            return (UInt32(b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The byte windows-1252 (with Latin-1's C1 controls for its five undefined bytes) maps to
    /// `scalar`, or `nil`.
    static func windows1252Byte(_ scalar: UInt32) -> UInt8? {
        switch scalar {
        case 0x00...0xFF: return UInt8(scalar)
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }
}
