import Testing
@testable import TaskaTraces

/// Base58Check decoding verifies the checksum and round-trips with encoding.
@Suite struct Base58CheckTests {
    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func decodesTheGenesisAddress() throws {
        // The address of Bitcoin's genesis block: a public, well-known P2PKH address.
        let payload = try #require(Base58Check.decode(scalars("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")))
        #expect(payload.count == 21 && payload[0] == 0)
        #expect(Base58Check.encode(payload) == "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")
    }

    @Test func rejectsAChangedLetterAndForeignLetters() {
        #expect(Base58Check.decode(scalars("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")) == nil)
        #expect(Base58Check.decode(scalars("1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf0a")) == nil)  // 0 is not Base58
        #expect(Base58Check.decode(scalars("")) == nil)
    }

    @Test func roundTripsLeadingZeros() throws {
        let payload: [UInt8] = [0, 0, 0, 1, 2, 3]
        let text = Base58Check.encode(payload)
        #expect(text.hasPrefix("111"))
        #expect(try #require(Base58Check.decode(scalars(text))) == payload)
    }
}
