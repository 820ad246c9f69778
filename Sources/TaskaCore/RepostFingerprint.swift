/// The words of a text as the repost matcher sees them: one 32-bit hash per word, line by line.
///
/// Built from a record's search key (already case-, harakat-, tatweel- and alef/ya/ta-marbuta-
/// folded) with the folds that make reposts meet: Hausa hooks to plain letters, hamza carriers
/// to their letters, apostrophes and punctuation dropped, emoji, URLs, @handles, #hashtags and
/// Telegram's "Forwarded from …" line dropped. Words of digits are flagged: reposts keep numbers.
public struct RepostFingerprint: Sendable, Equatable {
    /// Word hashes per non-empty line; a number's hash has the top bit set, a word's has not.
    public var lines: [[UInt32]]

    public init(lines: [[UInt32]]) {
        self.lines = lines
    }

    /// All words in order.
    public var words: [UInt32] { lines.flatMap { $0 } }

    public var wordCount: Int { lines.reduce(0) { $0 + $1.count } }

    static let numberBit: UInt32 = 0x8000_0000
    /// Words of a channel name dropped after "forwarded from" on a line that goes on.
    static let channelNameWords = 4

    /// The fingerprint of a search key, keeping at most `maxWords` words.
    public init(searchKey: String, maxWords: Int = 4096) {
        var lines: [[UInt32]] = []
        var line: [UInt32] = []
        var chunk: [UInt32] = []
        var total = 0

        func endChunk() {
            defer { chunk.removeAll(keepingCapacity: true) }
            guard let first = chunk.first, first != 0x23, first != 0x40, !Self.isLink(chunk) else { return }
            var hash: UInt64 = Self.fnvBasis
            var length = 0
            var digits = true
            func endWord() {
                defer { hash = Self.fnvBasis; length = 0; digits = true }
                guard length > 0, total < maxWords else { return }
                var h = UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) & ~Self.numberBit
                if h == 0 { h = 1 }
                line.append(digits ? h | Self.numberBit : h)
                total += 1
            }
            for value in chunk {
                switch Self.fold(value) {
                case .separator: endWord()
                case .dropped: continue
                case let .letter(value):
                    if !(0x30...0x39).contains(value) { digits = false }
                    hash = (hash ^ UInt64(value)) &* Self.fnvPrime
                    length += 1
                }
            }
            endWord()
        }
        func endLine() {
            endChunk()
            // Telegram's "Forwarded from <channel>" header belongs to the copy, not the post; when
            // the post runs on in the same line, the channel's name is taken as four words at most.
            if line.count >= 2, line[0] == Self.forwardedHash, line[1] == Self.fromHash {
                line.removeFirst(min(line.count, 2 + Self.channelNameWords))
            }
            if !line.isEmpty { lines.append(line) }
            line = []
        }
        for scalar in searchKey.unicodeScalars {
            let v = scalar.value
            if v == 0x0A {
                endLine()
            } else if ScalarValues.isWhitespace(v) {
                endChunk()
            } else {
                chunk.append(v)
            }
        }
        endLine()
        self.lines = lines
    }

    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// The word hash the fingerprint gives a lowercase ASCII word.
    static func hashWord(_ word: String) -> UInt32 {
        var hash = fnvBasis
        for scalar in word.unicodeScalars { hash = (hash ^ UInt64(scalar.value)) &* fnvPrime }
        var h = UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) & ~numberBit
        if h == 0 { h = 1 }
        return h
    }

    static let forwardedHash = hashWord("forwarded")
    static let fromHash = hashWord("from")

    static let www: [UInt32] = Array("www.".unicodeScalars.map(\.value))
    static let tme: [UInt32] = Array("t.me/".unicodeScalars.map(\.value))

    /// A chunk that is a URL or a bare `www.` / `t.me/` link.
    static func isLink(_ chunk: [UInt32]) -> Bool {
        if chunk.starts(with: www) || chunk.starts(with: tme) { return true }
        guard chunk.count > 3 else { return false }
        for i in 0..<(chunk.count - 2) where chunk[i] == 0x3A && chunk[i + 1] == 0x2F && chunk[i + 2] == 0x2F { return true }
        return false
    }

    enum Folded { case letter(UInt32), dropped, separator }

    /// What a scalar of the search key becomes inside a word.
    @inline(__always)
    static func fold(_ v: UInt32) -> Folded {
        switch v {
        case 0x30...0x39, 0x61...0x7A: return .letter(v)
        case 0x27, 0x2019, 0x02BC, 0x2018, 0x00B4, 0x0060: return .dropped  // apostrophes: 'yan = yan
        case 0x0253: return .letter(0x62)   // ɓ → b
        case 0x0257: return .letter(0x64)   // ɗ → d
        case 0x0199: return .letter(0x6B)   // ƙ → k
        case 0x01B4: return .letter(0x79)   // ƴ → y
        case 0x0624: return .letter(0x0648) // ؤ → و
        case 0x0626: return .letter(0x064A) // ئ → ي
        case 0x0621: return .dropped        // lone hamza
        case 0x0620, 0x0622...0x0623, 0x0625, 0x0627...0x063A, 0x0641...0x064A, 0x0671...0x06D3: return .letter(v)
        case 0x0259, 0x01DD: return .letter(0x0259) // schwa ə ǝ
        default:
            guard let scalar = Unicode.Scalar(v) else { return .separator }
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter, .decimalNumber:
                return .letter(v)
            case .nonspacingMark, .spacingMark, .enclosingMark:
                return .dropped
            default:
                return .separator
            }
        }
    }
}
