import Foundation

/// Trains Taska's language model from a corpus folder laid out as `../shared/corpora`:
/// `train/<lang>-<Script>.txt` for each label and `train/und/<code>-<Script>.txt` for each
/// confuser, one sentence per line. Labels are file names, so a new label (say `ha-Arab`) is
/// added by adding its file and retraining.
///
/// Per script: a softmax classifier over hashed character n-grams (`FeatureExtractor`), trained
/// by SGD on 9 of every 10 lines of each file plus a prefix cut of each line (short texts) and,
/// for Arabic script lines with harakat, a copy without them (real Kanuri Ajami is rarely as
/// vocalised as the corpus); then quantised to 8 bits. The 10th lines fit the coverage floors
/// and the calibration at full length and cut to 60 and 30 characters.
///
/// Deterministic: files in sorted order, a seeded SplitMix64 shuffle, and floating point summed
/// in one fixed order, so the same corpus gives the same bytes.
public struct ModelTrainer: Sendable {
    /// Training settings. The defaults build the shipped model.
    public struct Options: Sendable {
        /// log2 of the hash buckets of the Latin model.
        public var latinBucketBits = 19
        /// log2 of the hash buckets of the Arabic model.
        public var arabicBucketBits = 18
        /// log2 of the bits of each class's trigram set.
        public var coverageBits = 18
        /// Passes over the training lines.
        public var epochs = 6
        /// Initial SGD step, decaying linearly to 0.
        public var learningRate: Float = 0.5
        /// Every `holdoutEvery`-th line is held out for calibration.
        public var holdoutEvery = 10
        public var seed: UInt64 = 0x7A5C_A1D0
        /// Loss weight of a class's training lines (default 1). Nigerian Pidgin is weighted up:
        /// it shares most of its vocabulary with English, and a Pidgin text must not be taken
        /// for English (target: < 1 % pcm → en), while English text is plentiful and distinct.
        public var classWeights: [String: Float] = Options.defaultClassWeights
        public static let defaultClassWeights: [String: Float] = ["und/pcm-Latn": 3]
        /// How far below its own held-out text (0.3 % quantile of trigram coverage) a text may
        /// fall before it counts as unseen: text from other sources and domains covers fewer of
        /// the corpus' trigrams than held-out lines of the same source do.
        public var coverageMargin: Float = 0.05
        /// Short cuts (20–44 characters) of the line with names put in, per training line (0:
        /// none); each has its own names and length. Short texts are where names mislead most.
        public var namesShortCutsPerLine = 10
        /// Short cuts (20–44 characters) of the line as written, per training line.
        public var shortCutsPerLine = 3
        public init() {}
    }

    public var options: Options
    public init(options: Options = Options()) { self.options = options }

    /// One script's training lines.
    struct ScriptCorpus {
        var script: String
        var classes: [String] = []
        var scalars: [UInt32] = []
        var starts: [Int] = []
        var ends: [Int] = []
        var labels: [Int] = []
        /// Names to insert into training lines (`Variation`): capitalised words inside the
        /// lines of `en-Latn` (no data beyond the corpus). Empty for other scripts.
        var names: [[UInt32]] = []

        func line(_ i: Int) -> Range<Int> { starts[i]..<ends[i] }
    }

    /// Reads `corpus/train`, grouped by script (scripts sorted by code).
    static func readCorpus(_ directory: String) throws(DetectError) -> [ScriptCorpus] {
        let fm = FileManager.default
        let train = directory + "/train"
        var files: [(label: String, path: String)] = []
        guard let top = try? fm.contentsOfDirectory(atPath: train) else {
            throw .corpus("cannot list \(train); pass the folder that holds train/ and dev/")
        }
        for name in top.sorted() where name.hasSuffix(".txt") {
            files.append((String(name.dropLast(4)), train + "/" + name))
        }
        if let und = try? fm.contentsOfDirectory(atPath: train + "/und") {
            for name in und.sorted() where name.hasSuffix(".txt") {
                files.append(("und/" + name.dropLast(4), train + "/und/" + name))
            }
        }
        var byScript: [String: ScriptCorpus] = [:]
        for file in files {
            guard let script = file.label.split(separator: "-").last.map(String.init),
                  script == "Latn" || script == "Arab" else { continue }
            guard let data = fm.contents(atPath: file.path) else { throw .corpus("cannot read \(file.path)") }
            var corpus = byScript[script] ?? ScriptCorpus(script: script)
            let label = corpus.classes.count
            corpus.classes.append(file.label)
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                corpus.starts.append(corpus.scalars.count)
                for s in line.unicodeScalars { corpus.scalars.append(s.value) }
                corpus.ends.append(corpus.scalars.count)
                corpus.labels.append(label)
            }
            if file.label == "en-Latn" { corpus.names = Self.names(in: text) }
            byScript[script] = corpus
        }
        guard !byScript.isEmpty else { throw .corpus("no train/<lang>-<Script>.txt files in \(directory)") }
        return byScript.keys.sorted().map { byScript[$0]! }
    }

    /// Capitalised words that stand inside a line (never first) and never occur in lower case:
    /// mostly names of people and places. Each once, in order of first appearance.
    static func names(in text: String) -> [[UInt32]] {
        let lines = text.split(separator: "\n")
        func word(_ w: Substring) -> String { w.trimmingCharacters(in: .punctuationCharacters) }
        let lowercase = Set(lines.flatMap { $0.split(separator: " ") }.lazy.map(word)
            .filter { $0.unicodeScalars.first.map { (0x61...0x7A).contains($0.value) } ?? false })
        var seen = Set<String>()
        var names: [[UInt32]] = []
        for line in lines {
            for w in line.split(separator: " ").dropFirst().map(word) {
                guard w.count >= 3, let first = w.unicodeScalars.first, (0x41...0x5A).contains(first.value),
                      w.unicodeScalars.dropFirst().allSatisfy({ (0x61...0x7A).contains($0.value) }),
                      !lowercase.contains(w.lowercased()), seen.insert(w).inserted else { continue }
                names.append(w.unicodeScalars.map(\.value))
            }
        }
        return names
    }

    /// Trains and returns the model file bytes. `log` receives progress lines.
    public func train(corpus directory: String, log: @Sendable (String) -> Void = { _ in }) throws(DetectError) -> [UInt8] {
        let corpora = try Self.readCorpus(directory)
        // A weight given by the user must name a class (a typo would silently weigh nothing);
        // the default one may be absent from a small corpus.
        let classes = Set(corpora.flatMap(\.classes))
        if options.classWeights != Options.defaultClassWeights,
           let unknown = options.classWeights.keys.sorted().first(where: { !classes.contains($0) }) {
            throw .corpus("a class weight names \(unknown), which is no class of \(directory)/train; "
                + "classes are \(classes.sorted().joined(separator: ", "))")
        }
        // One script per core; each result goes to its own slot, so the order is fixed.
        final class Slots: @unchecked Sendable {
            let lock = NSLock()
            var models: [ScriptModel?]
            init(_ n: Int) { models = [ScriptModel?](repeating: nil, count: n) }
        }
        let slots = Slots(corpora.count)
        let options = self.options
        DispatchQueue.concurrentPerform(iterations: corpora.count) { i in
            let model = Self.trainScript(corpora[i], options: options, log: log)
            slots.lock.lock(); slots.models[i] = model; slots.lock.unlock()
        }
        return ModelFile.encode(slots.models.compactMap { $0 })
    }

    static func isHoldout(_ lineInClass: Int, _ every: Int) -> Bool { every > 0 && lineInClass % every == every - 1 }

    static func trainScript(_ corpus: ScriptCorpus, options: Options, log: @Sendable (String) -> Void) -> ScriptModel {
        let classCount = corpus.classes.count
        let bits = corpus.script == "Arab" ? options.arabicBucketBits : options.latinBucketBits
        let mask = (1 << bits) - 1
        let scriptClass: CharacterClass = corpus.script == "Arab" ? .arabic : .latin
        // Split: the n-th line of each class is held out when n % holdoutEvery == holdoutEvery-1.
        var seen = [Int](repeating: 0, count: classCount)
        var trainLines: [Int] = [], holdout: [Int] = []
        for i in 0..<corpus.labels.count {
            let c = corpus.labels[i]
            if isHoldout(seen[c], options.holdoutEvery) { holdout.append(i) } else { trainLines.append(i) }
            seen[c] += 1
        }
        // Examples: each training line whole and as two prefix cuts, each written the ways real
        // text departs from the corpus (`Variation`).
        var examples: [Example] = []
        for i in trainLines {
            let r = corpus.line(i)
            let mixed = SplitMix64.mix(options.seed ^ UInt64(i))
            let vocalised = scriptClass == .arabic
                && corpus.scalars[r].contains(where: { CharacterClass.of($0) == .arabicMark })
            // Harakat kept: all, or (vocalised lines) a random share, or none.
            func stripping(_ k: UInt64, of h: UInt64? = nil) -> UInt8 { vocalised ? UInt8(((h ?? mixed) >> k) % 5) : 0 }
            examples.append(Example(line: Int32(i), cut: 0, strip: 0, names: false))
            if vocalised {
                examples.append(Example(line: Int32(i), cut: 0, strip: 4, names: false))
                examples.append(Example(line: Int32(i), cut: 0, strip: stripping(8), names: false))
            }
            // Every line again with names and numbers among its words, whole and cut to 20–44
            // characters, ten times with other names and cuts (a short text may be mostly names).
            if !corpus.names.isEmpty {
                examples.append(Example(line: Int32(i), cut: 0, strip: stripping(48), names: true))
                if options.namesShortCutsPerLine > 0 {
                    examples.append(Example(line: Int32(i), cut: Int32(20 + Int((mixed >> 52) % 25)), strip: stripping(56),
                                            names: true))
                    for k in 1..<options.namesShortCutsPerLine {
                        let h = SplitMix64.mix(mixed ^ UInt64(k))
                        examples.append(Example(line: Int32(i), cut: Int32(20 + Int(h % 25)), strip: stripping(40, of: h),
                                                names: true, salt: UInt8(k)))
                    }
                }
            }
            // Prefix cuts teach short texts: one of 12–81 characters, three of 20–44.
            let cut = 12 + Int(mixed % 70)
            if cut < r.count { examples.append(Example(line: Int32(i), cut: Int32(cut), strip: stripping(16), names: false)) }
            let short = 20 + Int((mixed >> 32) % 25)
            if short < r.count { examples.append(Example(line: Int32(i), cut: Int32(short), strip: stripping(24), names: false)) }
            for k in 1..<max(options.shortCutsPerLine, 1) {
                let h = SplitMix64.mix(mixed ^ (UInt64(k) << 32))
                let cut = 20 + Int(h % 25)
                if cut < r.count {
                    examples.append(Example(line: Int32(i), cut: Int32(cut), strip: stripping(40, of: h), names: false))
                }
            }
        }
        var weights = [Float](repeating: 0, count: (mask + 1) * classCount)
        var bias = [Float](repeating: 0, count: classCount)
        var rng = SplitMix64(seed: options.seed ^ UInt64(bits))
        var extractor = FeatureExtractor()
        var variation = Variation()
        var logits = [Float](repeating: 0, count: classCount)
        let total = Float(options.epochs * examples.count)
        var step: Float = 0
        let classWeight = corpus.classes.map { options.classWeights[$0] ?? 1 }
        for epoch in 0..<options.epochs {
            // Fisher–Yates with the seeded generator.
            var i = examples.count - 1
            while i > 0 {
                let j = Int(rng.next() % UInt64(i + 1))
                examples.swapAt(i, j)
                i -= 1
            }
            var loss: Double = 0
            weights.withUnsafeMutableBufferPointer { w in
                for ex in examples {
                    variation.write(ex, corpus: corpus, seed: options.seed)
                    variation.buffer.withUnsafeBufferPointer {
                        extractor.extract($0, 0..<$0.count, script: scriptClass, bucketMask: mask)
                    }
                    let features = extractor.features
                    guard !features.isEmpty else { continue }
                    let norm = 1 / Float(features.count).squareRoot()
                    for c in 0..<classCount { logits[c] = 0 }
                    for f in features {
                        let base = Int(f) * classCount
                        for c in 0..<classCount { logits[c] += w[base + c] }
                    }
                    var maxLogit = -Float.infinity
                    for c in 0..<classCount {
                        logits[c] = bias[c] + logits[c] * norm
                        maxLogit = max(maxLogit, logits[c])
                    }
                    var sum: Float = 0
                    for c in 0..<classCount { logits[c] = expf(logits[c] - maxLogit); sum += logits[c] }
                    let label = corpus.labels[Int(ex.line)]
                    loss -= Double(logf(max(logits[label] / sum, 1e-12)))
                    let lr = options.learningRate * (1 - step / total) * classWeight[label]
                    step += 1
                    for c in 0..<classCount {
                        let g = logits[c] / sum - (c == label ? 1 : 0)
                        logits[c] = lr * g * norm
                        bias[c] -= lr * g * 0.1
                    }
                    for f in features {
                        let base = Int(f) * classCount
                        for c in 0..<classCount { w[base + c] -= logits[c] }
                    }
                }
            }
            log("\(corpus.script): epoch \(epoch + 1)/\(options.epochs), \(examples.count) examples, mean loss \(String(format: "%.4f", loss / Double(examples.count)))")
        }
        // Quantise to 8 bits; the scale clips the rarest 0.001 % of weights.
        let magnitudes = weights.map { abs($0) }.sorted()
        let clip = max(magnitudes[min(magnitudes.count - 1, Int(Double(magnitudes.count) * 0.99999))], 1e-6)
        let scale = clip / 127
        let quantised = weights.map { Int8(max(-127, min(127, ($0 / scale).rounded()))) }
        // Trigram sets per class from the training lines.
        let coverageMask = (1 << options.coverageBits) - 1
        var coverage = [[UInt64]](repeating: [UInt64](repeating: 0, count: (coverageMask + 1) / 64), count: classCount)
        corpus.scalars.withUnsafeBufferPointer { text in
            for i in trainLines {
                extractor.extract(text, corpus.line(i), script: scriptClass, bucketMask: mask)
                let c = corpus.labels[i]
                for h in extractor.trigrams {
                    let k = ScriptModel.coverageIndex(h, coverageMask)
                    coverage[c][k >> 6] |= 1 << UInt64(k & 63)
                }
            }
        }
        var model = ScriptModel(script: corpus.script, classes: corpus.classes, bucketBits: bits, scale: scale,
                                bias: bias, weights: quantised, coverageBits: options.coverageBits, coverage: coverage,
                                coverageFloor: [[Float]](repeating: [0, 0], count: classCount), calibration: [])
        // Held-out lines at full length and cut to 60 and 30 characters.
        struct Held { var label: Int; var probabilities: [Float]; var trigrams: [UInt64]; var letters: Int }
        var held: [Held] = []
        var probabilities: [Float] = []
        corpus.scalars.withUnsafeBufferPointer { text in
            for i in holdout {
                let r = corpus.line(i)
                for cut in [0, 60, 30] where cut == 0 || cut < r.count {
                    let end = cut == 0 ? r.upperBound : r.lowerBound + cut
                    extractor.extract(text, r.lowerBound..<end, script: scriptClass, bucketMask: mask)
                    model.probabilities(extractor.features, into: &probabilities)
                    held.append(Held(label: corpus.labels[i], probabilities: probabilities,
                                     trigrams: Array(extractor.trigrams), letters: extractor.letters))
                }
            }
        }
        // Coverage floors: the 0.3 % quantile of each class's own held-out coverage, short and long.
        for c in 0..<classCount {
            for (k, isShort) in [true, false].enumerated() {
                let values = held.filter { $0.label == c && ($0.letters < 40) == isShort }
                    .map { model.coverage(of: $0.trigrams[...], inClass: c) }.sorted()
                guard !values.isEmpty else { continue }
                model.coverageFloor[c][k] = values[Int(Double(values.count) * 0.003)] - options.coverageMargin
            }
        }
        // Calibration on the held-out evidence.
        var samples: [[Float]] = [], correct: [Bool] = []
        var right = 0
        for h in held {
            let e = LanguageIdentifier.evidence(model: model, probabilities: h.probabilities, trigrams: h.trigrams[...],
                                                letters: h.letters)
            let truth = model.language(ofClass: h.label)
            if e.unseen { if truth == "und" { right += 1 }; continue }
            samples.append(e.inputs)
            correct.append(e.language == truth)
            if e.language == truth { right += 1 }
        }
        model.calibration = Calibrator.fit(samples, correct)
        log("\(corpus.script): held-out accuracy \(String(format: "%.4f", Double(right) / Double(max(held.count, 1)))) over \(held.count) texts (full, 60, 30 characters)")
        return model
    }
}

/// One training example: a line, whole or cut, written as real text may write it.
struct Example {
    var line: Int32
    /// Prefix length in scalars, or 0 for the whole line.
    var cut: Int32
    /// Quarters of the line's Arabic marks removed (0: all kept, 4: none kept).
    var strip: UInt8
    /// Names and numbers inserted between words.
    var names: Bool
    /// Varies the names put in between examples of one line.
    var salt: UInt8 = 0
}

/// Writes the text of an `Example`: real text is less vocalised than the corpus' Kanuri Ajami
/// and carries names and numbers that are no cue to its language.
///
/// Deterministic: every random choice is a SplitMix64 hash of the seed, the line and the position.
struct Variation {
    private(set) var buffer: [UInt32] = []

    mutating func write(_ ex: Example, corpus: ModelTrainer.ScriptCorpus, seed: UInt64) {
        buffer.removeAll(keepingCapacity: true)
        let r = corpus.line(Int(ex.line))
        let base = seed ^ (UInt64(ex.line) << 20) ^ (UInt64(ex.strip) << 8) ^ (UInt64(ex.salt) << 56)
        var atWordStart = true
        var inserted = 0
        // One line in three opens with a name (a dateline, an addressee, a speaker): the first
        // word is read as a word, so the model must learn that it may be no cue.
        if ex.names, !corpus.names.isEmpty, SplitMix64.mix(base ^ 0x4E41_4D45) % 3 == 0 {
            let h = SplitMix64.mix(base ^ 0x4649_5253)
            buffer.append(contentsOf: corpus.names[Int(h % UInt64(corpus.names.count))])
            if (h >> 32) % 3 == 0 {
                buffer.append(0x20)
                buffer.append(contentsOf: corpus.names[Int((h >> 40) % UInt64(corpus.names.count))])
            }
            buffer.append(0x20)
            inserted += 1
        }
        var p = r.lowerBound
        while p < r.upperBound {
            let v = corpus.scalars[p]
            let h = SplitMix64.mix(base ^ UInt64(p))
            if ex.strip > 0, CharacterClass.of(v) == .arabicMark, Int(h % 4) < Int(ex.strip) {
                p += 1
                continue
            }
            // Between words, one insertion in six, at most three per line.
            if ex.names, v == 0x20, !atWordStart, inserted < 3, h % 6 == 0 {
                buffer.append(0x20)
                if (h >> 8) % 3 == 0 {
                    Self.appendNumber(h >> 16, to: &buffer)
                } else {
                    buffer.append(contentsOf: corpus.names[Int((h >> 16) % UInt64(corpus.names.count))])
                }
                inserted += 1
            }
            atWordStart = v == 0x20
            buffer.append(v)
            p += 1
        }
        if ex.cut > 0 && Int(ex.cut) < buffer.count { buffer.removeSubrange(Int(ex.cut)...) }
    }

    private static func appendNumber(_ h: UInt64, to buffer: inout [UInt32]) {
        let n = [h % 100, 1990 + h % 37, h % 10_000][Int((h >> 20) % 3)]
        for d in String(n).unicodeScalars { buffer.append(d.value) }
    }
}

/// SplitMix64: a small seeded generator for the deterministic shuffle.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
