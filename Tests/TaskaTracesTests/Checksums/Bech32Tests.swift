import Testing
@testable import TaskaTraces

/// Segwit addresses: BIP-173 and BIP-350 vectors, case rules and the Bech32/Bech32m split.
@Suite struct Bech32Tests {
    func decode(_ s: String) -> (version: Int, program: [UInt8])? { Bech32.decodeSegwit(s.unicodeScalars.map(\.value), hrp: "bc") }

    @Test func specificationVectors() throws {
        let v0 = try #require(decode("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"))
        #expect(v0.version == 0 && v0.program.count == 20)
        let taproot = try #require(decode("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"))
        #expect(taproot.version == 1 && taproot.program.count == 32)
    }

    @Test func rejectsMixedCaseWrongConstantAndChangedLetters() {
        #expect(decode("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8F3T4") == nil)
        // Version 0 with a Bech32m checksum (BIP-350's invalid list).
        #expect(decode("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh") == nil)
        #expect(decode("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5") == nil)
        #expect(decode("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx") == nil)
    }

    @Test func encodesWhatItDecodes() throws {
        let program = [UInt8](0..<32)
        for version in [0, 1] {
            let address = Bech32.encodeSegwit(hrp: "bc", version: version, program: program)
            let back = try #require(decode(address))
            #expect(back.version == version && back.program == program)
        }
    }
}
