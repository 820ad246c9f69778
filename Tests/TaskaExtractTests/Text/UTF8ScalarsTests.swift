import Testing
@testable import TaskaExtract

@Suite struct UTF8ScalarsTests {
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

    /// The written-out mark table against the standard library, for every scalar, by value and
    /// from its UTF-8 bytes; on a difference it prints the table to paste into `UTF8Scalars`.
    @Test func markOrFormatIsCategoriesMnMcMeCf() {
        func expected(_ s: Unicode.Scalar) -> Bool {
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
            default: return false
            }
        }
        var differing: [UInt32] = []
        var bits = [UInt64](repeating: 0, count: 1024)
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }  // surrogates
            let want = expected(scalar)
            if want && v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
            var bytes = Array(String(scalar).utf8) + [0, 0, 0]
            let fromBytes = bytes.withUnsafeMutableBufferPointer { UTF8Scalars.isMarkOrFormat(UnsafePointer($0.baseAddress!), at: 0) }
            if UTF8Scalars.isMarkOrFormat(v) != want || fromBytes != want { differing.append(v) }
        }
        let table = bits.enumerated().filter { $0.element != 0 }
            .map { "(0x\(String($0.offset, radix: 16, uppercase: true)), 0x\(String($0.element, radix: 16, uppercase: true)))" }
        #expect(differing.isEmpty, "markWords is stale for \(differing.count) scalars; new table:\n\(table.joined(separator: ", "))")
    }
}
