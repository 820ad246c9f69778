import Testing
@testable import TaskaDecode

@Suite struct ICUConverterTests {
    @Test func invalidUTF8BecomesOneReplacementPerMaximalSubpart() throws {
        let bytes: [UInt8] = [0x61, 0xC3, 0x62, 0xE2, 0x82, 0x63, 0xF0, 0x9F, 0x98]
        let (text, invalid) = try bytes.withUnsafeBufferPointer { try ICUConverter(charset: "utf-8").decodeString($0) }
        #expect(text == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(invalid == 3)
    }

    @Test func unassignedISO88596BytesAreCounted() throws {
        // 0xC7 alef, 0xE4 lam are assigned in ISO-8859-6; 0xA1 and 0xFF are not.
        let bytes: [UInt8] = [0xC7, 0xE4, 0xA1, 0xFF]
        let (text, invalid) = try bytes.withUnsafeBufferPointer { try ICUConverter(charset: "iso-8859-6").decodeString($0) }
        #expect(text == "ال\u{FFFD}\u{FFFD}")
        #expect(invalid == 2)
    }

    @Test func oddLengthUTF16EndsWithReplacement() throws {
        let bytes: [UInt8] = [0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43]
        let (text, invalid) = try bytes.withUnsafeBufferPointer { try ICUConverter(charset: "utf-16le").decodeString($0) }
        #expect(text == "A\u{FFFD}B\u{FFFD}")
        #expect(invalid == 2)
    }

    @Test func encodingCountsUnmappableCharacters() throws {
        let (bytes, unmappable) = try ICUConverter(charset: "windows-1256").encode("الé中")
        #expect(Array(bytes.prefix(3)) == [0xC7, 0xE1, 0xE9])
        #expect(bytes.count == 4)
        #expect(unmappable == 1)
    }

    @Test func unknownCharsetThrowsTypedError() {
        #expect {
            try [UInt8]([0x41]).withUnsafeBufferPointer { try ICUConverter(charset: "no-such-charset").decode($0) }
        } throws: { error in
            guard let e = error as? DecodeError, case let .icu(function, status) = e.reason else { return false }
            return function == "ucnv_toUChars" && status == .fileAccess && e.description.contains("U_FILE_ACCESS_ERROR")
        }
    }

    @Test func aliasRegistry() {
        #expect(ICUCharsets.canonicalName("cp1256") != nil)
        #expect(ICUCharsets.canonicalName("no-such-charset") == nil)
        #expect(ICUCharsets.standardName("cp1256", standard: "IANA") == "windows-1256")
        #expect(ICUCharsets.standardName("arabic", standard: "MIME") == "ISO-8859-6")
        #expect(ICUStatus.bufferOverflow.name == "U_BUFFER_OVERFLOW_ERROR")
        #expect(ICUCharsets.version.hasPrefix("7"))
    }

    @Test func detectorProposesWindows1256ForArabic() throws {
        let bytes = try Fixtures.encode(SampleText.arabic, "windows-1256")
        let matches = try bytes.withUnsafeBufferPointer { try ICUCharsets.detect($0) }
        #expect(matches.contains { $0.name == "windows-1256" && $0.language == "ar" })
        #expect(matches.allSatisfy { (0...100).contains($0.confidence) })
    }
}
