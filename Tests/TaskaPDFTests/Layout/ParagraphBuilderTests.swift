import Testing
@testable import TaskaPDF

@Suite struct ParagraphBuilderTests {
    static func line(_ text: String, y: Double, x0: Double = 50, x1: Double = 540, height: Double = 14) -> PageLine {
        PageLine(text: text, box: Box(x0: x0, y0: y, x1: x1, y1: y + height), rtl: false)
    }

    @Test func aWiderGapOrAnIndentStartsAParagraphAndATitleIsAHeading() {
        let column = [
            Self.line("Sanarwa game da kasuwa", y: 40, x1: 400, height: 26),
            Self.line("Ƙungiyar masunta ta sanar da jama'a cewa", y: 90),
            Self.line("kasuwar kifi za ta koma sabon wurinta.", y: 110, x1: 300),
            Self.line("Duk mai shago a tsohuwar kasuwa ya kawo", y: 140, x0: 75),
            Self.line("takardarsa ofishin ƙungiyar.", y: 160, x1: 260),
        ]
        let paragraphs = ParagraphBuilder.paragraphs([column], rtl: false)
        #expect(paragraphs.map(\.text) == ["Sanarwa game da kasuwa",
                                          "Ƙungiyar masunta ta sanar da jama'a cewa kasuwar kifi za ta koma sabon wurinta.",
                                          "Duk mai shago a tsohuwar kasuwa ya kawo takardarsa ofishin ƙungiyar."])
        #expect(paragraphs.map(\.isHeading) == [true, false, false])
    }

    @Test func aLineEndingInAHyphenIsJoinedWithoutASpace() {
        #expect(ParagraphBuilder.join([Self.line("zirga-", y: 0), Self.line("zirga ta tsaya", y: 20)]) == "zirga-zirga ta tsaya")
        #expect(ParagraphBuilder.join([Self.line("shekara 2019 -", y: 0), Self.line("2020", y: 20)]) == "shekara 2019 - 2020")
    }

    @Test func aParagraphRunsOnIntoTheNextColumn() {
        let left = [Self.line("Ƙungiyar masunta ta sanar da jama'a", y: 100, x1: 280), Self.line("cewa kasuwar kifi za ta koma", y: 120, x1: 280)]
        let right = [Self.line("sabon wurinta a ranar Litinin.", y: 100, x0: 310, x1: 500)]
        let paragraphs = ParagraphBuilder.paragraphs([left, right], rtl: false)
        #expect(paragraphs.map(\.text) == ["Ƙungiyar masunta ta sanar da jama'a cewa kasuwar kifi za ta koma sabon wurinta a ranar Litinin."])
    }
}
