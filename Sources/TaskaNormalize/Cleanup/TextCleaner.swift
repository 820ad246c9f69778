/// Removes invisible controls, unifies whitespace and splits at line ends.
///
/// Line ends (CRLF, CR, LF, VT, FF, NEL, U+2028, U+2029) become paragraph breaks; every other
/// Unicode space becomes one ASCII space; runs of spaces collapse; paragraphs are trimmed.
/// Bidi controls, stray zero-width characters, tatweel and other C0/C1 controls are removed and
/// counted. ZWNJ is kept between two letters (it changes joining in Persian and Ajami writing);
/// ZWJ is kept inside emoji sequences (👩‍💻), where it is not stray.
enum TextCleaner {
    /// Cleans `scalars` into non-empty paragraphs, adding what it removed to `changes`.
    static func paragraphs(_ scalars: [UInt32], changes: inout NormalizationChanges) -> [[UInt32]] {
        var paragraphs: [[UInt32]] = []
        var current: [UInt32] = []
        current.reserveCapacity(scalars.count)
        var pendingSpace = false
        let n = scalars.count
        var i = 0

        func endParagraph() {
            if !current.isEmpty { paragraphs.append(current) }
            current.removeAll(keepingCapacity: true)
            pendingSpace = false
        }

        while i < n {
            let c = scalars[i]
            i += 1
            switch ScalarKind.of(c) {
            case .lineEnd:
                if c == 0x0D, i < n, scalars[i] == 0x0A { i += 1 }
                endParagraph()
            case .space:
                if !current.isEmpty { pendingSpace = true }
            case .bidiControl:
                changes.bidiControls += 1
            case .zeroWidth:
                changes.zeroWidth += 1
            case .tatweel:
                changes.tatweel += 1
            case .control:
                changes.controlCharacters += 1
            case .zeroWidthNonJoiner:
                // Kept only between two letters (a mark after a letter counts as the letter).
                let before = !pendingSpace && current.last.map { ScalarText.isLetter($0) || ScalarText.isMark($0) } == true
                let after = i < n && ScalarText.isLetter(scalars[i])
                if before && after { current.append(c) } else { changes.zeroWidth += 1 }
            case .zeroWidthJoiner:
                let before = !pendingSpace && current.last.map(ScalarKind.continuesEmoji) == true
                let after = i < n && ScalarText.isEmoji(scalars[i])
                if before && after { current.append(c) } else { changes.zeroWidth += 1 }
            case .other:
                if pendingSpace {
                    current.append(0x20)
                    pendingSpace = false
                }
                current.append(c)
            }
        }
        endParagraph()
        return paragraphs
    }

    /// Collapses runs of U+0020 and trims them at both ends, in UTF-16 (after ICU normalisation,
    /// which can introduce spaces: NFKC turns U+00B4 into U+0020 U+0301).
    static func collapseSpaces(_ units: [UInt16]) -> [UInt16] {
        var needed = false
        var previousSpace = true
        for u in units {
            if u == 0x20 && previousSpace { needed = true; break }
            previousSpace = u == 0x20
        }
        if !needed && units.last != 0x20 { return units }
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        previousSpace = true
        for u in units {
            if u == 0x20 {
                if !previousSpace { out.append(u) }
                previousSpace = true
            } else {
                out.append(u)
                previousSpace = false
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return out
    }
}
