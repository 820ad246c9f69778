import Testing
import TaskaCore

@Suite struct ScalarValuesTests {
    @Test func whiteSpaceIsUnicodesWhiteSpaceProperty() {
        var differing: [UInt32] = []
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }  // surrogates
            if ScalarValues.isWhitespace(v) != scalar.properties.isWhitespace { differing.append(v) }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    }

    /// Against `unicodeScalars` on texts that put ASCII runs of every length next to 2-, 3- and
    /// 4-byte sequences at every alignment of the eight-byte ASCII path.
    @Test func matchesUnicodeScalars() {
        let pieces = ["a", "Sannu", "ɓ", "ƙasa", "مرحبا", "ǝ", "€", "𝐀", "😀", " ", "\n", "abcdefgh", "ABCDEFGHIJKLMNOPQ", "\u{0}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text += pieces.randomElement(using: &generator)! }
            #expect(ScalarValues.of(text) == text.unicodeScalars.map(\.value), "\(text.debugDescription)")
        }
        #expect(ScalarValues.of("").isEmpty)
        #expect(ScalarValues.of("Kanuri: Kanəmbu 𝐀 ب") == "Kanuri: Kanəmbu 𝐀 ب".unicodeScalars.map(\.value))
    }
}
