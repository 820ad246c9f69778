/// A PDF page's raw text layer → lines in logical order with boxes.
///
/// Right-to-left words are repaired (`RightToLeftRepair`), vocalised words split by poppler are
/// joined, a poppler line that jumps a column gutter is cut in two, and a page whose Arabic
/// reads backwards (a visual-order text layer) is turned round.
enum TextLayerLines {
    /// The lines of `raw`, and whether the page was turned round.
    static func lines(of raw: RawPage) -> (lines: [PageLine], reversed: Bool) {
        var out: [PageLine] = []
        var allWords: [[Unicode.Scalar]] = []
        for (index, line) in raw.lines.enumerated() {
            let hasBoxes = line.words.allSatisfy { $0.boxes.count == $0.scalars.count && !$0.boxes.isEmpty }
            var words: [RightToLeftRepair.Word] = line.words.map { word in
                let box = hasBoxes ? word.box : Box(x0: 0, y0: Double(index) * 12, x1: raw.width, y1: Double(index) * 12 + 10)
                return RightToLeftRepair.Word(scalars: RightToLeftRepair.logical(word), box: box)
            }
            guard !words.isEmpty else { continue }
            let heights = words.map(\.box.height).filter { $0 > 0 }
            let lineHeight = RightToLeftRepair.median(heights) ?? 10
            let rtl = RightToLeftRepair.isMostlyRightToLeft(words.lazy.map(\.scalars))
            if rtl && hasBoxes { words = RightToLeftRepair.joinMarkSplits(words, lineHeight: lineHeight) }
            allWords += words.map(\.scalars)
            // Cut at every gap wider than a plain word space: poppler joins the lines of two
            // columns; reading order finds the gutters and joins the pieces of a line again.
            var piece: [RightToLeftRepair.Word] = []
            func endPiece() {
                guard !piece.isEmpty else { return }
                let box = piece.dropFirst().reduce(piece[0].box) { $0.union($1.box) }
                out.append(PageLine(text: piece.map { String(String.UnicodeScalarView($0.scalars)) }.joined(separator: " "), box: box, rtl: rtl))
                piece = []
            }
            for word in words {
                if let last = piece.last, hasBoxes {
                    let gap = rtl ? last.box.x0 - word.box.x1 : word.box.x0 - last.box.x1
                    if gap > 0.6 * lineHeight || gap < -lineHeight { endPiece() }
                }
                piece.append(word)
            }
            endPiece()
        }
        guard RightToLeftRepair.looksReversed(allWords) else { return (out, false) }
        for i in out.indices where out[i].rtl {
            out[i].text = String(String.UnicodeScalarView(out[i].text.unicodeScalars.reversed()))
        }
        return (out, true)
    }
}

/// Whether a page's text layer is worth keeping or the page should be read by OCR instead.
///
/// Poor means: too few letters for the page (a scan, or a scan with a stray text line), or a
/// high share of characters that no script of Taska's languages uses (private-use glyph codes,
/// replacement characters, letters of unrelated scripts: a font without a usable ToUnicode map).
enum TextLayerQuality {
    /// Fewer letters than this on a page means it is read by OCR.
    static let minimumLetters = 40
    /// A larger share of implausible characters than this means the text layer is garbage.
    static let maximumImplausibleShare = 0.25

    static func isPoor(_ lines: [PageLine]) -> Bool {
        var letters = 0, implausible = 0, total = 0
        for line in lines {
            for s in line.text.unicodeScalars where !s.properties.isWhitespace {
                total += 1
                if s.properties.isAlphabetic { letters += 1 }
                if !isPlausible(s) { implausible += 1 }
            }
        }
        if letters < minimumLetters { return true }
        return Double(implausible) / Double(max(total, 1)) > maximumImplausibleShare
    }

    /// Latin (with the extensions Hausa and Kanuri use), Arabic script, digits, punctuation
    /// and common symbols are plausible; everything else is not.
    static func isPlausible(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x0250 { return v >= 0x20 }
        if (0x0250...0x02FF).contains(v) || (0x0300...0x036F).contains(v) { return true }
        if (0x0600...0x06FF).contains(v) || (0x0750...0x077F).contains(v) || (0x08A0...0x08FF).contains(v) { return true }
        if (0xFB50...0xFDFF).contains(v) || (0xFE70...0xFEFE).contains(v) { return true }
        if (0x1E00...0x1EFF).contains(v) || (0x2000...0x206F).contains(v) || (0x20A0...0x20CF).contains(v) { return true }
        if (0xA720...0xA7FF).contains(v) { return true }
        return false
    }
}
