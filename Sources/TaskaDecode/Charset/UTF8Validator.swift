/// Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF)
/// with the counts the charset decision needs.
struct UTF8Validator {
    /// What a pass over the bytes found.
    struct Report: Sendable, Equatable {
        /// Bytes below 0x80.
        var asciiBytes = 0
        /// Well-formed sequences of two to four bytes.
        var multibyteSequences = 0
        /// Ill-formed sequences (maximal subparts, as ICU and WHATWG count them).
        var invalidSequences = 0
        /// Offset of the first ill-formed byte, if any.
        var firstInvalidOffset: Int?

        /// Every byte is part of a well-formed sequence.
        var isValid: Bool { invalidSequences == 0 }
        /// Only bytes below 0x80.
        var isASCII: Bool { multibyteSequences == 0 && invalidSequences == 0 }
    }

    /// Validates all of `bytes`. ASCII runs are skipped eight bytes at a time.
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Report {
        var report = Report()
        guard let base = bytes.baseAddress else { return report }
        let n = bytes.count
        var i = 0
        while i < n {
            // Fast path: 32, then eight ASCII bytes at once.
            if i + 32 <= n {
                let raw = UnsafeRawPointer(base + i)
                let any = raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if any & 0x8080_8080_8080_8080 == 0 {
                    report.asciiBytes += 32
                    i += 32
                    continue
                }
            }
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    report.asciiBytes += 8
                    i += 8
                    continue
                }
            }
            let b0 = base[i]
            if b0 < 0x80 {
                report.asciiBytes += 1
                i += 1
                continue
            }
            let length = sequenceLength(base, i, n)
            if length > 0 {
                report.multibyteSequences += 1
                i += length
            } else {
                if report.firstInvalidOffset == nil { report.firstInvalidOffset = i }
                report.invalidSequences += 1
                i += max(1, maximalSubpart(base, i, n))
            }
        }
        return report
    }

    /// Length of the well-formed sequence starting at `i`, or 0.
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        func cont(_ k: Int) -> Bool { i + k < n && p[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0...0xEF:
            guard i + 2 < n else { return 0 }
            let b1 = p[i + 1]
            let okSecond: Bool
            switch b0 {
            case 0xE0: okSecond = b1 >= 0xA0 && b1 <= 0xBF
            case 0xED: okSecond = b1 >= 0x80 && b1 <= 0x9F
            default: okSecond = b1 & 0xC0 == 0x80
            }
            return okSecond && cont(2) ? 3 : 0
        case 0xF0...0xF4:
            guard i + 3 < n else { return 0 }
            let b1 = p[i + 1]
            let okSecond: Bool
            switch b0 {
            case 0xF0: okSecond = b1 >= 0x90 && b1 <= 0xBF
            case 0xF4: okSecond = b1 >= 0x80 && b1 <= 0x8F
            default: okSecond = b1 & 0xC0 == 0x80
            }
            return okSecond && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Length of the maximal subpart of an ill-formed sequence at `i` (Unicode 3.9, U+FFFD
    /// substitution of maximal subparts): the lead plus the continuation bytes that were valid
    /// so far.
    static func maximalSubpart(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        let need: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xED: need = 2; hi = 0x9F
        case 0xE1...0xEF: need = 2
        case 0xF0: need = 3; lo = 0x90
        case 0xF4: need = 3; hi = 0x8F
        case 0xF1...0xF3: need = 3
        default: return 1
        }
        var k = 1
        while k <= need, i + k < n {
            let b = p[i + k]
            let ok = k == 1 ? (b >= lo && b <= hi) : (b & 0xC0 == 0x80)
            if !ok { break }
            k += 1
        }
        return k
    }

    /// A `String` of bytes this validator found well-formed, made from pieces of 4 KiB that end
    /// on a scalar boundary.
    ///
    /// Why: making a `String` validates the bytes again; the standard library checks a piece for
    /// all-ASCII quickly and walks a piece with other scalars byte by byte. Pieces keep the slow
    /// walk to the pieces that need it (on web pages, most of the markup is ASCII).
    static func string(ofValid bytes: UnsafeBufferPointer<UInt8>) -> String {
        let piece = 4096
        guard bytes.count > 2 * piece else { return String(decoding: bytes, as: UTF8.self) }
        var text = ""
        text.reserveCapacity(bytes.count)
        var start = 0
        while start < bytes.count {
            var end = min(start + piece, bytes.count)
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a scalar
            text.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            start = end
        }
        return text
    }
}
