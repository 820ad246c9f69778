import Testing
import TaskaTestSupport
@testable import TaskaOCR

@Suite struct ImageIntegrityTests {
    static func png() throws -> [UInt8] { try fileBytes(fixturePath("pdf/sanarwa-ruwa-ha.png")) }

    /// A chunk with the given type and data, its CRC right or wrong.
    static func chunk(_ type: String, _ data: [UInt8], goodCRC: Bool) -> [UInt8] {
        let body = Array(type.utf8) + data
        let crc = CRC32.of(body[...]) ^ (goodCRC ? 0 : 1)
        let n = UInt32(data.count)
        return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + body
            + [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
    }

    @Test func crc32HasItsCheckValue() {
        #expect(CRC32.of(Array("123456789".utf8)[...]) == 0xCBF4_3926)
    }

    @Test func anIntactPNGPasses() throws {
        #expect(ImageIntegrity.check(try Self.png()) == .intact)
    }

    @Test func aPNGCutShortIsTruncated() throws {
        let bytes = try Self.png()
        for cut in [9, 20, 33, bytes.count / 2, bytes.count - 1] {
            #expect(ImageIntegrity.check(Array(bytes.prefix(cut))) == .damaged(.truncated), "cut at \(cut)")
        }
    }

    @Test func aCriticalChunkFailingItsCRCIsDamaged() throws {
        var bytes = try Self.png()
        bytes[16] ^= 0x01  // inside IHDR's data (the width)
        #expect(ImageIntegrity.check(bytes) == .damaged(.checksum(chunk: "IHDR")))
    }

    @Test func anAncillaryChunkFailingItsCRCIsDroppedAndThePictureKept() throws {
        let original = try Self.png()
        // After the signature (8 bytes) and IHDR (4 + 4 + 13 + 4 bytes).
        let bad = Self.chunk("tEXt", Array("Comment\0damaged".utf8), goodCRC: false)
        let good = Self.chunk("tEXt", Array("Comment\0fine".utf8), goodCRC: true)
        let damaged = Array(original[0..<33]) + bad + good + Array(original[33...])
        guard case .repaired(let kept, let dropped) = ImageIntegrity.check(damaged) else {
            Issue.record("expected a repair")
            return
        }
        #expect(dropped == ["tEXt"])
        #expect(kept == Array(original[0..<33]) + good + Array(original[33...]))
        let image = try PageRecognizer.decodeImage(damaged, format: "PNG image", path: "x.png", maxPixels: 40_000_000)
        let reference = try PageRecognizer.decodeImage(original, format: "PNG image", path: "x.png", maxPixels: 40_000_000)
        #expect(image.width == reference.width && image.height == reference.height && image.pixels == reference.pixels)
    }

    @Test func aTruncatedPNGIsAnUnreadableImage() throws {
        let bytes = Array(try Self.png().prefix(5_000))
        #expect {
            try PageRecognizer.decodeImage(bytes, format: "PNG image", path: "half.png", maxPixels: 40_000_000)
        } throws: { error in
            (error as? OCRError)?.reason == .unreadableImage(format: "PNG image")
        }
    }

    /// SOI, an APP0 segment, a start of scan, entropy-coded data with a stuffed 0xFF and a
    /// restart marker, and (optionally) EOI.
    static func jpeg(withEnd: Bool) -> [UInt8] {
        var b: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x06, 0x4A, 0x46, 0x49, 0x46]
        b += [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00]
        b += [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0x78]
        if withEnd { b += [0xFF, 0xD9] }
        return b
    }

    @Test func aJPEGMustRunToItsEndOfImageMarker() {
        #expect(ImageIntegrity.jpegEndsWithEOI(Self.jpeg(withEnd: true)))
        #expect(ImageIntegrity.check(Self.jpeg(withEnd: true)) == .intact)
        // Trailing bytes after EOI are ignored, as libjpeg does.
        #expect(ImageIntegrity.jpegEndsWithEOI(Self.jpeg(withEnd: true) + [0, 0, 0]))
        #expect(!ImageIntegrity.jpegEndsWithEOI(Self.jpeg(withEnd: false)))
        let whole = Self.jpeg(withEnd: true)
        for cut in 2..<whole.count {
            #expect(ImageIntegrity.check(Array(whole.prefix(cut))) == .damaged(.truncated), "cut at \(cut)")
        }
    }

    @Test func otherFormatsAreLeftToTheDecoder() {
        #expect(ImageIntegrity.check(Array("II*\0".utf8) + [1, 2, 3]) == .intact)
        #expect(ImageIntegrity.check([]) == .intact)
    }
}
