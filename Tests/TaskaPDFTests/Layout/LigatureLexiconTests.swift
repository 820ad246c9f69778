import Foundation
import Testing
@testable import TaskaPDF

@Suite struct LigatureLexiconTests {
    static func text(_ scalars: [Unicode.Scalar]) -> String { String(String.UnicodeScalarView(scalars)) }

    /// عالم as poppler gives it in DejaVu Sans: a final alef and an initial lam exactly as wide as
    /// the two slices of a lam-alef glyph (visually م ل ا ع).
    static let alam = RightToLeftRepairTests.word("عالم", widths: [9.312, 4.263, 4.263, 8.351])

    @Test func wordCountsSettleWhatEqualSlicesCannot() {
        // The rules alone take the equal slices for a lam-alef glyph.
        #expect(Self.text(RightToLeftRepair.logical(Self.alam, lexicon: nil)) == "علام")
        let lexicon = LigatureLexicon(counts: ["عالم": 66, "علام": 3])
        #expect(Self.text(RightToLeftRepair.logical(Self.alam, lexicon: lexicon)) == "عالم")
        // A word the lexicon never saw in any reading keeps the rules' choice.
        let ilaj = RightToLeftRepairTests.word("عالج", widths: [6, 4.25, 4.25, 7])
        #expect(Self.text(RightToLeftRepair.logical(ilaj, lexicon: lexicon)) == "علاج")
    }

    @Test func marksTatweelAndPresentationFormsDoNotChangeAWordsCount() {
        let lexicon = LigatureLexicon(counts: ["العالم": 7])
        #expect(lexicon.count(Array("العَالَم".unicodeScalars)) == 7)
        #expect(lexicon.count(Array("العـالم".unicodeScalars)) == 7)
        // ﻟ (U+FEDF, lam initial form) folds to ل.
        #expect(lexicon.count(Array("ا\u{FEDF}عالم".unicodeScalars)) == 7)
        #expect(lexicon.count(Array("العلام".unicodeScalars)) == 0)
    }

    @Test func theFileFormatRoundTripsAndRefusesOtherBytes() {
        let lexicon = LigatureLexicon(counts: ["عالم": 66, "علام": 3, "خلال": 100_000])
        let bytes = lexicon.encoded()
        #expect(LigatureLexicon.decode(bytes) == lexicon)
        #expect(LigatureLexicon.decode(bytes)?.count(Array("خلال".unicodeScalars)) == Int(UInt16.max))
        #expect(LigatureLexicon.decode(Array(bytes.dropLast())) == nil)
        #expect(LigatureLexicon.decode(Array("TASKALID".utf8) + Array(bytes.dropFirst(8))) == nil)
    }

    @Test func trainingCountsOnlyWordsWithALamBesideAnAlefOrYeh() throws {
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("ligatures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("train"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: corpus) }
        try "العالم عالم كبير، عالم!\nخلال يوم".write(to: corpus.appendingPathComponent("train/ar-Arab.txt"), atomically: true, encoding: .utf8)
        try "عَالَم".write(to: corpus.appendingPathComponent("train/knc-Arab.txt"), atomically: true, encoding: .utf8)
        let lexicon = try LigatureLexicon.train(corpus: corpus.path)
        #expect(lexicon.count(Array("عالم".unicodeScalars)) == 3)
        #expect(lexicon.count(Array("العالم".unicodeScalars)) == 1)
        #expect(lexicon.count(Array("خلال".unicodeScalars)) == 1)
        #expect(lexicon.count(Array("كبير".unicodeScalars)) == 0, "no lam beside an alef or yeh: not kept")
        #expect(try LigatureLexicon.train(corpus: corpus.path).encoded() == lexicon.encoded(), "deterministic")
    }

    @Test func theShippedLexiconIsLoaded() throws {
        let lexicon = try #require(LigatureLexicon.shipped, "Resources/ligatures.bin is missing or unreadable")
        #expect(lexicon.count(Array("عالم".unicodeScalars)) > lexicon.count(Array("علام".unicodeScalars)))
        #expect(lexicon.count(Array("خلال".unicodeScalars)) > 0)
    }
}
