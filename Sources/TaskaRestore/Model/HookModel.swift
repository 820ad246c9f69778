/// The hooked-letter model: for each hook-stripped Hausa word form, how often each of its
/// spellings with hooks was seen; and, for words never seen, how often a plain `b d k y` in a
/// given letter context was hooked. Data only; `HookModelTrainer` makes it, `HookModelFile`
/// stores it.
///
/// Why two tables: most hooked words in running text are frequent words the table knows
/// (`ƙasa`, `ɗaya`, `waɗannan`); the letter contexts (`^ƙw`, `aɗa`) cover the rest.
public struct HookModel: Sendable, Equatable {
    /// Context windows (letters left, letters right of the candidate), most specific first.
    public static let contextOrders: [(left: Int, right: Int)] = [(4, 4), (3, 3), (3, 2), (2, 3), (2, 2), (2, 1), (1, 2), (1, 1)]

    /// Word keys (UTF-8 of the lower-case, hook-stripped form), sorted bytewise, concatenated.
    var keyBytes: [UInt8]
    /// `keyStarts[i]..<keyStarts[i+1]` is key i in `keyBytes` (count + 1 entries).
    var keyStarts: [UInt32]
    /// `spellingStarts[i]..<spellingStarts[i+1]` are key i's spellings (count + 1 entries).
    var spellingStarts: [UInt32]
    /// Per spelling: bit j set when the key's j-th candidate letter is hooked.
    var spellingMasks: [UInt32]
    /// Per spelling: how often it was seen.
    var spellingCounts: [UInt32]
    /// Context hashes (`contextHash`), sorted.
    var contextHashes: [UInt64]
    /// Per context: times its letter was plain, and hooked.
    var contextPlain: [UInt32]
    var contextHooked: [UInt32]
    /// Share of a word's compatible spellings the best one needs before it is written.
    public var wordShare: Float
    /// Share of hooked occurrences a letter context needs before an unseen word is hooked there.
    public var contextShare: Float
    /// Occurrences a letter context needs before it is trusted.
    public var contextMinimum: UInt32

    /// Number of word forms in the table.
    public var wordCount: Int { keyStarts.count - 1 }
    /// Number of letter contexts in the table.
    public var contextCount: Int { contextHashes.count }

    /// The letters to hook in one word (bit j: its j-th candidate), given what the source has.
    ///
    /// `key` is the word's lower-case, hook-stripped form; `candidates` the offsets of its
    /// `b d k y`; `observed` the candidates the source already hooked; `protected` those next
    /// to an apostrophe (the source's own spelling). Never returns an observed or protected bit.
    func decide(key: UnsafeBufferPointer<UInt32>, candidates: UnsafeBufferPointer<Int>, observed: UInt32,
                protected: UInt32, utf8 scratch: inout [UInt8]) -> UInt32 {
        scratch.removeAll(keepingCapacity: true)
        for s in key { HookLetters.appendUTF8(s, to: &scratch) }
        if let entry = lookup(scratch) {
            var total: UInt64 = 0
            var best: (mask: UInt32, count: UInt32)? = nil
            for i in Int(spellingStarts[entry])..<Int(spellingStarts[entry + 1]) {
                let mask = spellingMasks[i]
                guard mask & observed == observed else { continue }
                let count = spellingCounts[i]
                total += UInt64(count)
                // Masks are stored ascending, so on a tie the spelling with fewer hooks wins.
                if best == nil || count > best!.count { best = (mask, count) }
            }
            if let best, total > 0 {
                let add = best.mask & ~observed
                guard Float(best.count) >= wordShare * Float(total), add & protected == 0 else { return 0 }
                return add
            }
        }
        return decideByContext(key: key, candidates: candidates, skip: observed | protected)
    }

    /// Hooks each candidate not in `skip` whose most specific trusted letter context was hooked
    /// at least `contextShare` of the time.
    private func decideByContext(key: UnsafeBufferPointer<UInt32>, candidates: UnsafeBufferPointer<Int>, skip: UInt32) -> UInt32 {
        var add: UInt32 = 0
        for (j, position) in candidates.enumerated() where skip & (1 << UInt32(j)) == 0 {
            for order in Self.contextOrders {
                let hash = Self.contextHash(key: key, position: position, left: order.left, right: order.right)
                guard let c = lookupContext(hash) else { continue }
                let plain = contextPlain[c], hooked = contextHooked[c]
                guard plain + hooked >= contextMinimum else { continue }
                if Float(hooked) >= contextShare * Float(plain + hooked) { add |= 1 << UInt32(j) }
                break
            }
        }
        return add
    }

    /// Index of the word key equal to `bytes`, by binary search.
    func lookup(_ bytes: [UInt8]) -> Int? {
        var lo = 0, hi = wordCount
        while lo < hi {
            let mid = (lo + hi) / 2
            let start = Int(keyStarts[mid]), end = Int(keyStarts[mid + 1])
            let order = Self.compare(keyBytes, start..<end, bytes)
            if order == 0 { return mid }
            if order < 0 { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Index of the context `hash`, by binary search.
    func lookupContext(_ hash: UInt64) -> Int? {
        var lo = 0, hi = contextHashes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let h = contextHashes[mid]
            if h == hash { return mid }
            if h < hash { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Bytewise comparison of `blob[range]` with `bytes`: negative, zero or positive.
    static func compare(_ blob: [UInt8], _ range: Range<Int>, _ bytes: [UInt8]) -> Int {
        let n = min(range.count, bytes.count)
        for i in 0..<n {
            let a = blob[range.lowerBound + i], b = bytes[i]
            if a != b { return a < b ? -1 : 1 }
        }
        return range.count - bytes.count
    }

    /// FNV-1a 64 of a candidate's letter context: the window sizes, then up to `left` key
    /// scalars before it and `right` after it, with word start and end marked (0x02, 0x03).
    static func contextHash(key: UnsafeBufferPointer<UInt32>, position: Int, left: Int, right: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ v: UInt32) {
            var v = v
            for _ in 0..<4 {
                h = (h ^ UInt64(v & 0xFF)) &* 0x100_0000_01b3
                v >>= 8
            }
        }
        mix(UInt32(left << 8 | right))
        // The padded word is [0x02] + key + [0x03]; the candidate sits at padded index position + 1.
        let padded = position + 1
        let first = max(0, padded - left), last = min(key.count + 1, padded + right)
        for p in first...last {
            if p == 0 { mix(0x02) } else if p == key.count + 1 { mix(0x03) } else { mix(key[p - 1]) }
        }
        return h
    }
}
