/// Classes of Unicode scalar values the trace scanners test, ASCII first and cheaply.
enum ScalarClass {
    /// The value 0–9 of a digit in ASCII, Arabic-Indic or Persian (Extended Arabic-Indic), or nil.
    @inline(__always)
    static func digit(_ v: UInt32) -> UInt32? {
        if v &- 0x30 < 10 { return v &- 0x30 }
        if v &- 0x660 < 10 { return v &- 0x660 }
        if v &- 0x6F0 < 10 { return v &- 0x6F0 }
        return nil
    }

    @inline(__always) static func isASCIIDigit(_ v: UInt32) -> Bool { v &- 0x30 < 10 }
    @inline(__always) static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isASCIIAlphanumeric(_ v: UInt32) -> Bool { isASCIIDigit(v) || isASCIILetter(v) }
    @inline(__always) static func isHex(_ v: UInt32) -> Bool { isASCIIDigit(v) || (v | 0x20) &- 0x61 < 6 }

    /// A letter or combining mark of any script (Arabic harakat and Hausa's ʼ included).
    static func isLetterOrMark(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIILetter(v) }
        guard let scalar = Unicode.Scalar(v) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// A scalar that continues a word: a letter, mark, digit of any script, or `_`.
    static func isWord(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIIAlphanumeric(v) || v == 0x5F }
        if digit(v) != nil { return true }
        if v == 0x200C || v == 0x200D { return true }  // ZWNJ, ZWJ inside Persian-style words
        return isLetterOrMark(v)
    }

    /// White space that may stand between digit groups of a phone number (space, no-break
    /// space, narrow and thin spaces).
    @inline(__always)
    static func isGroupSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0xA0 || v == 0x202F || v == 0x2009 }

    /// White space or a control: where a URL or address ends.
    static func isSpaceOrControl(_ v: UInt32) -> Bool {
        v <= 0x20 || (v >= 0x7F && v <= 0xA0) || v == 0x1680 || (v >= 0x2000 && v <= 0x200B) || v == 0x2028 || v == 0x2029
            || v == 0x202F || v == 0x205F || v == 0x3000 || v == 0xFEFF
    }

    /// ASCII lowercase of an ASCII letter; any other value unchanged.
    @inline(__always) static func lower(_ v: UInt32) -> UInt32 { isASCIILetter(v) ? v | 0x20 : v }
}

extension [UInt32] {
    /// Whether the scalars from `at` spell `ascii`, ignoring ASCII case.
    func hasASCIIPrefix(_ ascii: StaticString, at: Int) -> Bool {
        let n = ascii.utf8CodeUnitCount
        guard at >= 0, at + n <= count else { return false }
        return ascii.withUTF8Buffer { bytes in
            for k in 0..<n where ScalarClass.lower(self[at + k]) != UInt32(bytes[k]) { return false }
            return true
        }
    }

    /// The scalars in `range` as a string.
    func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for v in self[range] { if let s = Unicode.Scalar(v) { view.append(s) } }
        return String(view)
    }
}
