import TaskaCore
@testable import TaskaNormalize

/// A document as extraction leaves it.
func makeDocument(blocks: [TextBlock] = [], text: String = "") -> SourceDocument {
    var doc = SourceDocument(source: SourceInfo(path: "test.html", bytes: 0, sha256: String(repeating: "0", count: 64)), bytes: [])
    doc.blocks = blocks
    doc.text = text
    return doc
}

/// Runs the stage on `document` and returns the one document it emits.
func runStage(_ document: SourceDocument, options: NormalizeOptions = NormalizeOptions()) throws -> SourceDocument {
    var out: [SourceDocument] = []
    try NormalizeStage(options: options).process(document) { out.append($0) }
    precondition(out.count == 1, "the stage must emit exactly one document")
    return out[0]
}

/// The slice of `text` between Unicode scalar offsets.
func scalarSlice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
}

/// Unicode scalar values of `text`, for precise assertions on invisible characters.
func codePoints(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
