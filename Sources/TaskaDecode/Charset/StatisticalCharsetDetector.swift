/// Chooses a charset for bytes that are neither marked (BOM), declared, valid UTF-8 nor UTF-16.
///
/// ICU's detector (`ucsdet`) alone is weak on short Arabic and on ASCII-heavy text, so each
/// candidate — windows-1252, windows-1256, ISO-8859-6, UTF-8 when some sequences are valid,
/// and ICU's own best guesses — is decoded on a bounded sample and scored with
/// `TextPlausibility`; ICU's confidence adds a small bonus. The best score wins; the
/// confidence combines how clean the winner is, its lead over the runner-up and how much
/// non-ASCII evidence there was.
enum StatisticalCharsetDetector {
    /// One scored candidate.
    struct Candidate: Sendable, Equatable {
        /// Canonical Taska name.
        var charset: String
        /// Plausibility score plus ICU bonus (about 1 for clean text, negative for garbage).
        var score: Double
        /// Confidence in [0, 1] that this is the charset.
        var confidence: Double
        /// What the scorer counted.
        var measure: TextPlausibility
        /// ICU's confidence (0...100) for this charset, 0 when ICU did not propose it.
        var icuConfidence: Int
    }

    /// Charsets always considered, in order of preference when they tie.
    static let baseCandidates = ["windows-1252", "windows-1256", "iso-8859-6"]

    /// The sample never exceeds this many bytes.
    static let sampleLimit = 64 * 1024

    /// Scores the candidates for `bytes`, best first. `extra` names charsets to score as well
    /// (a declared charset being verified). `utf8` is the validation report of all the bytes.
    static func rank(_ bytes: UnsafeBufferPointer<UInt8>, extra: [String] = [],
                     utf8: UTF8Validator.Report) -> [Candidate] {
        let sample = makeSample(bytes)
        let icu = sample.withUnsafeBufferPointer { (try? ICUCharsets.detect($0)) ?? [] }
        var icuConfidence: [String: Int] = [:]
        var names = baseCandidates
        if utf8.multibyteSequences > 0 { names.append("utf-8") }
        for e in extra where !names.contains(e) { names.append(e) }
        for m in icu {
            guard let name = CharsetLabel.resolve(m.name) else { continue }
            icuConfidence[name] = max(icuConfidence[name] ?? 0, m.confidence)
            if m.confidence >= 15, !names.contains(name), !CharsetLabel.isWide(name),
               names.count < baseCandidates.count + 6 {
                names.append(name)
            }
        }

        var scored: [(candidate: Candidate, order: Int, units: [UInt16])] = []
        for (order, name) in names.enumerated() {
            guard let units = sample.withUnsafeBufferPointer({ try? ICUConverter(charset: name).decode($0).units })
            else { continue }
            let measure = TextPlausibility.measure(units)
            // ICU's confidence counts a little; Taska's own candidates get a small prior over
            // the other charsets ICU proposes (Taska's languages are Hausa, Kanuri, Arabic, English).
            let prior = order < baseCandidates.count || name == "utf-8" ? 0.1 : 0
            let bonus = 0.15 * Double(icuConfidence[name] ?? 0) / 100 + prior
            let candidate = Candidate(charset: name, score: measure.score + bonus, confidence: 0,
                                      measure: measure, icuConfidence: icuConfidence[name] ?? 0)
            scored.append((candidate, order, units))
        }
        scored.sort { a, b in
            if a.candidate.score != b.candidate.score { return a.candidate.score > b.candidate.score }
            return a.order < b.order
        }
        guard let best = scored.first else { return [] }
        // The runner-up is the best candidate that decodes the sample differently.
        let runnerUp = scored.dropFirst().first { $0.units != best.units }?.candidate.score ?? min(0, best.candidate.score - 1)
        var out: [Candidate] = []
        for (k, entry) in scored.enumerated() {
            var c = entry.candidate
            if k == 0 {
                c.confidence = confidence(score: c.score, margin: c.score - runnerUp, evidence: c.measure.nonASCII)
            } else {
                c.confidence = confidence(score: c.score, margin: c.score - best.candidate.score, evidence: c.measure.nonASCII)
            }
            out.append(c)
        }
        return out
    }

    /// Calibrated confidence: cleanliness × lead × evidence.
    static func confidence(score: Double, margin: Double, evidence: Int) -> Double {
        guard score > 0, margin >= 0 else { return 0 }
        let clean = min(1, score)
        let lead = 0.5 + 0.5 * min(1, margin / 0.5)
        let amount = Double(evidence) / (Double(evidence) + 6)
        return max(0, min(1, clean * lead * amount))
    }

    /// Up to `sampleLimit` bytes: the whole input when small, else four slices spread over it,
    /// each starting after an ASCII byte so that no slice begins inside a character.
    static func makeSample(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let n = bytes.count
        guard n > sampleLimit else { return Array(bytes) }
        let slice = sampleLimit / 4
        var out: [UInt8] = []
        out.reserveCapacity(sampleLimit + 8)
        for k in 0..<4 {
            var start = k == 3 ? n - slice : (n - slice) * k / 3
            if k > 0 {
                var moved = 0
                while start < n, moved < 64, bytes[start] >= 0x80 { start += 1; moved += 1 }
            }
            let end = min(n, start + slice)
            if k > 0 { out.append(0x0A) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        return out
    }
}
