import FuzzSupport
import TaskaDecode
import TaskaExtract

/// libFuzzer entry: arbitrary bytes decoded, then read as XML through the Extract stage
/// (RSS/Atom/RDF feeds, TEI, any other XML; chosen by root element as in production).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    FuzzInput.run(FuzzInput.document(bytes, path: "fuzz/doc.xml"),
                  [DecodeStage(), FuzzInput.ForceMediaType("application/xml"), ExtractStage()])
    return 0
}
