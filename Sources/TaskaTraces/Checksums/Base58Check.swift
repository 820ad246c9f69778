import TaskaCore

/// Base58Check (Bitcoin's alphabet): decoding with the double SHA-256 checksum verified.
///
/// Why: BTC P2PKH/P2SH and TRON addresses are Base58Check; only the checksum tells an address
/// from a random 34-letter token.
public enum Base58Check {
    static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let digitOf: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (k, c) in alphabet.enumerated() { table[Int(c)] = Int8(k) }
        return table
    }()

    /// The payload (version byte and data, checksum removed) of `text`, or nil when a letter is
    /// outside the alphabet or the checksum does not match.
    public static func decode(_ text: some Collection<UInt32>) -> [UInt8]? {
        var bytes: [UInt8] = []
        var zeros = 0
        var leading = true
        for scalar in text {
            guard scalar < 128, case let digit = digitOf[Int(scalar)], digit >= 0 else { return nil }
            if leading && digit == 0 { zeros += 1; continue }
            leading = false
            // bytes = bytes * 58 + digit, big-endian.
            var carry = Int(digit)
            for k in bytes.indices.reversed() {
                carry += Int(bytes[k]) * 58
                bytes[k] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
        }
        let full = [UInt8](repeating: 0, count: zeros) + bytes
        guard full.count > 4 else { return nil }
        let payload = Array(full.dropLast(4))
        guard Array(doubleSHA256(payload).prefix(4)) == Array(full.suffix(4)) else { return nil }
        return payload
    }

    /// `payload` with its 4-byte checksum, in Base58 (for tests and tools).
    public static func encode(_ payload: [UInt8]) -> String {
        let full = payload + doubleSHA256(payload).prefix(4)
        var digits: [UInt8] = []
        for byte in full {
            var carry = Int(byte)
            for k in digits.indices.reversed() {
                carry += Int(digits[k]) << 8
                digits[k] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.insert(UInt8(carry % 58), at: 0)
                carry /= 58
            }
        }
        let zeros = full.prefix { $0 == 0 }.count
        return String(decoding: [UInt8](repeating: alphabet[0], count: zeros) + digits.map { alphabet[Int($0)] }, as: UTF8.self)
    }

    static func doubleSHA256(_ bytes: [UInt8]) -> [UInt8] {
        var first = SHA256()
        first.update(bytes)
        var second = SHA256()
        second.update(first.finalize())
        return second.finalize()
    }
}
