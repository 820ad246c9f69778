/// Unifies the spelling variants of Hausa hooked letters and the Kanuri schwa.
///
/// Rules, applied left to right (see `HausaLetters` for the canonical forms):
/// 1. `b'a` `d'a` `k'a` (b/d/k, an apostrophe ' ’ ‘ ʼ ʻ ` ´, then a letter) → ɓa ɗa ƙa; capitals
///    likewise (K'ASA → ƘASA).
/// 2. `'ba` `'da` `'ka` (apostrophe, b/d/k, then a letter) → ɓa ɗa ƙa.
/// 3. `'ya` (any of those apostrophes, y, then a letter) → `ʼya` with U+02BC.
/// 4. Look-alike letters ɖ Ɖ қ Қ → ɗ Ɗ ƙ Ƙ; schwa variants ǝ Ǝ ә Ә → ə Ə.
///
/// An apostrophe before a vowel is a glottal stop in Hausa (`sa'a`, `Jumma'a`) and is never
/// touched. A word-initial apostrophe (rules 2 and 3) is taken for an opening quotation mark,
/// and left alone, when a closing one (an apostrophe after a letter and before a non-letter)
/// follows later in the same line: `ya ce 'ba zan je ba'`.
///
/// Two uses: `fold(_:changes:)` writes the standard spelling into record text (the
/// `orthography: standard` option, on paragraphs `OrthographyGate` accepted);
/// `foldForSearchKey(_:)` runs on every text and every query before `SearchKeyBuilder`'s
/// case folding, so that any spelling of a word finds every other. The search-key form also
/// writes every glottalised y (`'y`, `ʼy`, ƴ) as ƴ, and is the same for a text and for its
/// standard spelling (except where two apostrophes touch, as in `k’'ba`).
enum OrthographyFolder {
    /// Rules 1–4 on one paragraph of scalars (no line end inside), each change counted.
    static func fold(_ p: [UInt32], changes: inout NormalizationChanges) -> [UInt32] {
        let folded = stopBits.withUnsafeBufferPointer { stops in
            p.withUnsafeBufferPointer { fold($0, from: 0, lineStart: 0, forKey: false, stops: stops, changes: &changes) }
        }
        return folded ?? p
    }

    /// The search-key spelling of UTF-16 text (lines are paragraphs), or nil when it is the
    /// text itself. Rules 1–4, then `ʼy`/`ʼY` (U+02BC) → ƴ/Ƴ wherever it stands.
    ///
    /// Fast path: text without an apostrophe, look-alike or schwa variant is returned as nil
    /// after one scan of its code units.
    static func foldForSearchKey(_ units: [UInt16]) -> [UInt16]? {
        stopBits.withUnsafeBufferPointer { stops in
            units.withUnsafeBufferPointer { p -> [UInt16]? in
                var lineStart = 0
                var first = -1
                for i in 0..<p.count where isStop(UInt32(p[i]), stops) {
                    guard p[i] == 0x0A else { first = i; break }
                    lineStart = i + 1
                }
                guard first >= 0 else { return nil }
                var scratch = NormalizationChanges()
                return fold(p, from: first, lineStart: lineStart, forKey: true, stops: stops, changes: &scratch)
            }
        }
    }

    /// Code points some rule starts at or right after: apostrophes (' ` ´ ʻ ʼ ‘ ’), look-alike
    /// letters (ɖ Ɖ қ Қ) and schwa variants (ǝ Ǝ ә Ә).
    static func isTrigger(_ c: UInt32) -> Bool {
        switch c {
        case 0x27, 0x60, 0xB4, 0x02BB, 0x02BC, 0x2018, 0x2019,  // apostrophes
             0x0256, 0x0189, 0x049A, 0x049B,  // look-alikes
             0x01DD, 0x018E, 0x04D8, 0x04D9:  // schwa variants
            return true
        default:
            return false
        }
    }

    /// `isStop` of U+0000…U+04FF as bits (20 words), computed once: line feed and the triggers.
    static let stopBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x500 / 64)
        for c in 0..<UInt32(0x500) where c == 0x0A || isTrigger(c) { bits[Int(c >> 6)] |= 1 << UInt64(c & 63) }
        return bits
    }()

    /// Whether the loop must look at `c` (a trigger or a line feed); everything else is copied
    /// as it is. `stops` is `stopBits`.
    ///
    /// Branch-free, because letters and spaces alternate too often for a branch to be
    /// predicted: past U+04FF the bit of U+04FF is read (it is clear), and ‘ ’ are compared.
    @inline(__always)
    static func isStop(_ c: UInt32, _ stops: UnsafeBufferPointer<UInt64>) -> Bool {
        let low = min(c, 0x4FF)
        let bit = (stops[Int(low >> 6)] >> UInt64(low & 63)) & 1
        return (bit | (c & ~1 == 0x2018 ? 1 : 0)) != 0
    }

    /// The rules over `p` (scalars, or UTF-16 whose surrogate pairs are read as one letter),
    /// starting at `start` (`lineStart` is the start of its line). Nil when nothing changed.
    ///
    /// The loop stops only at apostrophes, rule 4's letters and line feeds (rule 1 is checked
    /// at its apostrophe, looking back at the letter before), and output is written only from
    /// the first change on, in runs copied whole: text in which nothing changes costs one scan
    /// and no allocation.
    private static func fold<U: FixedWidthInteger & UnsignedInteger>(
        _ p: UnsafeBufferPointer<U>, from start: Int, lineStart: Int, forKey: Bool,
        stops: UnsafeBufferPointer<UInt64>, changes: inout NormalizationChanges
    ) -> [U]? {
        let n = p.count
        var out: [U] = []
        var started = false
        var copied = 0  // p[copied...] is not yet in `out`
        /// Replaces `p[i..<i + length]` by `a` (and `b`).
        func replace(_ i: Int, _ length: Int, _ a: UInt32, _ b: UInt32? = nil) {
            if !started {
                out.reserveCapacity(n)
                started = true
            }
            out.append(contentsOf: p[copied..<i])
            out.append(U(a))
            if let b { out.append(U(b)) }
            copied = i + length
        }
        var line = lineStart
        // The last closing quotation mark of the current line; computed when first needed.
        var closingQuote: Int?
        // p[..<consumed] may not start rule 1: a rule has taken it (nothing before `start` can
        // have been, since no rule starts there).
        var consumed = 0
        var i = start
        while i < n {
            let c = UInt32(p[i])
            guard isStop(c, stops) else {
                i += 1
                continue
            }
            if c == 0x0A {
                line = i + 1
                closingQuote = nil
                i += 1
                continue
            }
            if HausaLetters.isApostrophe(c) {
                // Rule 1: b' d' k' before a letter (the letter before is not taken yet).
                if i > consumed, i + 1 < n, HausaLetters.isHookBase(UInt32(p[i - 1])), isLetter(p, i + 1) {
                    replace(i - 1, 2, HausaLetters.hooked(UInt32(p[i - 1])))
                    changes.hausaLetters += 1
                    consumed = i + 1
                    i += 1
                    continue
                }
                // Rules 2 and 3: 'b 'd 'k 'y before a letter.
                if i + 2 < n {
                    let letter = UInt32(p[i + 1])
                    let isY = letter == 0x79 || letter == 0x59
                    if (HausaLetters.isHookBase(letter) || isY) && isLetter(p, i + 2) {
                        let wordInitial = i == line || !isLetter(p, i - 1)
                        let quoted = wordInitial && lastClosingQuote(p, line: line, cache: &closingQuote) > i
                        if !quoted {
                            if isY && forKey {
                                replace(i, 2, letter == 0x79 ? 0x01B4 : 0x01B3)
                            } else if isY {
                                if c != 0x02BC {
                                    replace(i, 1, 0x02BC)
                                    changes.hausaLetters += 1
                                }
                            } else {
                                replace(i, 2, HausaLetters.hooked(letter))
                                changes.hausaLetters += 1
                            }
                            consumed = i + 2
                            i += 2
                            continue
                        }
                    }
                }
                // Search key: ʼy is ƴ whatever follows and whatever the quotation marks around.
                if forKey, c == 0x02BC, i + 1 < n, p[i + 1] == 0x79 || p[i + 1] == 0x59 {
                    replace(i, 2, p[i + 1] == 0x79 ? 0x01B4 : 0x01B3)
                    consumed = i + 2
                    i += 2
                    continue
                }
            } else if let canonical = HausaLetters.hausaLookAlike(c) {
                // Rule 4: look-alike letters and schwa variants.
                replace(i, 1, canonical)
                changes.hausaLetters += 1
            } else if let schwa = HausaLetters.schwaVariant(c) {
                replace(i, 1, schwa)
                changes.kanuriSchwa += 1
            }
            i += 1
        }
        guard started else { return nil }
        out.append(contentsOf: p[copied..<n])
        return out
    }

    /// The offset of the last closing quotation mark (an apostrophe after a letter and before a
    /// non-letter) of the line starting at `line`, or -1; cached in `cache` for the line.
    private static func lastClosingQuote<U: FixedWidthInteger & UnsignedInteger>(
        _ p: UnsafeBufferPointer<U>, line: Int, cache: inout Int?
    ) -> Int {
        if let cached = cache { return cached }
        var end = line
        while end < p.count && p[end] != 0x0A { end += 1 }
        var found = -1
        var j = end - 1
        while j > line {
            if HausaLetters.isApostrophe(UInt32(p[j])) && isLetter(p, j - 1) && (j + 1 == end || !isLetter(p, j + 1)) {
                found = j
                break
            }
            j -= 1
        }
        cache = found
        return found
    }

    /// Whether the scalar at `i` is a letter; a UTF-16 surrogate is read with its partner.
    @inline(__always)
    private static func isLetter<U: FixedWidthInteger & UnsignedInteger>(_ p: UnsafeBufferPointer<U>, _ i: Int) -> Bool {
        let u = UInt32(p[i])
        guard u & 0xF800 == 0xD800 else { return ScalarText.isLetter(u) }
        // Only UTF-16 input reaches here (scalar values are never surrogates).
        if u < 0xDC00 {
            guard i + 1 < p.count, UInt32(p[i + 1]) & 0xFC00 == 0xDC00 else { return false }
            return ScalarText.isLetter(0x10000 + ((u - 0xD800) << 10) + (UInt32(p[i + 1]) - 0xDC00))
        }
        guard i > 0, UInt32(p[i - 1]) & 0xFC00 == 0xD800 else { return false }
        return ScalarText.isLetter(0x10000 + ((UInt32(p[i - 1]) - 0xD800) << 10) + (u - 0xDC00))
    }
}
