import Testing
import TaskaCore
@testable import TaskaDecode

/// The real legacy-encoded samples in `../shared/formats/legacy-encodings/`, decoded with no
/// declaration to help.
@Suite(.enabled(if: Fixtures.hasLegacySamples, "shared/formats/legacy-encodings is absent"))
struct LegacySampleTests {
    private func decode(_ name: String) throws -> SourceDocument {
        try Fixtures.decode(try Fixtures.legacy(name), path: "legacy-encodings/\(name)")
    }

    @Test func iso88596WikipediaText() throws {
        let doc = try decode("uchardet__ar__iso-8859-6.txt")
        #expect(doc.charset?.charset == "iso-8859-6")
        #expect(doc.charset?.source == .detected)
        #expect((doc.charset?.confidence ?? 0) > 0.8)
        #expect(doc.text.contains("ويندوز-1256"))
        #expect(doc.text.contains("العربية"))
        #expect(Fixtures.occurrences(of: "ال", in: doc.text) >= 8)
        #expect(!doc.text.contains("\u{FFFD}"))
    }

    @Test func windows1256WikipediaText() throws {
        let doc = try decode("charset_normalizer__sample-arabic-1.txt")
        #expect(doc.charset?.charset == "windows-1256")
        #expect((doc.charset?.confidence ?? 0) > 0.8)
        #expect(doc.text.contains("المغرب"))
        #expect(doc.text.contains("Morroch"))
        #expect(Fixtures.occurrences(of: "ال", in: doc.text) >= 40)
        #expect(!doc.text.contains("\u{FFFD}"))
    }

    @Test func windows1256PageWithoutCharset() throws {
        let doc = try decode("chardet__windows-1256-arabic__chromium_no_encoding_specified.html")
        #expect(doc.mediaType == "text/html")
        #expect(doc.charset?.charset == "windows-1256")
        #expect(doc.text.contains("القسام"))
        #expect(doc.text.contains("<body dir=\"RTL\">"))
        #expect(doc.bytes.isEmpty)
    }

    @Test func wrongLatinDeclarationOnTheRealWindows1256Page() throws {
        var bytes = try Fixtures.legacy("chardet__windows-1256-arabic__chromium_no_encoding_specified.html")
        bytes.insert(contentsOf: Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">".utf8), at: 0)
        let doc = try Fixtures.decode(bytes, path: "page.html")
        #expect(doc.charset?.charset == "windows-1256")
        #expect(doc.warnings.contains { $0.code == "declared-charset-overridden" })
        #expect(doc.text.contains("الشهيد"))
    }

    @Test func utf16LEWithBOM() throws {
        let doc = try decode("chardet__UTF-16__bom-utf-16-le.srt")
        #expect(doc.charset == CharsetDecision(charset: "utf-16le", source: .bom, confidence: 1.0))
        #expect(doc.text.hasPrefix("1\n00:00:06,500 --> 00:00:09,000\nAbout 2 months ago"))
        #expect(doc.mediaType == "text/plain")
    }

    @Test func utf16LEWithoutBOM() throws {
        let doc = try decode("chardet__UTF-16LE__nobom-utf16le.txt")
        #expect(doc.charset?.charset == "utf-16le")
        #expect(doc.charset?.source == .detected)
        #expect(doc.text.hasPrefix("DateTime,Bid,Ask"))
    }

    @Test func utf16BEWithoutBOMWithSurrogatePairs() throws {
        let doc = try decode("chardet__UTF-16BE__plane1-utf-16be.html")
        #expect(doc.charset?.charset == "utf-16be")
        #expect(doc.mediaType == "text/html")
        #expect(doc.text.hasPrefix("<!DOCTYPE HTML"))
        #expect(doc.text.unicodeScalars.contains { $0.value >= 0x10000 })
        #expect(!doc.text.contains("\u{FFFD}"))
    }

    @Test func arabicUTF16BEWithoutBOM() throws {
        let doc = try decode("CONSTRUCTED__ar_utf-16be_nobom.txt")
        #expect(doc.charset?.charset == "utf-16be")
        #expect(doc.text.hasPrefix("بالموازاة"))
        #expect(Fixtures.occurrences(of: "ال", in: doc.text) >= 40)
    }
}

/// Feeds with declared or implied charsets in `../shared/formats/feeds/`.
@Suite(.enabled(if: Fixtures.hasFeedSamples, "shared/formats/feeds is absent"))
struct FeedSampleTests {
    @Test func declaredLatin1PortugueseFeed() throws {
        let doc = try Fixtures.decode(try Fixtures.feed("rssparser__encoding.rss"), path: "feeds/rssparser__encoding.rss")
        #expect(doc.mediaType == "application/rss+xml")
        #expect(doc.charset == CharsetDecision(charset: "windows-1252", source: .declared, confidence: 0.95))
        #expect(doc.text.contains("Notícias"))
        #expect(doc.warnings.isEmpty)
    }

    @Test func utf16FeedsWithAndWithoutBOM() throws {
        let be = try Fixtures.decode(try Fixtures.feed("feedparser__utf-16be-autodetect.xml"), path: "a.xml")
        #expect(be.charset?.charset == "utf-16be")
        #expect(be.text.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-16\"?>"))
        let le = try Fixtures.decode(try Fixtures.feed("feedparser__utf-16le-bom.xml"), path: "b.xml")
        #expect(le.charset?.source == .bom)
        #expect(le.text.hasPrefix("<?xml"))
        let unlabeled = try Fixtures.decode(try Fixtures.feed("feedparser__utf16.xml"), path: "c.xml")
        #expect(unlabeled.charset?.charset == "utf-16be")
    }
}
