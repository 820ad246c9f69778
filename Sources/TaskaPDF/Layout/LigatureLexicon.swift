import Foundation
import TaskaCore

/// How often Arabic-script words with a lam next to an alef or yeh occur in the training
/// corpora: the tie-breaker when a PDF's glyph boxes cannot tell a lam-alef ligature (`علاج`)
/// from an alef followed by a lam (`عالم`). (Counting every word, to decide also where poppler
/// cut vocalised words after their marks, lowered Arabic text PDFs on the dev set: not done.)
///
/// Why: in some fonts (DejaVu Sans) a final alef and an initial lam are exactly as wide as the
/// two slices poppler cuts a lam-alef glyph into, so geometry alone reads `عالم` as `علام`. Keys
/// are 64-bit FNV-1a hashes of the word's letters (marks and tatweel dropped, presentation forms
/// folded); counts saturate at 65,535. Built from `../shared/corpora/train` (ar-Arab, knc-Arab)
/// by `taska model train-ligatures`; the shipped file is `Resources/ligatures.bin`.
public struct LigatureLexicon: Sendable, Equatable {
    /// Sorted word hashes and, at the same index, their counts.
    let hashes: [UInt64]
    let counts: [UInt16]

    init(hashes: [UInt64], counts: [UInt16]) {
        precondition(hashes.count == counts.count, "one count per hash")
        self.hashes = hashes
        self.counts = counts
    }

    /// Builds a lexicon from words and their counts (the trainer's and the tests' way in).
    public init(counts words: [String: Int]) {
        var merged: [UInt64: Int] = [:]
        for (word, count) in words {
            let key = Self.letters(Array(word.unicodeScalars))
            guard !key.isEmpty else { continue }
            merged[Self.hash(key), default: 0] += count
        }
        let sorted = merged.sorted { $0.key < $1.key }
        self.init(hashes: sorted.map(\.key), counts: sorted.map { UInt16(min($0.value, Int(UInt16.max))) })
    }

    /// How often `word` (any scalars; only its letters count) was seen; 0 when never.
    func count(_ word: [Unicode.Scalar]) -> Int {
        let key = Self.letters(word)
        guard !key.isEmpty else { return 0 }
        let h = Self.hash(key)
        let low = hashes.firstIndex(notBelow: h)
        return low < hashes.count && hashes[low] == h ? Int(counts[low]) : 0
    }

    /// The letters of `word`: marks, tatweel and anything not a letter dropped, Arabic
    /// presentation forms folded to base letters.
    static func letters(_ word: [Unicode.Scalar]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(word.count)
        for s in word {
            if (0xFB50...0xFEFF).contains(s.value) {
                for f in String(s).decomposedStringWithCompatibilityMapping.unicodeScalars where f.properties.isAlphabetic && f.properties.generalCategory != .nonspacingMark {
                    out.append(f.value)
                }
            } else if s.properties.isAlphabetic, s.properties.generalCategory != .nonspacingMark, s.value != 0x0640 {
                out.append(s.value)
            }
        }
        return out
    }

    static func hash(_ letters: [UInt32]) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for v in letters {
            for shift in stride(from: 0, to: 32, by: 8) {
                h ^= UInt64((v >> UInt32(shift)) & 0xFF)
                h = h &* 0x100000001b3
            }
        }
        return h
    }

    /// Whether `letters` hold a lam beside an alef (any form), alef maksura or yeh: the words
    /// whose spelling a ligature decision can change, and so the only ones the file keeps.
    static func isAmbiguous(_ letters: [UInt32]) -> Bool {
        let partners: Set<UInt32> = [0x0627, 0x0623, 0x0625, 0x0622, 0x0671, 0x0649, 0x064A]
        guard letters.count > 1 else { return false }
        for i in 0..<(letters.count - 1) {
            let a = letters[i], b = letters[i + 1]
            if (a == 0x0644 && partners.contains(b)) || (partners.contains(a) && b == 0x0644) { return true }
        }
        return false
    }

    // MARK: File format: "TASKALIG" u32 version=1 u32 n, then n × u64 hash (ascending), n × u16 count; little-endian.

    static let magic = Array("TASKALIG".utf8)

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var out = Self.magic
        func u32(_ v: UInt32) { for i in 0..<4 { out.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
        u32(1)
        u32(UInt32(hashes.count))
        for h in hashes { for i in 0..<8 { out.append(UInt8((h >> (8 * UInt64(i))) & 0xFF)) } }
        for c in counts { out.append(UInt8(c & 0xFF)); out.append(UInt8(c >> 8)) }
        return out
    }

    /// Decodes a file; nil when it is not a ligature lexicon of this version.
    public static func decode(_ bytes: [UInt8]) -> LigatureLexicon? {
        guard bytes.count >= 16, Array(bytes[0..<8]) == magic else { return nil }
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
        guard u32(8) == 1 else { return nil }
        let n = Int(u32(12))
        guard bytes.count == 16 + n * 10 else { return nil }
        var hashes = [UInt64](repeating: 0, count: n), counts = [UInt16](repeating: 0, count: n)
        for k in 0..<n {
            let at = 16 + 8 * k
            hashes[k] = (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
            let c = 16 + 8 * n + 2 * k
            counts[k] = UInt16(bytes[c]) | UInt16(bytes[c + 1]) << 8
        }
        guard zip(hashes, hashes.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        return LigatureLexicon(hashes: hashes, counts: counts)
    }

    /// The lexicon shipped with Taska, loaded once per process; nil when its file is missing
    /// (the repair then falls back to the geometric rules alone).
    public static let shipped: LigatureLexicon? = {
        guard let path = TaskaResources.path(of: "ligatures.bin", in: "TaskaPDF", fallback: { Bundle.module }),
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return decode([UInt8](data))
    }()

    /// Counts the ambiguous words (`isAmbiguous`) of the corpus files `train/ar-Arab.txt` and
    /// `train/knc-Arab.txt` under `corpus`. Deterministic: the same corpus gives the same bytes.
    public static func train(corpus: String) throws -> LigatureLexicon {
        var counts: [String: Int] = [:]
        for label in ["ar-Arab", "knc-Arab"] {
            let path = (corpus as NSString).appendingPathComponent("train/\(label).txt")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var word: [Unicode.Scalar] = []
            func flush() {
                defer { word.removeAll(keepingCapacity: true) }
                let key = letters(word)
                guard isAmbiguous(key) else { return }
                counts[String(String.UnicodeScalarView(key.compactMap(Unicode.Scalar.init))), default: 0] += 1
            }
            for s in text.unicodeScalars {
                if RightToLeftRepair.isArabicLetter(s) || RightToLeftRepair.isMark(s) || s.value == 0x0640 { word.append(s) } else { flush() }
            }
            flush()
        }
        return LigatureLexicon(counts: counts)
    }
}
