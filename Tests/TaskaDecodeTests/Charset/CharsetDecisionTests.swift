import Testing
import TaskaCore
@testable import TaskaDecode

@Suite struct CharsetDecisionTests {
    private func html(_ head: String, _ body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)<title>t</title></head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    }

    @Test func pureASCIIIsValidatedUTF8() throws {
        let doc = try Fixtures.decode(Array("Sannu, yaya aiki?".utf8))
        #expect(doc.charset == CharsetDecision(charset: "utf-8", source: .validated, confidence: 0.9))
    }

    @Test func nonASCIIUTF8IsValidatedWithFullConfidence() throws {
        let doc = try Fixtures.decode(Array(SampleText.hausa.utf8))
        #expect(doc.charset == CharsetDecision(charset: "utf-8", source: .validated, confidence: 1.0))
        #expect(doc.text == SampleText.hausa)
        #expect(doc.warnings.isEmpty)
    }

    @Test func latinDeclarationOnValidUTF8IsOverridden() throws {
        let bytes = html("<meta charset=\"iso-8859-1\">", Array(SampleText.arabic.utf8))
        let doc = try Fixtures.decode(bytes, path: "page.html")
        #expect(doc.charset?.charset == "utf-8")
        #expect(doc.charset?.source == .validated)
        #expect(doc.text.contains("المدرسة"))
        let warning = doc.warnings.first { $0.code == "declared-charset-overridden" }
        #expect(warning?.message.contains("iso-8859-1") == true)
        #expect(warning?.message.contains("valid UTF-8") == true)
    }

    @Test func utf8DeclarationOnWindows1256BytesIsOverridden() throws {
        let bytes = html("<meta charset=\"utf-8\">", try Fixtures.encode(SampleText.arabic, "windows-1256"))
        let doc = try Fixtures.decode(bytes, path: "page.html")
        #expect(doc.charset?.charset == "windows-1256")
        #expect(doc.charset?.source == .detected)
        #expect(doc.text.contains("الصباح"))
        #expect(doc.warnings.contains { $0.code == "declared-charset-overridden" })
        #expect(!doc.warnings.contains { $0.code == "invalid-bytes" })
    }

    @Test func iso88596DeclarationOnWindows1256BytesIsOverridden() throws {
        let bytes = html("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-6\">",
                         try Fixtures.encode(SampleText.arabic, "windows-1256"))
        let doc = try Fixtures.decode(bytes, path: "page.html")
        #expect(doc.charset?.charset == "windows-1256")
        #expect(doc.warnings.first { $0.code == "declared-charset-overridden" }?.message.contains("not defined in iso-8859-6") == true)
    }

    @Test func matchingDeclarationIsAccepted() throws {
        let bytes = html("<meta charset=\"cp1256\">", try Fixtures.encode(SampleText.arabic, "windows-1256"))
        let doc = try Fixtures.decode(bytes, path: "page.html")
        #expect(doc.charset == CharsetDecision(charset: "windows-1256", source: .declared, confidence: 0.95))
        #expect(doc.warnings.isEmpty)
    }

    @Test func latin1DeclarationDecodesAsWindows1252AndSaysSo() throws {
        // 0x93/0x94 are curly quotes in windows-1252 and C1 controls in ISO-8859-1.
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>".utf8)
            + [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94] + Array("</title></rss>".utf8)
        let doc = try Fixtures.decode(bytes, path: "feed.xml")
        #expect(doc.mediaType == "application/rss+xml")
        #expect(doc.charset == CharsetDecision(charset: "windows-1252", source: .declared, confidence: 0.95))
        #expect(doc.text.contains("“Café”"))
    }

    @Test func transportCharsetIsUsedAndVerified() throws {
        let arabic1256 = try Fixtures.encode(SampleText.arabic, "windows-1256")
        let doc = try Fixtures.decode(arabic1256, transport: "windows-1256")
        #expect(doc.charset == CharsetDecision(charset: "windows-1256", source: .transport, confidence: 0.95))

        let wrong = try Fixtures.decode(Array(SampleText.arabic.utf8), transport: "iso-8859-1")
        #expect(wrong.charset?.charset == "utf-8")
        #expect(wrong.warnings.contains { $0.code == "transport-charset-overridden" })

        let unknown = try Fixtures.decode(arabic1256, transport: "x-klingon")
        #expect(unknown.charset?.charset == "windows-1256")
        #expect(unknown.warnings.contains { $0.code == "unknown-charset" })
    }

    @Test(arguments: ["windows-1256", "iso-8859-6"])
    func arabicLegacyCharsetsAreDetectedWithoutDeclaration(charset: String) throws {
        let doc = try Fixtures.decode(try Fixtures.encode(SampleText.arabic, charset))
        #expect(doc.charset?.charset == charset)
        #expect(doc.charset?.source == .detected)
        #expect((doc.charset?.confidence ?? 0) > 0.8)
        #expect(doc.text.contains("المعلم"))
    }

    @Test(arguments: ["السلام عليكم", "كتاب جديد", "مرحبا بكم في الموقع"])
    func shortArabicPhrasesInWindows1256(phrase: String) throws {
        let doc = try Fixtures.decode(try Fixtures.encode(phrase, "windows-1256"))
        #expect(doc.charset?.charset == "windows-1256")
        #expect(doc.text == phrase)
    }

    @Test func shortLatinTextIsWindows1252() throws {
        let doc = try Fixtures.decode(Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8] + Array("me, please".utf8))
        #expect(doc.charset?.charset == "windows-1252")
        #expect(doc.text == "Café crème, please")
        let french = try Fixtures.decode(try Fixtures.encode(SampleText.french, "windows-1252"))
        #expect(french.charset?.charset == "windows-1252")
        #expect(french.text == SampleText.french)
        #expect((french.charset?.confidence ?? 0) > 0.4)
    }

    @Test func cyrillicFollowsICUsProposal() throws {
        let doc = try Fixtures.decode(try Fixtures.encode(SampleText.russian, "windows-1251"))
        #expect(doc.charset?.charset == "windows-1251")
        #expect(doc.text == SampleText.russian)
    }

    @Test func damagedUTF8StaysUTF8WithAWarning() throws {
        var bytes = Array(SampleText.arabic.utf8)
        bytes.insert(0xFF, at: 40)
        let doc = try Fixtures.decode(bytes)
        #expect(doc.charset?.charset == "utf-8")
        #expect(doc.charset?.source == .detected)
        let warning = doc.warnings.first { $0.code == "invalid-bytes" }
        #expect(warning?.count == 1)
        #expect(warning?.message == "1 byte sequence was not valid utf-8 and became U+FFFD (the first at byte 40)")
        #expect(Fixtures.occurrences(of: "\u{FFFD}", in: doc.text) == 1)
    }

    @Test(arguments: ["windows-1256", "iso-8859-6"])
    func vowelledArabic(charset: String) throws {
        let basmala = "بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ"
        let doc = try Fixtures.decode(try Fixtures.encode(basmala, charset))
        #expect(doc.charset?.charset == charset)
        #expect(doc.text == basmala)
    }

    @Test func latinDeclarationOnArabicBytesIsOverridden() throws {
        let bytes = html("<meta charset=\"windows-1252\">", try Fixtures.encode(SampleText.arabic, "windows-1256"))
        let doc = try Fixtures.decode(bytes, path: "page.html")
        #expect(doc.charset?.charset == "windows-1256")
        #expect(doc.warnings.first { $0.code == "declared-charset-overridden" }?.message
            .hasPrefix("The document declares charset windows-1252 (<meta charset> at byte 12), but the text reads as windows-1256") == true)
    }

    @Test func chineseFollowsICUsProposal() throws {
        let text = "这是一个中文句子，用于测试编码检测。"
        let doc = try Fixtures.decode(try Fixtures.encode(text, "gbk"))
        #expect(doc.charset?.charset == "gb18030")
        #expect(doc.text == text)
    }

    @Test func nothingPlausibleFallsBackToUTF8WithReplacement() throws {
        // C1 controls between ASCII letters: no candidate reads this as text.
        let doc = try Fixtures.decode([0x41, 0x81, 0x42, 0x8D, 0x43, 0x8F, 0x44, 0x90, 0x45, 0x9D])
        #expect(doc.charset == CharsetDecision(charset: "utf-8", source: .default, confidence: 0))
        #expect(doc.text == "A\u{FFFD}B\u{FFFD}C\u{FFFD}D\u{FFFD}E\u{FFFD}")
        #expect(doc.warnings.map(\.code) == ["charset-undetermined", "invalid-bytes"])
    }
}
