import Testing
@testable import TaskaDecode

/// `UTF8Validator.string(ofValid:)` builds the same `String` as `String(decoding:as:)`, whatever
/// scalar a 4 KiB piece boundary falls in.
@Suite struct ValidUTF8StringTests {
    @Test func piecesGiveTheSameString() {
        let scalars = ["a", "<p>", "é", "ع", "ƙ", "😀", "\u{0301}", "\n"]
        var generator = SystemRandomNumberGenerator()
        for length in [0, 100, 8192, 8193, 9000, 20_000, 70_000] {
            for shift in 0..<4 {
                var text = String(repeating: "x", count: shift)
                while text.utf8.count < length { text += scalars.randomElement(using: &generator)! }
                let bytes = Array(text.utf8)
                let built = bytes.withUnsafeBufferPointer { UTF8Validator.string(ofValid: $0) }
                #expect(Array(built.utf8) == bytes, "length \(length) shift \(shift)")
                #expect(built == text)
            }
        }
        // Multibyte scalars across every piece boundary.
        let arabic = String(repeating: "ع😀", count: 5000)
        let built = Array(arabic.utf8).withUnsafeBufferPointer { UTF8Validator.string(ofValid: $0) }
        #expect(built == arabic && built.unicodeScalars.count == arabic.unicodeScalars.count)
    }
}
