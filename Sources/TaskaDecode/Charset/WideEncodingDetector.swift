import TaskaCore

/// Recognises UTF-16 and UTF-32 without a byte-order mark from the layout of the bytes.
///
/// Text in UTF-16 repeats a handful of high bytes (0x00 for Latin, 0x06 for Arabic) in every
/// other position, while the other positions vary; binary data and single-byte text do not
/// show that parity. A candidate is accepted only if decoding it yields text-like code units.
enum WideEncodingDetector {
    /// A detected layout: canonical charset name and a confidence in [0, 1].
    struct Result: Sendable, Equatable {
        var charset: String
        var confidence: Double
    }

    /// At most this many bytes from the start are examined.
    static let sampleLimit = 64 * 1024

    /// The UTF-16/UTF-32 layout of `bytes` (after any BOM), or `nil`.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Result? {
        let n = min(bytes.count, sampleLimit)
        guard n >= 4 else { return detectTiny(bytes) }
        // NUL-free ASCII or UTF-8 is never taken for UTF-16. A run of two-byte UTF-8 letters
        // with no space ("Москва") repeats its lead byte in
        // every other position too. UTF-16 text nearly always has a NUL byte somewhere;
        // NUL-free valid multi-byte UTF-8 is UTF-8. (Checked first: it is the common case and
        // cheaper than the layout counts.)
        if looksLikeUTF8(UnsafeBufferPointer(rebasing: bytes[0..<n])) { return nil }
        return detectUTF32(bytes, n) ?? detectUTF16(bytes, n)
    }

    /// Whether `bytes` hold a NUL byte (UTF-16 and UTF-32 text nearly always does).
    static func containsNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteSearch.index(of: 0, in: bytes, from: 0) < bytes.count
    }

    private static func looksLikeUTF8(_ sample: UnsafeBufferPointer<UInt8>) -> Bool {
        if containsNUL(sample) { return false }
        // NUL-free ASCII ("na uku") is ASCII, never CJK UTF-16; likewise valid multi-byte UTF-8.
        let report = UTF8Validator.validate(sample)
        // The sample may end inside a character.
        return report.invalidSequences == 0
            || (report.invalidSequences == 1 && (report.firstInvalidOffset ?? 0) >= sample.count - 3)
    }

    /// Two or three bytes: only an ASCII character with a NUL partner counts.
    private static func detectTiny(_ b: UnsafeBufferPointer<UInt8>) -> Result? {
        guard b.count >= 2 else { return nil }
        if b[0] == 0, b[1] >= 0x09, b[1] < 0x80 { return Result(charset: "utf-16be", confidence: 0.5) }
        if b[1] == 0, b[0] >= 0x09, b[0] < 0x80 { return Result(charset: "utf-16le", confidence: 0.5) }
        return nil
    }

    private static func detectUTF32(_ b: UnsafeBufferPointer<UInt8>, _ n: Int) -> Result? {
        let units = n / 4
        var le = 0, be = 0, zero = 0
        var i = 0
        while i + 3 < n {
            let (b0, b1, b2, b3) = (b[i], b[i + 1], b[i + 2], b[i + 3])
            if b0 == 0 && b1 == 0 && b2 == 0 && b3 == 0 { zero += 1 }
            if b3 == 0 && b2 <= 0x10 && (b2 != 0 || b1 != 0 || b0 != 0) { le += 1 }
            if b0 == 0 && b1 <= 0x10 && (b1 != 0 || b2 != 0 || b3 != 0) { be += 1 }
            i += 4
        }
        guard zero * 100 <= units else { return nil }
        // UTF-16 Latin text also has zero bytes, but never two in a row in every unit.
        if le * 100 >= units * 97 && be * 100 < units * 50 {
            return validate(b, n, charset: "utf-32le", width: 4)
        }
        if be * 100 >= units * 97 && le * 100 < units * 50 {
            return validate(b, n, charset: "utf-32be", width: 4)
        }
        return nil
    }

    private static func detectUTF16(_ b: UnsafeBufferPointer<UInt8>, _ n: Int) -> Result? {
        let units = n / 2
        var even = [Int](repeating: 0, count: 256)
        var odd = [Int](repeating: 0, count: 256)
        var i = 0
        while i + 1 < n {
            even[Int(b[i])] += 1
            odd[Int(b[i + 1])] += 1
            i += 2
        }
        let evenShare = topTwoShare(even, units)
        let oddShare = topTwoShare(odd, units)
        // At least one NUL or a strongly repeated high byte is needed either way.
        if evenShare >= 0.8 && evenShare - oddShare >= 0.25 && (even[0] > 0 || evenShare >= 0.95) {
            return validate(b, n, charset: "utf-16be", width: 2)
        }
        if oddShare >= 0.8 && oddShare - evenShare >= 0.25 && (odd[0] > 0 || oddShare >= 0.95) {
            return validate(b, n, charset: "utf-16le", width: 2)
        }
        return nil
    }

    private static func topTwoShare(_ histogram: [Int], _ total: Int) -> Double {
        guard total > 0 else { return 0 }
        var first = 0, second = 0
        for c in histogram {
            if c > first { second = first; first = c } else if c > second { second = c }
        }
        return Double(first + second) / Double(total)
    }

    /// Decodes the sample as `charset` and requires text-like code points: no NUL runs, few
    /// controls, paired surrogates.
    private static func validate(_ b: UnsafeBufferPointer<UInt8>, _ n: Int, charset: String, width: Int) -> Result? {
        var total = 0, bad = 0
        var i = 0
        var pendingHigh = false
        while i + width - 1 < n {
            let cp: UInt32
            switch charset {
            case "utf-16le": cp = UInt32(b[i]) | UInt32(b[i + 1]) << 8
            case "utf-16be": cp = UInt32(b[i]) << 8 | UInt32(b[i + 1])
            case "utf-32le": cp = UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
            default: cp = UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
            }
            i += width
            total += 1
            if width == 2 {
                if cp >= 0xD800 && cp <= 0xDBFF {
                    if pendingHigh { bad += 1 }
                    pendingHigh = true
                    continue
                }
                if cp >= 0xDC00 && cp <= 0xDFFF {
                    if !pendingHigh { bad += 1 }
                    pendingHigh = false
                    continue
                }
                if pendingHigh { bad += 1; pendingHigh = false }
            }
            if !isTextLike(cp) { bad += 1 }
        }
        guard total > 0, bad * 50 <= total else { return nil }
        let clean = 1 - Double(bad) / Double(total)
        let evidence = min(1, Double(total) / 32)
        return Result(charset: charset, confidence: min(0.95, 0.5 + 0.45 * clean * evidence))
    }

    private static func isTextLike(_ cp: UInt32) -> Bool {
        switch cp {
        case 0x09, 0x0A, 0x0C, 0x0D: return true
        case 0x00..<0x20, 0x7F..<0xA0: return false
        case 0xFFFE, 0xFFFF: return false
        case 0xD800...0xDFFF: return false
        case 0x110000...: return false
        default: return true
        }
    }
}
