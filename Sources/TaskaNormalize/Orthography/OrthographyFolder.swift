/// Unifies Hausa hooked letters and the Kanuri schwa in one paragraph that `OrthographyGate`
/// accepted.
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
/// follows later in the paragraph: `ya ce 'ba zan je ba'`.
enum OrthographyFolder {
    static func fold(_ p: [UInt32], changes: inout NormalizationChanges) -> [UInt32] {
        let n = p.count
        // The last closing quotation mark of the paragraph, if any.
        var lastClosingQuote = -1
        for j in stride(from: n - 1, through: 1, by: -1) where HausaLetters.isApostrophe(p[j]) {
            if ScalarText.isLetter(p[j - 1]) && (j + 1 == n || !ScalarText.isLetter(p[j + 1])) {
                lastClosingQuote = j
                break
            }
        }
        var out: [UInt32] = []
        out.reserveCapacity(n)
        var i = 0
        while i < n {
            let c = p[i]
            // Rule 1: b' d' k' before a letter.
            if HausaLetters.isHookBase(c), i + 2 < n, HausaLetters.isApostrophe(p[i + 1]), ScalarText.isLetter(p[i + 2]) {
                out.append(HausaLetters.hooked(c))
                changes.hausaLetters += 1
                i += 2
                continue
            }
            // Rules 2 and 3: 'b 'd 'k 'y before a letter.
            if HausaLetters.isApostrophe(c), i + 2 < n, ScalarText.isLetter(p[i + 2]) {
                let letter = p[i + 1]
                let isY = letter == 0x79 || letter == 0x59
                if HausaLetters.isHookBase(letter) || isY {
                    let wordInitial = i == 0 || !ScalarText.isLetter(p[i - 1])
                    if !(wordInitial && lastClosingQuote > i) {
                        if isY {
                            if c != 0x02BC { changes.hausaLetters += 1 }
                            out.append(0x02BC)
                            out.append(letter)
                        } else {
                            out.append(HausaLetters.hooked(letter))
                            changes.hausaLetters += 1
                        }
                        i += 2
                        continue
                    }
                }
            }
            // Rule 4: look-alike letters and schwa variants.
            if let canonical = HausaLetters.hausaLookAlike(c) {
                out.append(canonical)
                changes.hausaLetters += 1
            } else if let schwa = HausaLetters.schwaVariant(c) {
                out.append(schwa)
                changes.kanuriSchwa += 1
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }
}
