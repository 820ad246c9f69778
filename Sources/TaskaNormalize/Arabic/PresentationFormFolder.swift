/// Replaces Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) by base letters.
///
/// Why: legacy PDF and font-encoded pages store contextual glyphs (ﻣﺮﺣﺒﺎ) instead of letters
/// (مرحبا), which breaks search and language detection. Each such character is replaced by its
/// NFKC form even when the document is normalised to NFC, so lam-alef ligatures become two
/// letters and nothing else in the text is compatibility-folded. U+FEFF (a BOM, not a form)
/// is left to `TextCleaner`.
enum PresentationFormFolder {
    @inline(__always)
    static func isPresentationForm(_ c: UInt32) -> Bool {
        (0xFB50...0xFDFF).contains(c) || (0xFE70...0xFEFE).contains(c)
    }

    /// `scalars` with every presentation form folded; one ICU call for all forms in `scalars`.
    static func fold(_ scalars: [UInt32], changes: inout NormalizationChanges) throws(NormalizeError) -> [UInt32] {
        guard scalars.contains(where: isPresentationForm) else { return scalars }
        // All forms of this text, separated by LF: LF is a starter that never composes, so each
        // form is normalised on its own, in a single ICU call.
        var batch: [UInt16] = []
        for c in scalars where isPresentationForm(c) {
            if !batch.isEmpty { batch.append(0x0A) }
            batch.append(UInt16(c))
        }
        let folded = try ICUText.normalize(batch, form: .nfkc)
        let pieces = folded.split(separator: 0x0A, omittingEmptySubsequences: false)
        let formCount = batch.count - batch.count / 2
        guard pieces.count == formCount else { return scalars }  // cannot happen; keep the text as is

        var out: [UInt32] = []
        out.reserveCapacity(scalars.count + scalars.count / 4)
        var next = 0
        for c in scalars {
            guard isPresentationForm(c) else { out.append(c); continue }
            let piece = pieces[next]
            next += 1
            if piece.count == 1, UInt32(piece[piece.startIndex]) == c {
                out.append(c)  // unassigned or without a compatibility mapping (ornate parentheses)
            } else {
                changes.presentationForms += 1
                out.append(contentsOf: ScalarText.scalars(utf16: Array(piece)))
            }
        }
        return out
    }
}
