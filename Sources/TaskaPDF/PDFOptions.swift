import TaskaCore
import TaskaOCR

/// Options of the PDF and image readers (the extract stage's `ocr` options in a pipeline file).
public struct PDFOptions: Sendable, Equatable {
    /// When PDF pages are read by OCR.
    public enum OCRMode: String, Sendable, Equatable, CaseIterable {
        /// Only pages whose text layer is missing or poor (`TextLayerQuality`).
        case auto
        /// Every page, whatever its text layer holds.
        case always
        /// Never; pages without a text layer give no text (images are still recognised).
        case never
    }

    /// When PDF pages are read by OCR.
    public var ocr: OCRMode
    /// Which script models OCR uses (`auto`: chosen per page from the page itself).
    public var models: OCRModels
    /// Resolution PDF pages are rendered at for OCR.
    public var dpi: Int
    /// Pages whose mean word confidence is below this are warned as low-confidence OCR.
    public var lowConfidence: Double

    public init(ocr: OCRMode = .auto, models: OCRModels = .auto, dpi: Int = 300, lowConfidence: Double = 0.6) {
        self.ocr = ocr
        self.models = models
        self.dpi = dpi
        self.lowConfidence = lowConfidence
    }
}

extension PDFOptions: StageOptions {
    public init() { self.init(ocr: .auto) }

    public static let declarations: [OptionDeclaration<PDFOptions>] = [
        .choice("ocr", \.ocr, meaning: "when PDF pages are read by OCR: auto (pages whose text layer is missing or poor), always, never"),
        .choice("ocr-models", \.models, meaning: "OCR script models: auto (chosen per page from the page), latin, arabic, both"),
        .integer("ocr-dpi", \.dpi, 72...600, meaning: "resolution PDF pages are rendered at for OCR"),
    ]
}
