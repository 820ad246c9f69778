import TaskaCore

/// Why OCR could not run on a page or an image; the message names the file, the page and what to do.
public struct OCRError: DocumentError, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// Tesseract or leptonica is not installed (the loader's message).
        case libraryMissing(String)
        /// The Tesseract model could not be loaded.
        case modelMissing(model: String)
        /// Leptonica could not decode the image bytes.
        case unreadableImage(format: String)
        /// The image has more pixels than `max-page-pixels`.
        case tooManyPixels(width: Int, height: Int, limit: Int)
        /// Tesseract failed on the image.
        case recognitionFailed
    }

    public var path: String
    /// 1-based page, when the image is a page of a PDF.
    public var page: Int?
    public var reason: Reason

    public init(path: String, page: Int? = nil, reason: Reason) {
        self.path = path
        self.page = page
        self.reason = reason
    }

    public var description: String {
        let at = page.map { "\(path): page \($0)" } ?? path
        switch reason {
        case let .libraryMissing(why):
            return "\(at): OCR needs Tesseract and leptonica, which could not be loaded (\(why)); nothing was recognised — install libtesseract5 and liblept5 (apt-get install libtesseract5 liblept5), then ingest the file again"
        case let .modelMissing(model):
            return "\(at): the Tesseract model '\(model)' could not be loaded; install tesseract-ocr-ara, tesseract-ocr-eng and tesseract-ocr-script-latn (or set TESSDATA_PREFIX to a folder holding \(model).traineddata)"
        case let .unreadableImage(format):
            return "\(at): the \(format) could not be decoded (truncated or damaged); nothing was recognised — open it in an image viewer and re-save it if it is genuine"
        case let .tooManyPixels(width, height, limit):
            return "\(at): the image is \(width) × \(height) pixels, over the max-page-pixels limit (\(limit)); it was not recognised. If it is genuine, raise `max-page-pixels` under `limits:` in the pipeline file"
        case .recognitionFailed:
            return "\(at): Tesseract could not recognise the image; nothing was recognised"
        }
    }
}
