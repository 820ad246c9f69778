/// Which script models OCR may use for a page.
public enum OCRModels: String, Sendable, Equatable, CaseIterable {
    /// Decide per page from what it looks like (a sample strip read with each model).
    case auto
    /// Tesseract's `Latin` script model (Hausa, Kanuri in Latin script, English).
    case latin
    /// Tesseract's `ara` model (Arabic, Kanuri Ajami).
    case arabic
    /// Both, Arabic first (pages that mix the scripts).
    case both

    /// The Tesseract model string for a fixed choice.
    var tesseractModel: String? {
        switch self {
        case .auto: return nil
        case .latin: return "Latin"
        case .arabic: return "ara"
        case .both: return "ara+Latin"
        }
    }
}

/// Recognises page images: picks the script model from the page itself, then reads the page.
///
/// Model choice (`auto`): Tesseract's script detection (the `osd` model, on the page at half
/// resolution) names the page's script: Arabic → `ara`, Latin → `Latin`. When it cannot tell,
/// a strip through the middle of the page is read with both and the more confident model
/// reads the page. Why: no Hausa or Kanuri model exists, and a wrong-script model still
/// "reads" a page into confident-looking garbage, so the page itself decides, not a user flag.
public struct PageRecognizer: Sendable {
    public var models: OCRModels
    /// Longest recognition time for one page, in seconds.
    public var pageSeconds: Double

    public init(models: OCRModels = .auto, pageSeconds: Double = 30) {
        self.models = models
        self.pageSeconds = pageSeconds
    }

    /// Recognises `image`; `path` and `page` name it in errors.
    /// A page already recognised in this run (same pixels, same model choice) is not read again
    /// (`OCRCache`); recognitions in the whole process are limited to one per core (`OCRCores`).
    public func recognize(_ image: GrayImage, path: String, page: Int? = nil) throws(OCRError) -> OCRPage {
        let key = OCRCache.key(image, models: models)
        if let cached = OCRCache.shared.page(for: key) { return cached }
        let result = try OCRCores.run { () throws(OCRError) -> OCRPage in
            let model: String
            if let fixed = models.tesseractModel { model = fixed } else { model = try chooseModel(image, path: path, page: page) }
            guard var result = TesseractEnginePool.shared.withEngine(model, { $0.recognize(image, seconds: pageSeconds) }) else {
                throw OCRError(path: path, page: page, reason: TesseractEngine.missing(model))
            }
            if model.contains("Latin") {
                for i in result.lines.indices { result.lines[i].text = LatinOCRLetters.readingHookedD(result.lines[i].text) }
            }
            return result
        }
        OCRCache.shared.store(result, for: key)
        return result
    }

    /// The script model for `image`: from script detection, else from the confidence of a sample.
    func chooseModel(_ image: GrayImage, path: String, page: Int?) throws(OCRError) -> String {
        let small = image.dpi >= 250 ? image.halved() : image
        if let detected = TesseractEnginePool.shared.withEngine("osd", { $0.detectScript(small) }), let (script, confidence) = detected,
           confidence > 1 {
            switch script {
            case "Arabic": return "ara"
            case "Latin": return "Latin"
            default: break
            }
        }
        return try sampleModel(image, path: path, page: page)
    }

    /// Reads the middle strip with each script model and keeps the more confident one.
    func sampleModel(_ image: GrayImage, path: String, page: Int?) throws(OCRError) -> String {
        let strip = image.height / 5
        let start = max(0, image.height / 2 - strip / 2)
        let rows = start..<min(image.height, start + max(strip, 1))
        var best: (model: String, confidence: Double)?
        for model in ["Latin", "ara"] {
            guard let sample = TesseractEnginePool.shared.withEngine(model, { $0.recognize(image, rows: rows, seconds: pageSeconds / 4) }) else {
                throw OCRError(path: path, page: page, reason: TesseractEngine.missing(model))
            }
            guard let confidence = sample.meanConfidence else { continue }
            if best == nil || confidence > best!.confidence { best = (model, confidence) }
        }
        return best?.model ?? "Latin"
    }

    /// Decodes an image file (PNG, JPEG, TIFF, WebP) into grey pixels, refusing images with
    /// more than `maxPixels` pixels before decoding them.
    public static func decodeImage(_ bytes: [UInt8], format: String, path: String, maxPixels: Int) throws(OCRError) -> GrayImage {
        try TesseractEngine.decodeImage(bytes, format: format, path: path, maxPixels: maxPixels)
    }
}
