/// A line of text in display (visual) order, for terminals that do not implement the Unicode
/// bidirectional algorithm.
///
/// Most terminal emulators print characters left to right in memory order, so an Arabic line
/// reads backwards. `taska inspect` reorders each line with ICU's resolved levels (rule L2 of
/// UAX #9: reverse every run at level ≥ k, for k from the highest level down to the lowest odd
/// one) over user-perceived characters, so combining marks stay on their letters, and mirrors
/// paired brackets inside right-to-left runs. Records never hold visual order.
public enum VisualOrder {
    /// `line` (no line breaks) in left-to-right display order; `rightToLeft` forces the base
    /// direction, `nil` takes it from the first strong character.
    public static func reorder(_ line: String, rightToLeft: Bool? = nil) throws(NormalizeError) -> String {
        let units = Array(line.utf16)
        guard !units.isEmpty else { return line }
        let level: ICUBidiLevel = rightToLeft.map { $0 ? .rtl : .ltr } ?? .defaultLTR
        let bidi = try ICUText.bidiRuns(units, level: level)
        guard bidi.runs.contains(where: { $0.level > 0 }) else { return line }
        // Levels per user-perceived character (its first unit's level), so a base letter and
        // its combining marks (harakat) move together and stay in their order.
        var characters: [Character] = []
        var levels: [Int] = []
        var levelOfUnit = [Int](repeating: 0, count: units.count)
        for run in bidi.runs { for i in run.start..<min(run.start + run.length, units.count) { levelOfUnit[i] = run.level } }
        var offset = 0
        for character in line {
            characters.append(character)
            levels.append(levelOfUnit[min(offset, units.count - 1)])
            offset += character.utf16.count
        }
        let highest = levels.max() ?? 0
        let lowestOdd = levels.filter { $0 & 1 == 1 }.min() ?? (highest + 1)
        if lowestOdd <= highest {
            for k in stride(from: highest, through: lowestOdd, by: -1) {
                var i = 0
                while i < characters.count {
                    guard levels[i] >= k else { i += 1; continue }
                    var j = i
                    while j < characters.count && levels[j] >= k { j += 1 }
                    characters[i..<j].reverse()
                    levels[i..<j].reverse()
                    i = j
                }
            }
        }
        var out = ""
        for (character, level) in zip(characters, levels) {
            if level & 1 == 1, character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first {
                out.unicodeScalars.append(mirrored(scalar))
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The mirror glyph of a paired bracket (the common pairs; others unchanged).
    static func mirrored(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s {
        case "(": return ")"
        case ")": return "("
        case "[": return "]"
        case "]": return "["
        case "{": return "}"
        case "}": return "{"
        case "<": return ">"
        case ">": return "<"
        case "«": return "»"
        case "»": return "«"
        default: return s
        }
    }
}
