import TaskaCore

/// The Orthography stage: Hausa/Kanuri orthography folds (`OrthographyFolder`: b' d' k' → ɓ ɗ ƙ,
/// 'y → ʼy, look-alike letters, one schwa) on the spans a language stage found to be Hausa or
/// Kanuri, placed after Detect.
///
/// Normalize's own gate (`OrthographyGate`, letter statistics per paragraph) decides only when
/// no language stage runs; in a pipeline with Detect, Normalize runs with
/// `orthographyFolds: false` and this stage folds the `ha`/`knc` Latin segments instead. A fold
/// shortens the text (k'a → ƙa), so every offset of the record is remapped: paragraphs, script
/// runs, entities and segments; the search key is rebuilt. Idempotent: folded text folds to
/// itself. Needs `segments` (a document without them passes through unchanged).
public struct OrthographyStage: Stage {
    /// Language subtags whose Latin segments are folded.
    public var languages: [String]

    public init(languages: [String] = ["ha", "knc"]) { self.languages = languages }

    public var name: String { "orthography" }
    /// `languages=ha,knc`.
    public var configuration: String { "languages=\(languages.joined(separator: ","))" }

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        try document.checkDeadline("stopped before orthography folds")
        var doc = document
        if let normalized = doc.normalized, let segments = doc.segments {
            var changes = NormalizationChanges()
            let result = try Self.fold(normalized, segments: segments, languages: Set(languages), changes: &changes)
            doc.normalized = result.normalized
            doc.segments = result.segments
            for warning in changes.warnings {
                doc.warn("orthography", warning.code, warning.message, count: warning.count)
            }
        }
        try emit(doc)
    }

    /// Folds the Latin segments of `languages` in `normalized` and remaps all offsets.
    public static func fold(_ normalized: NormalizedText, segments: [Segment], languages: Set<String>,
                            changes: inout NormalizationChanges) throws -> (normalized: NormalizedText, segments: [Segment]) {
        // Most documents have no Hausa or Kanuri Latin segment: nothing to fold, nothing to remap.
        guard segments.contains(where: { languages.contains($0.language) && $0.script == "Latn" }) else {
            return (normalized, segments)
        }
        let input = ScalarValues.of(normalized.text)
        var output: [UInt32] = []
        output.reserveCapacity(input.count)
        // newOffset[i]: where old offset i (0...count) lands in the folded text.
        var newOffset = [Int](repeating: 0, count: input.count + 1)
        var cursor = 0
        var changed = false
        func copy(upTo end: Int) {
            while cursor < end {
                newOffset[cursor] = output.count
                output.append(input[cursor])
                cursor += 1
            }
        }
        for segment in segments.sorted(by: { $0.start < $1.start })
        where languages.contains(segment.language) && segment.script == "Latn" {
            let start = max(segment.start, cursor), end = min(segment.end, input.count)
            guard start < end else { continue }
            copy(upTo: start)
            let piece = Array(input[start..<end])
            let folded = OrthographyFolder.fold(piece, changes: &changes)
            if folded != piece { changed = true }
            align(piece, folded, base: start, outBase: output.count, into: &newOffset)
            output.append(contentsOf: folded)
            cursor = end
        }
        guard changed else { return (normalized, segments) }
        copy(upTo: input.count)
        newOffset[input.count] = output.count
        func map(_ i: Int) -> Int { newOffset[min(max(i, 0), input.count)] }
        var result = normalized
        var text = String.UnicodeScalarView()
        for v in output { if let s = Unicode.Scalar(v) { text.append(s) } }
        result.text = String(text)
        result.searchKey = UTF16Text.string(try SearchKeyBuilder.key(Array(result.text.utf16)))
        result.paragraphs = normalized.paragraphs.map { var p = $0; p.start = map(p.start); p.end = map(p.end); return p }
        result.scriptRuns = normalized.scriptRuns.map { var r = $0; r.start = map(r.start); r.end = map(r.end); return r }
        result.entities = normalized.entities.map { var e = $0; e.start = map(e.start); e.end = map(e.end); return e }
        let remapped = segments.map { var s = $0; s.start = map(s.start); s.end = map(s.end); return s }
        return (result, remapped)
    }

    /// Offsets of `piece` (at `base` in the old text) in `folded` (at `outBase` in the new one).
    /// The folds keep order and only drop apostrophes (b'a → ɓa, 'ba → ɓa) or replace one scalar
    /// by one, so a left-to-right walk aligns them; a dropped apostrophe maps to where its
    /// neighbour lands.
    static func align(_ piece: [UInt32], _ folded: [UInt32], base: Int, outBase: Int, into newOffset: inout [Int]) {
        var i = 0, j = 0
        var drops = piece.count - folded.count
        while i < piece.count {
            newOffset[base + i] = outBase + min(j, folded.count)
            let c = piece[i]
            if drops > 0, HausaLetters.isApostrophe(c), j < folded.count, folded[j] != c, folded[j] != 0x02BC {
                drops -= 1
                i += 1
                continue
            }
            i += 1
            j += 1
        }
    }
}
