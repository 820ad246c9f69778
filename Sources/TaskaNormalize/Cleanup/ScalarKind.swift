/// What `TextCleaner` does with one scalar.
enum ScalarKind {
    case lineEnd, space, bidiControl, zeroWidth, zeroWidthNonJoiner, zeroWidthJoiner, tatweel, control, other

    @inline(__always)
    static func of(_ c: UInt32) -> ScalarKind {
        if c >= 0x20 && c < 0x7F { return c == 0x20 ? .space : .other }
        switch c {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return .lineEnd
        case 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return .bidiControl
        case 0x200B, 0x2060, 0xFEFF, 0x00AD: return .zeroWidth
        case 0x200C: return .zeroWidthNonJoiner
        case 0x200D: return .zeroWidthJoiner
        case 0x0640: return .tatweel
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return .control
        default: return .other
        }
    }

    /// True for invisible scalars: a line made only of these (and spaces) is blank.
    static func isInvisible(_ c: UInt32) -> Bool {
        switch of(c) {
        case .space, .bidiControl, .zeroWidth, .zeroWidthNonJoiner, .zeroWidthJoiner, .control: return true
        default: return false
        }
    }

    /// Scalars after which a ZWJ continues an emoji sequence: emoji, VS16, skin-tone modifiers.
    static func continuesEmoji(_ c: UInt32) -> Bool {
        c == 0xFE0F || (0x1F3FB...0x1F3FF).contains(c) || ScalarText.isEmoji(c)
    }
}
