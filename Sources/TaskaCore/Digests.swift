internal import Crypto

/// SHA-256 (FIPS 180-4), streaming: record ids are SHA-256 digests of original bytes.
///
/// A thin wrapper over swift-crypto (BoringSSL on Linux), whose assembly uses the CPU's SHA
/// extensions where present: hashing every byte read was a tenth of the pipeline's instructions
/// with a portable Swift implementation. Feed it chunks with `update`, then call `finalize`.
public struct SHA256: Sendable {
    private var hasher = Crypto.SHA256()

    public init() {}

    /// Adds bytes to the digest.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        let copy = Array(bytes)
        copy.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    /// Finishes and returns the 32-byte digest.
    public mutating func finalize() -> [UInt8] {
        Array(hasher.finalize())
    }

    /// Lowercase hex digest of `bytes` in one call.
    public static func hex<C: Collection>(of bytes: C) -> String where C.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hexString(hasher.finalize())
    }

    /// Lowercase hex of any bytes.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// SHA-512 (FIPS 180-4), streaming; for BagIt's second manifest (swift-crypto, as `SHA256`).
public struct SHA512: Sendable {
    private var hasher = Crypto.SHA512()

    public init() {}

    /// Adds bytes to the digest.
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        let copy = Array(bytes)
        copy.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    /// Finishes and returns the 64-byte digest.
    public mutating func finalize() -> [UInt8] {
        Array(hasher.finalize())
    }

    /// Lowercase hex digest of `bytes` in one call.
    public static func hex<C: Collection>(of bytes: C) -> String where C.Element == UInt8 {
        var hasher = SHA512()
        hasher.update(bytes)
        return SHA256.hexString(hasher.finalize())
    }
}
