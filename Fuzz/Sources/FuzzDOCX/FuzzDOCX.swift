import FuzzSupport
import TaskaContainers
import TaskaCore
import TaskaDecode
import TaskaExtract

/// libFuzzer entry: the DOCX path end to end (`unarchive`'s office detection and part reading,
/// then Decode and Extract's WordprocessingML reader). An input that is a zip (a DOCX seed,
/// mutated) is read as it is; any other input becomes `word/document.xml` of a stored DOCX,
/// and also its styles, footnotes, endnotes, a header and the core properties, so the mutated
/// XML reaches every part the reader parses. Limits are small, so a bomb costs little.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOCX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    let stages: [any Stage] = [
        UnarchiveStage(options: UnarchiveOptions(maxMembers: 200, maxDepth: 2, maxMemberBytes: 4 << 20,
                                                 maxTotalBytes: 8 << 20, maxRatio: 200)),
        DecodeStage(), ExtractStage(),
    ]
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
        FuzzInput.run(FuzzInput.document(bytes, path: "fuzz/document.docx"), stages)
        return 0
    }
    let types = Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)
    let zip = StoredZip.bytes([
        ("[Content_Types].xml", types), ("word/document.xml", bytes), ("word/styles.xml", bytes),
        ("word/footnotes.xml", bytes), ("word/endnotes.xml", bytes), ("word/header1.xml", bytes), ("docProps/core.xml", bytes),
    ])
    FuzzInput.run(FuzzInput.document(zip, path: "fuzz/parts.docx"), stages)
    return 0
}
