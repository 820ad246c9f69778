import Testing
@testable import TaskaPDF

@Suite struct ReadingOrderTests {
    static func line(_ text: String, x0: Double, x1: Double, y: Double, rtl: Bool = false) -> PageLine {
        PageLine(text: text, box: Box(x0: x0, y0: y, x1: x1, y1: y + 14), rtl: rtl)
    }

    /// A title across the page, then two columns of three lines, in poppler's interleaved order.
    static func twoColumnPage(rtl: Bool) -> [PageLine] {
        var lines = [Self.line("Title", x0: 50, x1: 540, y: 60, rtl: rtl)]
        for row in 0..<3 {
            let y = 100 + Double(row) * 20
            lines.append(Self.line("L\(row)", x0: 50, x1: 280, y: y, rtl: rtl))
            lines.append(Self.line("R\(row)", x0: 310, x1: 540, y: y, rtl: rtl))
        }
        return lines
    }

    @Test func columnsAreReadOneAfterTheOther() {
        let runs = ReadingOrder.columns(Self.twoColumnPage(rtl: false), pageWidth: 595, rtl: false)
        #expect(runs.map { $0.map(\.text) } == [["Title"], ["L0", "L1", "L2"], ["R0", "R1", "R2"]])
    }

    @Test func rightToLeftPagesStartWithTheRightColumn() {
        let runs = ReadingOrder.columns(Self.twoColumnPage(rtl: true), pageWidth: 595, rtl: true)
        #expect(runs.map { $0.map(\.text) } == [["Title"], ["R0", "R1", "R2"], ["L0", "L1", "L2"]])
    }

    @Test func piecesOfOneLineAreJoinedAgain() {
        // A justified line cut at wide spaces, one column.
        let lines = [Self.line("Sanarwa", x0: 50, x1: 120, y: 100), Self.line("ga", x0: 160, x1: 180, y: 100),
                     Self.line("jama'a", x0: 220, x1: 540, y: 100), Self.line("Duk mai shago ya kawo takardarsa", x0: 50, x1: 540, y: 120)]
        let runs = ReadingOrder.columns(lines, pageWidth: 595, rtl: false)
        #expect(runs.flatMap { $0.map(\.text) } == ["Sanarwa ga jama'a", "Duk mai shago ya kawo takardarsa"])
    }
}
