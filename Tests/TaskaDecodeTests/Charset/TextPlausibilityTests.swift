import Testing
@testable import TaskaDecode

@Suite struct TextPlausibilityTests {
    private func measure(_ s: String) -> TextPlausibility { TextPlausibility.measure(Array(s.utf16)) }

    @Test func cleanTextScoresHighAndGarbageScoresLow() {
        let arabic = measure(SampleText.arabic)
        #expect(arabic.score > 0.9)
        #expect(arabic.articleWords >= 5)
        #expect(arabic.mixedLetters == 0 && arabic.replacements == 0)
        #expect(measure(SampleText.french).score > 0.6)
        // windows-1256 Arabic read as windows-1252: runs of accented capitals.
        let asLatin = measure("ÇáÚÑÈíÉ áÛÉ ÌãíáÉ")
        #expect(asLatin.implausibleLatin == asLatin.nonASCII)
        #expect(asLatin.score < 0)
        // ISO-8859-6 Arabic read as windows-1256: Latin letters inside Arabic words.
        let mixed = measure("èêندèز")
        #expect(mixed.mixedLetters == 6)
        #expect(mixed.score < 0)
        // Harakat with no letter before them, and unassigned bytes.
        #expect(measure(" \u{064E}\u{064F} \u{FFFD}").score < -1)
        #expect(measure("plain ascii").score == 0)
    }

    @Test func largeInputsAreSampledInBoundedSlices() {
        let line = Array("Sannu da zuwa, ".utf8) + [0xE9, 0x0A]
        var bytes: [UInt8] = []
        while bytes.count < 1_000_000 { bytes += line }
        let sample = bytes.withUnsafeBufferPointer { StatisticalCharsetDetector.makeSample($0) }
        #expect(sample.count <= StatisticalCharsetDetector.sampleLimit + 8)
        #expect(sample.count >= StatisticalCharsetDetector.sampleLimit - 256)
        let small = Array(bytes.prefix(1000))
        #expect(small.withUnsafeBufferPointer { StatisticalCharsetDetector.makeSample($0) } == small)
    }
}
