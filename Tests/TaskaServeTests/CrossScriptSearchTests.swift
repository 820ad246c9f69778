import Foundation
import Testing
import TaskaCore
import TaskaIngest
import TaskaNormalize
import TaskaSearch
import TaskaStore
import TaskaTestSupport
@testable import TaskaServe

/// An archive of one-line documents (file name → text) ingested with the communiqués pipeline.
private func ingested(_ documents: [String: String], prefix: String) throws -> (TemporaryFolder, Archive) {
    let folder = try TemporaryFolder(prefix: prefix)
    for (name, text) in documents { _ = folder.write("docs/" + name, text + "\n") }
    let archive = try Archive(path: folder.path("a.sqlite"))
    _ = try IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1)
        .run(paths: [folder.path("docs")], sink: nil, archive: archive)
    return (folder, archive)
}

/// Search with the shipped folding and name skeletons.
private let search = ArchiveSearch(folding: TextNormalizer(), skeletons: NameSkeleton())

/// The file names of hits, in rank order.
private func names(_ results: [SearchResult]) -> [String] { results.map { ($0.hit.path as NSString).lastPathComponent } }

/// Cross-script name search end to end: ingest, the skeleton column, ranking, verification,
/// spellings and the reading room's checkbox and API parameter.
@Suite struct CrossScriptSearchTests {
    static let documents = [
        "hausa.txt": "Shekau ya ce za su ci gaba da yaƙi a Maiduguri.",
        "arabic.txt": "قال أبو بكر شيكاو في تسجيل جديد إن القتال مستمر.",
        "near.txt": "قال أبو بكر شيكاراو في بيان قصير.",
        "english.txt": "Dikko arrived in Yola on Monday.",
        "dateline.txt": "وقال سكان بمايدوغوري إن الأسواق فتحت.",
    ]

    func archive() throws -> (TemporaryFolder, Archive) { try ingested(Self.documents, prefix: "taska-names") }

    @Test func sameScriptHitsComeFirstAndCrossScriptOnlyWhenAsked() throws {
        let (_, archive) = try archive()
        let plain = try search.search(archive, query: "Shekau")
        #expect(names(plain) == ["hausa.txt"])
        #expect(plain.first?.column == .searchKey && plain.first?.spellings == ["Shekau"])
        let any = try search.search(archive, query: "Shekau", anyScript: true)
        #expect(names(any) == ["hausa.txt", "arabic.txt"])
        let cross = try #require(any.last)
        #expect(cross.column == .nameSkeleton && cross.spellings == ["شيكاو"])
        let scalars = Array(cross.snippet.text.unicodeScalars)
        #expect(cross.snippet.hits.map { String(String.UnicodeScalarView(scalars[$0])) } == ["شيكاو"])
    }

    @Test func aQueryWithoutHitsInItsScriptGoesCrossScript() throws {
        let (_, archive) = try archive()
        #expect(names(try search.search(archive, query: "شيكاو")) == ["arabic.txt"])
        // The Arabic dateline writes the name with a proclitic (بمايدوغوري): a skeleton hit too.
        #expect(Set(names(try search.search(archive, query: "مايدوغوري"))) == ["hausa.txt", "dateline.txt"])
        let maiduguri = try search.search(archive, query: "Maiduguri", anyScript: true)
        #expect(names(maiduguri) == ["hausa.txt", "dateline.txt"])
        #expect(maiduguri.last?.spellings == ["بمايدوغوري"])
        #expect(names(try search.search(archive, query: "Abubakar Shekau")) == ["arabic.txt"])
    }

    @Test func nearMissesAreNotHits() throws {
        let (_, archive) = try archive()
        #expect(try search.search(archive, query: "Dikwa").isEmpty)
        #expect(try search.search(archive, query: "Yobe").isEmpty)
        #expect(!names(try search.search(archive, query: "Shekau", anyScript: true)).contains("near.txt"))
        // Without skeletons (an older caller), search is what it was.
        #expect(try ArchiveSearch(folding: TextNormalizer()).search(archive, query: "شيكاو").map(\.hit.path).count == 1)
    }

    @Test func aHostileQueryIsAnswered() throws {
        let (_, archive) = try archive()
        var query = ""
        let pieces = ["Shekau", "شيكاو", "ƙasa", "al-", "ال", "و", "'", "-", "😀", "١٢٣", "ǝ", "\"", "*", "NEAR("]
        var k = 0
        while query.count < 500 { query += pieces[k % pieces.count] + (k % 4 == 0 ? "" : " "); k += 1 }
        #expect(try search.search(archive, query: String(query.prefix(500)), anyScript: true).isEmpty)
    }

    @Test func readingRoomHasTheCheckboxAndTheParameter() throws {
        let (_, archive) = try archive()
        let pages = Pages(archive: archive, folding: TextNormalizer(), skeletons: NameSkeleton())
        let page = try pages.searchPage(Pages.SearchForm(query: "Shekau", anyScript: true))
        #expect(page.contains("name=\"anyScript\" value=\"1\" checked"))
        #expect(page.contains("matched via name skeleton"))
        #expect(!(try pages.searchPage(Pages.SearchForm(query: "Shekau"))).contains("matched via"))
        let json = try pages.searchJSON(Pages.SearchForm(query: "Shekau", anyScript: true))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let hits = try #require(object["hits"] as? [[String: Any]])
        let matched = hits.compactMap { $0["matched"] as? [String: Any] }
        #expect(matched.map { $0["column"] as? String } == ["searchKey", "nameSkeleton"])
        #expect(matched.last?["spellings"] as? [String] == ["شيكاو"])
    }
}

/// The analysts' names dev set (../shared/analyst/names), when present: recall and precision
/// at 10 of the product's default search stay above floors just under the measured figures
/// (docs/cross-script-search.md). Skips when the set is absent.
@Suite struct NamesDevSetTests {
    @Test func recallAndPrecisionStayAboveTheirFloors() throws {
        guard let set = sharedPath("analyst/names/queries.tsv").map({ ($0 as NSString).deletingLastPathComponent }) else { return }
        let folder = try TemporaryFolder(prefix: "taska-names-dev")
        let archive = try Archive(path: folder.path("a.sqlite"))
        _ = try IngestRunner(pipeline: StandardPipelines.communiques(), jobs: 1)
            .run(paths: [set + "/docs"], sink: nil, archive: archive)
        let rows = try String(contentsOfFile: set + "/queries.tsv", encoding: .utf8).split(separator: "\n").dropFirst()
        var recall: [String: [Double]] = [:], precision: [Double] = []
        for row in rows {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { continue }
            let expected = Set(fields[2].split(separator: " ").map(String.init))
            let hits = try search.search(archive, query: fields[1], limit: 10)
                .map { (($0.hit.path as NSString).lastPathComponent as NSString).deletingPathExtension }
            let found = Double(Set(hits).intersection(expected).count)
            recall[fields[3], default: []].append(found / Double(expected.count))
            if !hits.isEmpty { precision.append(found / Double(Set(hits).count)) }
        }
        func mean(_ v: [Double]) -> Double { v.isEmpty ? 0 : v.reduce(0, +) / Double(v.count) }
        #expect(mean(recall["translit"] ?? []) >= 0.90, "translit recall \(mean(recall["translit"] ?? []))")
        // Translated names (Lake Chad ↔ بحيرة تشاد) through the name glossary's generic words.
        #expect(mean(recall["translation"] ?? []) >= 0.75, "translation recall \(mean(recall["translation"] ?? []))")
        #expect(mean(recall.values.flatMap { $0 }) >= 0.90, "recall \(mean(recall.values.flatMap { $0 }))")
        #expect(mean(recall["variant"] ?? []) >= 0.85, "variant recall \(mean(recall["variant"] ?? []))")
        #expect(mean(precision) >= 0.80, "precision \(mean(precision))")
    }
}

/// Names that are translated, not transliterated: the glossary's generic words in the other
/// languages, the proper part by its skeleton, in any order.
@Suite struct TranslatedNameSearchTests {
    static let documents = [
        "army.txt": "وقال ضابط في الجيش الكاميروني إن الهجوم وقع فجرا.",
        "lake.txt": "نزح آلاف الصيادين من الجزر ببحيرة تشاد هذا الشهر.",
        "hausa.txt": "Rundunar sojin Kamaru ta ce ta kama mutane biyar.",
        "other.txt": "وصل الوفد الدولي في الصباح إلى المدينة.",
    ]

    func archive() throws -> (TemporaryFolder, Archive) { try ingested(Self.documents, prefix: "taska-translated") }

    @Test func genericWordsAreTranslatedAndNamesMatchedBySkeleton() throws {
        let (_, archive) = try archive()
        let lake = try search.search(archive, query: "Lake Chad")
        #expect(names(lake) == ["lake.txt"])
        #expect(lake.first?.spellings == ["ببحيرة", "تشاد"])
        #expect(lake.first?.translation != nil)
        #expect(names(try search.search(archive, query: "Tafkin Chadi")) == ["lake.txt"])
        // Arabic puts the adjective after the noun: the order of the words does not matter.
        // Every other language's translation is tried: the Hausa report is found too.
        #expect(Set(names(try search.search(archive, query: "Cameroonian Army"))) == ["army.txt", "hausa.txt"])
        #expect(Set(names(try search.search(archive, query: "الجيش الكاميروني", anyScript: true))) == ["army.txt", "hausa.txt"])
    }

    @Test func glossaryWordsMustBeWrittenNotMerelyShareASkeleton() throws {
        let (_, archive) = try archive()
        // العفو and الدولية: `في` shares a skeleton with العفو but is not it; الدولي alone is not enough.
        #expect(try search.search(archive, query: "Amnesty International").isEmpty)
        // A query of names only has no translation.
        #expect(NameSkeleton().translatedQueries("Shekau Maiduguri").isEmpty)
        #expect(!NameSkeleton().translatedQueries("International Committee of the Red Cross").isEmpty)
    }
}
