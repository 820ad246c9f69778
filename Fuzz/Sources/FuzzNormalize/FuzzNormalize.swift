import FuzzSupport
import TaskaCore
import TaskaNormalize

/// libFuzzer entry: arbitrary UTF-8 through `TextNormalizer` (report, search key) and the
/// Normalize stage, both as plain text and as blocks (one per line) with a span over part of
/// each block, as extraction would hand them over. Invalid UTF-8 is rejected (Decode never
/// hands Normalize anything but a `String`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return -1 }
    let normalizer = TextNormalizer()
    if let report = try? normalizer.normalizeReport(text) {
        _ = try? normalizer.makeSearchKey(report.text)
    }
    var plain = FuzzInput.document(bytes, path: "fuzz/text.txt")
    plain.text = text
    FuzzInput.run(plain, [NormalizeStage()])

    var blocks: [TextBlock] = []
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let count = line.unicodeScalars.count
        let start = count == 0 ? 0 : n % (count + 1)
        let end = min(count, start + 1 + n % 7)
        let direction: Direction? = n % 3 == 0 ? nil : (n % 3 == 1 ? .rtl : .ltr)
        blocks.append(TextBlock(text: String(line), declaredDirection: direction,
                                spans: n % 2 == 0 ? [] : [Entity(type: "link", start: start, end: end, href: "x")]))
    }
    var structured = plain
    structured.blocks = blocks
    FuzzInput.run(structured, [NormalizeStage()])
    return 0
}
