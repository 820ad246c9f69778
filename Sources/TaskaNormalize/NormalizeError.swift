import TaskaCore

/// Why normalising a document failed.
///
/// Every ICU status is read in one place (`ICUText.icuCall`), so every failure names the ICU
/// function that reported it. The description says what failed and what to do next.
public enum NormalizeError: DocumentError, Sendable, Equatable {
    /// An ICU call reported an error status.
    case icu(function: String, status: ICUStatus)
    /// A paragraph (or a search key input) is longer than ICU's 32-bit lengths allow.
    case textTooLong(utf16Length: Int)

    /// The ICU status of an `.icu` failure, or `nil`.
    public var status: ICUStatus? {
        if case let .icu(_, status) = self { return status }
        return nil
    }

    public var description: String {
        switch self {
        case let .icu(function, status):
            return "normalize: ICU \(function) failed with \(status.name) (\(status.rawValue)); \(NormalizeError.advice(for: status))"
        case let .textTooLong(length):
            return "normalize: a paragraph of \(length) UTF-16 code units exceeds ICU's limit of \(Int32.max); "
                + "split the document into smaller blocks before normalising"
        }
    }

    private static func advice(for status: ICUStatus) -> String {
        switch status {
        case .memoryAllocation:
            return "the paragraph is too large for the available memory; split the input or give taska more memory"
        case .missingResource, .fileAccess, .invalidFormat:
            return "ICU's data library could not be loaded; reinstall it (apt-get install --reinstall libicu72)"
        case .illegalArgument, .indexOutOfBounds, .internalProgram, .bufferOverflow:
            return "this is a bug in taska's ICU shim; please report it together with the input document"
        default:
            return "retry; if it happens again, report it together with the input document"
        }
    }
}
