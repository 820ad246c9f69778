import Foundation
import Testing
@testable import TaskaTraces

/// Each kind of trace, its value and offsets, and look-alikes that are not traces.
@Suite struct TraceFinderTests {
    let finder = TraceFinder()

    /// (kind, text as found, value) of every trace of `text`.
    func found(_ text: String) -> [(TraceKind, String, String)] {
        let scalars = Array(text.unicodeScalars)
        return finder.traces(in: text).map { t in
            (t.kind, String(String.UnicodeScalarView(scalars[t.start..<t.end])), t.value)
        }
    }

    func values(_ text: String, _ kind: TraceKind) -> [String] { found(text).filter { $0.0 == kind }.map(\.2) }

    @Test func internationalPhonesInEveryGrouping() {
        #expect(values("Kira +234 803 123 4567 yau.", .phone) == ["+2348031234567"])
        #expect(values("Tel: +234-803-123-4567.", .phone) == ["+2348031234567"])
        #expect(values("+234 (0) 803 123 4567", .phone) == ["+2348031234567"])
        #expect(values("+234 0803 123 4567", .phone) == ["+2348031234567"])
        #expect(values("00234 803 123 4567", .phone) == ["+2348031234567"])
        #expect(values("N'Djamena: +235 66 12 34 56", .phone) == ["+23566123456"])
        #expect(values("Yaoundé +237 6 77 12 34 56", .phone) == ["+237677123456"])
        #expect(values("Niamey +227 96 12 34 56", .phone) == ["+22796123456"])
        let chad = finder.traces(in: "+23566123456")
        #expect(chad.first?.country == "TD" && chad.first?.start == 0 && chad.first?.end == 12)
    }

    @Test func nigerianNationalFormsOnlyWhenUnambiguous() {
        #expect(values("Kira 0803 123 4567", .phone) == ["+2348031234567"])
        #expect(values("Kira 08031234567.", .phone) == ["+2348031234567"])
        #expect(values("(0803) 123-4567", .phone) == ["+2348031234567"])
        #expect(values("2348031234567", .phone) == ["+2348031234567"])
        // Ten digits, a bank account, a Chadian local number, an 11-digit id not starting 0[789][01].
        #expect(values("Asusu 0123456789", .phone).isEmpty)
        #expect(values("0803 123 456", .phone).isEmpty)
        #expect(values("66 12 34 56", .phone).isEmpty)
        #expect(values("NIN 12345678901", .phone).isEmpty)
    }

    @Test func arabicIndicAndPersianDigits() {
        #expect(values("اتصل على ٠٨٠٣ ١٢٣ ٤٥٦٧ الآن", .phone) == ["+2348031234567"])
        #expect(values("هاتف +٢٣٥ ٦٦ ١٢ ٣٤ ٥٦", .phone) == ["+23566123456"])
        #expect(values("تلفن ۰۸۰۳ ۱۲۳ ۴۵۶۷", .phone) == ["+2348031234567"])
    }

    @Test func twoPhonesSideBySide() {
        #expect(values("08031234567 08057654321", .phone) == ["+2348031234567", "+2348057654321"])
        #expect(values("+234 803 123 4567, +235 66 12 34 56", .phone) == ["+2348031234567", "+23566123456"])
    }

    @Test func numbersThatAreNotPhones() {
        for text in ["₦45,000 ranar 12-03-2024", "aya ta 2:255", "ci 3-1", "mutane 1,234,567", "shekarar 2019 da 2021",
                     "ISBN 978-3-16-148410-0", "192.168.0.1", "12345678", "N5,000,000", "45%", "+5 degrees",
                     "١٢/٠٣/٢٠٢٤", "٥٬٠٠٠٬٠٠٠ فرنك", "08:30", "v2.10.3", "3,500,000 to 4,100,000"] {
            #expect(found(text).isEmpty, "\(text): \(found(text))")
        }
    }

    @Test func emails() {
        #expect(values("Rubuta zuwa Ofishin.Yada@Example.ORG.", .email) == ["ofishin.yada@example.org"])
        #expect(values("mailto:ofis+labarai@example.com.ng", .email) == ["ofis+labarai@example.com.ng"])
        for text in ["admin@localhost", "logo@2x.png", "a@b", "x@y.z", "name@-bad.com", "a..b@example.org"] {
            #expect(values(text, .email).isEmpty, "\(text)")
        }
    }

    @Test func urlsAndTheirEnds() {
        #expect(values("Duba https://example.org/labarai/2024.", .url) == ["https://example.org/labarai/2024"])
        #expect(values("(https://example.org/wiki/Maiduguri_(birni))", .url) == ["https://example.org/wiki/Maiduguri_(birni)"])
        #expect(values("www.example.net/ha", .url) == ["http://www.example.net/ha"])
        #expect(values("HTTPS://Example.ORG/Rahoto.pdf", .url) == ["https://example.org/Rahoto.pdf"])
        #expect(values("انظر https://ar.example.org/أخبار/محلية، ثم", .url) == ["https://ar.example.org/أخبار/محلية"])
        #expect(values("http://localhost/x and https://", .url).isEmpty)
    }

    @Test func telegramLinksAndHandles() {
        #expect(found("t.me/labaran_kasuwa").map(\.2) == ["labaran_kasuwa"])
        #expect(values("https://t.me/Muryar_Borno/1234", .telegram) == ["muryar_borno"])
        #expect(values("https://t.me/s/sawt_alsahel", .telegram) == ["sawt_alsahel"])
        #expect(values("t.me/+AbCdEfGh12345", .telegram) == ["+AbCdEfGh12345"])
        #expect(values("telegram.me/joinchat/QwErTy987654", .telegram) == ["+QwErTy987654"])
        #expect(values("Bi @Labaran_Borno yau", .telegram) == ["labaran_borno"])
        #expect(values("a t.me link is also not a url", .url).isEmpty)
        for text in ["@abc", "@2024", "name@example.org", "@gmail.com", "@_under", "@trailing_", "@" + String(repeating: "a", count: 33)] {
            #expect(values(text, .telegram).isEmpty, "\(text)")
        }
    }

    @Test func hashtagsInEveryScript() {
        #expect(values("#Maiduguri #ƘasarmuNigeria #نيجيريا #بحيرة_تشاد #Borno2024", .hashtag)
                == ["maiduguri", "ƙasarmunigeria", "نيجيريا", "بحيرة_تشاد", "borno2024"])
        for text in ["#1", "lamba #5", "C#", "&#1234;", "# heading", "https://example.org/#top"] {
            #expect(values(text, .hashtag).isEmpty, "\(text)")
        }
    }

    @Test func walletsByChecksum() {
        let genesis = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
        let trx = Base58Check.encode([0x41] + [UInt8](repeating: 7, count: 20))
        let bech = Bech32.encodeSegwit(hrp: "bc", version: 0, program: [UInt8](repeating: 9, count: 20))
        let text = "BTC \(genesis), TRX \(trx), \(bech.uppercased()) da 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed."
        let wallets = finder.traces(in: text).filter { $0.kind == .wallet }
        #expect(wallets.map(\.value) == [genesis, trx, bech, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"])
        #expect(wallets.map(\.network) == ["btc", "trx", "btc", "eth"])
        // A changed letter, a wrong EIP-55 case, a plain hex id.
        for text in ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                     "0x" + String(repeating: "ab", count: 21)] {
            #expect(values(text, .wallet).isEmpty, "\(text)")
        }
        #expect(values("0x" + String(repeating: "ab", count: 20), .wallet).count == 1)
    }

    @Test func offsetsAreUnicodeScalars() throws {
        // Combining marks and an astral emoji before the trace.
        let text = "ƙasa\u{0301} 😀 @Labaran_Borno"
        let trace = try #require(finder.traces(in: text).first)
        #expect(trace.start == 8 && trace.end == 22)
    }

    @Test func kindsCanBeLeftOut() {
        let only = TraceFinder(kinds: [.email])
        #expect(only.traces(in: "a@example.org +234 803 123 4567 #tag").map(\.kind) == [.email])
    }
}

/// Hostile shapes stay linear: long runs of what the scanners look at end in bounded work.
@Suite struct TraceFinderHostileInputTests {
    @Test func longRunsAreReadOnce() {
        let finder = TraceFinder()
        let closing = "https://example.org/a" + String(repeating: ")", count: 200_000)
        #expect(finder.traces(in: closing).map(\.value) == ["https://example.org/a"])
        let digits = String(repeating: "1 ", count: 100_000)
        #expect(finder.traces(in: digits).isEmpty)
        let ats = String(repeating: "a", count: 100_000) + String(repeating: "@b", count: 50_000)
        #expect(finder.traces(in: ats).isEmpty)
        let tags = String(repeating: "#", count: 100_000) + String(repeating: "x", count: 100_000)
        #expect(finder.traces(in: tags).isEmpty)
    }
}
