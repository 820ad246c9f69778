/// An ICU status code (`UErrorCode`) as returned through the CICUShim boundary.
///
/// Positive values are errors, negative values warnings, zero success; the name comes from ICU
/// itself (see `name`, implemented next to the C calls in `ICUText.swift`).
public struct ICUStatus: RawRepresentable, Sendable, Hashable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Success. The corresponding ICU error is `U_ZERO_ERROR`.
    public static let zeroError = ICUStatus(rawValue: 0)
    /// An argument was out of range (a bug in the caller). The corresponding ICU error is `U_ILLEGAL_ARGUMENT_ERROR`.
    public static let illegalArgument = ICUStatus(rawValue: 1)
    /// ICU data could not be found. The corresponding ICU error is `U_MISSING_RESOURCE_ERROR`.
    public static let missingResource = ICUStatus(rawValue: 2)
    /// ICU data was malformed. The corresponding ICU error is `U_INVALID_FORMAT_ERROR`.
    public static let invalidFormat = ICUStatus(rawValue: 3)
    /// ICU data could not be opened. The corresponding ICU error is `U_FILE_ACCESS_ERROR`.
    public static let fileAccess = ICUStatus(rawValue: 4)
    /// An ICU-internal inconsistency. The corresponding ICU error is `U_INTERNAL_PROGRAM_ERROR`.
    public static let internalProgram = ICUStatus(rawValue: 5)
    /// Out of memory. The corresponding ICU error is `U_MEMORY_ALLOCATION_ERROR`.
    public static let memoryAllocation = ICUStatus(rawValue: 7)
    /// An index was out of bounds. The corresponding ICU error is `U_INDEX_OUTOFBOUNDS_ERROR`.
    public static let indexOutOfBounds = ICUStatus(rawValue: 8)
    /// Input contained an invalid character. The corresponding ICU error is `U_INVALID_CHAR_FOUND`.
    public static let invalidCharFound = ICUStatus(rawValue: 10)
    /// The destination buffer was too small; retry with the returned size.
    /// The corresponding ICU error is `U_BUFFER_OVERFLOW_ERROR`.
    public static let bufferOverflow = ICUStatus(rawValue: 15)
    /// The operation is not supported. The corresponding ICU error is `U_UNSUPPORTED_ERROR`.
    public static let unsupported = ICUStatus(rawValue: 16)

    /// True for error codes (> 0); warnings and success are not failures.
    public var isFailure: Bool { rawValue > 0 }
}
