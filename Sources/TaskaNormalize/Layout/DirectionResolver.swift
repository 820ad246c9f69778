import TaskaCore

/// Resolves the writing direction of paragraphs and documents with ICU's bidi algorithm.
///
/// Paragraph rule: ICU resolves the paragraph (first strong character decides, left-to-right
/// when there is none; a block's declared `dir` is used as the paragraph level instead). Letters
/// in odd-level runs are counted as right-to-left, letters in even-level runs as left-to-right.
/// - no letters: the paragraph is neutral; its direction is the declared or resolved base
///   direction, and it does not take part in the document's direction;
/// - `mixed` when ICU found levels of both parities and the minority direction has at least
///   `mixedMinorityShare` (10%) of the letters;
/// - otherwise the majority direction (ties: the resolved base direction).
///
/// Document rule: `ltr` or `rtl` when all non-neutral paragraphs agree, else `mixed`; `ltr` when
/// every paragraph is neutral or there are none.
enum DirectionResolver {
    /// The smallest share of letters in the minority direction that makes a paragraph mixed.
    static let mixedMinorityShare = 0.10

    /// The direction of one paragraph, and whether it had no letters (neutral).
    struct ParagraphDirection: Sendable, Equatable {
        var direction: Direction
        var isNeutral: Bool
        var leftToRightLetters: Int
        var rightToLeftLetters: Int
    }

    /// Resolves one paragraph given as UTF-16 (one ICU call, unless nothing in it can be
    /// right-to-left).
    static func paragraph(_ units: [UInt16], declared: Direction?) throws(NormalizeError) -> ParagraphDirection {
        if declared != .rtl, !mayBeRightToLeft(units) {
            // No R, AL or AN character and no bidi control: every level is even and the paragraph
            // is left-to-right, as ICU would resolve it.
            var letters = 0
            for u in units where ScalarText.isLetter(UInt32(u)) { letters += 1 }
            return ParagraphDirection(direction: .ltr, isNeutral: letters == 0, leftToRightLetters: letters, rightToLeftLetters: 0)
        }
        return try resolvedByICU(units, declared: declared)
    }

    /// `paragraph` by ICU's bidi algorithm, always.
    static func resolvedByICU(_ units: [UInt16], declared: Direction?) throws(NormalizeError) -> ParagraphDirection {
        let level: ICUBidiLevel = switch declared {
        case .ltr: .ltr
        case .rtl: .rtl
        case .mixed, nil: .defaultLTR
        }
        let bidi = try ICUText.bidiRuns(units, level: level)
        var ltr = 0
        var rtl = 0
        for run in bidi.runs {
            var i = run.start
            let end = run.start + run.length
            while i < end {
                var value = UInt32(units[i])
                if value & 0xFC00 == 0xD800, i + 1 < end, units[i + 1] & 0xFC00 == 0xDC00 {
                    value = 0x10000 + ((value - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                    i += 1
                }
                i += 1
                if ScalarText.isLetter(value) {
                    if run.isRightToLeft { rtl += 1 } else { ltr += 1 }
                }
            }
        }
        let base: Direction = bidi.paragraphLevel & 1 == 1 ? .rtl : .ltr
        if ltr + rtl == 0 {
            return ParagraphDirection(direction: base, isNeutral: true, leftToRightLetters: 0, rightToLeftLetters: 0)
        }
        let minority = Double(min(ltr, rtl)) / Double(ltr + rtl)
        let direction: Direction
        if bidi.hasBothDirections && ltr > 0 && rtl > 0 && minority >= mixedMinorityShare {
            direction = .mixed
        } else if ltr != rtl {
            direction = rtl > ltr ? .rtl : .ltr
        } else {
            direction = base
        }
        return ParagraphDirection(direction: direction, isNeutral: false, leftToRightLetters: ltr, rightToLeftLetters: rtl)
    }

    /// Whether `units` hold a code unit that is, or may be, of a right-to-left bidi class (R,
    /// AL, AN) or a control that can start right-to-left text: Hebrew to Arabic Extended-A
    /// (U+0590–U+08FF), RLM, the embedding/override/isolate controls, Hebrew and Arabic
    /// presentation forms (U+FB1D–U+FEFF) and, conservatively, any surrogate.
    static func mayBeRightToLeft(_ units: [UInt16]) -> Bool {
        for u in units where u >= 0x0590 {
            if u < 0x0900 || u == 0x200F || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069)
                || (u >= 0xD800 && u < 0xE000) || (u >= 0xFB1D && u <= 0xFEFF) { return true }
        }
        return false
    }

    /// The direction of a document from its paragraphs.
    static func document(_ paragraphs: [ParagraphDirection]) -> Direction {
        var seen: Direction?
        for p in paragraphs where !p.isNeutral {
            if p.direction == .mixed { return .mixed }
            if let s = seen, s != p.direction { return .mixed }
            seen = p.direction
        }
        return seen ?? .ltr
    }
}
