import TaskaCore

/// Why a PDF (or a page image) gave no record; the message names the file and what to do.
public struct PDFError: DocumentError, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The PDF needs a password to open.
        case encrypted
        /// poppler could not open the file (damaged, truncated, not a PDF after all).
        case damaged(detail: String)
        /// The PDF opened but has no pages.
        case noPages
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .encrypted:
            return "\(path): the PDF is encrypted with a user password; nothing was extracted. Ask its owner for an unprotected copy, or decrypt it (e.g. `qpdf --password=PASSWORD --decrypt in.pdf out.pdf`) and ingest that"
        case let .damaged(detail):
            return "\(path): the PDF could not be opened (\(detail)); it is damaged or truncated. Fetch it again, or try repairing it (e.g. `qpdf in.pdf out.pdf`) and ingest the repaired copy"
        case .noPages:
            return "\(path): the PDF has no pages that could be read; nothing was extracted. Fetch it again if it should have content"
        }
    }
}
