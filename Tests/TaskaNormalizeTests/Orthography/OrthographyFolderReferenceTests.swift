import Testing
import TaskaCore
@testable import TaskaNormalize

/// `OrthographyFolder` against a plain reference: the scalar-by-scalar fold it replaced, which
/// `orthography: standard` must still give, and the search-key form built from it.
@Suite struct OrthographyFolderReferenceTests {
    /// The rules one scalar at a time, over one paragraph (no line feed).
    static func reference(_ p: [UInt32], changes: inout NormalizationChanges) -> [UInt32] {
        let n = p.count
        var lastClosingQuote = -1
        for j in stride(from: n - 1, through: 1, by: -1) where HausaLetters.isApostrophe(p[j]) {
            if ScalarText.isLetter(p[j - 1]) && (j + 1 == n || !ScalarText.isLetter(p[j + 1])) {
                lastClosingQuote = j
                break
            }
        }
        var out: [UInt32] = []
        var i = 0
        while i < n {
            let c = p[i]
            if HausaLetters.isHookBase(c), i + 2 < n, HausaLetters.isApostrophe(p[i + 1]), ScalarText.isLetter(p[i + 2]) {
                out.append(HausaLetters.hooked(c))
                changes.hausaLetters += 1
                i += 2
                continue
            }
            if HausaLetters.isApostrophe(c), i + 2 < n, ScalarText.isLetter(p[i + 2]) {
                let letter = p[i + 1]
                let isY = letter == 0x79 || letter == 0x59
                if HausaLetters.isHookBase(letter) || isY {
                    let wordInitial = i == 0 || !ScalarText.isLetter(p[i - 1])
                    if !(wordInitial && lastClosingQuote > i) {
                        if isY {
                            if c != 0x02BC { changes.hausaLetters += 1 }
                            out.append(0x02BC)
                            out.append(letter)
                        } else {
                            out.append(HausaLetters.hooked(letter))
                            changes.hausaLetters += 1
                        }
                        i += 2
                        continue
                    }
                }
            }
            if let canonical = HausaLetters.hausaLookAlike(c) {
                out.append(canonical)
                changes.hausaLetters += 1
            } else if let schwa = HausaLetters.schwaVariant(c) {
                out.append(schwa)
                changes.kanuriSchwa += 1
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    /// The reference's search-key form: each line folded, then every ʼy written ƴ.
    static func referenceKey(_ text: [UInt32]) -> [UInt32] {
        var lines: [[UInt32]] = [[]]
        for c in text { if c == 0x0A { lines.append([]) } else { lines[lines.count - 1].append(c) } }
        var out: [UInt32] = []
        for (k, line) in lines.enumerated() {
            if k > 0 { out.append(0x0A) }
            var scratch = NormalizationChanges()
            let folded = reference(line, changes: &scratch)
            var i = 0
            while i < folded.count {
                if folded[i] == 0x02BC, i + 1 < folded.count, folded[i + 1] == 0x79 || folded[i + 1] == 0x59 {
                    out.append(folded[i + 1] == 0x79 ? 0x01B4 : 0x01B3)
                    i += 2
                } else {
                    out.append(folded[i])
                    i += 1
                }
            }
        }
        return out
    }

    /// Random text over the characters the rules look at (and a letter outside the BMP).
    static func randomTexts(count: Int, lineFeeds: Bool) -> [[UInt32]] {
        var generator = SplitMix64(seed: 19)
        let alphabet: [UInt32] = [0x61, 0x65, 0x6F, 0x62, 0x64, 0x6B, 0x79, 0x42, 0x44, 0x4B, 0x59, 0x73, 0x74,  // a e o b d k y B D K Y s t
                                  0x27, 0x2019, 0x2018, 0x02BC, 0x02BB, 0x60, 0xB4,  // apostrophes
                                  0x20, 0x2C, 0x2E,  // space , .
                                  0x0256, 0x0189, 0x049B, 0x049A, 0x01DD, 0x018E, 0x04D9, 0x04D8,  // look-alikes, schwas
                                  0x0253, 0x0199, 0x01B4, 0x0259, 0x1D41A]  // ɓ ƙ ƴ ə 𝐚
        return (0..<count).map { _ in
            let length = Int(generator.next() % 24)
            return (0..<length).map { _ in
                if lineFeeds && generator.next() % 12 == 0 { return 0x0A }
                return alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
        }
    }

    @Test func standardSpellingEqualsTheReference() {
        for text in Self.randomTexts(count: 20_000, lineFeeds: false) {
            var expectedChanges = NormalizationChanges(), changes = NormalizationChanges()
            let expected = Self.reference(text, changes: &expectedChanges)
            let folded = OrthographyFolder.fold(text, changes: &changes)
            #expect(folded == expected, "\(text.map { String($0, radix: 16) })")
            #expect(changes == expectedChanges)
        }
    }

    @Test func searchKeyFormEqualsTheReferenceOnUTF16() {
        for text in Self.randomTexts(count: 20_000, lineFeeds: true) {
            let units = ScalarText.utf16(text)
            let folded = OrthographyFolder.foldForSearchKey(units).map { ScalarText.scalars(utf16: $0) } ?? text
            #expect(folded == Self.referenceKey(text), "\(text.map { String($0, radix: 16) })")
        }
    }
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
