import Foundation
import Testing
@testable import TaskaTraces

/// Keccak-256 against published vectors, and EIP-55 against the EIP's own examples.
@Suite struct Keccak256Tests {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func knownDigests() {
        #expect(hex(Keccak256.hash([])) == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(hex(Keccak256.hash(Array("abc".utf8))) == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
        // Longer than one block (136 bytes): the sponge absorbs twice.
        let long = [UInt8](repeating: 0x61, count: 200)
        #expect(hex(Keccak256.hash(long)) != hex(Keccak256.hash(Array(long.prefix(136)))))
    }

    @Test func eip55Examples() {
        for address in ["5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                        "dbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "D1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"] {
            #expect(WalletScanner.eip55Holds(address.unicodeScalars.map(\.value)), "\(address)")
        }
        #expect(!WalletScanner.eip55Holds("5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".unicodeScalars.map(\.value)))
    }
}
