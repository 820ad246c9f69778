import Foundation
import TaskaTestSupport
import Testing
import TaskaCore
@testable import TaskaDetect

@Suite struct ModelTests {
    /// Writes a tiny synthetic corpus (two Latin "languages" and one confuser, one Arabic label).
    static func line(_ words: [String], _ i: Int, _ seed: Int) -> String {
        (0..<8).map { j in words[(i * 7 + j * 3 + seed) % words.count] }.joined(separator: " ")
    }
    static let aa = ["kana", "mata", "baba", "tana", "sanar", "gari", "kasuwa", "ruwa"]
    static let bb = ["the", "market", "water", "town", "announce", "woman", "father", "river"]
    static let cc = ["le", "marché", "eau", "ville", "annonce", "femme", "père", "fleuve"]
    static let dd = ["السوق", "الماء", "المدينة", "أعلن", "المرأة", "الأب", "النهر", "اليوم"]

    static func writeCorpus() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("taska-lid-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/train/und", withIntermediateDirectories: true)
        func lines(_ words: [String], _ count: Int, _ seed: Int) -> String {
            (0..<count).map { line(words, $0, seed) }.joined(separator: "\n") + "\n"
        }
        let files: [(String, String)] = [
            ("train/aa-Latn.txt", lines(aa, 60, 1)),
            ("train/bb-Latn.txt", lines(bb, 60, 2)),
            ("train/und/cc-Latn.txt", lines(cc, 60, 3)),
            ("train/dd-Arab.txt", lines(dd, 60, 4)),
        ]
        for (path, text) in files {
            try text.write(toFile: dir + "/" + path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static func smallOptions() -> ModelTrainer.Options {
        var o = ModelTrainer.Options()
        o.latinBucketBits = 12
        o.arabicBucketBits = 10
        o.coverageBits = 12
        o.epochs = 3
        return o
    }

    @Test func trainingIsDeterministicAndRoundTrips() throws {
        let dir = try Self.writeCorpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try ModelTrainer(options: Self.smallOptions()).train(corpus: dir)
        let second = try ModelTrainer(options: Self.smallOptions()).train(corpus: dir)
        #expect(first == second)
        let models = try ModelFile.decode(first)
        #expect(models.map(\.script) == ["Arab", "Latn"])
        #expect(models[1].classes == ["aa-Latn", "bb-Latn", "und/cc-Latn"])
        #expect(ModelFile.encode(models) == first)
        let identifier = LanguageIdentifier(models: models)
        // Lines the trainer used (line 0 of each file; every 10th line is held out).
        #expect(identifier.identify(Self.line(Self.bb, 0, 2)).tag == "bb-Latn")
        #expect(identifier.identify(Self.line(Self.aa, 0, 1)).tag == "aa-Latn")
        #expect(identifier.identify(Self.line(Self.cc, 0, 3)).language == "und")
        #expect(identifier.identify(Self.line(Self.dd, 0, 4)).tag == "dd-Arab")
    }

    @Test func moreShortCutsTrainAnotherModelDeterministically() throws {
        let dir = try Self.writeCorpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var one = Self.smallOptions()
        one.shortCutsPerLine = 1
        var three = Self.smallOptions()
        three.shortCutsPerLine = 3
        let a = try ModelTrainer(options: three).train(corpus: dir)
        #expect(a == (try ModelTrainer(options: three).train(corpus: dir)))
        #expect(a != (try ModelTrainer(options: one).train(corpus: dir)))
    }

    @Test func damagedModelsAreRefused() throws {
        #expect(throws: DetectError.self) { try ModelFile.decode(Array("not a model".utf8)) }
        let dir = try Self.writeCorpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = try ModelTrainer(options: Self.smallOptions()).train(corpus: dir)
        #expect(throws: DetectError.self) { try ModelFile.decode(Array(bytes.dropLast(3))) }
    }

    @Test func aClassWeightNamingNoClassIsAnError() throws {
        let dir = try Self.writeCorpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = Self.smallOptions()
        options.classWeights = ["und/cc-Latn": 2, "und/xx-Latn": 3]
        #expect(throws: DetectError.self) { try ModelTrainer(options: options).train(corpus: dir) }
        options.classWeights = ["und/cc-Latn": 2]
        #expect(try ModelTrainer(options: options).train(corpus: dir).count > 0)
    }

    @Test func missingCorpusIsAnError() {
        #expect(throws: DetectError.self) { try ModelTrainer().train(corpus: "/nonexistent-taska-corpus") }
    }

    /// The shipped model read in place from its mapped file scores exactly as its padded copy:
    /// same weights, same probabilities on every script's sentences.
    @Test func mappedRowsScoreAsThePaddedCopy() throws {
        let mapped = try LanguageIdentifier.loadShipped()
        #expect(mapped.models.allSatisfy { $0.rows.isMapped })
        let path = try #require(TaskaResources.path(of: "langid.bin", in: "TaskaDetect", fallback: { nil }))
        let padded = try LanguageIdentifier(bytes: try fileBytes(path))
        #expect(padded.models.allSatisfy { !$0.rows.isMapped && $0.rowStride == 16 })
        #expect(mapped.models == padded.models)
        for text in ["Kǝla Maiduguriro lejin.", "Ƙungiyar masunta ta Baga ta sanar da jama'a", "والقرار في جميع أنحاء العالم",
                     "The cattle market will be held on Thursday", "ندِ كَنُرِ لَنْ"] {
            let a = mapped.identify(text), b = padded.identify(text)
            #expect(a.language == b.language && a.confidence == b.confidence, "\(text)")
        }
    }

    /// Padded rows (one 16-byte vector per bucket) give back the file's weights, for any class
    /// count up to 16 and for the last rows, where a 16-byte load would run past the weights.
    @Test func paddedRowsRoundTrip() {
        for n in [1, 7, 12, 16] {
            let buckets = 37
            let weights = (0..<(buckets * n)).map { Int8(truncatingIfNeeded: $0 &* 31 &+ 5) }
            let model = ScriptModel(script: "Latn", classes: (0..<n).map { "l\($0)-Latn" }, bucketBits: 0, scale: 1,
                                    bias: [Float](repeating: 0, count: n), weights: weights, coverageBits: 6,
                                    coverage: [[UInt64]](repeating: [0], count: n),
                                    coverageFloor: [[Float]](repeating: [0, 0], count: n), calibration: [])
            #expect(model.rowStride == 16)
            #expect(model.rows.count == buckets * 16)
            #expect(model.weights == weights)
            #expect(model.rows[16 * (buckets - 1) + n - 1] == weights.last)
            if n < 16 { #expect(model.rows[16 * (buckets - 1) + n] == 0) }
        }
    }

    /// Scores from the padded rows (16-bit lanes, even and odd classes apart) equal the plain sum
    /// of the file's weights, for class counts up to 16 and past it, over more than 256 features
    /// (where the lanes are widened) and with repeats.
    @Test func probabilitiesMatchPlainSums() {
        for n in [1, 2, 7, 11, 16, 17] {
            let bits = 6
            let weights = (0..<((1 << bits) * n)).map { Int8(truncatingIfNeeded: ($0 &* 73 &+ 11) % 255 - 127) }
            let bias = (0..<n).map { Float($0) * 0.25 }
            let model = ScriptModel(script: "Latn", classes: (0..<n).map { "l\($0)-Latn" }, bucketBits: bits, scale: 0.5,
                                    bias: bias, weights: weights, coverageBits: 6,
                                    coverage: [[UInt64]](repeating: [0], count: n),
                                    coverageFloor: [[Float]](repeating: [0, 0], count: n), calibration: [])
            for count in [0, 1, 5, 300, 700] {
                let features = (0..<count).map { Int32(($0 &* 37 &+ n) % (1 << bits)) }
                var p: [Float] = []
                model.probabilities(features[...], into: &p)
                var sums = [Int](repeating: 0, count: n)
                for f in features { for c in 0..<n { sums[c] += Int(weights[Int(f) * n + c]) } }
                let factor = count == 0 ? 0 : 0.5 / Float(count).squareRoot()
                let logits = (0..<n).map { bias[$0] + factor * Float(sums[$0]) }
                let top = logits.max()!
                let e = logits.map { expf($0 - top) }
                let total = e.reduce(0, +)
                #expect(p.count == n)
                for c in 0..<n { #expect(abs(p[c] - e[c] / total) < 1e-5, "n \(n), \(count) features, class \(c)") }
            }
        }
    }

    /// The shipped model: small enough, loads from the resource bundle (memory-mapped) the same as
    /// from bytes. Load time is measured by `scripts/bench-langid` (median of 15 release runs).
    @Test func shippedModelLoads() throws {
        let url = URL(fileURLWithPath: packageRoot + "/Sources/TaskaDetect/Resources/langid.bin")
        let data = try Data(contentsOf: url)
        #expect(data.count <= 10_000_000)
        let models = try ModelFile.decode([UInt8](data))
        #expect(models.map(\.script) == ["Arab", "Latn"])
        #expect(ModelFile.encode(models) == [UInt8](data))
        let mapped = try LanguageIdentifier(contentsOf: url.path)
        #expect(mapped.models == models)
        #expect(try LanguageIdentifier.measureLoad(runs: 2).count == 2)
    }
}

/// Calibration on the dev split: of predictions with confidence ≥ 0.9, at least 90 % are right.
@Suite(.enabled(if: corporaRoot != nil, "../shared/corpora is absent"))
struct DevSplitTests {
    @Test func calibrationHoldsOnDev() throws {
        let root = try #require(corporaRoot)
        let identifier = try shipped()
        var confident = 0, right = 0, total = 0, correct = 0
        let fm = FileManager.default
        var files: [(String, String)] = []
        for name in try fm.contentsOfDirectory(atPath: root + "/dev").sorted() where name.hasSuffix(".txt") {
            files.append((String(name.dropLast(4)), root + "/dev/" + name))
        }
        for name in try fm.contentsOfDirectory(atPath: root + "/dev/und").sorted() where name.hasSuffix(".txt") {
            files.append(("und", root + "/dev/und/" + name))
        }
        for (label, path) in files {
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            for line in lines.prefix(150) {
                for text in [String(line), String(line.prefix(30))] {
                    let p = identifier.identify(text)
                    let got = p.language == "und" ? "und" : p.tag
                    total += 1
                    if got == label { correct += 1 }
                    if p.confidence >= 0.9 {
                        confident += 1
                        if got == label { right += 1 }
                    }
                }
            }
        }
        #expect(confident > 0)
        #expect(Double(right) / Double(confident) >= 0.9)
        #expect(Double(correct) / Double(total) >= 0.95)
    }
}
