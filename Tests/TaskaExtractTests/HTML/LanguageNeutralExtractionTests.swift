import Foundation
import Testing
import TaskaCore
@testable import TaskaExtract

/// Boilerplate decisions rest on structure, not on the page's language or script: one page built
/// in Hausa, in Kanuri (either schwa letter), in Arabic and in fully vocalised Arabic gets the same
/// verdict for every block (`scripts/eval-extraction-neutral` checks the same on the benchmark).
@Suite struct LanguageNeutralExtractionTests {
    /// The words that fill one page: a headline, three paragraphs, a short unlinked line between
    /// two link lists (a credit line, to be dropped), menu and related-story titles, a footer.
    struct Words {
        var lang: String
        var dir = "ltr"
        var headline: String
        var paragraphs: [String]
        var note: String
        var menu: [String]
        var related: [String]
        var footer: String

        /// Every string through `f` (a respelling of the same page).
        func map(_ f: (String) -> String) -> Words {
            Words(lang: lang, dir: dir, headline: f(headline), paragraphs: paragraphs.map(f), note: f(note),
                  menu: menu.map(f), related: related.map(f), footer: f(footer))
        }
    }

    /// No class or id anywhere: only links, text, punctuation and position can decide.
    static func page(_ w: Words) -> String {
        func links(_ titles: [String], _ prefix: String) -> String {
            titles.enumerated().map { "<a href=\"/\(prefix)\($0.offset)\">\($0.element)</a>" }.joined(separator: " ")
        }
        return """
        <!DOCTYPE html><html lang="\(w.lang)" dir="\(w.dir)"><head><meta charset="utf-8"><title>\(w.headline)</title></head><body>
        <div>\(links(w.menu, "m"))</div>
        <div><div>
        <h1>\(w.headline)</h1>
        \(w.paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        <div>\(links(Array(w.related.prefix(2)), "r"))</div>
        <p>\(w.note)</p>
        <ul>\(w.related.dropFirst(2).enumerated().map { "<li><a href=\"/s\($0.offset)\">\($0.element)</a></li>" }.joined())</ul>
        </div></div>
        <div><p>\(w.footer)</p></div>
        </body></html>
        """
    }

    static let hausa = Words(
        lang: "ha", headline: "An sake buɗe kasuwar kifi ta Kukawa",
        paragraphs: [
            "Babbar kasuwar kifi ta garin Kukawa ta sake buɗe ƙofofinta ranar Litinin, bayan gyaran watanni uku da ƙaramar hukuma ta yi wa rumfuna da magudanan ruwa.",
            "An shimfiɗa hanya domin motocin kifi su samu damar wucewa, kuma ’yan kasuwa sun ce farashin kifi zai sauka nan ba da jimawa ba.",
            "Shugaban ’yan kasuwa ya gode wa gwamnati, ya kuma roƙi masunta su kawo kifinsu kasuwar a kan lokaci domin kowa ya amfana.",
        ],
        note: "Rahoton wakilinmu na musamman daga Kukawa",
        menu: ["Gida", "Labarai", "Siyasa", "Wasanni", "Tuntuɓe mu"],
        related: ["Farashin hatsi ya tashi a Maiduguri", "An buɗe sabon asibiti a Monguno", "Ruwan sama ya lalata gonaki", "Sabuwar makaranta a Damboa"],
        footer: "Duk haƙƙoƙi a kiyaye suke")

    static let kanuri = Words(
        lang: "knc", headline: "Kasuwu Kukawabe dǝ kǝnasar buɗin",
        paragraphs: [
            "Kasuwu Kukawabe dǝ kǝnasar kaskǝ yim Litinin lan buɗin, sǝdin tǝlam yakkǝ kam kǝnduye ro, lori kifi dǝ kǝlanzǝ yaye kǝla nǝmkǝro.",
            "Kasuwuma dǝ, ‘Nyiga kǝnasar kaskǝ adǝ kǝla ngǝwo,’ ye. Lori kifi dǝ kǝlanzǝ yaye kǝla nǝmkǝro, kasuwuma ngǝwo ba.",
            "Ma’aji kasuwube dǝ ngǝwo karangǝ, kǝnduye ba ro kǝla kaskǝ wa, gade kǝmbuye dǝga, kasuwuma yaye kǝla ngǝwo.",
        ],
        note: "Labar kǝnasar Kukawabe ngǝwo kǝla nǝmkǝro",
        menu: ["Gana", "Labar", "Kasuwu", "Sandiya", "Kǝla"],
        related: ["Labar fal Maiduguribe", "Labar indi Mongunobe", "Labar yasge Damboabe", "Labar dǝgǝ Kukawabe"],
        footer: "Kǝla kasuwube dǝ ngǝwo")

    static let arabic = Words(
        lang: "ar", dir: "rtl", headline: "افتتاح سوق السمك في مدينة كوكاوا",
        paragraphs: [
            "أعادت السوق الكبيرة للسمك في مدينة كوكاوا فتح أبوابها يوم الاثنين، بعد ثلاثة أشهر من أعمال الترميم التي قامت بها البلدية.",
            "وقال التجار إن الطريق الجديد سيسمح لشاحنات السمك بالمرور بسهولة، وإن الأسعار ستنخفض قريبا.",
            "وشكر رئيس التجار البلدية، ودعا الصيادين إلى إحضار أسماكهم إلى السوق في الوقت المحدد.",
        ],
        note: "تقرير مراسلنا الخاص من مدينة كوكاوا الشمالية",
        menu: ["الرئيسية", "أخبار", "رياضة", "اتصل بنا"],
        related: ["ارتفاع أسعار الحبوب في مايدوغوري", "افتتاح مستشفى جديد", "أمطار غزيرة في الشمال", "مدرسة جديدة في دامبوا"],
        footer: "جميع الحقوق محفوظة")

    /// A fatha after every Arabic letter: fully vocalised text, twice the scalars of the bare
    /// spelling and the same letters (harakat are optional in Arabic script).
    static func vocalised(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            out.append(scalar)
            if (0x0621...0x064A).contains(scalar.value) { out.append(Unicode.Scalar(0x064E)!) }
        }
        return String(out)
    }

    static func verdicts(_ w: Words) throws -> [BlockDecision.Verdict] {
        try MainTextExtractor.explain(html: page(w), path: "page.html", removeBoilerplate: true).map(\.verdict)
    }

    @Test func samePageGetsTheSameVerdictsInEveryLanguageAndSpelling() throws {
        let expected = try Self.verdicts(Self.hausa)
        // Headline and the three paragraphs kept; menu, link lists, the lone credit line and the footer dropped.
        let kept = try MainTextExtractor.explain(html: Self.page(Self.hausa), path: "page.html", removeBoilerplate: true)
            .filter { $0.verdict == .kept }.map(\.text)
        #expect(kept == [Self.hausa.headline] + Self.hausa.paragraphs)
        let variants: [(String, Words)] = [
            ("Kanuri, ǝ", Self.kanuri),
            ("Kanuri, ə", Self.kanuri.map { $0.replacingOccurrences(of: "ǝ", with: "ə") }),
            ("Arabic", Self.arabic),
            ("Arabic, vocalised", Self.arabic.map(Self.vocalised)),
        ]
        for (name, words) in variants {
            #expect(try Self.verdicts(words) == expected, "\(name)")
        }
    }

    /// Combining marks and format controls are not characters of their own: a vocalised word
    /// counts as its letters, and a soft hyphen or a bidi mark counts nothing.
    @Test func textLengthCountsLettersNotMarks() {
        let bare = "كتب الولد", full = "كَتَبَ الوَلَدُ"
        #expect(TreeCleaner.visibleScalars(full) == TreeCleaner.visibleScalars(bare))
        #expect(TreeCleaner.visibleScalars(bare) == 8)
        #expect(TreeCleaner.visibleScalars("ka\u{00AD}su\u{200F}wu \u{FEFF}") == 6)
        #expect(TreeCleaner.visibleScalars("kǝla kəla") == 8)
        #expect(TreeCleaner.visibleScalars("e\u{0301}") == 1)
        let tree = try! MarkupParser().parse("<p>\(full)</p><p><a href=x>\(full)</a></p>", syntax: .html, path: "t.html")
        let blocks = BlockSegmenter().blocks(of: tree, root: 0, skip: [Bool](repeating: false, count: tree.nodes.count))
        #expect(blocks.map(\.chars) == [8, 8])
        #expect(blocks.map(\.linkChars) == [0, 8])
    }

    /// The benchmark rewriting (scripts/eval_extraction_neutral.py) keeps page and truth alike:
    /// the script's own self-test, run when python3 and ../shared/corpora are there.
    @Test(.enabled(if: rewritingTestAvailable, "python3 or ../shared/corpora/dev is absent"))
    func benchmarkRewritingKeepsPageAndTruthAlike() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [Self.packageRoot.appendingPathComponent("scripts/eval_extraction_neutral.py").path, "--self-test",
                             "--corpora", Self.corpora.path, "--bench", ExtractionBenchmarkTests.bench.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static let packageRoot = ExtractionBenchmarkTests.packageRoot
    static let corpora = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/dev")
    static let python = ExtractionBenchmarkTests.python
}

private let rewritingTestAvailable = LanguageNeutralExtractionTests.python != nil
    && FileManager.default.fileExists(atPath: LanguageNeutralExtractionTests.corpora.appendingPathComponent("knc-Latn.txt").path)
    && FileManager.default.fileExists(atPath: ExtractionBenchmarkTests.bench.appendingPathComponent("score.py").path)
