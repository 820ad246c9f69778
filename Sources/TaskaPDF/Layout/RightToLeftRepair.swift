import Foundation

/// Puts poppler's right-to-left words back into logical order with their letters intact.
///
/// Why: for a right-to-left word poppler reverses the glyph order, and with it the letters of
/// every multi-letter glyph (a lam-alef or lam-yeh ligature: `على` comes out `عىل`) and the
/// order of a letter and its vowel marks; it also breaks vocalised words at their marks
/// (`وَإِذَا` → `وَ إِذَ ا`). Its character boxes still run left to right, one slice of a
/// ligature glyph per letter, so the glyphs can be rebuilt from the boxes.
enum RightToLeftRepair {
    /// Whether `s` is an Arabic-script letter (base or presentation form).
    static func isArabicLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        let inBlock = (0x0600...0x06FF).contains(v) || (0x0750...0x077F).contains(v) || (0x08A0...0x08FF).contains(v)
            || (0xFB50...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
        return inBlock && s.properties.isAlphabetic && !isMark(s)
    }

    /// Whether `s` is a combining mark (harakat, shadda, sukun, and other Mn).
    static func isMark(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .nonspacingMark }

    /// Whether `s` is a lam (base or presentation form): every ligature split here starts with one.
    static func isLam(_ s: Unicode.Scalar) -> Bool { s == "\u{0644}" || (0xFEDD...0xFEE0).contains(s.value) }

    /// Whether most letters of a line's `words` are Arabic-script letters: a right-to-left line.
    static func isMostlyRightToLeft<S: Sequence>(_ words: S) -> Bool where S.Element == [Unicode.Scalar] {
        var arabic = 0, letters = 0
        for word in words {
            for s in word where s.properties.isAlphabetic {
                letters += 1
                if isArabicLetter(s) { arabic += 1 }
            }
        }
        return arabic * 2 > letters
    }

    /// Whether a word holds Arabic letters (and so was laid out right to left).
    static func isRightToLeft(_ scalars: [Unicode.Scalar]) -> Bool { scalars.contains(where: isArabicLetter) }

    /// The logical letters of one poppler word.
    ///
    /// In visual order (poppler's text reversed, which is the order of its boxes) each glyph is
    /// a letter followed by its marks, or the letters of one ligature glyph, which poppler cut
    /// into equal slices; reading those glyphs from the right gives the word in logical order
    /// with each ligature's letters as the font's ToUnicode map gave them. Where equal slices
    /// could also be two letters of equal width (a lam beside an alef or yeh), the rules
    /// (`isArticle`) choose, unless `lexicon` has seen another choice's word more often.
    static func logical(_ word: RawWord, lexicon: LigatureLexicon? = LigatureLexicon.shipped) -> [Unicode.Scalar] {
        let scalars = word.scalars
        guard word.boxes.count == scalars.count, scalars.count > 1, isRightToLeft(scalars) else { return scalars }
        let visual = Array(scalars.reversed())
        var byRule: [Bool] = []
        let ruled = glyphs(visual, word.boxes) { _, rule in byRule.append(rule); return rule }
        guard let lexicon, !byRule.isEmpty, byRule.count <= 4 else { return ruled }
        var best = ruled, bestCount = lexicon.count(ruled)
        for mask in 0..<(1 << byRule.count) {
            let choices = byRule.indices.map { mask & (1 << $0) != 0 }
            guard choices != byRule else { continue }
            let candidate = glyphs(visual, word.boxes) { site, rule in site < choices.count ? choices[site] : rule }
            let count = lexicon.count(candidate)
            if count > bestCount { (best, bestCount) = (candidate, count) }
        }
        return best
    }

    /// The word in logical order from its visual scalars and boxes; `join(site, rule)` decides
    /// each place where a lam and the next letter are equal slices (`site` counts them from
    /// the left, `rule` is what the rules say).
    private static func glyphs(_ visual: [Unicode.Scalar], _ boxes: [Box], join: (Int, Bool) -> Bool) -> [Unicode.Scalar] {
        var glyphs: [[Unicode.Scalar]] = []
        // Visual index of the last letter (not mark) placed in a glyph.
        var lastLetter: Int?
        var site = 0
        for k in visual.indices {
            let s = visual[k]
            if k > 0 && isMark(s) {
                glyphs[glyphs.count - 1].append(s)
                continue
            }
            if k > 0, let last = glyphs.last, let previous = lastLetter {
                let letters = last.filter { !isMark($0) }
                if continuesLigature(letters, with: s), sameGlyph(boxes, previous, k) {
                    // Only a lam's first partner is a choice; lam-lam-heh (Allah) follows its lam-lam.
                    let joined = letters.count == 1 ? join(site, !isArticle(visual, lam: previous, alef: k)) : true
                    if letters.count == 1 { site += 1 }
                    if joined {
                        glyphs[glyphs.count - 1].append(s)
                        lastLetter = k
                        continue
                    }
                }
            }
            glyphs.append([s])
            lastLetter = k
        }
        return glyphs.reversed().flatMap { $0 }
    }

    /// Whether `next` can be the next letter of a lam ligature whose letters so far are
    /// `glyph`: lam + alef (any hamza/madda form) or alef maksura/yeh, and lam + lam + heh (the
    /// word Allah). Why so narrow: poppler cuts a ligature into equal slices, but an alef next
    /// to a ligature often has the very same width, so only the font ligatures that occur in
    /// the languages Taska reads are rebuilt.
    static func continuesLigature(_ glyph: [Unicode.Scalar], with next: Unicode.Scalar) -> Bool {
        let alefOrYeh: Set<UInt32> = [0x0627, 0x0623, 0x0625, 0x0622, 0x0671, 0x0649, 0x064A]
        switch glyph.count {
        case 1: return isLam(glyph[0]) && (alefOrYeh.contains(next.value) || isLam(next))
        case 2: return isLam(glyph[0]) && isLam(glyph[1]) && next == "\u{0647}"
        default: return false
        }
    }

    /// Whether an alef at visual index `alef` beside a lam at `lam` reads, in logical order,
    /// as the article `ال` (at the start of the word, or after one prefix letter و ب ف ك,
    /// with at least two letters after it) rather than a lam-alef ligature. Why: in some fonts
    /// an initial lam and a final alef are exactly as wide as the halves of a ligature.
    static func isArticle(_ visual: [Unicode.Scalar], lam: Int, alef: Int) -> Bool {
        guard [0x0627, 0x0671].contains(visual[alef].value) else { return false }
        let before = visual[(alef + 1)...].filter { !isMark($0) }   // logically before the alef
        let after = visual[..<lam].filter { !isMark($0) }          // logically after the lam
        // Not lam: li- before the article is written لل, the article's alef dropped.
        let prefixes: Set<UInt32> = [0x0648, 0x0628, 0x0641, 0x0643]
        let atArticle = before.isEmpty || (before.count == 1 && prefixes.contains(before[0].value))
        return atArticle && after.count >= 2
    }

    /// Whether the boxes from `first` to `last` are all slices of one glyph: each touching the
    /// next with the same width. Marks inside a ligature glyph (`لَىٰ` drawn as one glyph of four
    /// characters) get slices of their own between the letters'.
    private static func sameGlyph(_ boxes: [Box], _ first: Int, _ last: Int) -> Bool {
        guard first < last else { return false }
        for i in first..<last where !sameSlice(boxes[i], boxes[i + 1]) { return false }
        return true
    }

    /// Whether two neighbouring boxes are slices of one glyph: same width to a thousandth of a
    /// point, touching.
    private static func sameSlice(_ a: Box, _ b: Box) -> Bool {
        let w = a.width
        return w > 0.01 && abs(w - b.width) < 0.001 * max(1, w) && abs(a.x1 - b.x0) < 0.01
    }

    /// A word in logical order with its box.
    struct Word: Equatable {
        var scalars: [Unicode.Scalar]
        var box: Box
    }

    /// Joins the pieces of vocalised right-to-left words that poppler split after a mark.
    ///
    /// A gap after a piece ending in a mark is a real space unless it is narrower than 0.55 of
    /// the line's typical space after unmarked pieces (or, lacking those, its widest gap); the
    /// factor was chosen on the shared dev set's Arabic and Ajami text PDFs (0.4–0.9 tried).
    static func joinMarkSplits(_ words: [Word], lineHeight: Double) -> [Word] {
        guard words.count > 1 else { return words }
        func gap(_ a: Word, _ b: Word) -> Double { a.box.x0 - b.box.x1 }
        var plain: [Double] = [], all: [Double] = []
        for i in 1..<words.count {
            let g = gap(words[i - 1], words[i])
            guard g < 3 * lineHeight else { continue }
            all.append(g)
            if let last = words[i - 1].scalars.last, !isMark(last) { plain.append(g) }
        }
        let reference = max((plain.isEmpty ? all.max() : median(plain)) ?? 0, 0.15 * lineHeight)
        var out: [Word] = [words[0]]
        for word in words.dropFirst() {
            let previous = out[out.count - 1]
            let endsInMark = previous.scalars.last.map(isMark) ?? false
            // Tanween (ً ٌ ٍ) ends a word, but for the silent alef (or alef maksura) some texts put after it.
            let endsInTanween = previous.scalars.last.map { (0x064B...0x064D).contains($0.value) } ?? false
            let silentAlef = word.scalars.filter { !isMark($0) }.map(\.value) == [0x0627] || word.scalars.filter { !isMark($0) }.map(\.value) == [0x0649]
            if endsInMark, !endsInTanween || silentAlef, isRightToLeft(previous.scalars), isRightToLeft(word.scalars),
               gap(previous, word) < 0.55 * reference {
                out[out.count - 1].scalars += word.scalars
                out[out.count - 1].box = previous.box.union(word.box)
            } else {
                out.append(word)
            }
        }
        return out
    }

    /// Whether a page's Arabic reads backwards (a text layer stored in visual order): the
    /// article `ال` and final `ة`/`ى` then sit at the wrong ends of words.
    static func looksReversed(_ words: [[Unicode.Scalar]]) -> Bool {
        var forward = 0, backward = 0
        for word in words where word.count >= 3 && isRightToLeft(word) {
            let folded = Array(String(String.UnicodeScalarView(word)).decomposedStringWithCompatibilityMapping.unicodeScalars.filter { !isMark($0) })
            guard folded.count >= 3 else { continue }
            if folded[0] == "\u{0627}" && folded[1] == "\u{0644}" { forward += 1 }
            if folded[folded.count - 1] == "\u{0627}" && folded[folded.count - 2] == "\u{0644}" { backward += 1 }
            if folded[folded.count - 1] == "\u{0629}" || folded[folded.count - 1] == "\u{0649}" { forward += 1 }
            if folded[0] == "\u{0629}" || folded[0] == "\u{0649}" { backward += 1 }
        }
        return backward >= 3 && backward > 2 * forward
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
