import Foundation
internal import CPrefetch

#if _endian(big)
#error("ScriptModel.sum16 reads each weight row as little-endian 16-bit lanes; add a big-endian widening")
#endif

/// The language model of one script: a linear classifier over hashed character n-grams,
/// quantised to 8 bits, with the facts needed for calibration and the "unseen language" check.
///
/// Scores are `bias[c] + scale · Σ weights[f][c] / √N` over the N features of a text, turned
/// into probabilities by softmax. Classes are labels (`ha-Latn`, `und/fuv-Latn`): the language
/// subtag before the `-` (`und` for everything under `und/`) is what the identifier reports.
public struct ScriptModel: Sendable, Equatable {
    /// ISO 15924 code: `Latn`, `Arab`.
    public var script: String
    /// Class labels in file order, e.g. `ha-Latn`, `knc-Latn`, `und/fuv-Latn`.
    public var classes: [String]
    /// log2 of the number of hash buckets.
    public var bucketBits: Int
    /// Dequantisation factor of `weights`.
    public var scale: Float
    public var bias: [Float]
    /// Bucket-major: `weights[bucket * classes.count + class]` (rebuilt from `rows`; the model
    /// keeps only the padded rows).
    public var weights: [Int8] {
        let n = classes.count
        let buckets = rows.count / rowStride
        return [Int8](unsafeUninitializedCapacity: buckets * n) { out, initialised in
            for b in 0..<buckets {
                for c in 0..<n { out[b * n + c] = rows.weight(bucket: b, class: c) }
            }
            initialised = buckets * n
        }
    }
    /// log2 of the bits of each class's trigram set.
    public var coverageBits: Int
    /// Per class, a bit set of the trigram hashes seen in its training text.
    public var coverage: [[UInt64]]
    /// Per class, the lowest trigram coverage of its own held-out text [short, long]: a text
    /// predicted as that class with less coverage is an unseen language.
    public var coverageFloor: [[Float]]
    /// Calibration coefficients (see `Calibrator`).
    public var calibration: [Float]
    /// Reported languages in class order without repeats (`ha`, `knc`, `en`, `und`).
    public let languages: [String]
    /// For each class, its index in `languages`.
    let languageOfClass: [Int]
    /// The weights with each bucket's row padded to 16 bytes (`rowStride` 16, when there are
    /// ≤ 16 classes), so that scoring adds one 16-lane vector per feature; else unpadded.
    let rows: WeightRows
    var rowStride: Int { rows.stride }

    public init(script: String, classes: [String], bucketBits: Int, scale: Float, bias: [Float], weights: [Int8],
                coverageBits: Int, coverage: [[UInt64]], coverageFloor: [[Float]], calibration: [Float]) {
        let n = max(classes.count, 1)
        self.init(script: script, classes: classes, bucketBits: bucketBits, scale: scale, bias: bias,
                  coverageBits: coverageBits, coverage: coverage, coverageFloor: coverageFloor, calibration: calibration,
                  rows: weights.withUnsafeBytes { Self.rows(from: $0, classes: n, buckets: weights.count / n) })
    }

    /// A model whose rows are a model file's weight bytes: read in place from `mapping` when
    /// given (`weightBytes` then lies inside it), else padded copies.
    init(script: String, classes: [String], bucketBits: Int, scale: Float, bias: [Float],
         weightBytes: UnsafeRawBufferPointer, mapping: MappedFile? = nil, coverageBits: Int, coverage: [[UInt64]],
         coverageFloor: [[Float]], calibration: [Float]) {
        let buckets = 1 << bucketBits, n = classes.count
        var rows: WeightRows?
        if let mapping, n <= 16, let start = weightBytes.baseAddress, start >= mapping.base {
            let offset = start - mapping.base
            if offset + (buckets - 1) * n + 16 <= mapping.count {
                rows = WeightRows(mapped: mapping, offset: offset, buckets: buckets, classes: n)
            }
        }
        self.init(script: script, classes: classes, bucketBits: bucketBits, scale: scale, bias: bias,
                  coverageBits: coverageBits, coverage: coverage, coverageFloor: coverageFloor, calibration: calibration,
                  rows: rows ?? Self.rows(from: weightBytes, classes: n, buckets: buckets))
    }

    private init(script: String, classes: [String], bucketBits: Int, scale: Float, bias: [Float],
                 coverageBits: Int, coverage: [[UInt64]], coverageFloor: [[Float]], calibration: [Float],
                 rows: WeightRows) {
        self.rows = rows
        self.script = script
        self.classes = classes
        self.bucketBits = bucketBits
        self.scale = scale
        self.bias = bias
        self.coverageBits = coverageBits
        self.coverage = coverage
        self.coverageFloor = coverageFloor
        self.calibration = calibration
        var languages: [String] = []
        var index: [Int] = []
        for label in classes {
            let language = label.hasPrefix("und/") ? "und" : String(label.split(separator: "-").first ?? "und")
            if let i = languages.firstIndex(of: language) { index.append(i) } else {
                index.append(languages.count)
                languages.append(language)
            }
        }
        self.languages = languages
        self.languageOfClass = index
    }

    /// The rows of `buckets × n` weights in `source`: padded to 16 bytes when `n` ≤ 16 (one masked
    /// 16-byte vector copy per bucket, no per-weight work), else copied as they are.
    static func rows(from source: UnsafeRawBufferPointer, classes n: Int, buckets: Int) -> WeightRows {
        precondition(n > 0 && source.count >= buckets * n)
        guard n <= 16 else {
            return WeightRows(buckets: buckets, stride: n, classes: n) { out in
                out.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<(buckets * n)]))
            }
        }
        var keep = SIMD16<Int8>()
        for c in 0..<n { keep[c] = -1 }
        return WeightRows(buckets: buckets, stride: 16, classes: n) { out in
            // Whole 16-byte loads while they stay inside `source`, then byte copies.
            let vectorRows = source.count >= 16 ? min(buckets, (source.count - 16) / n + 1) : 0
            var b = 0
            while b < vectorRows {
                let row = source.loadUnaligned(fromByteOffset: b &* n, as: SIMD16<Int8>.self) & keep
                out.storeBytes(of: row, toByteOffset: b &<< 4, as: SIMD16<Int8>.self)
                b &+= 1
            }
            while b < buckets {
                var row = SIMD16<Int8>()
                for c in 0..<n { row[c] = source.load(fromByteOffset: b * n + c, as: Int8.self) }
                out.storeBytes(of: row, toByteOffset: b &<< 4, as: SIMD16<Int8>.self)
                b += 1
            }
        }
    }

    public static func == (a: ScriptModel, b: ScriptModel) -> Bool {
        a.script == b.script && a.classes == b.classes && a.bucketBits == b.bucketBits && a.scale == b.scale
            && a.bias == b.bias && a.rows == b.rows && a.coverageBits == b.coverageBits
            && a.coverage == b.coverage && a.coverageFloor == b.coverageFloor && a.calibration == b.calibration
    }

    /// The reported language of class `c`: `ha`, `knc`, …, or `und`.
    public func language(ofClass c: Int) -> String { languages[languageOfClass[c]] }

    var bucketMask: Int { (1 << bucketBits) - 1 }
    var coverageMask: Int { (1 << coverageBits) - 1 }

    @inline(__always)
    static func coverageIndex(_ h: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (h &* 0xD6E8_FEB8_6659_FD93) >> 40) & mask
    }

    /// Fraction of `trigrams` present in the set of class `c` (1 when there are none).
    func coverage(of trigrams: ArraySlice<UInt64>, inClass c: Int) -> Float {
        guard !trigrams.isEmpty else { return 1 }
        let mask = coverageMask
        let hits = coverage[c].withUnsafeBufferPointer { set in
            trigrams.withUnsafeBufferPointer { hashes in
                precondition(set.count << 6 > mask, "coverage set smaller than its mask")
                var hits = 0
                for h in hashes {
                    let i = Self.coverageIndex(h, mask)
                    hits &+= Int(truncatingIfNeeded: (set[i &>> 6] &>> UInt64(truncatingIfNeeded: i & 63)) & 1)
                }
                return hits
            }
        }
        return Float(hits) / Float(trigrams.count)
    }

    /// The sum of the 16-byte rows of `features`. Rows are summed as 16-bit lanes in two
    /// independent accumulators (local, so they stay in registers): the row loads, which miss the
    /// cache, overlap. A 16-bit lane cannot overflow within 256 features (|weight| ≤ 127), so it
    /// is widened every 256. Lane `k` < 8 holds class `2k`, lane 8 + `k` class `2k + 1`.
    static func sum16(_ fs: UnsafeBufferPointer<Int32>, rows raw: UnsafeRawPointer, stride: Int, keep: SIMD16<Int8>) -> SIMD16<Int32> {
        @inline(__always) func row(_ f: Int32) -> SIMD16<Int16> {
            // The row's bytes (masked: an unpadded row's load also holds the next rows') as 8
            // little-endian 16-bit lanes: odd classes are the high bytes (arithmetic shift),
            // even ones the low bytes (shifted up, then down).
            let bytes = raw.loadUnaligned(fromByteOffset: Int(f) &* stride, as: SIMD16<Int8>.self) & keep
            let v = unsafeBitCast(bytes, to: SIMD8<Int16>.self)
            return SIMD16<Int16>(lowHalf: (v &<< 8) &>> 8, highHalf: v &>> 8)
        }
        // A row load that misses the cache holds up the loop until it retires; a prefetch does
        // not. The first rows are prefetched at once, then each row `distance` features ahead
        // (32: the same share of samples as 64, half that of none).
        let distance = 32
        for k in 0..<min(distance, fs.count) { taska_prefetch(raw + Int(fs[k]) &* stride) }
        var total = SIMD16<Int32>()
        var start = 0
        while start < fs.count {
            let end = min(start + 256, fs.count)
            var a = SIMD16<Int16>(), b = SIMD16<Int16>()
            var i = start
            while i + 1 < end {
                if i &+ distance &+ 1 < fs.count {
                    taska_prefetch(raw + Int(fs[i &+ distance]) &* stride)
                    taska_prefetch(raw + Int(fs[i &+ distance &+ 1]) &* stride)
                }
                a &+= row(fs[i])
                b &+= row(fs[i + 1])
                i &+= 2
            }
            if i < end { a &+= row(fs[i]) }
            total &+= SIMD16<Int32>(truncatingIfNeeded: a) &+ SIMD16<Int32>(truncatingIfNeeded: b)
            start = end
        }
        return total
    }

    /// Class probabilities of a feature list (softmax of the scores), into `probabilities`.
    func probabilities(_ features: ArraySlice<Int32>, into probabilities: inout [Float]) {
        let n = classes.count
        probabilities.removeAll(keepingCapacity: true)
        // One 16-lane vector add per feature (rows padded to 16 bytes), else a plain loop.
        var acc = SIMD16<Int32>()
        var wide = n > 16 ? [Int32](repeating: 0, count: n) : []
        features.withUnsafeBufferPointer { fs in
            if n <= 16 {
                acc = rows.withRows { raw in Self.sum16(fs, rows: raw, stride: rows.stride, keep: rows.keep) }
            } else {
                rows.withRows { w in
                    for f in fs {
                        let row = Int(f) &* n
                        for c in 0..<n { wide[c] &+= Int32(w.load(fromByteOffset: row &+ c, as: Int8.self)) }
                    }
                }
            }
        }
        let factor = features.isEmpty ? 0 : scale / Float(features.count).squareRoot()
        var maxLogit = -Float.infinity
        for c in 0..<n {
            let logit = bias[c] + factor * Float(n <= 16 ? acc[(c & 1) << 3 | c >> 1] : wide[c])
            probabilities.append(logit)
            if logit > maxLogit { maxLogit = logit }
        }
        var sum: Float = 0
        for c in 0..<n {
            let e = expf(probabilities[c] - maxLogit)
            probabilities[c] = e
            sum += e
        }
        for c in 0..<n { probabilities[c] /= sum }
    }
}
