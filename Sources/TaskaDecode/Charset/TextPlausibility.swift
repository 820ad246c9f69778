#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures how much a decoded text looks like real writing, to choose between charsets.
///
/// A wrong single-byte charset leaves tell-tale traces: letters of two scripts inside one word
/// (ISO-8859-6 Arabic read as windows-1256 puts `è ê` between Arabic letters), runs of
/// accented capitals (`ÇáÚÑÈíÉ`, windows-1256 Arabic read as windows-1252), unassigned bytes
/// (U+FFFD), C1 controls, symbols squeezed between letters, vowel marks with no letter before
/// them. The right charset gives clean single-script words, and for Arabic the article `ال`
/// at the start of many words and the usual letter frequencies. Only non-ASCII code points
/// carry evidence; ASCII decodes the same in every candidate.
struct TextPlausibility: Sendable, Equatable {
    /// Non-ASCII code points seen.
    var nonASCII = 0
    /// U+FFFD produced by the converter (unassigned or illegal bytes).
    var replacements = 0
    /// C1 controls and private-use characters.
    var controls = 0
    /// Non-ASCII letters in words of a single script and a plausible shape.
    var goodLetters = 0
    /// Combining marks that follow a letter.
    var goodMarks = 0
    /// Other non-ASCII characters (punctuation, symbols, digits) in ordinary places.
    var neutral = 0
    /// Non-ASCII letters in words that mix scripts.
    var mixedLetters = 0
    /// Non-ASCII Latin letters in implausible shapes (3+ accented letters in a row, words of
    /// accented letters only, case flips inside a word).
    var implausibleLatin = 0
    /// Combining marks with no letter before them.
    var strayMarks = 0
    /// Non-ASCII symbols squeezed between two letters.
    var symbolsInWords = 0
    /// Arabic letters, and the words made of them.
    var arabicLetters = 0
    var arabicWords = 0
    /// Arabic words that start with the article `ال`.
    var articleWords = 0
    /// Sum of the log frequencies of the Arabic letters.
    var arabicLogFrequency = 0.0

    /// The plausibility score: about 1 for clean text, negative for garbage; 0 without evidence.
    var score: Double {
        guard nonASCII > 0 else { return 0 }
        let n = Double(nonASCII)
        let good = Double(goodLetters + goodMarks) + 0.6 * Double(neutral)
        let bad = 3.0 * Double(replacements) + 2.0 * Double(controls) + 1.5 * Double(mixedLetters)
            + 1.2 * Double(implausibleLatin) + Double(strayMarks) + Double(symbolsInWords)
        var s = (good - bad) / n
        if arabicLetters >= 10 {
            let share = min(1, Double(arabicLetters) / n)
            if arabicWords >= 3 {
                let ratio = Double(articleWords) / Double(arabicWords)
                s += 0.15 * share * (min(1, ratio / 0.15) * 2 - 1)
            }
            let average = arabicLogFrequency / Double(arabicLetters)
            s += 0.15 * share * max(-1, min(1, (average + 3.6) / 0.8))
        }
        return s
    }

    /// Measures UTF-16 code units.
    static func measure(_ units: UnsafeBufferPointer<UInt16>) -> TextPlausibility {
        var m = TextPlausibility()
        var word = WordState()
        var previousWasLetter = false
        var symbolAfterLetter = false
        var i = 0
        let n = units.count
        while i < n {
            var cp = UInt32(units[i])
            i += 1
            if cp >= 0xD800 && cp <= 0xDBFF, i < n, units[i] >= 0xDC00 && units[i] <= 0xDFFF {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                i += 1
            }
            if cp >= 0x80 { m.nonASCII += 1 }
            let kind = classify(cp)
            switch kind {
            case .letter(let script):
                if symbolAfterLetter { m.symbolsInWords += 1 }
                symbolAfterLetter = false
                word.add(cp, script: script)
                previousWasLetter = true
            case .mark:
                if word.letters > 0 && word.marksInRow < 3 && TextPlausibility.markFits(cp, afterScript: word.lastScript) {
                    m.goodMarks += 1
                } else {
                    m.strayMarks += 1
                }
                word.marksInRow += 1
                symbolAfterLetter = false
            case .joiner:
                // Tatweel, ZWNJ/ZWJ: inside a word they are fine; elsewhere neutral.
                m.neutral += cp >= 0x80 ? 1 : 0
                symbolAfterLetter = false
            case .symbol:
                m.neutral += 1
                m.finish(&word)
                symbolAfterLetter = previousWasLetter && !isWordInternalPunctuation(cp)
                previousWasLetter = false
            case .boundary:
                m.finish(&word)
                symbolAfterLetter = false
                previousWasLetter = false
            case .replacement:
                m.replacements += 1
                m.finish(&word)
                symbolAfterLetter = false
                previousWasLetter = false
            case .control:
                m.controls += 1
                m.finish(&word)
                symbolAfterLetter = false
                previousWasLetter = false
            }
        }
        m.finish(&word)
        return m
    }

    /// Measures a buffer of code units held in an array.
    static func measure(_ units: [UInt16]) -> TextPlausibility {
        units.withUnsafeBufferPointer { measure($0) }
    }

    // MARK: - Words

    private mutating func finish(_ w: inout WordState) {
        defer { w = WordState() }
        guard w.letters > 0 else { return }
        let scripts = w.scripts
        let singleScript = scripts & (scripts - 1) == 0
        if !singleScript {
            mixedLetters += w.nonASCIILetters
            return
        }
        if scripts == Script.latin.rawValue {
            guard w.nonASCIILetters > 0 else { return }
            var implausible = w.caseFlips
            if w.maxAccentedRun >= 3 || (w.asciiLetters == 0 && w.nonASCIILetters >= 2) {
                implausible = w.nonASCIILetters
            }
            implausible = min(implausible, w.nonASCIILetters)
            implausibleLatin += implausible
            goodLetters += w.nonASCIILetters - implausible
        } else if scripts == Script.arabic.rawValue {
            goodLetters += w.nonASCIILetters
            arabicLetters += w.arabicLetters
            arabicLogFrequency += w.arabicLogFrequency
            arabicWords += 1
            if w.startsWithArticle { articleWords += 1 }
        } else {
            goodLetters += w.nonASCIILetters
        }
    }

    private struct WordState {
        var letters = 0
        var asciiLetters = 0
        var nonASCIILetters = 0
        var scripts: UInt32 = 0
        var accentedRun = 0
        var maxAccentedRun = 0
        var caseFlips = 0
        var lastWasLower = false
        var lastScript: UInt32 = 0
        var marksInRow = 0
        var first: UInt32 = 0
        var startsWithArticle = false
        var arabicLetters = 0
        var arabicLogFrequency = 0.0

        mutating func add(_ cp: UInt32, script: Script) {
            letters += 1
            marksInRow = 0
            scripts |= script.rawValue
            lastScript = script.rawValue
            if letters == 1 { first = cp }
            if letters == 2 && first == 0x0627 && cp == 0x0644 { startsWithArticle = true }
            if cp < 0x80 { asciiLetters += 1 } else { nonASCIILetters += 1 }
            if script == .latin {
                if cp >= 0x80 {
                    accentedRun += 1
                    maxAccentedRun = max(maxAccentedRun, accentedRun)
                } else {
                    accentedRun = 0
                }
                let (isUpper, isLower) = TextPlausibility.latinCase(cp)
                if isUpper && lastWasLower && letters > 1 && (cp >= 0x80) { caseFlips += 1 }
                lastWasLower = isLower
            } else {
                accentedRun = 0
                lastWasLower = false
            }
            if script == .arabic {
                arabicLetters += 1
                arabicLogFrequency += TextPlausibility.arabicLogFrequency(cp)
            }
        }
    }

    // MARK: - Character classes

    enum Script: UInt32 {
        case latin = 1, arabic = 2, cyrillic = 4, greek = 8, hebrew = 16, cjk = 32, thai = 64, other = 128
    }

    enum Kind {
        case letter(Script)
        case mark
        case joiner
        case symbol
        case boundary
        case replacement
        case control
    }

    static func classify(_ cp: UInt32) -> Kind {
        switch cp {
        case 0x41...0x5A, 0x61...0x7A: return .letter(.latin)
        case 0x00..<0x80: return .boundary
        case 0x80...0x9F: return .control
        case 0xA0...0xBF, 0xD7, 0xF7: return .symbol
        case 0xC0...0x24F, 0x250...0x2AF, 0x1E00...0x1EFF: return .letter(.latin)
        case 0x2B0...0x2FF: return .symbol
        case 0x300...0x36F: return .mark
        case 0x370...0x3FF: return cp >= 0x386 ? .letter(.greek) : .symbol
        case 0x400...0x52F: return .letter(.cyrillic)
        case 0x591...0x5C7: return .mark
        case 0x5D0...0x5F2: return .letter(.hebrew)
        case 0x640: return .joiner
        case 0x620...0x64A, 0x66E, 0x66F, 0x671...0x6D3, 0x6D5, 0x6EE, 0x6EF, 0x6FA...0x6FF, 0x750...0x77F:
            return .letter(.arabic)
        case 0x64B...0x65F, 0x670, 0x6D6...0x6ED: return .mark
        case 0x600...0x6FF: return .symbol  // Arabic punctuation and digits
        case 0x900...0xDFF: return .letter(.other)
        case 0xE00...0xE7F: return .letter(.thai)
        case 0x10A0...0x10FF: return .letter(.other)
        case 0x1100...0x11FF, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF:
            return .letter(.cjk)
        case 0x200C, 0x200D: return .joiner
        case 0xE000...0xF8FF: return .control
        case 0xFB50...0xFDFF, 0xFE70...0xFEFC: return .letter(.arabic)
        case 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF66...0xFF9F: return .letter(.cjk)
        case 0xFFFD: return .replacement
        default: return .symbol
        }
    }

    /// Whether a combining mark belongs after a letter of `script` (Arabic harakat after Arabic
    /// letters, Hebrew points after Hebrew, combining diacritics after Latin/Greek/Cyrillic).
    static func markFits(_ cp: UInt32, afterScript script: UInt32) -> Bool {
        switch cp {
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED: return script == Script.arabic.rawValue
        case 0x0591...0x05C7: return script == Script.hebrew.rawValue
        case 0x0300...0x036F:
            return script == Script.latin.rawValue || script == Script.greek.rawValue || script == Script.cyrillic.rawValue
        default: return true
        }
    }

    /// Characters that may sit between two letters of one word (apostrophes, hyphens, middle dot).
    private static func isWordInternalPunctuation(_ cp: UInt32) -> Bool {
        cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B7 || cp == 0x2010 || cp == 0x2011 || cp == 0x00AD
    }

    /// (isUpper, isLower) for ASCII and Latin-1 letters; other Latin letters count as neither.
    static func latinCase(_ cp: UInt32) -> (Bool, Bool) {
        switch cp {
        case 0x41...0x5A, 0xC0...0xDE: return (true, false)
        case 0x61...0x7A, 0xDF...0xFF: return (false, true)
        default: return (false, false)
        }
    }

    /// Natural log of the approximate frequency of an Arabic letter in running text.
    static func arabicLogFrequency(_ cp: UInt32) -> Double {
        guard cp >= 0x0621 && cp <= 0x064A else { return -6.2 }
        return arabicLogTable[Int(cp - 0x0621)]
    }

    /// ln(frequency) for U+0621...U+064A, from approximate letter frequencies of Arabic prose.
    private static let arabicLogTable: [Double] = {
        // Percent of letters, U+0621 ء ... U+064A ي (0 for the unused U+063B...U+0640).
        let percent: [Double] = [
            0.3, 0.2, 2.5, 0.2, 1.2, 0.5, 12.5, 3.7, 2.9, 4.0,  // ء آ أ ؤ إ ئ ا ب ة ت
            0.6, 1.5, 2.0, 0.9, 2.8, 0.7, 4.6, 0.6, 2.3, 1.0,  // ث ج ح خ د ذ ر ز س ش
            1.0, 0.6, 1.0, 0.2, 3.2, 0.5, 0, 0, 0, 0,          // ص ض ط ظ ع غ ؛…
            0, 0, 2.9, 2.2, 2.2, 11.0, 6.2, 5.6, 3.5, 5.7,     // ـ ف ق ك ل م ن ه و
            1.1, 6.8,                                          // ى ي
        ]
        return percent.map { $0 > 0 ? log($0 / 100) : -6.2 }
    }()
}

