import FuzzSupport
import TaskaExtract

/// libFuzzer entry: arbitrary bytes through the Unpack stage (WARC record reader, HTTP
/// messages, chunking, gzip/deflate, gzip bomb guard). Inputs that start with neither
/// `WARC/` nor the gzip magic are also tried with `WARC/1.0\r\n` in front, so the fuzzer
/// spends its time inside the record reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    FuzzInput.run(FuzzInput.document(bytes, path: "fuzz/crawl.warc"), [UnpackStage()])
    let isGzip = bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    if !isGzip && !bytes.starts(with: Array("WARC/".utf8)) {
        let framed = Array("WARC/1.0\r\n".utf8) + bytes
        FuzzInput.run(FuzzInput.document(framed, path: "fuzz/crawl.warc"), [UnpackStage()])
    }
    return 0
}
