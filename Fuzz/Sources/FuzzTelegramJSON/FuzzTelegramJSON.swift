import FuzzSupport
import TaskaDecode
import TaskaExtract

/// libFuzzer entry: arbitrary bytes as a Telegram `result.json` through the Extract stage,
/// both raw (the streaming tokenizer on undecoded bytes) and after Decode (on the text).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTelegramJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    let document = FuzzInput.document(bytes, path: "fuzz/result.json", mediaType: "application/json")
    FuzzInput.run(document, [ExtractStage()])
    FuzzInput.run(document, [DecodeStage(), FuzzInput.ForceMediaType("application/json"), ExtractStage()])
    return 0
}
