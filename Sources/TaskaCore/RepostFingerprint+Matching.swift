extension RepostFingerprint {
    /// Hashes of the overlapping three-word runs, in order (one run for a text of one or two words).
    public var shingles: [UInt64] { Self.shingles(of: words) }

    /// Hashes of the overlapping three-word runs of `w`, in order.
    static func shingles(of w: [UInt32]) -> [UInt64] {
        guard w.count >= 3 else { return w.isEmpty ? [] : [Self.mix(w.reduce(UInt64(w.count)) { $0 &* 31 &+ UInt64($1) })] }
        var out: [UInt64] = []
        out.reserveCapacity(w.count - 2)
        for i in 0..<(w.count - 2) {
            out.append(Self.mix(UInt64(w[i]) << 32 ^ UInt64(w[i + 1]) &* 0x9E37_79B9 ^ UInt64(w[i + 2]) &* 0xC2B2_AE3D_27D4_EB4F))
        }
        return out
    }

    /// The shorter text's share of the longer one's words below which two texts are never the same post.
    public static let minLengthRatio = 0.5

    /// Whether `self` and `other` are the same post: the rule behind a cluster.
    ///
    /// With S the shorter text and L the longer: (0) S has at least half as many words as L;
    /// (1) at least `containment` of S's three-word
    /// runs occur in L; (2) every number of S occurs in L as often (templates change numbers);
    /// (3) no line of S has a word missing from L except within its first or last three words
    /// (copies add headers and signatures around the text; template instances differ inside it).
    /// `minLengthRatio` 0 asks only whether the shorter text is a trimmed copy of the longer (rules 1–3).
    public func isSamePost(as other: RepostFingerprint, containment: Double, minLengthRatio: Double = Self.minLengthRatio) -> Bool {
        Prepared(self).isSamePost(as: Prepared(other), containment: containment, minLengthRatio: minLengthRatio)
    }

    /// Words in an `encoded` fingerprint, read without decoding it (rule 0 before anything else).
    public static func wordCount(encoded bytes: UnsafeRawBufferPointer) -> Int {
        var words = 0
        var i = 0
        while i + 4 <= bytes.count {
            if bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self) != 0 { words += 1 }
            i += 4
        }
        return words
    }

    /// Whether two texts of these word counts may be the same post at all (rule 0).
    public static func lengthsMayMatch(_ a: Int, _ b: Int, minLengthRatio: Double = Self.minLengthRatio) -> Bool {
        let (short, long) = a <= b ? (a, b) : (b, a)
        return short > 0 && Double(short) >= minLengthRatio * Double(long)
    }

    /// A fingerprint with what the same-post rule reads of it computed once: its distinct
    /// three-word runs and how often each word occurs, both as sorted arrays. Why: a new record
    /// is compared with up to 64 candidates on the archive's single writer thread, and sorted
    /// arrays are intersected by one merge, where hashed sets paid a hash per lookup.
    public struct Prepared: Sendable {
        public let fingerprint: RepostFingerprint
        public let wordCount: Int
        /// Distinct run hashes, ascending.
        let runs: [UInt64]
        /// Distinct words, ascending, and how often each occurs (`tallyCounts[i]` for `tallyWords[i]`).
        let tallyWords: [UInt32]
        let tallyCounts: [Int32]

        public init(_ fingerprint: RepostFingerprint) {
            self.fingerprint = fingerprint
            wordCount = fingerprint.wordCount
            runs = Self.sortedDistinct(fingerprint.shingles)
            var all: [UInt32] = []
            all.reserveCapacity(wordCount)
            for line in fingerprint.lines { all.append(contentsOf: line) }
            all.sort()
            var words: [UInt32] = []
            var counts: [Int32] = []
            for word in all {
                if words.last == word { counts[counts.count - 1] += 1 } else { words.append(word); counts.append(1) }
            }
            (tallyWords, tallyCounts) = (words, counts)
        }

        static func sortedDistinct(_ values: [UInt64]) -> [UInt64] {
            var out = values
            out.sort()
            var kept = 0
            for value in out where kept == 0 || out[kept - 1] != value {
                out[kept] = value
                kept += 1
            }
            out.removeLast(out.count - kept)
            return out
        }

        /// How many of the ascending `a` occur in `b` (both ascending, distinct).
        static func sharedCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
            var (i, j, shared) = (0, 0, 0)
            while i < a.count && j < b.count {
                if a[i] < b[j] { i += 1 } else if a[i] > b[j] { j += 1 } else { shared += 1; i += 1; j += 1 }
            }
            return shared
        }

        /// How often `word` occurs (0 when it does not).
        func count(of word: UInt32) -> Int {
            let low = tallyWords.firstIndex(notBelow: word)
            return low < tallyWords.count && tallyWords[low] == word ? Int(tallyCounts[low]) : 0
        }

        /// Rule 1 of the same-post rule (with rule 0 passed) against an encoded fingerprint,
        /// read without decoding it into lines or building its sets. Why: most candidates fail
        /// here, and preparing each one cost the archive's writer more than reading it.
        public func sharesEnoughRuns(withEncoded bytes: UnsafeRawBufferPointer, containment: Double) -> Bool {
            var words: [UInt32] = []
            words.reserveCapacity(bytes.count / 4)
            var i = 0
            while i + 4 <= bytes.count {
                let word = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                if word != 0 { words.append(word) }
                i += 4
            }
            let theirs = Self.sortedDistinct(RepostFingerprint.shingles(of: words))
            let shared = Self.sharedCount(theirs, runs)
            // The shorter text's distinct runs, as `isSamePost` picks the shorter (ties: this one).
            let shortRuns = wordCount <= words.count ? runs.count : theirs.count
            return Double(shared) >= containment * Double(shortRuns)
        }

        /// `RepostFingerprint.isSamePost`, with both sides prepared.
        public func isSamePost(as other: Prepared, containment: Double,
                               minLengthRatio: Double = RepostFingerprint.minLengthRatio) -> Bool {
            // A copy keeps most of the post: a sentence quoted inside longer posts (a footer, a
            // slogan, a line of scripture) would otherwise chain unrelated posts into one cluster.
            guard RepostFingerprint.lengthsMayMatch(wordCount, other.wordCount, minLengthRatio: minLengthRatio) else { return false }
            let (short, long) = wordCount <= other.wordCount ? (self, other) : (other, self)
            let shared = Self.sharedCount(short.runs, long.runs)
            guard Double(shared) >= containment * Double(short.runs.count) else { return false }
            for (word, count) in zip(short.tallyWords, short.tallyCounts) where word & RepostFingerprint.numberBit != 0 {
                if long.count(of: word) < Int(count) { return false }
            }
            for line in short.fingerprint.lines {
                var novel = false
                var sharedWord = false
                for (i, word) in line.enumerated() {
                    if long.count(of: word) == 0 {
                        if i >= 3 && i < line.count - 3 { novel = true }
                    } else {
                        sharedWord = true
                    }
                }
                if novel && sharedWord { return false }
            }
            return true
        }
    }

    /// splitmix64's finaliser: a cheap, well-spread 64-bit mix.
    @inlinable @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// LSH band keys of the MinHash signature of the three-word runs: `bands` keys, each from
    /// `rows` minima. Two texts whose runs have Jaccard similarity J share a key with
    /// probability 1 − (1 − J^rows)^bands.
    public func bandKeys(bands: Int, rows: Int) -> [Int64] {
        let runs = shingles
        guard !runs.isEmpty else { return [] }
        var keys: [Int64] = []
        keys.reserveCapacity(bands)
        for band in 0..<bands {
            var key = UInt64(band) &* 0x2545_F491_4F6C_DD1D
            for row in 0..<rows {
                let seed = Self.mix(UInt64(band * rows + row) &+ 0x5851_F42D_4C95_7F2D)
                var minimum = UInt64.max
                for run in runs {
                    let h = Self.mix(run ^ seed)
                    if h < minimum { minimum = h }
                }
                key = Self.mix(key ^ minimum)
            }
            keys.append(Int64(bitPattern: key))
        }
        return keys
    }

    // MARK: Encoding

    /// Little-endian words; a zero word ends each line.
    public var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((wordCount + lines.count) * 4)
        for line in lines {
            for word in line + [0] {
                withUnsafeBytes(of: word.littleEndian) { out.append(contentsOf: $0) }
            }
        }
        return out
    }

    /// Decodes `encoded`; nil when the bytes are not a fingerprint.
    public init?(encoded bytes: [UInt8]) {
        guard bytes.count % 4 == 0 else { return nil }
        var lines: [[UInt32]] = []
        var line: [UInt32] = []
        var i = 0
        while i < bytes.count {
            let word = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
            i += 4
            if word == 0 {
                lines.append(line)
                line = []
            } else {
                line.append(word)
            }
        }
        guard line.isEmpty else { return nil }
        self.init(lines: lines)
    }
}
