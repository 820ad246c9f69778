import Testing
import TaskaCore
@testable import TaskaRestore

/// Lower-cases: enough to see that the stage rebuilds the search key from the restored text.
struct LowercaseFolding: SearchKeyFolding {
    func searchTerms(_ query: String) -> [String] { [query.lowercased()] }
    func searchKey(_ text: String) -> String { text.lowercased() }
}

@Suite struct RestoreHooksStageTests {
    static let hooklessHausa = "Kasar ta dauki mataki domin wadannan yan kasuwa su karbi kudin tallafi."

    func document(_ text: String, segments: [(Int, Int, String)], pages: [PageInfo]? = nil) -> SourceDocument {
        var d = SourceDocument(source: SourceInfo(path: "t.txt", bytes: 0, sha256: "00"), bytes: [])
        d.normalized = NormalizedText(text: text, searchKey: text.lowercased(), direction: .ltr, scripts: [], paragraphs: [])
        d.segments = segments.map { Segment(start: $0.0, end: $0.1, language: $0.2, script: "Latn", confidence: 0.99) }
        d.pages = pages
        return d
    }

    func run(_ stage: RestoreHooksStage, _ document: SourceDocument) throws -> SourceDocument {
        var out: [SourceDocument] = []
        try stage.process(document) { out.append($0) }
        #expect(out.count == 1)
        return out[0]
    }

    func stage(_ apply: RestoreHooksOptions.Apply) -> RestoreHooksStage {
        RestoreHooksStage(options: RestoreHooksOptions(apply: apply), folding: LowercaseFolding())
    }

    @Test func hookLostHausaIsRestoredUnderLostWithSpansWarningAndSearchKey() throws {
        let text = Self.hooklessHausa
        let n = text.unicodeScalars.count
        // The default, ocr, keeps typed text as the source wrote it: no OCR page, no change.
        let kept = try run(stage(.ocr), document(text, segments: [(0, n, "ha")]))
        #expect(kept.normalized?.text == text)
        #expect(kept.restored.isEmpty && kept.warnings.isEmpty)
        let out = try run(stage(.lost), document(text, segments: [(0, n, "ha")]))
        let restored = try #require(out.normalized?.text)
        #expect(restored.hasPrefix("Ƙasar ta ɗauki mataki domin waɗannan ƴan kasuwa su karɓi kuɗin"))
        #expect(out.normalized?.searchKey == restored.lowercased())
        #expect(out.restored.count >= 5)
        let scalars = Array(restored.unicodeScalars), before = Array(text.unicodeScalars)
        for span in out.restored {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.to)
            #expect(String(String.UnicodeScalarView(before[span.start..<span.end])) == span.from)
        }
        let letters = zip(scalars, before).filter { $0 != $1 }.count
        let warning = try #require(out.warnings.first { $0.code == "hooks-restored" })
        #expect(warning.stage == "restore-hooks")
        #expect(warning.count == letters)
        #expect(warning.message.hasPrefix("Restored \(letters) hooked letters (ɓ ɗ ƙ ƴ) in \(out.restored.count) Hausa words"))
    }

    @Test func actsOnlyInHausaSegments() throws {
        let hausa = Self.hooklessHausa
        let english = " Kasar dauki wadannan kudin baby daddy."
        let text = hausa + english
        let h = hausa.unicodeScalars.count, n = text.unicodeScalars.count
        let out = try run(stage(.all), document(text, segments: [(0, h, "ha"), (h, n, "en")]))
        #expect(out.normalized?.text.hasSuffix(english) == true)
        #expect(out.restored.allSatisfy { $0.end <= h })
        #expect(!out.restored.isEmpty)
        // No Hausa segment at all: nothing happens.
        let knc = try run(stage(.all), document(text, segments: [(0, n, "knc")]))
        #expect(knc.normalized?.text == text)
        #expect(knc.restored.isEmpty && knc.warnings.isEmpty)
    }

    @Test func textThatHooksIsLeftAloneUnderLostButNotUnderAll() throws {
        // One ƙ: the writer hooks, so the plain `dauki` is the source's and apply: lost keeps it.
        let text = "Ƙasar ta dauki mataki domin wadannan yan kasuwa su karbi kudin tallafi."
        let n = text.unicodeScalars.count
        let ocr = try run(stage(.lost), document(text, segments: [(0, n, "ha")]))
        #expect(ocr.normalized?.text == text)
        #expect(ocr.restored.isEmpty && ocr.warnings.isEmpty)
        let all = try run(stage(.all), document(text, segments: [(0, n, "ha")]))
        #expect(all.normalized?.text.hasPrefix("Ƙasar ta ɗauki") == true)
        #expect(!all.restored.contains { $0.start == 0 })
    }

    @Test func ocrPagesAreRestoredEvenWhenOtherPagesHook() throws {
        // The OCR page shows a hooked letter (OCR read one ɗ): it was printed with hooks.
        let page1 = "Ƙasar ta ɗauki mataki a ranar Litinin. "
        let page2 = "Kasar ta ɗauki mataki domin wadannan yan kasuwa."
        let text = page1 + page2
        let p = page1.unicodeScalars.count, n = text.unicodeScalars.count
        let pages = [PageInfo(number: 1, start: 0, end: p, source: .text), PageInfo(number: 2, start: p, end: n, source: .ocr, ocrConfidence: 0.9)]
        let out = try run(stage(.ocr), document(text, segments: [(0, n, "ha")], pages: pages))
        #expect(out.normalized?.text == page1 + "Ƙasar ta ɗauki mataki domin waɗannan ƴan kasuwa.")
        #expect(out.restored.allSatisfy { $0.start >= p })
    }

    @Test func ocrdHausaWithoutAnyHookedLetterIsLeftAsRead() throws {
        // Nothing on the page shows a hook: its source may have been typed without them.
        let text = Self.hooklessHausa
        let n = text.unicodeScalars.count
        let pages = [PageInfo(number: 1, start: 0, end: n, source: .ocr, ocrConfidence: 0.9)]
        let out = try run(stage(.ocr), document(text, segments: [(0, n, "ha")], pages: pages))
        #expect(out.normalized?.text == text)
        #expect(out.restored.isEmpty)
    }

    @Test func belowTheHookedShareOnlySegmentsThatShowAHookAreRestored() throws {
        // 1 hooked word in 20: under 10 %, so only the sentence holding it is restored.
        let first = "Kasar ta dauki mataki domin wadannan yan kasuwa su karbi kudin tallafi. "
        let second = "Kasar ta ɗauki mataki domin wadannan yan kasuwa."
        let text = first + second
        let n = text.unicodeScalars.count
        let pages = [PageInfo(number: 1, start: 0, end: n, source: .ocr, ocrConfidence: 0.9)]
        let strict = RestoreHooksStage(options: RestoreHooksOptions(apply: .ocr, ocrHookedShare: 0.1), folding: LowercaseFolding())
        // One segment for the whole page, as detect gives a page in one language: sentences decide.
        let out = try run(strict, document(text, segments: [(0, n, "ha")], pages: pages))
        #expect(out.normalized?.text == first + "Ƙasar ta ɗauki mataki domin waɗannan ƴan kasuwa.")
        // At the default share (2 %) the same page counts as printed with hooks: both are restored.
        let all = try run(stage(.ocr), document(text, segments: [(0, n, "ha")], pages: pages))
        #expect(all.normalized?.text.hasPrefix("Ƙasar ta ɗauki") == true)
    }

    @Test func shortOrFewCandidateTextIsNotTakenForHookLost() throws {
        let text = "Ya ce kasar ta yi kyau."  // one restorable word: below min-words 3
        let out = try run(stage(.lost), document(text, segments: [(0, text.unicodeScalars.count, "ha")]))
        #expect(out.normalized?.text == text)
    }

    @Test func noneAndMissingDetectPassThrough() throws {
        let text = Self.hooklessHausa
        let n = text.unicodeScalars.count
        let none = try run(stage(.none), document(text, segments: [(0, n, "ha")]))
        #expect(none.normalized?.text == text)
        var undetected = document(text, segments: [])
        undetected.segments = nil
        #expect(try run(stage(.all), undetected).normalized?.text == text)
    }

    @Test func configurationNamesEveryOption() {
        #expect(stage(.ocr).configuration == "model=taska-hooks-1 apply=ocr min-words=3 min-share=0.03 ocr-hooked-share=0.02")
        #expect(RestoreHooksStage.message(letters: 1, words: 1).hasPrefix("Restored 1 hooked letter (ɓ ɗ ƙ ƴ) in 1 Hausa word "))
    }

    @Test func sentencesEndAtStopsFollowedBySpaceOrTheEnd() {
        let text = "Ya ce 3.5 ne. Me? Eh\nTo"
        let scalars = text.unicodeScalars.map(\.value)
        let cut = scalars.withUnsafeBufferPointer { RestoreHooksStage.sentences($0, in: 0..<$0.count) }
        #expect(cut.map { String(String.UnicodeScalarView(text.unicodeScalars[text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: $0.lowerBound)..<text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: $0.upperBound)])) }
                == ["Ya ce 3.5 ne.", " Me?", " Eh\n", "To"])
    }

    @Test func rangeArithmetic() {
        #expect(RestoreHooksStage.intersection([0..<10, 20..<30], [5..<25]) == [5..<10, 20..<25])
        #expect(RestoreHooksStage.subtracting([5..<25], from: [0..<10, 20..<30]) == [0..<5, 25..<30])
        #expect(RestoreHooksStage.subtracting([], from: [0..<10]) == [0..<10])
    }
}
