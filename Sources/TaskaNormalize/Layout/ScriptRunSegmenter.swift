import TaskaCore

/// Splits paragraphs into script runs and measures the scripts of a text.
///
/// Runs come from ICU script properties (via CICUShim, one call per paragraph) and are turned
/// into Unicode scalar offsets. Shares count only script-bearing characters: Common (`Zyyy`:
/// spaces, digits, punctuation), Inherited (`Zinh`: combining marks) and Unknown are excluded.
enum ScriptRunSegmenter {
    /// The script facts of one paragraph.
    struct ParagraphScripts: Sendable, Equatable {
        /// Runs with scalar offsets relative to the paragraph start.
        var runs: [ScriptRun]
        /// Script-bearing characters per ISO 15924 code.
        var counts: [String: Int]
        /// The script with the most characters (ties: alphabetical), `Zyyy` when none.
        var dominant: String
    }

    /// Script runs and counts of one paragraph given as UTF-16.
    static func paragraph(_ units: [UInt16]) throws(NormalizeError) -> ParagraphScripts {
        let raw = try ICUText.scriptRuns(units)
        var boundaries: [Int] = []
        boundaries.reserveCapacity(raw.count * 2)
        for run in raw {
            boundaries.append(run.start)
            boundaries.append(run.end)
        }
        let offsets = ScalarText.scalarOffsets(boundaries, in: units)
        var runs: [ScriptRun] = []
        runs.reserveCapacity(raw.count)
        var counts: [String: Int] = [:]
        for (k, run) in raw.enumerated() {
            runs.append(ScriptRun(start: offsets[2 * k], end: offsets[2 * k + 1], script: run.script))
            if run.scriptBearingCount > 0 { counts[run.script, default: 0] += run.scriptBearingCount }
        }
        return ParagraphScripts(runs: runs, counts: counts, dominant: dominant(counts))
    }

    /// The script with the largest count (ties broken alphabetically), `Zyyy` when empty.
    static func dominant(_ counts: [String: Int]) -> String {
        var best: (String, Int)?
        for (script, count) in counts {
            if let b = best, count < b.1 || (count == b.1 && script > b.0) { continue }
            best = (script, count)
        }
        return best?.0 ?? "Zyyy"
    }

    /// Shares of `counts`, sorted by share (descending) then code, rounded to 4 places with the
    /// largest-remainder method so that they add up to exactly 1 (10 000 ten-thousandths).
    static func shares(_ counts: [String: Int]) -> [ScriptShare] {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return [] }
        let unit = 10_000
        var parts: [(script: String, units: Int, remainder: Int)] = counts.map { script, count in
            let scaled = count * unit
            return (script, scaled / total, scaled % total)
        }
        var left = unit - parts.reduce(0) { $0 + $1.units }
        parts.sort { ($0.remainder, $1.script) > ($1.remainder, $0.script) }
        var k = 0
        while left > 0 {
            parts[k % parts.count].units += 1
            left -= 1
            k += 1
        }
        parts.sort { $0.units != $1.units ? $0.units > $1.units : $0.script < $1.script }
        return parts.map { ScriptShare(script: $0.script, share: Double($0.units) / Double(unit)) }
    }
}
