import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaIngest

@Suite struct DocumentInspectorTests {
    private func inspect(_ fixture: String, maxDocuments: Int = 20) -> DocumentInspector.Inspection {
        DocumentInspector(pipeline: StandardPipelines.communiques(), maxDocuments: maxDocuments)
            .inspect(path: packageRoot + "/" + fixture)
    }

    /// An Arabic windows-1256 page: charset and why, reader, blocks kept and dropped.
    @Test func archiveMembersShowTheirChain() throws {
        let inspection = inspect("Fixtures/containers/nested.zip")
        #expect(inspection.documents.count == 4)
        let text = InspectionReport(inspection).text(.init(color: false, visualBidi: false))
        #expect(text.contains("#m1  'bundle.tar' → 'bundle/inner.zip' → 'knc-Arab/labar-kasuwu.txt'"))
        let json = InspectionReport.json(inspection.documents[3])
        #expect(json["container"] == .array([.string(packageRoot + "/Fixtures/containers/nested.zip"), .string("ar/khabar.html")]))
    }

    @Test func arabicWindows1256Page() throws {
        let inspection = inspect("Fixtures/ar/akhbar-madrasa-windows-1256.html")
        #expect(inspection.readFailure == nil)
        #expect(inspection.pipelineHash == StandardPipelines.communiques().hash)
        let trace = try #require(inspection.documents.first)
        #expect(inspection.documents.count == 1 && inspection.omitted == 0)
        #expect(trace.document.charset?.charset == "windows-1256")
        #expect(trace.document.charset?.source == .declared)
        let extract = try #require(trace.extract)
        #expect(extract.reader == "html")
        let decisions = try #require(extract.decisions)
        // The kept decisions are exactly the blocks the record holds, in order.
        #expect(decisions.filter { $0.verdict == .kept }.map(\.text) == trace.document.blocks.map(\.text))
        #expect(decisions.contains { $0.verdict == .furniture })
        #expect(decisions.filter { $0.verdict == .kept }.allSatisfy { $0.chars > 0 })
        // The record is the one ingest makes.
        let record = try #require(ingest(fixture: "Fixtures/ar/akhbar-madrasa-windows-1256.html").first)
        #expect(record.document.normalized?.text == trace.document.normalized?.text)
    }

    @Test func jsonViewHasEveryStage() throws {
        let json = InspectionReport(inspect("Fixtures/ar/akhbar-madrasa-windows-1256.html")).json
        let text = json.serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["pipeline"] as? [String: Any])?["name"] as? String == "communiques")
        let documents = try #require(object["documents"] as? [[String: Any]])
        let doc = try #require(documents.first)
        #expect((doc["decode"] as? [String: Any])?["source"] as? String == "declared")
        let extract = try #require(doc["extract"] as? [String: Any])
        #expect(extract["reader"] as? String == "html")
        let decisions = try #require(extract["decisions"] as? [[String: Any]])
        #expect(Set(decisions.compactMap { $0["verdict"] as? String }).isSuperset(of: ["kept", "furniture"]))
        let paragraphs = try #require((doc["normalize"] as? [String: Any])?["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.contains { $0["direction"] as? String == "rtl" && $0["script"] as? String == "Arab" })
        let segments = try #require((doc["detect"] as? [String: Any])?["segments"] as? [[String: Any]])
        #expect(segments.allSatisfy { ($0["confidence"] as? Double).map { (0...1).contains($0) } ?? false })
        #expect(object["omitted"] as? Int == 0)
    }

    /// The hook-lost Hausa fixture under `restore-hooks` with `apply: lost`: the restored words
    /// in both views, as the record has them.
    @Test func restoredHooksAreShown() throws {
        let file = try BuiltInPipelines.load("communiques").setting("apply", to: "lost", inStage: "restore-hooks")
        let lost = try StageCatalog.resolve(file).pipeline
        let inspection = DocumentInspector(pipeline: lost, maxDocuments: 20)
            .inspect(path: packageRoot + "/Fixtures/ha/labari-kasuwar-kifi-hooks-lost.txt")
        let trace = try #require(inspection.documents.first)
        #expect(trace.document.restored.contains { $0.from == "dauki" && $0.to == "ɗauki" })
        let plain = InspectionReport(inspection).text(.init(color: false, visualBidi: false))
        #expect(plain.contains("hooks      \(trace.document.restored.count) words: “bude→buɗe bude→buɗe karamar→ƙaramar"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(InspectionReport(inspection).json.serialized().utf8)) as? [String: Any])
        let restored = try #require((object["documents"] as? [[String: Any]])?.first?["restored"] as? [[String: Any]])
        #expect(restored.count == trace.document.restored.count)
        #expect(restored.first?["from"] as? String == "bude" && restored.first?["to"] as? String == "buɗe")
    }

    /// A mixed Hausa/Arabic page: both languages among the segments, paragraphs of both
    /// directions; the text view reorders only right-to-left lines and colours only on request.
    @Test func mixedHausaArabicTextView() throws {
        let inspection = inspect("Fixtures/mixed-ha-ar/huduba-juma-utf8.html")
        let trace = try #require(inspection.documents.first)
        let segments = try #require(trace.document.segments)
        #expect(segments.contains { $0.language == "ha" } && segments.contains { $0.language == "ar" })
        let report = InspectionReport(inspection)
        let plain = report.text(.init(color: false, visualBidi: false))
        let visual = report.text(.init(color: false, visualBidi: true))
        let coloured = report.text(.init(color: true, visualBidi: false))
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[32m"))
        for needle in ["decode", "utf-8", "reader html", "normalize", "detect", "ha-Latn", "ar-Arab", "rtl Arab", "ltr Latn"] {
            #expect(plain.contains(needle), "missing \(needle)")
        }
        // An Arabic paragraph appears in memory order in the logical view and reversed in the visual one.
        let scalars = Array(trace.document.normalized!.text.unicodeScalars)
        let arabic = try #require(trace.document.normalized!.paragraphs.first { $0.direction == .rtl })
        let words = InspectionReport.slice(scalars, arabic.start, arabic.end).split(separator: " ")
        let firstWord = try #require(words.first.map(String.init))
        #expect(plain.contains(firstWord))
        #expect(visual.contains(String(firstWord.reversed())))
        // Latin lines are the same in both views.
        let latin = try #require(trace.document.normalized!.paragraphs.first { $0.direction == .ltr })
        let latinStart = String(InspectionReport.slice(scalars, latin.start, latin.end).prefix(30))
        #expect(plain.contains(latinStart) && visual.contains(latinStart))
    }

    /// A file that fans out lists at most `maxDocuments` and says how many it left out.
    @Test func fanOutIsCappedWithANote() throws {
        let all = inspect("Fixtures/feeds/labarai-ha.rss")
        #expect(all.documents.count > 1)
        let capped = inspect("Fixtures/feeds/labarai-ha.rss", maxDocuments: 1)
        #expect(capped.documents.count == 1)
        #expect(capped.omitted == all.documents.count - 1)
        #expect(capped.documents[0].extract?.reader == all.documents[0].extract?.reader)
        #expect(capped.documents[0].extract?.decisions == nil)
        let text = InspectionReport(capped).text(.init(color: false, visualBidi: false))
        #expect(text.contains("\(capped.omitted) more document"))
        #expect(text.contains("document 1 of \(all.documents.count)"))
    }

    @Test func unreadableFileIsReported() {
        let inspection = inspect("Fixtures/no-such-file.html")
        #expect(inspection.readFailure != nil)
        #expect(InspectionReport(inspection).text(.init(color: false, visualBidi: false)).contains("error: "))
    }
}
