/// Finds the `Selectors` tokens in a class or id value, on its bytes, without building a
/// `String` per token.
///
/// The value splits into lowercase tokens at every ASCII character that is not a letter or
/// digit (`article-body__text` -> article, body, text); each whitespace-separated word of more
/// than one token is also read compacted, without `-` and `_` (`articlebody`). Non-ASCII bytes
/// stay in tokens. WordPress's `category-…` and `tag-…` classes name what the text is about,
/// not what the block is, and give nothing. Only tokens of the three lists are reported, in
/// order and with repeats (the vote counts each distinct one once).
///
/// Why bytes: pages carry long utility-class lists on thousands of elements; hashing a `String`
/// per token was the largest cost of boilerplate scoring.
struct ClassTokenClassifier: Sendable {
    enum Kind: Sendable, Equatable { case boilerplate, content, meta }

    /// A token of at most 16 bytes packed into two words (longer ones are in no list).
    struct Token: Hashable, Sendable {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        var length = 0

        @inline(__always) mutating func append(_ b: UInt8) {
            if length < 8 { lo |= UInt64(b) << UInt64(length &* 8) } else if length < 16 { hi |= UInt64(b) << UInt64((length &- 8) &* 8) }
            length &+= 1
        }

        init() {}

        init(_ text: String) {
            for b in text.utf8 { append(b) }
        }

        /// The token's text (for tests and messages).
        var text: String {
            var bytes: [UInt8] = []
            for i in 0..<min(length, 16) { bytes.append(UInt8(truncatingIfNeeded: (i < 8 ? lo >> UInt64(i * 8) : hi >> UInt64((i - 8) * 8)))) }
            return String(decoding: bytes, as: UTF8.self)
        }

        @inline(__always) var slot: Int {
            Int(truncatingIfNeeded: ((lo &* 0x9E37_79B9_7F4A_7C15) ^ (hi &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)) >> 56)
        }
    }

    /// Open addressing over 256 slots (the lists hold about 110 tokens).
    private var keys: [Token?] = Array(repeating: nil, count: 256)
    private var kinds: [Kind] = Array(repeating: .meta, count: 256)
    private var filled = 0

    /// A token in several lists takes the first of boilerplate, content, meta.
    static let shared = ClassTokenClassifier(boilerplate: Selectors.boilerplateTokens.tokens,
                                             content: Selectors.contentTokens.tokens, meta: Selectors.metaTokens.tokens)

    init(boilerplate: Set<String>, content: Set<String>, meta: Set<String>) {
        for (list, listKind) in [(boilerplate, Kind.boilerplate), (content, .content), (meta, .meta)] {
            for t in list.sorted() {
                precondition(t.utf8.count <= 16 && !t.isEmpty, "class token \(t) is longer than 16 bytes")
                let token = Token(t)
                if kind(of: token) == nil { insert(token, listKind) }
            }
        }
    }

    private mutating func insert(_ token: Token, _ kind: Kind) {
        // Probing ends at an empty slot: keep at least a quarter of the table free.
        precondition(filled < 192, "too many class tokens for the 256-slot table")
        filled += 1
        var i = token.slot
        while keys[i] != nil { i = (i &+ 1) & 255 }
        keys[i] = token
        kinds[i] = kind
    }

    @inline(__always) func kind(of token: Token) -> Kind? {
        guard token.length <= 16 else { return nil }
        var i = token.slot
        while let k = keys[i] {
            if k == token { return kinds[i] }
            i = (i &+ 1) & 255
        }
        return nil
    }

    private static let category = Token("category-"), tag = Token("tag-")

    /// The listed tokens of `value` in order of appearance (repeats included).
    func classify(_ value: String) -> [(token: Token, kind: Kind)] {
        var found: [(token: Token, kind: Kind)] = []
        var token = Token(), word = Token(), compact = Token()
        var parts = 0
        var wordStart = 0
        func endToken() {
            guard token.length > 0 else { return }
            if let k = kind(of: token) { found.append((token, k)) }
            token = Token()
            parts += 1
        }
        func endWord() {
            endToken()
            if Self.hasPrefix(word, Self.category) || Self.hasPrefix(word, Self.tag) {
                found.removeSubrange(wordStart...)
            } else if parts > 1, let k = kind(of: compact) {
                found.append((compact, k))
            }
            word = Token(); compact = Token(); parts = 0
            wordStart = found.count
        }
        for var b in value.utf8 {
            if b >= 0x41 && b <= 0x5A { b += 0x20 }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                endWord()
                continue
            }
            word.append(b)
            if b != 0x2D && b != 0x5F { compact.append(b) }
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80 {
                token.append(b)
            } else {
                endToken()
            }
        }
        endWord()
        return found
    }

    private static func hasPrefix(_ t: Token, _ p: Token) -> Bool {
        t.length >= p.length && prefix(t, p.length) == p
    }

    /// The first `n` bytes of `t`, packed.
    private static func prefix(_ t: Token, _ n: Int) -> Token {
        var p = Token()
        p.length = n
        p.lo = n >= 8 ? t.lo : t.lo & ((1 << UInt64(n * 8)) - 1)
        p.hi = n <= 8 ? 0 : (n >= 16 ? t.hi : t.hi & ((1 << UInt64((n - 8) * 8)) - 1))
        return p
    }
}
