/// Converts a document's bytes to a `String` with the chosen charset.
///
/// Valid UTF-8 is taken as is; everything else goes through ICU, which turns each illegal or
/// unassigned sequence into one U+FFFD and counts it.
enum TextConverter {
    /// The converted text and the number of sequences that became U+FFFD.
    struct Result: Sendable, Equatable {
        var text: String
        var invalid: Int
    }

    /// Converts `bytes` (BOM already removed) from `charset`. `validUTF8` says the bytes were
    /// already validated as UTF-8, which skips ICU.
    static func convert(_ bytes: UnsafeBufferPointer<UInt8>, charset: String, validUTF8: Bool) throws(DecodeError) -> Result {
        if validUTF8 && charset == "utf-8" {
            return Result(text: UTF8Validator.string(ofValid: bytes), invalid: 0)
        }
        let (text, invalid) = try ICUConverter(charset: charset).decodeString(bytes)
        return Result(text: text, invalid: invalid)
    }
}
