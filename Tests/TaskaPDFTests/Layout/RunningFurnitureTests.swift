import Testing
@testable import TaskaPDF

@Suite struct RunningFurnitureTests {
    static func line(_ text: String, y: Double, x: Double = 60, width: Double = 400) -> PageLine {
        PageLine(text: text, box: Box(x0: x, y0: y, x1: x + width, y1: y + 12), rtl: false)
    }

    static func page(_ number: Int, _ lines: [PageLine]) -> PageContent {
        PageContent(number: number, width: 595, height: 842, lines: lines)
    }

    @Test func headersThatRepeatAcrossPagesAndPageNumbersAreFound() {
        let pages = (1...3).map { n in
            Self.page(n, [
                Self.line("Jaridar Arewa — labarai", y: 30),
                Self.line("Ƙungiyar masunta ta sanar da jama'a cewa kasuwar kifi za ta koma sabon wurinta.", y: 300),
                Self.line("Shafi na \(n) / 3", y: 800, x: 260, width: 80),
            ])
        }
        let found = RunningFurniture.find(in: pages)
        #expect(found == [[0, 2], [0, 2], [0, 2]])
    }

    @Test func bodyTextInTheMarginIsKeptWhenItDoesNotRepeat() {
        let pages = [Self.page(1, [Self.line("Sanarwa game da kasuwar kifi ta Baga", y: 40)]),
                     Self.page(2, [Self.line("Duk mai shago ya kawo takardarsa ofishin", y: 40)])]
        #expect(RunningFurniture.find(in: pages) == [[], []])
    }

    @Test(arguments: ["12", "- 3 -", "Page 2 of 3", "Shafi na 2 / 3", "صفحة ٢ من ٣", "2 / 3"])
    func pageNumbersAreRecognised(text: String) {
        #expect(RunningFurniture.isPageNumber(text))
    }

    @Test(arguments: ["Kasuwa za ta buɗe a ranar 12 ga wata", "وتمكنت راشيل ميركس (36 عاماً) من الفوز"])
    func sentencesWithNumbersAreNotPageNumbers(text: String) {
        #expect(!RunningFurniture.isPageNumber(text))
    }

    @Test func aSiteNameBesideADateInTheTopMarginOfAOnePageDocumentIsFurniture() {
        let page = Self.page(1, [Self.line("The Example Gazette", y: 30, width: 150), Self.line("26.12.2023", y: 30, x: 450, width: 80),
                                 Self.line("The council met on Monday.", y: 300)])
        #expect(RunningFurniture.find(in: [page]) == [[0, 1]])
    }
}
