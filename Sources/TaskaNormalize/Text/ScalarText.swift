import TaskaCore

/// Conversions between Unicode scalar values, UTF-16 and `String`, and scalar classification.
///
/// Normalisation works on `[UInt32]` scalar buffers and `[UInt16]` UTF-16 buffers (what ICU
/// takes) so that no hot loop does per-`Character` String work.
enum ScalarText {
    /// The scalar values of `text`.
    static func scalars(of text: String) -> [UInt32] {
        ScalarValues.of(text)
    }

    /// UTF-16 code units of scalar values.
    static func utf16(_ scalars: [UInt32]) -> [UInt16] {
        var out: [UInt16] = []
        out.reserveCapacity(scalars.count + scalars.count / 8)
        for value in scalars {
            if value < 0x10000 {
                out.append(UInt16(truncatingIfNeeded: value))
            } else {
                let v = value - 0x10000
                out.append(UInt16(truncatingIfNeeded: 0xD800 + (v >> 10)))
                out.append(UInt16(truncatingIfNeeded: 0xDC00 + (v & 0x3FF)))
            }
        }
        return out
    }

    /// Scalar values of UTF-16 code units (an unpaired surrogate becomes U+FFFD).
    static func scalars(utf16 units: [UInt16]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(units.count)
        var i = 0
        let n = units.count
        while i < n {
            let u = UInt32(units[i])
            if u & 0xFC00 == 0xD800, i + 1 < n, units[i + 1] & 0xFC00 == 0xDC00 {
                out.append(0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00))
                i += 2
            } else {
                out.append(u & 0xF800 == 0xD800 ? 0xFFFD : u)
                i += 1
            }
        }
        return out
    }

    /// A `String` from scalar values.
    static func string(_ scalars: [UInt32]) -> String {
        UTF16Text.string(utf16(scalars))
    }

    /// The number of scalars in UTF-16 code units (a surrogate pair counts once).
    static func scalarCount(_ units: ArraySlice<UInt16>) -> Int {
        var count = 0
        for u in units where u & 0xFC00 != 0xDC00 { count += 1 }
        return count
    }

    /// Scalar offsets for ascending UTF-16 offsets into `units`, in one pass.
    static func scalarOffsets(_ utf16Offsets: [Int], in units: [UInt16]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(utf16Offsets.count)
        var unit = 0
        var scalar = 0
        for target in utf16Offsets {
            precondition(target >= unit, "UTF-16 offsets must ascend")
            while unit < target, unit < units.count {
                if units[unit] & 0xFC00 != 0xDC00 { scalar += 1 }
                unit += 1
            }
            result.append(scalar)
        }
        return result
    }

    /// True for letters (general category L*). ASCII is answered without a property lookup,
    /// the rest of U+0000…U+08FF (Latin extensions, IPA, Greek, Cyrillic, Arabic) from a table.
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value < 0x900 { return letterBits.withUnsafeBufferPointer { $0[Int(value >> 6)] >> UInt64(value & 63) & 1 != 0 } }
        return letterByProperty(value)
    }

    /// `isLetter` of U+0000…U+08FF as bits (36 words), computed once from the properties.
    static let letterBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x900 / 64)
        for v in 0..<0x900 where letterByProperty(UInt32(v)) { bits[v >> 6] |= 1 << UInt64(v & 63) }
        return bits
    }()

    /// `isLetter` from the scalar's general category.
    static func letterByProperty(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// True for combining marks (general category M*).
    @inline(__always)
    static func isMark(_ value: UInt32) -> Bool {
        if value < 0x300 { return false }
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// True for pictographic emoji (not the ASCII digits, `#` and `*` that are also Emoji=Yes).
    static func isEmoji(_ value: UInt32) -> Bool {
        guard value >= 0xA9, let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isEmoji
    }
}
