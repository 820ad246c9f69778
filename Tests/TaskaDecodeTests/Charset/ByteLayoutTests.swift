import Testing
@testable import TaskaDecode

@Suite struct ByteLayoutTests {
    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF, 0x41] as [UInt8], "utf-8", 3),
        ([0xFF, 0xFE, 0x41, 0x00], "utf-16le", 2),
        ([0xFE, 0xFF, 0x00, 0x41], "utf-16be", 2),
        ([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00], "utf-32le", 4),
        ([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x41], "utf-32be", 4),
    ])
    func byteOrderMarks(bytes: [UInt8], charset: String, length: Int) throws {
        let bom = bytes.withUnsafeBufferPointer { ByteOrderMark.detect($0) }
        #expect(bom == ByteOrderMark(charset: charset, length: length))
        let doc = try Fixtures.decode(bytes)
        #expect(doc.text == "A")  // the mark is stripped
        #expect(doc.charset?.source == .bom)
        #expect(doc.charset?.confidence == 1.0)
    }

    @Test func utf16WithoutBOMIsRecognisedFromItsLayout() throws {
        let text = "Sannu da zuwa! ƙasa ɗaya, السلام عليكم"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(le.withUnsafeBufferPointer { WideEncodingDetector.detect($0) }?.charset == "utf-16le")
        #expect(be.withUnsafeBufferPointer { WideEncodingDetector.detect($0) }?.charset == "utf-16be")
        let doc = try Fixtures.decode(be)
        #expect(doc.text == text)
        #expect(doc.charset?.charset == "utf-16be")
        #expect(doc.charset?.source == .detected)
    }

    @Test func utf32WithoutBOM() throws {
        let text = "Hello, ɗan uwa"
        let bytes = text.unicodeScalars.flatMap { s -> [UInt8] in
            let v = s.value
            return [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), 0]
        }
        let doc = try Fixtures.decode(bytes)
        #expect(doc.charset?.charset == "utf-32le")
        #expect(doc.text == text)
    }

    @Test func singleByteTextAndBinaryAreNotWide() {
        let latin = Array("Plain ASCII text, nothing wide about it at all.".utf8)
        #expect(latin.withUnsafeBufferPointer { WideEncodingDetector.detect($0) } == nil)
        var rng = SeededGenerator(seed: 7)
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        #expect(noise.withUnsafeBufferPointer { WideEncodingDetector.detect($0) } == nil)
        // Every other byte is the lead D0: it looks like UTF-16BE Hangul, but it is UTF-8.
        let word = Array("Москва".utf8)
        #expect(word.withUnsafeBufferPointer { WideEncodingDetector.detect($0) } == nil)
        // Short ASCII with a repeated letter in every other position is ASCII, not CJK UTF-16.
        for short in ["na uku", "uwu uku", "aaaaaaaa", "ku kuku"] {
            let bytes = Array(short.utf8)
            #expect(bytes.withUnsafeBufferPointer { WideEncodingDetector.detect($0) } == nil, "\(short)")
        }
        let zeros = [UInt8](repeating: 0, count: 64)
        #expect(zeros.withUnsafeBufferPointer { WideEncodingDetector.detect($0) } == nil)
    }

    @Test func strictUTF8Validation() {
        func report(_ b: [UInt8]) -> UTF8Validator.Report { b.withUnsafeBufferPointer { UTF8Validator.validate($0) } }
        #expect(report(Array("ascii only, long enough for the fast path".utf8)).isASCII)
        let ok = report(Array("ƙasa العربية 😀".utf8))
        #expect(ok.isValid && ok.multibyteSequences == 9)
        #expect(report([0xC0, 0x80]).invalidSequences == 2)                  // overlong
        #expect(report([0x41, 0xED, 0xA0, 0x80]).firstInvalidOffset == 1)    // surrogate
        #expect(report([0xF4, 0x90, 0x80, 0x80]).invalidSequences == 4)      // above U+10FFFF
        #expect(report([0xE2, 0x82]).invalidSequences == 1)                  // truncated: one maximal subpart
    }

    /// Every length from 0 to 200 (so runs end on and off the 8- and 32-byte strides), ASCII
    /// with a few high bytes or all random: the counts agree with a byte loop and the standard
    /// library, and nothing past the end is read (`asciiBytes` would count it).
    @Test func validationAgreesWithAByteCountAtEveryLength() {
        var rng = SeededGenerator(seed: 32)
        for n in 0...200 {
            for variant in 0..<4 {
                var b = [UInt8](repeating: 0x61, count: n)
                if variant == 3 { for i in 0..<n { b[i] = UInt8.random(in: 0...255, using: &rng) } }
                for _ in 0..<variant where n > 0 && variant < 3 {
                    b[Int.random(in: 0..<n, using: &rng)] = UInt8.random(in: 0x80...0xFF, using: &rng)
                }
                let r = b.withUnsafeBufferPointer { UTF8Validator.validate($0) }
                #expect(r.asciiBytes == b.filter { $0 < 0x80 }.count, "length \(n), variant \(variant)")
                #expect(r.isValid == (String(validating: b, as: UTF8.self) != nil), "length \(n), variant \(variant)")
                if r.isValid { #expect(r.multibyteSequences == b.filter { $0 >= 0xC0 }.count) }
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) so random tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
