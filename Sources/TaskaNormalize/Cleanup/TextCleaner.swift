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
        scalars.withUnsafeBufferPointer { input in
            let n = input.count
            // The paragraph being built: every scalar gives at most one, and a pending space is
            // written only in place of a space scalar read earlier, so `n` always suffices.
            let current = UnsafeMutablePointer<UInt32>.allocate(capacity: max(n, 1))
            defer { current.deallocate() }
            var length = 0
            var pendingSpace = false
            var i = 0

            func endParagraph() {
                if length > 0 { paragraphs.append(Array(UnsafeBufferPointer(start: current, count: length))) }
                length = 0
                pendingSpace = false
            }
            @inline(__always) func append(_ c: UInt32) {
                current[length] = c
                length &+= 1
            }

            while i < n {
                let c = input[i]
                i &+= 1
                // Printable ASCII but the space: kept as it is.
                if c > 0x20 && c < 0x7F {
                    if pendingSpace {
                        append(0x20)
                        pendingSpace = false
                    }
                    append(c)
                    continue
                }
                switch ScalarKind.of(c) {
                case .lineEnd:
                    if c == 0x0D, i < n, input[i] == 0x0A { i &+= 1 }
                    endParagraph()
                case .space:
                    if length > 0 { pendingSpace = true }
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
                    let before = !pendingSpace && length > 0
                        && (ScalarText.isLetter(current[length - 1]) || ScalarText.isMark(current[length - 1]))
                    let after = i < n && ScalarText.isLetter(input[i])
                    if before && after { append(c) } else { changes.zeroWidth += 1 }
                case .zeroWidthJoiner:
                    let before = !pendingSpace && length > 0 && ScalarKind.continuesEmoji(current[length - 1])
                    let after = i < n && ScalarText.isEmoji(input[i])
                    if before && after { append(c) } else { changes.zeroWidth += 1 }
                case .other:
                    if pendingSpace {
                        append(0x20)
                        pendingSpace = false
                    }
                    append(c)
                }
            }
            endParagraph()
        }
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
