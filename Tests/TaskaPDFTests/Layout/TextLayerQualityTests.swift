import Testing
@testable import TaskaPDF

@Suite struct TextLayerQualityTests {
    static func lines(_ texts: [String]) -> [PageLine] {
        texts.enumerated().map { PageLine(text: $1, box: Box(x0: 50, y0: Double($0) * 20, x1: 500, y1: Double($0) * 20 + 14), rtl: false) }
    }

    @Test func aPageWithoutTextOrWithAStrayLineIsPoor() {
        #expect(TextLayerQuality.isPoor([]))
        #expect(TextLayerQuality.isPoor(Self.lines(["Scan 12"])))
    }

    @Test func aPageOfPrivateUseGlyphCodesIsPoor() {
        let garbage = String(String.UnicodeScalarView((0xE000..<0xE080).compactMap(Unicode.Scalar.init)))
        #expect(TextLayerQuality.isPoor(Self.lines([garbage, garbage])))
    }

    @Test func aPageOfHausaArabicOrEnglishIsNotPoor() {
        #expect(!TextLayerQuality.isPoor(Self.lines(["Ƙungiyar masunta ta Baga ta sanar da jama'a cewa kasuwar kifi za ta koma sabon wurinta."])))
        #expect(!TextLayerQuality.isPoor(Self.lines(["أعلنت البلدية أن سوق السمك سينتقل إلى موقعه الجديد خلال الأسبوع القادم."])))
    }
}
