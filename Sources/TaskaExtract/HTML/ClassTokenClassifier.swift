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
            // Masking shifts and an unchecked conversion: no overshift or sign tests per byte.
            let shift = UInt64(truncatingIfNeeded: length &* 8)
            if length < 8 { lo |= UInt64(b) &<< shift } else if length < 16 { hi |= UInt64(b) &<< (shift &- 64) }
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

    /// The listed tokens of `value` in order of appearance (repeats included).
    func classify(_ value: String) -> [(token: Token, kind: Kind)] {
        var found: [(token: Token, kind: Kind)] = []
        classify(value, into: &found)
        return found
    }

    /// `classify(_:)` appending to `found` (a buffer the caller reuses: no array per value).
    /// One pass over each word makes its tokens and its compacted form together.
    func classify(_ value: String, into found: inout [(token: Token, kind: Kind)]) {
        var value = value
        value.withUTF8 { bytes in
            Self.byteClass.withUnsafeBufferPointer { cls in
                let n = bytes.count
                var i = 0
                while i < n {
                    while i < n && cls[Int(bytes[i])] == Self.space { i += 1 }
                    guard i < n else { break }
                    // `category-…` and `tag-…` name a topic: the word gives nothing.
                    if Self.startsWith(bytes, i, n, "category-") || Self.startsWith(bytes, i, n, "tag-") {
                        while i < n && cls[Int(bytes[i])] != Self.space { i += 1 }
                        continue
                    }
                    var token = Token(), compact = Token()
                    var inToken = false, parts = 0
                    while i < n {
                        let c = bytes[i], k = cls[Int(c)]
                        if k == Self.space { break }
                        let lower = Self.lowercased(c)
                        if k == Self.tokenByte {
                            if !inToken { inToken = true; token = Token() }
                            token.append(lower)  // past 16 bytes only the length grows: in no list
                        } else if inToken {
                            inToken = false
                            parts += 1
                            if let kind = kind(of: token) { found.append((token, kind)) }
                        }
                        // The word without `-` and `_` (`most-read` -> `mostread`).
                        if c != 0x2D && c != 0x5F { compact.append(lower) }
                        i += 1
                    }
                    if inToken {
                        parts += 1
                        if let kind = kind(of: token) { found.append((token, kind)) }
                    }
                    if parts > 1, let kind = kind(of: compact) { found.append((compact, kind)) }
                }
            }
        }
    }

    private static let space: UInt8 = 0, tokenByte: UInt8 = 1, separator: UInt8 = 2
    /// Per byte: ASCII white space, a token byte (letter, digit or any non-ASCII byte), or a separator.
    private static let byteClass: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        switch b {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C: return space
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x80...: return tokenByte
        default: return separator
        }
    }

    @inline(__always) private static func lowercased(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    /// Whether the bytes from `at` (before `n`) start with `prefix` (lowercase ASCII), in any case.
    private static func startsWith(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ n: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard n - at >= count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where lowercased(b[at + k]) != p[k] { return false }
        return true
    }
}
