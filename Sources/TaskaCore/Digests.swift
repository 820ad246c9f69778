internal import Crypto

/// A streaming message digest: feed it chunks with `update`, then call `finalize`.
///
/// `SHA256` and `SHA512` are thin wrappers over swift-crypto (BoringSSL on Linux), whose
/// assembly uses the CPU's SHA extensions where present: hashing every byte read was a tenth of
/// the pipeline's instructions with a portable Swift implementation.
public protocol StreamingDigest: Sendable {
    init()
    /// Adds the bytes at `bufferPointer` to the digest.
    mutating func update(bufferPointer: UnsafeRawBufferPointer)
    /// Finishes and returns the digest's bytes.
    mutating func finalize() -> [UInt8]
}

extension StreamingDigest {
    /// Adds bytes to the digest.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update(bufferPointer: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        let copy = Array(bytes)
        copy.withUnsafeBytes { update(bufferPointer: $0) }
    }

    /// Lowercase hex digest of `bytes` in one call.
    public static func hex<C: Collection>(of bytes: C) -> String where C.Element == UInt8 {
        var hasher = Self()
        hasher.update(bytes)
        return SHA256.hexString(hasher.finalize())
    }
}

/// SHA-256 (FIPS 180-4): record ids are SHA-256 digests of original bytes.
public struct SHA256: StreamingDigest {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update(bufferPointer: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bufferPointer) }

    /// The 32-byte digest.
    public mutating func finalize() -> [UInt8] { Array(hasher.finalize()) }

    /// Lowercase hex of any bytes.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// SHA-512 (FIPS 180-4), for BagIt's second manifest.
public struct SHA512: StreamingDigest {
    private var hasher = Crypto.SHA512()

    public init() {}

    public mutating func update(bufferPointer: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bufferPointer) }

    /// The 64-byte digest.
    public mutating func finalize() -> [UInt8] { Array(hasher.finalize()) }
}
