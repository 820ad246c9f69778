import Testing
import TaskaCore
@testable import TaskaExtract

@Suite struct MarkupCensusTests {
    private func census(_ text: String) -> MarkupCensus {
        var text = text
        return text.withUTF8 { MarkupCensus.count($0) }
    }

    @Test func countsTagsAttributesAndTextRuns() {
        let c = census("<html><body class=a id='b'><p data-x=\"1 > 2\">Sannu</p><br/>x<!-- <p a=1> --><?pi <p> ?></body></html>")
        #expect(c.elements == 4)
        #expect(c.attributes == 3)
        #expect(c.texts == 2)
        #expect(c.mostAttributes == 2)
    }

    @Test func rawTextAndCDATAAreSkipped() {
        let c = census("<script>if (a<b) { x = '<p a=1>' }</script><style>p<q{}</style><![CDATA[<p>]]><p>t</p>")
        #expect(c.elements == 3)
        #expect(c.attributes == 0)
    }

    @Test func countsDoNotDependOnWhereTheBytesFallInTheScan() {
        // The scan reads 32 bytes at a time: the same markup at every offset gives the same counts.
        let markup = "<div a=1 b=2><script>var s = '<b c=1>';</script><p>x</p><!-- <i> --></div>"
        let expected = census(markup)
        #expect(expected.elements == 3 && expected.attributes == 2)
        for pad in 0..<70 {
            let shifted = census(String(repeating: "y", count: pad) + markup + String(repeating: "z", count: pad))
            #expect(shifted.elements == expected.elements && shifted.attributes == expected.attributes, "pad \(pad)")
            #expect(shifted.mostAttributesOffset == expected.mostAttributesOffset + pad, "pad \(pad)")
        }
    }

    @Test func indexOfFindsTheFirstByteOrTheEnd() {
        for length in [0, 1, 31, 32, 33, 64, 95] {
            for at in 0..<length {
                var bytes = [UInt8](repeating: 0x61, count: length)
                bytes[at] = 0x3C
                if at + 1 < length { bytes[length - 1] = 0x3C }
                bytes.withUnsafeBufferPointer { buf in
                    #expect(ByteSearch.index(of: 0x3C, in: buf, from: 0) == at)
                    #expect(ByteSearch.index(of: 0x3E, in: buf, from: 0) == length)
                }
            }
        }
    }

    @Test func indexAgreesWithAByteLoopOnRandomBuffers() {
        // Bytes next to the one sought (a borrow in the word test flags only bytes above a match).
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 0...100, using: &generator)
            let bytes = (0..<length).map { _ in [0x3B, 0x3C, 0x3D, 0x00, 0x01, 0x80, 0xBC, 0x61].randomElement(using: &generator)! as UInt8 }
            let from = Int.random(in: 0...(length + 1), using: &generator)
            let expected = (bytes.indices.first { $0 >= from && bytes[$0] == 0x3C }) ?? length
            bytes.withUnsafeBufferPointer { #expect(ByteSearch.index(of: 0x3C, in: $0, from: from) == expected, "\(bytes) from \(from)") }
        }
    }

    @Test func literalSearchFindsTheFirstWholeOccurrence() {
        let text = Array("a-->b --> <!-- x ?>".utf8) + Array(repeating: 0x61, count: 40) + Array("?>".utf8)
        text.withUnsafeBufferPointer { buf in
            #expect(ByteSearch.index(of: "-->", in: buf, from: 0) == 1)
            #expect(ByteSearch.index(of: "-->", in: buf, from: 2) == 6)
            #expect(ByteSearch.index(of: "?>", in: buf, from: 0) == 17)
            #expect(ByteSearch.index(of: "?>", in: buf, from: 18) == 59)
            #expect(ByteSearch.index(of: "?>", in: buf, from: 60) == nil)
            #expect(ByteSearch.index(of: "<!--x", in: buf, from: 0) == nil)  // a prefix that does not finish
            #expect(ByteSearch.index(of: "-->", in: buf, from: -5) == 1)
        }
    }
}
