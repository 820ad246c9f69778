import Foundation
import Testing
import TaskaCore
import TaskaTestSupport
@testable import TaskaPDF

/// A few text PDFs of the shared dev set (`../shared/formats/pdf`), read with the text layer
/// only: their words must be nearly all there, and running headers must be gone. Skips when
/// `../shared` is absent. (The full evaluation, with OCR, is `scripts/eval-pdf`.)
@Suite struct SharedDevSetTests {
    static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let folded = String(String.UnicodeScalarView(word.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
            if !folded.isEmpty { counts[folded, default: 0] += 1 }
        }
        return counts
    }

    @Test(arguments: ["ha-Latn-text-01", "en-Latn-text-02", "knc-Latn-text-02", "ar-Arab-text-01"])
    func textPDFsKeepTheirWords(id: String) throws {
        guard let bench = sharedPath("formats/pdf") else { return }
        let bytes = try fileBytes("\(bench)/docs/\(id).pdf")
        var doc = SourceDocument(source: SourceInfo(path: id, bytes: bytes.count, sha256: "00"), bytes: bytes, mediaType: "application/pdf")
        doc.limits = DocumentLimits()
        var out: [SourceDocument] = []
        try PDFReader(options: PDFOptions(ocr: .never)).read(doc) { out.append($0) }
        let text = out.flatMap(\.blocks).map(\.text).joined(separator: "\n")
        // Presentation forms are folded later (Normalize); compare in compatibility form.
        let got = Self.words(text.decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping)
        let truth = Self.words(try String(contentsOfFile: "\(bench)/truth/\(id).txt", encoding: .utf8).precomposedStringWithCompatibilityMapping)
        let overlap = truth.reduce(0) { $0 + min($1.value, got[$1.key] ?? 0) }
        let recall = Double(overlap) / Double(max(1, truth.values.reduce(0, +)))
        let precision = Double(overlap) / Double(max(1, got.values.reduce(0, +)))
        #expect(recall > 0.95 && precision > 0.95, "\(id): recall \(recall), precision \(precision)")
    }
}
