import Testing
@testable import TaskaExtract

@Suite struct UTF8ScalarsTests {
    @Test func whiteSpaceIsUnicodesWhiteSpaceProperty() {
        var differing: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }  // surrogates
            if UTF8Scalars.isWhitespace(v) != scalar.properties.isWhitespace { differing.append(v) }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    }

    @Test func decodesEveryScalarForwardAndFindsItsStartBackward() {
        let text = "a\u{A0}ɗ ك\u{3000}😀z\u{10FFFF}"
        var bytes = Array(text.utf8)
        let expected = text.unicodeScalars.map(\.value)
        bytes.withUnsafeMutableBufferPointer { m in
            let u = UnsafeBufferPointer(m)
            var i = 0
            var starts: [Int] = []
            var values: [UInt32] = []
            while i < u.count {
                let (value, length) = UTF8Scalars.decode(u, at: i)
                starts.append(i)
                values.append(value)
                i += length
            }
            #expect(values == expected)
            var backward: [Int] = []
            var end = u.count
            while end > 0 {
                end = UTF8Scalars.start(before: end, in: u, lower: 0)
                backward.append(end)
            }
            #expect(backward.reversed() == starts)
        }
    }
}
