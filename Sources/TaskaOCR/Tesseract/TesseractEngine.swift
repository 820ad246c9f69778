import Foundation
internal import CTesseract

/// One loaded Tesseract model: recognises grey page images into lines with boxes and word
/// confidences. The only Swift type that holds a `TessBaseAPI` or a leptonica `PIX`.
///
/// Why a class: loading a model takes a large part of a second, so engines are kept in
/// `TesseractEnginePool` and reused; one engine serves one thread at a time (the pool hands it
/// out), which is what `@unchecked Sendable` promises. Every C string is copied into Swift and
/// freed with `TessDeleteText` in the function that got it; iterators are deleted in `defer`.
/// The corresponding Tesseract functions are `TessBaseAPIInit3`, `TessBaseAPIRecognize`
/// (through `taska_tess_recognize_with_deadline`) and the `TessResultIterator` family, each
/// called through its `taska_` forwarder (the libraries are loaded on first use).
final class TesseractEngine: @unchecked Sendable {
    /// The model name as given to Tesseract (`Latin`, `ara`, `ara+Latin`).
    let model: String
    private let api: OpaquePointer

    /// Why Tesseract could not be loaded (`taska_ocr_load`, once per process), nil when it was.
    /// Loading also turns Tesseract's OpenMP threads off: Taska OCRs one page per core itself;
    /// Tesseract's LSTM asks OpenMP for four more threads per layer, and on a busy or pinned core
    /// they spin on each other (a one-page scan took 23 s instead of 7 s, most of it in futex calls).
    static let loadError: String? = taska_ocr_load() == 0 ? nil : String(cString: taska_ocr_load_error())

    /// Whether Tesseract's OpenMP regions run serially (libgomp was found and set).
    static var openMPSerial: Bool { loadError == nil && taska_ocr_openmp_serial() != 0 }

    /// Why no engine for `model` could be made: the libraries, else the model.
    static func missing(_ model: String) -> OCRError.Reason {
        loadError.map { .libraryMissing($0) } ?? .modelMissing(model: model)
    }

    /// Loads `model` from the system tessdata folder; nil when it or Tesseract is not installed.
    init?(model: String) {
        guard Self.loadError == nil, let api = taska_TessBaseAPICreate() else { return nil }
        // Tesseract's own messages (resolution estimates, empty pages) go nowhere: Taska reports.
        _ = taska_TessBaseAPISetVariable(api, "debug_file", "/dev/null")
        guard taska_TessBaseAPIInit3(api, nil, model) == 0 else {
            taska_TessBaseAPIDelete(api)
            return nil
        }
        taska_TessBaseAPISetPageSegMode(api, model == "osd" ? Int32(TASKA_PSM_OSD_ONLY) : Int32(TASKA_PSM_AUTO))
        self.model = model
        self.api = api
    }

    deinit {
        taska_TessBaseAPIEnd(api)
        taska_TessBaseAPIDelete(api)
    }

    /// Recognises `image`, or only the rows `rows` of it (a sample), stopping after `seconds`.
    func recognize(_ image: GrayImage, rows: Range<Int>? = nil, seconds: Double) -> OCRPage {
        image.pixels.withUnsafeBufferPointer { buffer in
            taska_TessBaseAPISetImage(api, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        defer { taska_TessBaseAPIClear(api) }
        if image.dpi > 0 { taska_TessBaseAPISetSourceResolution(api, Int32(image.dpi)) }
        if let rows {
            taska_TessBaseAPISetRectangle(api, 0, Int32(rows.lowerBound), Int32(image.width), Int32(rows.count))
        }
        let milliseconds = Int32(max(1, min(Double(Int32.max), seconds * 1000)))
        let status = taska_tess_recognize_with_deadline(api, milliseconds)
        guard status >= 0 else { return OCRPage(lines: [], model: model, timedOut: false) }
        return OCRPage(lines: readLines(), model: model, timedOut: status == 1)
    }

    /// The script Tesseract's orientation and script detection sees on `image` (`Latin`,
    /// `Arabic`, …) with its confidence, or nil when it cannot tell (too little text). Needs an
    /// engine loaded with the `osd` model. The corresponding function is
    /// `TessBaseAPIDetectOrientationScript`.
    func detectScript(_ image: GrayImage) -> (script: String, confidence: Double)? {
        image.pixels.withUnsafeBufferPointer { buffer in
            taska_TessBaseAPISetImage(api, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        defer { taska_TessBaseAPIClear(api) }
        if image.dpi > 0 { taska_TessBaseAPISetSourceResolution(api, Int32(image.dpi)) }
        var degrees: Int32 = 0
        var orientationConfidence: Float = 0, scriptConfidence: Float = 0
        var name: UnsafePointer<CChar>?
        guard taska_TessBaseAPIDetectOrientationScript(api, &degrees, &orientationConfidence, &name, &scriptConfidence) != 0,
              let name else { return nil }
        // The name points into Tesseract's own table (not allocated for the caller).
        return (String(cString: name), Double(scriptConfidence))
    }

    /// Walks the result word by word, in reading order, grouping words into their lines.
    private func readLines() -> [OCRLine] {
        guard let iterator = taska_TessBaseAPIGetIterator(api) else { return [] }
        defer { taska_TessResultIteratorDelete(iterator) }
        let pageIterator = taska_TessResultIteratorGetPageIterator(iterator)
        var lines: [OCRLine] = []
        var words: [String] = []
        var confidences: [Double] = []
        var box = (x0: 0, y0: 0, x1: 0, y1: 0)
        var paragraph = false
        func flush() {
            if !words.isEmpty {
                lines.append(OCRLine(text: words.joined(separator: " "), x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1,
                                     wordConfidences: confidences, startsParagraph: paragraph))
            }
            words = []
            confidences = []
        }
        repeat {
            if taska_TessPageIteratorIsAtBeginningOf(pageIterator, Int32(TASKA_RIL_TEXTLINE)) != 0 {
                flush()
                var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0
                if taska_TessPageIteratorBoundingBox(pageIterator, Int32(TASKA_RIL_TEXTLINE), &l, &t, &r, &b) != 0 {
                    box = (Int(l), Int(t), Int(r), Int(b))
                }
                paragraph = taska_TessPageIteratorIsAtBeginningOf(pageIterator, Int32(TASKA_RIL_PARA)) != 0
            }
            if let raw = taska_TessResultIteratorGetUTF8Text(iterator, Int32(TASKA_RIL_WORD)) {
                let word = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
                taska_TessDeleteText(raw)
                if !word.isEmpty {
                    words.append(word)
                    confidences.append(Double(max(0, min(100, taska_TessResultIteratorConfidence(iterator, Int32(TASKA_RIL_WORD))))) / 100)
                }
            }
        } while taska_TessPageIteratorNext(pageIterator, Int32(TASKA_RIL_WORD)) != 0
        flush()
        return lines
    }

    /// Decodes an image file's bytes (PNG, JPEG, TIFF, WebP, BMP: whatever leptonica reads)
    /// into grey pixels, refusing images over `maxPixels` before decoding them.
    /// The corresponding leptonica functions are `pixReadHeaderMem`, `pixReadMem` and `pixConvertTo8`.
    static func decodeImage(_ bytes: [UInt8], format: String, path: String, maxPixels: Int) throws(OCRError) -> GrayImage {
        if let reason = loadError { throw OCRError(path: path, reason: .libraryMissing(reason)) }
        // Damage libpng or libjpeg would complain about on standard error is refused here.
        var bytes = bytes
        var dropped: [String] = []
        switch ImageIntegrity.check(bytes) {
        case .intact: break
        case .repaired(let kept, let chunks):
            bytes = kept
            dropped = chunks
        case .damaged: throw OCRError(path: path, reason: .unreadableImage(format: format))
        }
        let decoded: GrayImage? = try bytes.withUnsafeBufferPointer { buffer throws(OCRError) -> GrayImage? in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            var w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, cmap: Int32 = 0, fmt: Int32 = 0
            if taska_pixReadHeaderMem(base, buffer.count, &fmt, &w, &h, &bps, &spp, &cmap) == 0 {
                guard w > 0, h > 0 else { return nil }
                if Int(w) * Int(h) > maxPixels {
                    throw OCRError(path: path, reason: .tooManyPixels(width: Int(w), height: Int(h), limit: maxPixels))
                }
            }
            guard let pix = taska_pixReadMem(base, buffer.count) else { return nil }
            defer { taska_pix_destroy(pix) }
            let width = Int(taska_pixGetWidth(pix)), height = Int(taska_pixGetHeight(pix))
            guard width > 0, height > 0 else { return nil }
            if width * height > maxPixels {
                throw OCRError(path: path, reason: .tooManyPixels(width: width, height: height, limit: maxPixels))
            }
            guard let grey = taska_pixConvertTo8(pix, 0) else { return nil }
            defer { taska_pix_destroy(grey) }
            let wpl = Int(taska_pixGetWpl(grey))
            guard let data = taska_pixGetData(grey) else { return nil }
            // Leptonica stores each 32-bit word in native order with the first pixel in its
            // most significant byte (GET_DATA_BYTE flips the index on little-endian machines).
            let raw = UnsafeRawPointer(data)
            var pixels = [UInt8](repeating: 255, count: width * height)
            let flip = 1.littleEndian == 1 ? 3 : 0
            for y in 0..<height {
                let row = raw + y * wpl * 4
                for x in 0..<width {
                    pixels[y * width + x] = row.load(fromByteOffset: x ^ flip, as: UInt8.self)
                }
            }
            let dpi = Int(taska_pixGetXRes(pix))
            return GrayImage(width: width, height: height, pixels: pixels, dpi: dpi > 0 ? dpi : 0)
        }
        guard var decoded else { throw OCRError(path: path, reason: .unreadableImage(format: format)) }
        decoded.droppedChunks = dropped
        return decoded
    }
}
