import TaskaCore

/// Why the Decode stage refused a document; the message names the file and what to do.
public struct DecodeError: DocumentError, Equatable {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The file has no bytes at all.
        case empty
        /// The bytes are a known binary format (`format` is e.g. "a PNG image").
        case binary(format: String, firstBytes: [UInt8])
        /// The bytes look binary (control bytes or NULs) without a known signature.
        case unrecognizedBinary(controlShare: Double, firstBytes: [UInt8])
        /// The input exceeds what ICU can convert in one call (2 GiB).
        case tooLarge(bytes: Int)
        /// An ICU call failed (`function` is the ICU function).
        case icu(function: String, status: ICUStatus)
    }

    /// The source path, when known.
    public var path: String?
    public var reason: Reason

    public init(path: String?, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The same error, attributed to `path`.
    func at(_ path: String) -> DecodeError { DecodeError(path: path, reason: reason) }

    public var description: String {
        let prefix = path.map { "\($0): " } ?? ""
        switch reason {
        case .empty:
            return prefix + "the file is empty (0 bytes); nothing was extracted — remove it from the input"
        case let .binary(format, first):
            return prefix + "the file is \(format), not text (first bytes \(DecodeError.hex(first))); "
                + "nothing was extracted — remove it from the input or rename it"
        case let .unrecognizedBinary(share, first):
            let percent = Int((share * 100).rounded())
            return prefix + "the file looks like binary data, not text (\(percent)% NUL or control bytes "
                + "at the start; first bytes \(DecodeError.hex(first))); nothing was extracted — "
                + "remove it from the input or convert it to text first"
        case let .tooLarge(bytes):
            return prefix + "the text is too large to decode in one piece (\(bytes) bytes; the limit is 2 GiB) — "
                + "split the file"
        case let .icu(function, status):
            return prefix + "ICU failed in \(function) with \(status.name); the document was not decoded — "
                + "check that the system ICU (libicu) is installed with its data"
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return bytes.map { b in
            String(decoding: [digits[Int(b >> 4)], digits[Int(b & 15)]], as: UTF8.self)
        }.joined(separator: " ")
    }
}
