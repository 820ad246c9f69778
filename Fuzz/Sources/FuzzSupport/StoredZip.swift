/// A ZIP written in memory with its members stored (not compressed), so a fuzz target can
/// wrap mutated XML as the parts of an office package and reach the readers behind `unarchive`.
public enum StoredZip {
    /// The zip of `members` (name, bytes), in order, with correct CRCs and central directory.
    public static func bytes(_ members: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16 & 0xFFFF) }
        for (name, data) in members {
            let offset = out.count
            let nameBytes = Array(name.utf8)
            let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc32(data)) + le32(data.count)
                + le32(data.count) + le16(nameBytes.count) + le16(0)
            out += [0x50, 0x4B, 0x03, 0x04] + common + nameBytes + data
            central += [0x50, 0x4B, 0x01, 0x02] + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let start = out.count
        out += central
        out += [0x50, 0x4B, 0x05, 0x06] + le16(0) + le16(0) + le16(members.count) + le16(members.count)
            + le32(central.count) + le32(start) + le16(0)
        return out
    }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC-32 (ISO-HDLC) of `data`.
    static func crc32(_ data: [UInt8]) -> Int {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return Int(crc ^ 0xFFFF_FFFF)
    }
}
