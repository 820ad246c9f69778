/// Structural checks of PNG and JPEG bytes before leptonica decodes them.
///
/// Why: libpng and libjpeg print their complaints about a truncated or damaged file straight to
/// standard error (leptonica installs no handlers for them), with no file name, in the middle of
/// a batch's progress; the file is refused anyway. Found here first, the damage becomes Taska's
/// own error record and nothing is printed. A file that passes may still fail to decode.
enum ImageIntegrity {
    /// What a check found wrong.
    enum Problem: Equatable, Sendable {
        /// The file ends before its last chunk or marker (`IEND`, `EOI`).
        case truncated
        /// A PNG chunk libpng needs (`IHDR`, `PLTE`, `IDAT`, `IEND`) fails its CRC.
        case checksum(chunk: String)
    }

    /// The result of `check`: the bytes to decode, or why not to.
    enum Verdict: Equatable, Sendable {
        /// Decode the bytes as they are.
        case intact
        /// Decode these bytes instead: the file without the ancillary PNG chunks (text, time,
        /// colour hints) that failed their CRC, which libpng would warn about on standard error.
        case repaired([UInt8], dropped: [String])
        case damaged(Problem)
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Checks PNG (by its signature) and JPEG (by its start-of-image marker) bytes; other
    /// formats are `intact` here.
    static func check(_ bytes: [UInt8]) -> Verdict {
        if bytes.count >= 8, Array(bytes[0..<8]) == pngSignature { return checkPNG(bytes) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xD8 {
            return jpegEndsWithEOI(bytes) ? .intact : .damaged(.truncated)
        }
        return .intact
    }

    /// Walks the chunks (length, type, data, CRC) up to `IEND`.
    static func checkPNG(_ bytes: [UInt8]) -> Verdict {
        var offset = 8
        var badAncillary: [Range<Int>] = []
        var dropped: [String] = []
        while true {
            guard bytes.count - offset >= 12 else { return .damaged(.truncated) }
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            guard length <= 0x7FFF_FFFF, bytes.count - offset - 12 >= length else { return .damaged(.truncated) }
            let typeStart = offset + 4, dataEnd = offset + 8 + length
            let stored = UInt32(bytes[dataEnd]) << 24 | UInt32(bytes[dataEnd + 1]) << 16
                | UInt32(bytes[dataEnd + 2]) << 8 | UInt32(bytes[dataEnd + 3])
            let type = String(decoding: bytes[typeStart..<typeStart + 4], as: UTF8.self)
            if CRC32.of(bytes[typeStart..<dataEnd]) != stored {
                // Bit 5 of the first type byte: 0 for a critical chunk, 1 for an ancillary one.
                guard bytes[typeStart] & 0x20 != 0 else { return .damaged(.checksum(chunk: type)) }
                badAncillary.append(offset..<dataEnd + 4)
                dropped.append(type)
            }
            offset = dataEnd + 4
            if type == "IEND" { break }
        }
        guard !badAncillary.isEmpty else { return .intact }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var from = 0
        for range in badAncillary {
            kept.append(contentsOf: bytes[from..<range.lowerBound])
            from = range.upperBound
        }
        kept.append(contentsOf: bytes[from..<offset])
        return .repaired(kept, dropped: dropped)
    }

    /// Whether the JPEG's marker segments and entropy-coded data run to an end-of-image marker
    /// (`FF D9`); libjpeg warns "Premature end of JPEG file" when they do not.
    static func jpegEndsWithEOI(_ b: [UInt8]) -> Bool {
        var i = 2
        let n = b.count
        while i < n {
            // A marker: 0xFF, any fill 0xFF bytes, then its code.
            guard b[i] == 0xFF else { return false }
            while i < n && b[i] == 0xFF { i += 1 }
            guard i < n else { return false }
            let code = b[i]
            i += 1
            switch code {
            case 0xD9: return true
            case 0x01, 0xD0...0xD7: continue
            default: break
            }
            guard n - i >= 2 else { return false }
            let length = Int(b[i]) << 8 | Int(b[i + 1])
            guard length >= 2, n - i >= length else { return false }
            i += length
            guard code == 0xDA else { continue }
            // Entropy-coded data after a start of scan: stuffed 0xFF 0x00 and restart markers
            // belong to it; any other marker ends it.
            while i + 1 < n {
                if b[i] == 0xFF, b[i + 1] != 0x00, !(0xD0...0xD7).contains(b[i + 1]) { break }
                i += 1
            }
            guard i + 1 < n else { return false }
        }
        return false
    }
}

/// CRC-32 (ISO 3309, the polynomial of PNG and zlib), table-driven.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            bytes.withUnsafeBufferPointer { p in
                for byte in p { c = t[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
            }
        }
        return c ^ 0xFFFF_FFFF
    }
}
