import FuzzSupport
import TaskaDecode
import TaskaExtract

/// libFuzzer entry: arbitrary bytes decoded, then read as HTML (libxml2's HTML parser, tree
/// cleaning, metadata, JSON-LD, main-text extraction, Telegram HTML export detection).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    FuzzInput.run(FuzzInput.document(bytes, path: "fuzz/page.html"),
                  [DecodeStage(), FuzzInput.ForceMediaType("text/html"), ExtractStage()])
    return 0
}
