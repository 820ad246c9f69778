import Foundation
import TaskaCore

/// One identification: language subtag, script, confidence.
public struct LanguagePrediction: Sendable, Equatable {
    /// `ha`, `knc`, `ar`, `en` or `und`.
    public var language: String
    /// ISO 15924 code (`Latn`, `Arab`, `Cyrl`, …; `Zyyy` when there are no letters).
    public var script: String
    /// Probability that `language` is right, in [0, 1].
    public var confidence: Double
    /// Letters of `script` in the text.
    public var letters: Int

    /// `language-script`, e.g. `knc-Arab`.
    public var tag: String { "\(language)-\(script)" }

    public init(language: String, script: String, confidence: Double, letters: Int) {
        self.language = language
        self.script = script
        self.confidence = confidence
        self.letters = letters
    }
}

/// Identifies the language of a text: script first (by letter counts), then that script's
/// `ScriptModel`.
///
/// `und` comes out for confuser languages (trained as their own classes under `und/`), for
/// text whose trigrams the predicted class has mostly never seen (an unseen language,
/// gibberish, mojibake), for scripts without a model, for text without letters, and for
/// Arabic script carrying letters of Hausa Ajami while the model has no `ha-Arab` class.
public final class LanguageIdentifier: Sendable {
    public let models: [ScriptModel]

    /// A first view at least this confident is kept without scoring the one with names in
    /// (most sentences with a name are; the second view would halve the speed).
    static let sureConfidence = 0.95

    /// Confidence given to `und` for text without letters.
    static let noLetterConfidence = 0.1
    /// Confidence given to `und` for a script without a model.
    static let unseenScriptConfidence = 0.3
    /// Confidence given to `und` for text the predicted class has not seen (coverage check).
    static let unseenTextConfidence = 0.35
    /// Letters that Hausa Ajami writes and Arabic does not: ٻ ڟ ۑ ࢻ ࢼ ࢽ (and ƙ as ࢼ/ڧ variants).
    static let hausaAjamiLetters: Set<UInt32> = [0x067B, 0x069F, 0x06D1, 0x08BB, 0x08BC, 0x08BD]

    public init(models: [ScriptModel]) { self.models = models }

    /// Loads a model file.
    public convenience init(bytes: [UInt8]) throws(DetectError) {
        self.init(models: try ModelFile.decode(bytes))
    }

    /// Loads the model file at `path`: memory-mapped, its weight rows read in place (nothing is
    /// copied or zeroed until a row is read; the coverage sets are copied).
    public convenience init(contentsOf path: String) throws(DetectError) {
        guard let file = MappedFile(path: path) else { throw .modelMissing("cannot read \(path)") }
        self.init(models: try ModelFile.decode(file))
    }

    /// The model shipped with Taska (`Resources/langid.bin`), loaded once.
    public static func shipped() throws(DetectError) -> LanguageIdentifier {
        switch shippedResult {
        case .success(let identifier): return identifier
        case .failure(let error): throw error
        }
    }

    private static let shippedResult: Result<LanguageIdentifier, DetectError> = {
        do throws(DetectError) { return .success(try loadShipped()) } catch { return .failure(error) }
    }()

    /// Loads the shipped model afresh (not cached; `shipped()` caches): what a process pays once.
    public static func loadShipped() throws(DetectError) -> LanguageIdentifier {
        guard let path = TaskaResources.path(of: "langid.bin", in: "TaskaDetect", fallback: { Bundle.module }) else {
            throw .modelMissing("no langid.bin in the TaskaDetect resource bundle")
        }
        return try LanguageIdentifier(contentsOf: path)
    }

    /// Load-time benchmark: loads the shipped model `runs` times and returns each wall-clock time
    /// in milliseconds (the first run includes reading the file from disk or the page cache).
    public static func measureLoad(runs: Int) throws(DetectError) -> [Double] {
        var times: [Double] = []
        for _ in 0..<max(runs, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            let identifier = try loadShipped()
            let end = DispatchTime.now().uptimeNanoseconds
            withExtendedLifetime(identifier) {}
            times.append(Double(end - start) / 1e6)
        }
        return times
    }

    /// Identifies `text`.
    public func identify(_ text: String) -> LanguagePrediction {
        let scalars = ScalarValues.of(text)
        var scratch = Scratch()
        return scalars.withUnsafeBufferPointer { identify($0, 0..<$0.count, scratch: &scratch) }
    }

    /// Reusable buffers for `identify`.
    public struct Scratch {
        var extractor = FeatureExtractor()
        var probabilities: [Float] = []
        /// Whether the last `identify` kept the view with capitalised words in it.
        var keptNames = false
        public init() {}
    }

    /// Identifies `text[range]` (Unicode scalar values). `hint` is a declared language subtag
    /// (`ha`, `ar`, …) that wins over a low-confidence guess of the same script.
    public func identify(_ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, hint: String? = nil,
                         scratch: inout Scratch) -> LanguagePrediction {
        scratch.keptNames = false
        // Script first: count letters by script.
        // Latin letters of capitalised words are counted apart: inside Arabic script they are
        // names and acronyms (Arabic has no case), and should not take the text to Latin.
        var latin = 0, capitalLatin = 0, arabic = 0, other = 0, firstOther: UInt32 = 0, ajami = false
        var inLatinWord = false, capitalWord = false
        CharacterClass.table.withUnsafeBufferPointer { table in
            for i in range {
                let v = text[i]
                switch CharacterClass.of(v, in: table) {
                case .latin:
                    if !inLatinWord {
                        inLatinWord = true
                        capitalWord = CharacterClass.foldLatin(v) != v
                    }
                    if capitalWord { capitalLatin += 1 } else { latin += 1 }
                case .arabic:
                    inLatinWord = false
                    arabic += 1
                    if v >= 0x067B, Self.hausaAjamiLetters.contains(v) { ajami = true }
                case .otherLetter:
                    inLatinWord = false
                    if other == 0 { firstOther = v }
                    other += 1
                case .mark, .apostrophe, .ignored: break
                default: inLatinWord = false
                }
            }
        }
        let latinVote = latin + (arabic > 0 ? capitalLatin / 4 : capitalLatin)
        latin += capitalLatin
        if latin + arabic + other == 0 {
            return LanguagePrediction(language: "und", script: "Zyyy", confidence: Self.noLetterConfidence, letters: 0)
        }
        if other > latin && other > arabic {
            return LanguagePrediction(language: "und", script: ICUScripts.code(of: firstOther),
                                      confidence: Self.unseenScriptConfidence, letters: other)
        }
        let script = arabic > latinVote ? "Arab" : "Latn"
        guard let model = models.first(where: { $0.script == script }) else {
            return LanguagePrediction(language: "und", script: script, confidence: Self.unseenScriptConfidence,
                                      letters: max(latin, arabic))
        }
        var result = Self.classify(model: model, text, range, hint: hint, keepNames: false, scratch: &scratch)
        if scratch.extractor.skippedNames && result.confidence < Self.sureConfidence {
            // Capitalised words were left out as names; some are ordinary words (a sentence
            // start after a name, a heading). Unless the first view is sure, score the text
            // with them too and keep the surer view.
            let withNames = Self.classify(model: model, text, range, hint: hint, keepNames: true, scratch: &scratch)
            if withNames.confidence > result.confidence {
                result = withNames
                scratch.keptNames = true
            }
        }
        if ajami && result.language != "ha" {
            result = LanguagePrediction(language: "und", script: "Arab", confidence: Self.unseenTextConfidence,
                                        letters: result.letters)
        }
        return result
    }

    /// One view of `text[range]` through `model`: names left out (or kept), scored and decided.
    static func classify(model: ScriptModel, _ text: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, hint: String?,
                         keepNames: Bool, scratch: inout Scratch) -> LanguagePrediction {
        scratch.extractor.extract(text, range, script: model.script == "Arab" ? .arabic : .latin,
                                  bucketMask: model.bucketMask, keepNames: keepNames)
        model.probabilities(scratch.extractor.features, into: &scratch.probabilities)
        return decide(model: model, probabilities: scratch.probabilities,
                      trigrams: scratch.extractor.trigrams, letters: scratch.extractor.letters, hint: hint)
    }

    /// Why a text got its label: the script model's class probabilities and the coverage check.
    public struct Explanation: Sendable {
        /// The model's script (`Latn`, `Arab`), or nil when no script model applied.
        public var script: String?
        /// Every class (`ha-Latn`, `und/pcm-Latn`, …) with its probability, most probable first.
        public var classes: [(label: String, probability: Double)]
        /// Share of the text's trigrams the top class has seen, and the floor below which the
        /// text counts as unseen (`und`).
        public var coverage: Double
        public var coverageFloor: Double
        /// Whether the view with capitalised words scored (they were first left out as names).
        public var namesKept: Bool = false
        /// The prediction `identify` makes.
        public var prediction: LanguagePrediction
    }

    /// Explains `identify(text)`: for `taska detect --explain`, and for tuning the model.
    public func explain(_ text: String) -> Explanation {
        let scalars = ScalarValues.of(text)
        var scratch = Scratch()
        let prediction = scalars.withUnsafeBufferPointer { identify($0, 0..<$0.count, scratch: &scratch) }
        guard let model = models.first(where: { $0.script == prediction.script }) else {
            return Explanation(script: nil, classes: [], coverage: 0, coverageFloor: 0, prediction: prediction)
        }
        var extractor = FeatureExtractor()
        var probabilities: [Float] = []
        scalars.withUnsafeBufferPointer {
            extractor.extract($0, 0..<$0.count, script: model.script == "Arab" ? .arabic : .latin,
                              bucketMask: model.bucketMask, keepNames: scratch.keptNames)
        }
        model.probabilities(extractor.features, into: &probabilities)
        let e = Self.evidence(model: model, probabilities: probabilities, trigrams: extractor.trigrams,
                              letters: extractor.letters)
        let classes = zip(model.classes, probabilities).map { (label: $0, probability: Double($1)) }
            .sorted { $0.probability > $1.probability }
        return Explanation(script: model.script, classes: classes,
                           coverage: Double(e.coverage), coverageFloor: Double(e.coverageFloor), namesKept: scratch.keptNames,
                           prediction: prediction)
    }

    /// The reported label and its calibrated confidence from class probabilities.
    static func decide(model: ScriptModel, probabilities p: [Float], trigrams: ArraySlice<UInt64>, letters: Int,
                       hint: String?) -> LanguagePrediction {
        let evidence = evidence(model: model, probabilities: p, trigrams: trigrams, letters: letters)
        var language = evidence.language
        var confidence = Double(Calibrator.confidence(evidence.inputs, model.calibration))
        if evidence.unseen {
            language = "und"
            confidence = unseenTextConfidence
        }
        if let hint, hint != language, confidence < 0.6,
           let i = model.languages.firstIndex(of: hint), evidence.languageSums[i] >= 0.2 {
            language = hint
            confidence = Double(evidence.languageSums[i])
        }
        return LanguagePrediction(language: language, script: model.script, confidence: confidence, letters: letters)
    }

    /// What the calibrator and the trainer look at.
    struct Evidence {
        var language: String
        var topClass: Int
        var inputs: [Float]
        var unseen: Bool
        /// Share of the trigrams the top class has seen, and its floor for this length.
        var coverage: Float
        var coverageFloor: Float
        /// Probability per reported language, in `model.languages` order.
        var languageSums: [Float]
    }

    static func evidence(model: ScriptModel, probabilities p: [Float], trigrams: ArraySlice<UInt64>, letters: Int) -> Evidence {
        // Sum class probabilities per reported language, in class order.
        var sums = [Float](repeating: 0, count: model.languages.count)
        var topClass = 0
        for c in 0..<p.count { sums[model.languageOfClass[c]] += p[c] }
        var best = 0
        for i in 1..<sums.count where sums[i] > sums[best] { best = i }
        var second: Float = 0
        for i in 0..<sums.count where i != best && sums[i] > second { second = sums[i] }
        var topP: Float = -1
        for c in 0..<p.count where model.languageOfClass[c] == best && p[c] > topP { topP = p[c]; topClass = c }
        let coverage = model.coverage(of: trigrams, inClass: topClass)
        let floor = model.coverageFloor[topClass][letters < 40 ? 0 : 1]
        // Low coverage means an unseen language, gibberish or mojibake: `und` with low
        // confidence, also when a confuser class won (it has not seen this text either).
        let unseen = coverage < floor
        return Evidence(language: model.languages[best], topClass: topClass,
                        inputs: Calibrator.inputs(p1: sums[best], p2: second, letters: letters, coverage: coverage),
                        unseen: unseen, coverage: coverage, coverageFloor: floor, languageSums: sums)
    }
}
