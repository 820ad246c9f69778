/// Finds cryptocurrency addresses whose checksum holds: Bitcoin Base58Check (P2PKH `1…`,
/// P2SH `3…`) and Bech32/Bech32m (`bc1…`), Ethereum (`0x` + 40 hex digits, EIP-55 checked when
/// mixed case), TRON (Base58Check `T…`).
///
/// Why checksums: a 34-letter token or 40 hex digits also occur as ids and hashes; the checksum
/// leaves about one chance in four billion (Base58Check, Bech32) that one passes by accident.
struct WalletScanner {
    func scan(_ s: [UInt32], claimed: inout [Bool], into out: inout [Trace]) {
        let n = s.count
        var i = 0
        while i < n {
            guard ScalarClass.isASCIIAlphanumeric(s[i]) else { i += 1; continue }
            var end = i
            while end < n, ScalarClass.isASCIIAlphanumeric(s[end]) { end += 1 }
            defer { i = end }
            let length = end - i
            guard length >= 26, length <= 90 else { continue }
            // Whole tokens only: not glued to letters of any script or to '_'.
            if i > 0, ScalarClass.isWord(s[i - 1]) { continue }
            if end < n, ScalarClass.isWord(s[end]) { continue }
            let token = Array(s[i..<end])
            guard let wallet = read(token) else { continue }
            out.append(Trace(kind: .wallet, start: i, end: end, value: wallet.value, network: wallet.network))
            for k in i..<end { claimed[k] = true }
        }
    }

    /// The normalised address and network of `token`, or nil when it is not a valid address.
    func read(_ token: [UInt32]) -> (value: String, network: String)? {
        let text = token.string(0..<token.count)
        switch token[0] {
        case 0x30 where token.count == 42 && (token[1] == 0x78):  // 0x
            let hex = Array(token[2...])
            guard hex.allSatisfy(ScalarClass.isHex) else { return nil }
            let hasLower = hex.contains { $0 >= 0x61 }
            let hasUpper = hex.contains { $0 >= 0x41 && $0 <= 0x46 }
            if hasLower && hasUpper && !Self.eip55Holds(hex) { return nil }
            return (text.lowercased(), "eth")
        case 0x31, 0x33:  // 1, 3
            guard token.count <= 35, let payload = Base58Check.decode(token), payload.count == 21,
                  payload[0] == (token[0] == 0x31 ? 0x00 : 0x05) else { return nil }
            return (text, "btc")
        case 0x54:  // T
            guard token.count == 34, let payload = Base58Check.decode(token), payload.count == 21, payload[0] == 0x41 else { return nil }
            return (text, "trx")
        case 0x62, 0x42:  // b, B
            guard Bech32.decodeSegwit(token, hrp: "bc") != nil else { return nil }
            return (text.lowercased(), "btc")
        default:
            return nil
        }
    }

    /// Whether mixed-case hex digits follow EIP-55: a letter is upper case exactly when the
    /// matching nibble of Keccak-256 of the lowercase address is 8 or more.
    static func eip55Holds(_ hex: [UInt32]) -> Bool {
        let lower = hex.map { UInt8(truncatingIfNeeded: ScalarClass.lower($0)) }
        let hash = Keccak256.hash(lower)
        for (k, v) in hex.enumerated() where !ScalarClass.isASCIIDigit(v) {
            let nibble = k % 2 == 0 ? hash[k / 2] >> 4 : hash[k / 2] & 0x0F
            let upper = v <= 0x5A
            if upper != (nibble >= 8) { return false }
        }
        return true
    }
}
