/// Letters Tesseract's `Latin` model writes for a hooked `ɗ` / `Ɗ`, read back as the hooked letter.
///
/// Why: Tesseract has no Hausa model; it reads most of `ɓ ɗ ƙ ƴ` as `b d k y`, but some `ɗ` as
/// `ď`, `đ` or `ð`, often beside an extra `d` (`faďdan`, `wadďanda` for `faɗan`, `waɗanda`).
/// None of those letters is written in Taska's languages, so a run of `d`-like letters holding
/// one of them is one `ɗ`. The page is OCR (marked in `pages[]`), so this is reading, not an edit
/// of a source's letters; it also tells the restore-hooks stage that the page was printed with hooks.
enum LatinOCRLetters {
    /// `text` with every run of `d ď đ ð` that holds one of `ď đ ð` as one `ɗ` (capitals: `Ɗ`).
    static func readingHookedD(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { odd($0.value) != nil }) else { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard dLike(scalars[i].value) != nil else { out.append(scalars[i]); i += 1; continue }
            var j = i, capital = false, hooked = false
            while j < scalars.count, let isCapital = dLike(scalars[j].value) {
                if odd(scalars[j].value) != nil { hooked = true }
                capital = capital || isCapital
                j += 1
            }
            if hooked {
                out.append(capital ? "\u{018A}" : "\u{0257}")
            } else {
                out.append(contentsOf: scalars[i..<j])
            }
            i = j
        }
        return String(out)
    }

    /// For a `d`-like letter, whether it is a capital; nil for any other scalar.
    private static func dLike(_ v: UInt32) -> Bool? {
        if v == 0x64 { return false }
        if v == 0x44 { return true }
        return odd(v)
    }

    /// For a letter Tesseract writes for `ɗ`, whether it is a capital; nil otherwise.
    private static func odd(_ v: UInt32) -> Bool? {
        switch v {
        case 0x010F, 0x0111, 0x00F0: return false   // ď đ ð
        case 0x010E, 0x0110, 0x00D0: return true    // Ď Đ Ð
        default: return nil
        }
    }
}
