/// Bech32 and Bech32m (BIP-173, BIP-350) as segwit addresses use them: checksum, witness
/// version and program length.
///
/// Why both: version-0 segwit addresses (`bc1q…`) use Bech32, taproot and later (`bc1p…`)
/// use Bech32m; a wrong constant for the version is an invalid address.
public enum Bech32 {
    static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
    private static let valueOf: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (k, c) in charset.enumerated() {
            table[Int(c)] = Int8(k)
            if c >= 0x61 && c <= 0x7A { table[Int(c - 0x20)] = Int8(k) }
        }
        return table
    }()
    private static let bech32Constant: UInt32 = 1
    private static let bech32mConstant: UInt32 = 0x2BC8_30A3

    /// The witness version and program of segwit address `text` (lowercase or uppercase, not
    /// mixed) with human-readable part `hrp`, or nil when it is not valid.
    public static func decodeSegwit(_ text: [UInt32], hrp: String) -> (version: Int, program: [UInt8])? {
        let hrpBytes = Array(hrp.utf8)
        guard text.count >= hrpBytes.count + 7, text.count <= 90 else { return nil }
        let hasLower = text.contains { $0 >= 0x61 && $0 <= 0x7A }
        let hasUpper = text.contains { $0 >= 0x41 && $0 <= 0x5A }
        guard !(hasLower && hasUpper) else { return nil }
        for (k, h) in hrpBytes.enumerated() where text[k] | 0x20 != UInt32(h) { return nil }
        guard text[hrpBytes.count] == 0x31 else { return nil }  // '1'
        var data: [UInt8] = []
        for scalar in text[(hrpBytes.count + 1)...] {
            guard scalar < 128, case let v = valueOf[Int(scalar)], v >= 0 else { return nil }
            data.append(UInt8(v))
        }
        guard data.count >= 7 else { return nil }
        let check = polymod(expand(hrpBytes) + data)
        let version = Int(data[0])
        guard version <= 16 else { return nil }
        guard check == (version == 0 ? bech32Constant : bech32mConstant) else { return nil }
        guard let program = regroup(Array(data[1..<(data.count - 6)])) else { return nil }
        guard program.count >= 2, program.count <= 40 else { return nil }
        if version == 0 && program.count != 20 && program.count != 32 { return nil }
        return (version, program)
    }

    /// The segwit address of `program` (for tests and tools).
    public static func encodeSegwit(hrp: String, version: Int, program: [UInt8]) -> String {
        var data: [UInt8] = [UInt8(version)]
        var accumulator = 0, bits = 0
        for byte in program {
            accumulator = (accumulator << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                data.append(UInt8((accumulator >> bits) & 31))
            }
        }
        if bits > 0 { data.append(UInt8((accumulator << (5 - bits)) & 31)) }
        let hrpBytes = Array(hrp.utf8)
        let constant = version == 0 ? bech32Constant : bech32mConstant
        let mod = polymod(expand(hrpBytes) + data + [0, 0, 0, 0, 0, 0]) ^ constant
        for k in 0..<6 { data.append(UInt8((mod >> (5 * (5 - UInt32(k)))) & 31)) }
        return hrp + "1" + String(decoding: data.map { charset[Int($0)] }, as: UTF8.self)
    }

    private static func expand(_ hrp: [UInt8]) -> [UInt8] {
        hrp.map { $0 >> 5 } + [0] + hrp.map { $0 & 31 }
    }

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        let generator: [UInt32] = [0x3B6A_57B2, 0x2650_8E6D, 0x1EA1_19FA, 0x3D42_33DD, 0x2A14_62B3]
        var chk: UInt32 = 1
        for v in values {
            let top = chk >> 25
            chk = (chk & 0x1FF_FFFF) << 5 ^ UInt32(v)
            for k in 0..<5 where (top >> UInt32(k)) & 1 == 1 { chk ^= generator[k] }
        }
        return chk
    }

    /// 5-bit groups to bytes; nil when the padding is not zero or longer than 4 bits.
    private static func regroup(_ data: [UInt8]) -> [UInt8]? {
        var accumulator = 0, bits = 0
        var out: [UInt8] = []
        for v in data {
            accumulator = (accumulator << 5) | Int(v)
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((accumulator >> bits) & 0xFF))
            }
        }
        guard bits < 5, accumulator & ((1 << bits) - 1) == 0 else { return nil }
        return out
    }
}
