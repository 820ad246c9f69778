import FuzzSupport
import TaskaCore
import TaskaDecode
import TaskaExtract
import TaskaPDF

/// libFuzzer entry: arbitrary bytes through Decode and Extract's PDF reader (poppler's parser,
/// the text layer read whole and by halves, right-to-left repair, columns, running furniture,
/// paragraphs) with OCR off, since Tesseract would make each run take seconds. Inputs without
/// `%PDF-` in their first 1024 bytes are also tried with a PDF header in front, so the fuzzer
/// spends its time inside poppler and the layout code.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    let stages: [any Stage] = [DecodeStage(), ExtractStage(formats: [PDFReader(options: PDFOptions(ocr: .never))])]
    FuzzInput.run(FuzzInput.document(bytes, path: "fuzz/notice.pdf"), stages)
    if !bytes.prefix(1029).starts(with: Array("%PDF-".utf8)) {
        FuzzInput.run(FuzzInput.document(Array("%PDF-1.7\n".utf8) + bytes, path: "fuzz/notice.pdf"), stages)
    }
    return 0
}
