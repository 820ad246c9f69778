// The only file of TaskaDecode that sees the ICU shim: status codes, conversion, detection.
// Everything it returns is a plain Swift value; no C pointer or C type leaves this file.
internal import CICUShim
import TaskaCore

/// An ICU status code (`UErrorCode`) as reported by the CICUShim functions.
///
/// Values above zero are errors, below zero warnings, zero is success.
public struct ICUStatus: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// No error. The corresponding ICU code is `U_ZERO_ERROR`.
    public static let zero = ICUStatus(rawValue: 0)
    /// A bad argument. The corresponding ICU error is `U_ILLEGAL_ARGUMENT_ERROR`.
    public static let illegalArgument = ICUStatus(rawValue: 1)
    /// Unknown charset or missing data. The corresponding ICU error is `U_FILE_ACCESS_ERROR`.
    public static let fileAccess = ICUStatus(rawValue: 4)
    /// Out of memory. The corresponding ICU error is `U_MEMORY_ALLOCATION_ERROR`.
    public static let memoryAllocation = ICUStatus(rawValue: 7)
    /// An unmappable character. The corresponding ICU error is `U_INVALID_CHAR_FOUND`.
    public static let invalidCharFound = ICUStatus(rawValue: 10)
    /// An incomplete sequence at the end. The corresponding ICU error is `U_TRUNCATED_CHAR_FOUND`.
    public static let truncatedCharFound = ICUStatus(rawValue: 11)
    /// An illegal sequence. The corresponding ICU error is `U_ILLEGAL_CHAR_FOUND`.
    public static let illegalCharFound = ICUStatus(rawValue: 12)
    /// The output buffer is too small. The corresponding ICU error is `U_BUFFER_OVERFLOW_ERROR`.
    public static let bufferOverflow = ICUStatus(rawValue: Int32(TASKA_ICU_BUFFER_OVERFLOW))
    /// The output exactly filled the buffer, without a terminator.
    /// The corresponding ICU warning is `U_STRING_NOT_TERMINATED_WARNING`.
    public static let stringNotTerminated = ICUStatus(rawValue: -124)

    /// True for errors (not for warnings).
    public var isFailure: Bool { rawValue > 0 }

    /// ICU's name of the code, e.g. `U_FILE_ACCESS_ERROR`.
    public var name: String { String(cString: taska_icu_error_name(rawValue)) }

    public var description: String { name }
}

/// The one place that reads an ICU status code: runs `body` and turns a failure into a
/// `DecodeError`. With `tolerateOverflow`, `U_BUFFER_OVERFLOW_ERROR` is returned as
/// `overflow == true` instead, so the caller can retry with the size ICU asked for.
func icuCall<T>(
    _ function: StaticString = #function, tolerateOverflow: Bool = false,
    _ body: (inout Int32) -> T
) throws(DecodeError) -> (value: T, overflow: Bool) {
    var status: Int32 = 0
    let value = body(&status)
    let result = ICUStatus(rawValue: status)
    if result == .bufferOverflow && tolerateOverflow { return (value, true) }
    if result.isFailure {
        throw DecodeError(path: nil, reason: .icu(function: "\(function)", status: result))
    }
    return (value, false)
}

/// Conversion between one charset and UTF-16, through ICU's converters.
///
/// A value type: the shim opens and closes the `UConverter` inside each call, so no ICU state
/// outlives a conversion and a converter can be used from any thread.
struct ICUConverter: Sendable {
    /// The charset name as ICU accepts it (`windows-1256`, `ISO-8859-6`, `UTF-16LE`...).
    let charset: String

    init(charset: String) { self.charset = charset }

    /// Decodes `bytes` to UTF-16 code units. Each illegal, truncated or unassigned sequence
    /// becomes one U+FFFD and is counted in `invalid`.
    /// The corresponding ICU function is `ucnv_toUChars`.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(DecodeError) -> (units: [UInt16], invalid: Int) {
        guard bytes.count < Int(Int32.max) - 64 else {
            throw DecodeError(path: nil, reason: .tooLarge(bytes: bytes.count))
        }
        let length = Int32(bytes.count)
        // One code unit per byte (plus the end-of-input replacement) is enough for every charset
        // ICU ships; should one need more, ICU tells us the size and we convert again.
        var capacity = bytes.count + 8
        for _ in 0..<2 {
            var invalid: Int32 = 0
            var units = [UInt16](repeating: 0, count: capacity)
            let (written, overflow) = try units.withUnsafeMutableBufferPointer { out throws(DecodeError) in
                try icuCall("ucnv_toUChars", tolerateOverflow: true) { status in
                    bytes.withMemoryRebound(to: CChar.self) { src in
                        taska_icu_to_utf16(charset, src.baseAddress, length, out.baseAddress,
                                           Int32(out.count), &invalid, &status)
                    }
                }
            }
            if !overflow {
                units.removeSubrange(min(Int(written), units.count)...)
                return (units, Int(invalid))
            }
            capacity = Int(written) + 1
        }
        throw DecodeError(path: nil, reason: .icu(function: "ucnv_toUChars", status: .bufferOverflow))
    }

    /// Decodes `bytes` to a `String` (see `decode(_:)`).
    func decodeString(_ bytes: UnsafeBufferPointer<UInt8>) throws(DecodeError) -> (text: String, invalid: Int) {
        let (units, invalid) = try decode(bytes)
        return (UTF16Text.string(units), invalid)
    }

    /// Encodes `text` in this charset. Characters the charset cannot hold become its
    /// substitution byte and are counted in `unmappable`.
    /// The corresponding ICU function is `ucnv_fromUChars`.
    func encode(_ text: String) throws(DecodeError) -> (bytes: [UInt8], unmappable: Int) {
        let units = Array(text.utf16)
        guard units.count < Int(Int32.max) / 4 else {
            throw DecodeError(path: nil, reason: .tooLarge(bytes: units.count * 2))
        }
        var capacity = units.count * 4 + 8
        for _ in 0..<2 {
            var unmappable: Int32 = 0
            var out = [UInt8](repeating: 0, count: capacity)
            let (written, overflow) = try out.withUnsafeMutableBufferPointer { dest throws(DecodeError) in
                try icuCall("ucnv_fromUChars", tolerateOverflow: true) { status in
                    dest.withMemoryRebound(to: CChar.self) { d in
                        units.withUnsafeBufferPointer { src in
                            taska_icu_from_utf16(charset, src.baseAddress, Int32(src.count), d.baseAddress,
                                                 Int32(d.count), &unmappable, &status)
                        }
                    }
                }
            }
            if !overflow {
                out.removeSubrange(min(Int(written), out.count)...)
                return (out, Int(unmappable))
            }
            capacity = Int(written) + 1
        }
        throw DecodeError(path: nil, reason: .icu(function: "ucnv_fromUChars", status: .bufferOverflow))
    }
}

/// One candidate of ICU's charset detector.
struct ICUCharsetMatch: Sendable, Equatable {
    /// ICU's name, e.g. `windows-1256`, `ISO-8859-6`, `UTF-16BE`.
    var name: String
    /// ISO 639 code guessed with the charset, or "".
    var language: String
    /// 0...100.
    var confidence: Int
}

/// ICU's charset registry and statistical detector.
enum ICUCharsets {
    /// Ranks candidate charsets for `bytes`, best first.
    /// The corresponding ICU functions are `ucsdet_setText` and `ucsdet_detectAll`.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>, declared: String? = nil) throws(DecodeError) -> [ICUCharsetMatch] {
        guard !bytes.isEmpty else { return [] }
        let length = Int32(min(bytes.count, Int(Int32.max)))
        var capacity = 48
        for _ in 0..<2 {
            var matches = [taska_icu_charset_match](repeating: taska_icu_charset_match(), count: capacity)
            let (count, overflow) = try matches.withUnsafeMutableBufferPointer { out throws(DecodeError) in
                try icuCall("ucsdet_detectAll", tolerateOverflow: true) { status in
                    bytes.withMemoryRebound(to: CChar.self) { src in
                        taska_icu_detect_charsets(src.baseAddress, length, declared, out.baseAddress,
                                                  Int32(out.count), &status)
                    }
                }
            }
            if !overflow {
                return matches.prefix(Int(count)).map { m in
                    ICUCharsetMatch(name: cString(m.name), language: cString(m.language), confidence: Int(m.confidence))
                }
            }
            capacity = Int(count)
        }
        return []
    }

    /// ICU's internal canonical name of a charset alias (`cp1256` -> `ibm-9448_X100-2005`), or
    /// `nil` when ICU does not know it. The corresponding ICU function is `ucnv_getAlias`.
    static func canonicalName(_ alias: String) -> String? {
        fill { buf, cap, status in taska_icu_canonical_charset(alias, buf, cap, &status) }
    }

    /// The name `standard` ("MIME", "IANA") gives the charset of `alias`, or `nil`.
    /// The corresponding ICU function is `ucnv_getStandardName`.
    static func standardName(_ alias: String, standard: String) -> String? {
        fill { buf, cap, status in taska_icu_standard_charset_name(alias, standard, buf, cap, &status) }
    }

    /// The version of the system ICU, e.g. `72.1`.
    static var version: String { String(cString: taska_icu_version()) }

    private static func fill(_ body: (UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: 128)
        let result = try? buffer.withUnsafeMutableBufferPointer { buf throws(DecodeError) in
            try icuCall("ucnv_getAlias") { status -> Int32 in
                guard let base = buf.baseAddress else { return 0 }
                return body(base, Int32(buf.count), &status)
            }
        }
        guard let (length, _) = result, length > 0 else { return nil }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func cString<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }
}
