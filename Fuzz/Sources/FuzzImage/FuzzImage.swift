import FuzzSupport
import TaskaOCR

/// libFuzzer entry: arbitrary bytes through the OCR reader's image decoding (leptonica's PNG,
/// JPEG, TIFF, WebP and BMP readers, the pixel-limit check before decoding, the conversion to
/// grey pixels). Recognition itself is left out: Tesseract would make each run take seconds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    if let image = try? PageRecognizer.decodeImage(bytes, format: "image", path: "fuzz/page.png", maxPixels: 4_000_000) {
        precondition(image.pixels.count == image.width * image.height)
        _ = image.halved()
    }
    return 0
}
