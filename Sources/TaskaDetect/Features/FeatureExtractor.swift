/// Hashed character n-gram features of one script's letters in a text.
///
/// The letters of the target script are folded (lower case, one schwa, one apostrophe) and
/// written into a stream where every other character becomes a single space. At each stream
/// position the n-grams of orders 1…`maxOrder` ending there are hashed (FNV-1a, 64 bit,
/// walking backwards so the orders share work), and each whole word gives one more feature.
/// Arabic harakat are kept out of the stream, so vocalised and bare spellings share their
/// n-grams; each haraka adds one "mark" feature instead.
///
/// Names are no sign of a language: a Latin word of more than one letter that starts with a
/// capital inside a sentence (not first in the text, nor after `.` `!` `?`) is left out of the
/// stream, unless such words hold more of the text's letters than the rest (a heading in
/// capitals, a list of names).
///
/// > Warning: The hashing is part of the model file format. Changing it needs a new model.
struct FeatureExtractor {
    /// Highest n-gram order.
    static let maxOrder = 5
    static let fnvBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3
    static let space: UInt32 = 0x20

    /// Features of the last call: bucket indices (one per n-gram, word or mark), the first
    /// `count` entries of `storage`.
    private(set) var storage: [Int32] = []
    private(set) var count = 0
    /// The features of the last call.
    var features: ArraySlice<Int32> { storage[0..<count] }
    /// Hashes of the trigrams of the last call (for the coverage check): the first
    /// `trigramCount` entries of `trigramStorage`.
    private var trigramStorage: [UInt64] = []
    private var trigramCount = 0
    var trigrams: ArraySlice<UInt64> { trigramStorage[0..<trigramCount] }
    /// Letters of the target script seen in the last call.
    private(set) var letters = 0
    /// Whether the last call left names out of the stream.
    private(set) var skippedNames = false

    /// Buffers start empty and grow to the longest text seen (most texts are short messages).
    init() {}

    /// Bucket of a 64-bit hash for a table of `mask + 1` buckets.
    @inline(__always)
    static func bucket(_ h: UInt64, _ mask: Int) -> Int32 {
        Int32(truncatingIfNeeded: Int(truncatingIfNeeded: (h ^ (h >> 31)) &* 0x9E37_79B9_7F4A_7C15 >> 20) & mask)
    }

    /// Extracts the features of `text[range]` for the letters of `script` (`.latin` or
    /// `.arabic`).
    /// `keepNames` puts capitalised words in the stream too (the second view `identify` scores
    /// when names were left out).
    mutating func extract(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, script: CharacterClass,
                          bucketMask: Int, keepNames: Bool = false) {
        letters = 0
        skippedNames = false
        // At most maxOrder + 1 features per scalar, plus the last word and space; at most one
        // trigram per scalar, plus the closing space.
        let needed = range.count * (Self.maxOrder + 2) + 16
        // Grown without zeroing: `fill` writes every entry it reports before anything reads it.
        if storage.count < needed {
            let size = max(needed, 2 * storage.count)
            storage = [Int32](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
        }
        if trigramStorage.count < range.count + 16 {
            let size = max(range.count + 16, 2 * trigramStorage.count)
            trigramStorage = [UInt64](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
        }
        let isLatin = script == .latin
        var buffer: [Int32] = []
        var trigramBuffer: [UInt64] = []
        swap(&buffer, &storage)
        swap(&trigramBuffer, &trigramStorage)
        (count, trigramCount) = buffer.withUnsafeMutableBufferPointer { out in
            trigramBuffer.withUnsafeMutableBufferPointer { tri in
                CharacterClass.table.withUnsafeBufferPointer { table in
                    var result = fill(text, range, isLatin: isLatin, bucketMask: bucketMask, skipNames: isLatin && !keepNames,
                                      out: out.baseAddress!, trigrams: tri.baseAddress!, table: table)
                    skippedNames = result.skipped > 0
                    if result.skipped > letters {
                        skippedNames = false
                        result = fill(text, range, isLatin: isLatin, bucketMask: bucketMask, skipNames: false,
                                      out: out.baseAddress!, trigrams: tri.baseAddress!, table: table)
                    }
                    return (result.features, result.trigrams)
                }
            }
        }
        swap(&buffer, &storage)
        swap(&trigramBuffer, &trigramStorage)
    }

    /// One pass over the text; `skipped` counts the letters of the names left out.
    private mutating func fill(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, isLatin: Bool, bucketMask: Int,
                               skipNames: Bool, out: UnsafeMutablePointer<Int32>, trigrams: UnsafeMutablePointer<UInt64>,
                               table: UnsafeBufferPointer<CharacterClass>) -> (features: Int, trigrams: Int, skipped: Int) {
        var n = 0
        var t = 0
        var skipped = 0
        var inWord = false, inName = false, sentenceStart = true
        // The last `maxOrder` stream characters, newest first.
        var w0: UInt32 = Self.space, w1: UInt32 = 0, w2: UInt32 = 0, w3: UInt32 = 0, w4: UInt32 = 0
        var filled = 1
        var word = Self.fnvBasis ^ 0x5157
        var wordLength = 0
        var lastWasSpace = true
        var letters = 0

        // No nested functions: their captured state would live in memory; everything below
        // stays in locals, and the n-gram code is written once (after the switch).
        let mask = bucketMask
        var i = range.lowerBound
        let end = range.upperBound
        var flush = false  // after the last scalar: the closing word and space
        while true {
            var next: UInt32 = 0  // the stream character to push (0: none)
            if i < end {
                let v = text[i]
                i &+= 1
                let cls = CharacterClass.of(v, in: table)
                switch cls {
                case .latin where isLatin, .arabic where !isLatin:
                    let c = isLatin ? CharacterClass.foldLatin(v) : v
                    if !inWord {
                        inWord = true
                        // A capital inside a sentence starts a name, unless it is a word of one letter (I).
                        inName = skipNames && c != v && !sentenceStart && i < end
                            && CharacterClass.of(text[i], in: table) == .latin
                        sentenceStart = false
                    }
                    if inName { skipped &+= 1; continue }
                    letters &+= 1
                    word = (word ^ UInt64(c)) &* Self.fnvPrime
                    wordLength &+= 1
                    next = c
                    lastWasSpace = false
                case .arabicMark where !isLatin:
                    if !lastWasSpace {
                        out[n] = Self.bucket((Self.fnvBasis ^ UInt64(0x4D41_0000 | v)) &* Self.fnvPrime, mask); n &+= 1
                    }
                    continue
                case .mark where isLatin:
                    guard !lastWasSpace, !inName else { continue }
                    word = (word ^ UInt64(v)) &* Self.fnvPrime
                    next = v
                case .apostrophe where isLatin:
                    if inName { continue }
                    inWord = true
                    // Inside or at the start of a word (ʼyan, ’b): one apostrophe letter.
                    word = (word ^ 0x27) &* Self.fnvPrime
                    wordLength &+= 1
                    next = 0x27
                    lastWasSpace = false
                case .ignored:
                    continue
                default:
                    flush = true
                    inWord = false
                    inName = false
                    if v == 0x2E || v == 0x21 || v == 0x3F { sentenceStart = true }  // . ! ?
                }
            } else {
                flush = true
            }
            if flush {
                // A word ends: its feature, then one space in the stream.
                if wordLength > 0 {
                    out[n] = Self.bucket(word ^ 0x0057_4F52_4400, mask); n &+= 1
                    word = Self.fnvBasis ^ 0x5157
                    wordLength = 0
                }
                if !lastWasSpace {
                    next = Self.space
                    lastWasSpace = true
                }
            }
            if next != 0 {
                w4 = w3; w3 = w2; w2 = w1; w1 = w0; w0 = next
                if filled < Self.maxOrder { filled &+= 1 }
                var h = (Self.fnvBasis ^ UInt64(w0)) &* Self.fnvPrime
                if next != Self.space { out[n] = Self.bucket(h, mask); n &+= 1 }
                if filled >= 2 {
                    h = (h ^ UInt64(w1)) &* Self.fnvPrime; out[n] = Self.bucket(h, mask); n &+= 1
                    if filled >= 3 {
                        h = (h ^ UInt64(w2)) &* Self.fnvPrime; out[n] = Self.bucket(h, mask); n &+= 1
                        trigrams[t] = h; t &+= 1
                        if filled >= 4 {
                            h = (h ^ UInt64(w3)) &* Self.fnvPrime; out[n] = Self.bucket(h, mask); n &+= 1
                            if filled >= 5 { h = (h ^ UInt64(w4)) &* Self.fnvPrime; out[n] = Self.bucket(h, mask); n &+= 1 }
                        }
                    }
                }
            }
            if i >= end && flush { break }
            flush = false
        }
        self.letters = letters
        return (n, t, skipped)
    }
}
