/// Builds the search form of normalised text, the one the full-text index stores.
///
/// Why: SQLite FTS5 splits vocalised Arabic at every haraka and cannot match `كتب` to `كَتَبَ`,
/// and a Hausa reader types `ƙasa` for a source that wrote `k'asa`; the record's `text` keeps
/// the source's letters, so every spelling variant is folded here, and only here. A query goes
/// through the same steps (`TextNormalizer.searchTerms`), so any variant finds every spelling.
///
/// Steps, in order:
/// 1. Spelling variants (`OrthographyFolder.foldForSearchKey`), on every line whatever its
///    language, because a query's language is unknown: b' d' k' 'b 'd 'k before a letter →
///    ɓ ɗ ƙ; 'y ʼy ƴ → ƴ; look-alikes ɖ қ → ɗ ƙ; schwa ǝ ә → ə. Glottal `sa'a`, English
///    `don't` and quoted `'ba zan je ba'` are left alone (see `OrthographyFolder`).
/// 2. NFKC_Casefold (ICU): case folding plus compatibility folding; it also drops default
///    ignorables such as ZWNJ. Hausa/Kanuri ɓ ɗ ƙ ƴ ə stay distinct letters (Ɓ→ɓ, never b).
/// 3. Removed: harakat and Quranic marks U+064B–U+065F, U+0670, U+06D6–U+06ED, U+0610–U+061A,
///    and tatweel U+0640.
/// 4. Folded: alef variants أ إ آ ٱ ٲ ٳ → ا; alef maksura ى and Farsi yeh ی → ي; teh marbuta
///    ة → ه; keheh ک → ك; Arabic-Indic and Extended Arabic-Indic digits → ASCII digits.
///    Kept: hamza carriers ؤ ئ and lone hamza ء (folding them merges distinct words).
/// 5. Runs of spaces collapsed and lines trimmed. Lines stay separated by `\n`, one per
///    paragraph of `text` (offsets inside a line are not those of `text`).
enum SearchKeyBuilder {
    /// The search key of `text` (UTF-16 in, UTF-16 out), with one ICU call.
    static func key(_ text: [UInt16]) throws(NormalizeError) -> [UInt16] {
        let spelled = OrthographyFolder.foldForSearchKey(text) ?? text
        let folded = try ICUText.normalize(spelled, form: .nfkcCasefold)
        // Written in place: the key is never longer than the folded text.
        return folded.withUnsafeBufferPointer { input in
            [UInt16](unsafeUninitializedCapacity: input.count) { out, initialised in
                var o = 0
                var previousSpace = true  // at a line start
                for u in input {
                    guard let mapped = map(u) else { continue }
                    if mapped == 0x20 {
                        if previousSpace { continue }
                        previousSpace = true
                    } else if mapped == 0x0A {
                        if o > 0 && out[o - 1] == 0x20 { o -= 1 }
                        previousSpace = true
                    } else {
                        previousSpace = false
                    }
                    out[o] = mapped
                    o += 1
                }
                if o > 0 && out[o - 1] == 0x20 { o -= 1 }
                initialised = o
            }
        }
    }

    /// The folded code unit, or nil to drop it. Surrogates pass through unchanged.
    @inline(__always)
    static func map(_ u: UInt16) -> UInt16? {
        guard u >= 0x0610 && u <= 0x06FF else { return u }
        switch u {
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0610...0x061A, 0x0640: return nil
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return 0x0627
        case 0x0649, 0x06CC: return 0x064A
        case 0x0629: return 0x0647
        case 0x06A9: return 0x0643
        case 0x0660...0x0669: return u - 0x0660 + 0x30
        case 0x06F0...0x06F9: return u - 0x06F0 + 0x30
        default: return u
        }
    }
}
