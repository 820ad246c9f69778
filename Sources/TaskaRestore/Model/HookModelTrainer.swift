import Foundation
import TaskaCore

/// Builds a `HookModel` from Hausa text that writes its hooks: word spellings and letter
/// contexts are counted only where the line shows its writer uses that hook.
///
/// Why the gate: four in five lines of the Hausa training corpus are written without some or
/// all hooks (tweets, ASCII typing), so `kasar` is as common there as `ƙasar`. A `b`, `d` or
/// `k` is counted (plain or hooked) only in a line that has at least one hooked form of that
/// letter, where a plain letter is a choice of the writer and not a missing key; a `y` in any
/// line with a hook. Deterministic: the same corpus gives the same bytes.
public struct HookModelTrainer: Sendable {
    /// Decision thresholds written into the model. The defaults build the shipped model.
    public struct Options: Sendable {
        /// Share of a word's spellings the best one needs before it is written.
        public var wordShare: Float = 0.6
        /// Share of hooked occurrences a letter context needs before an unseen word is hooked.
        public var contextShare: Float = 0.9
        /// Occurrences a letter context needs before it is trusted (rarer ones are not stored).
        public var contextMinimum: UInt32 = 5
        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// The Hausa training file of a corpus folder (`train/ha-Latn.txt`).
    public static func trainingFile(corpus: String) -> String { corpus + "/train/ha-Latn.txt" }

    /// Trains on `corpus`/train/ha-Latn.txt and returns the encoded model.
    public func train(corpus: String, log: (String) -> Void = { _ in }) throws(RestoreError) -> [UInt8] {
        let path = Self.trainingFile(corpus: corpus)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .corpus("cannot read \(path); pass the folder that holds train/ha-Latn.txt (../shared/corpora)")
        }
        let text = String(decoding: data, as: UTF8.self)
        var lines: [Substring] = []
        text.split(separator: "\n", omittingEmptySubsequences: true).forEach { lines.append($0) }
        let model = train(lines: lines.map(String.init))
        guard model.wordCount > 0 else { throw .corpus("\(path) has no line with a hooked letter (ɓ ɗ ƙ ƴ); nothing to learn") }
        log("hooks: \(lines.count) lines, \(model.wordCount) word forms, \(model.contextCount) letter contexts")
        return HookModelFile.encode(model)
    }

    /// Trains on `lines` (one sentence each).
    public func train(lines: [String]) -> HookModel {
        var words: [[UInt8]: [UInt32: UInt32]] = [:]
        var contexts: [UInt64: (plain: UInt32, hooked: UInt32)] = [:]
        var scratch = HookRestorer.Scratch()
        for line in lines {
            let scalars = Self.spelledHooks(ScalarValues.of(line))
            var types: UInt8 = 0
            for s in scalars { if let p = HookLetters.plain(s) { types |= Self.letterBit(p | 0x20) } }
            guard types != 0 else { continue }
            // y is the exception: writers who hook write `'yan` (taken as ƴ above) far more often
            // than `ƴan`, so a line that hooks anything counts its y too (dev recall 0.89 → 0.91).
            types |= Self.letterBit(0x79)
            scalars.withUnsafeBufferPointer { text in
                HookRestorer.forEachWordRange(text, in: 0..<text.count) { range in
                    let word = HookRestorer.analyse(text, range, scratch: &scratch)
                    let key = scratch.key, candidates = scratch.candidates
                    guard !candidates.isEmpty, candidates.count <= 32,
                          candidates.allSatisfy({ types & Self.letterBit(key[$0]) != 0 }) else { return }
                    var utf8: [UInt8] = []
                    for s in key { HookLetters.appendUTF8(s, to: &utf8) }
                    words[utf8, default: [:]][word.observed, default: 0] += 1
                    key.withUnsafeBufferPointer { keyBuffer in
                        for (j, position) in candidates.enumerated() {
                            let hooked = word.observed & (1 << UInt32(j)) != 0
                            for order in HookModel.contextOrders {
                                let hash = HookModel.contextHash(key: keyBuffer, position: position, left: order.left, right: order.right)
                                var c = contexts[hash] ?? (0, 0)
                                if hooked { c.hooked += 1 } else { c.plain += 1 }
                                contexts[hash] = c
                            }
                        }
                    }
                }
            }
        }
        var keyBytes: [UInt8] = [], keyStarts: [UInt32] = [0], spellingStarts: [UInt32] = [0]
        var masks: [UInt32] = [], counts: [UInt32] = []
        for key in words.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            keyBytes.append(contentsOf: key)
            keyStarts.append(UInt32(keyBytes.count))
            for (mask, count) in words[key]!.sorted(by: { $0.key < $1.key }) {
                masks.append(mask)
                counts.append(count)
            }
            spellingStarts.append(UInt32(masks.count))
        }
        var hashes: [UInt64] = [], plain: [UInt32] = [], hooked: [UInt32] = []
        for (hash, c) in contexts.sorted(by: { $0.key < $1.key }) where c.plain + c.hooked >= options.contextMinimum {
            hashes.append(hash)
            plain.append(c.plain)
            hooked.append(c.hooked)
        }
        return HookModel(keyBytes: keyBytes, keyStarts: keyStarts, spellingStarts: spellingStarts, spellingMasks: masks,
                         spellingCounts: counts, contextHashes: hashes, contextPlain: plain, contextHooked: hooked,
                         wordShare: options.wordShare, contextShare: options.contextShare, contextMinimum: options.contextMinimum)
    }

    /// One bit per candidate letter (`b d k y` in lower case), 0 for any other scalar.
    @inline(__always)
    static func letterBit(_ s: UInt32) -> UInt8 {
        switch s {
        case 0x62: 1
        case 0x64: 2
        case 0x6B: 4
        case 0x79: 8
        default: 0
        }
    }

    /// The line with its apostrophe hook spellings written as hooked letters, so that `'yan`
    /// and `ƴan`, `k'asa` and `ƙasa` teach the same word: a word-initial `'y` `'b` `'d` `'k`, and
    /// a word-initial `b' d' k'` before a letter.
    static func spelledHooks(_ scalars: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let wordStart = i == 0 || !HookLetters.isWordScalar(scalars[i - 1])
            if wordStart, HookLetters.isApostrophe(s), i + 1 < scalars.count, let hooked = HookLetters.hooked(scalars[i + 1]) {
                out.append(hooked)
                i += 2
                continue
            }
            if wordStart, s | 0x20 != 0x79, let hooked = HookLetters.hooked(s), i + 2 < scalars.count,
               HookLetters.isApostrophe(scalars[i + 1]), HookLetters.isWordScalar(scalars[i + 2]) {
                out.append(hooked)
                i += 2
                continue
            }
            out.append(s)
            i += 1
        }
        return out
    }
}
