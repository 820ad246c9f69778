import FuzzSupport
import TaskaDecode

/// libFuzzer entry: arbitrary bytes through the Decode stage (sniffing, charset decision,
/// ICU conversion, mojibake repair).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    FuzzInput.run(FuzzInput.document(bytes, path: "fuzz/input.txt"), [DecodeStage()])
    return 0
}
