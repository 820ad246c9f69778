import Testing
@testable import TaskaNormalize

@Suite struct ICUTextTests {
    /// Every unit the ICU-free path accepts, alone and next to every other (composition works on
    /// pairs), normalises as ICU does; and text just past each range still goes to ICU.
    @Test(arguments: [ICUNormalizationForm.nfc, .nfkc, .nfd, .nfkd, .nfkcCasefold])
    func normalizationWithoutICUMatchesICU(form: ICUNormalizationForm) throws {
        var accepted: [UInt16] = []
        for u in UInt16(0)..<0x300 where ICUText.withoutICU([u], form: form) != nil { accepted.append(u) }
        #expect(accepted.count >= 0x80)
        for u in accepted {
            #expect(ICUText.withoutICU([u], form: form) == (try ICUText.normalizedByICU([u], form: form)), "U+\(String(u, radix: 16))")
        }
        var pairs: [UInt16] = []
        pairs.reserveCapacity(accepted.count * accepted.count * 2)
        for a in accepted { for b in accepted { pairs.append(a); pairs.append(b) } }
        #expect(ICUText.withoutICU(pairs, form: form) == (try ICUText.normalizedByICU(pairs, form: form)))
        // The first unit past the range sends the text to ICU.
        #expect(ICUText.withoutICU(accepted + [accepted.last! + 1], form: form) == nil)
    }

    @Test func versionIsICU72OrLater() {
        let major = Int(ICUText.version.split(separator: ".").first ?? "") ?? 0
        #expect(major >= 72)
    }

    @Test func normalizeRetriesWhenOutputGrows() throws {
        // U+FDFA expands to 18 code units under NFKC: far more than the first buffer guess.
        let input = [UInt16](repeating: 0xFDFA, count: 40)
        let out = try ICUText.normalize(input, form: .nfkc)
        #expect(out.count == 40 * 18)
        #expect(try ICUText.isNormalized(out, form: .nfkc))
        #expect(try !ICUText.isNormalized(input, form: .nfkc))
        #expect(try ICUText.normalize([], form: .nfc) == [])
    }

    @Test func bidiRunsAreGrowableAndLogical() throws {
        var text: [UInt16] = []
        for _ in 0..<30 { text += Array("ab مم ".utf16) }  // 61 level runs: more than the first guess
        let bidi = try ICUText.bidiRuns(text, level: .defaultLTR)
        #expect(bidi.hasBothDirections)
        #expect(bidi.paragraphLevel == 0)
        #expect(bidi.runs.count == 61)  // 30 RTL runs between 31 LTR ones
        #expect(bidi.runs.reduce(0) { $0 + $1.length } == text.count)
        #expect(try ICUText.baseDirectionIsRightToLeft(Array("مرحبا".utf16)) == true)
        #expect(try ICUText.baseDirectionIsRightToLeft(Array("42".utf16)) == nil)
    }

    @Test func scriptLookupsAndCodes() throws {
        #expect(try ICUText.script(of: "ƙ") == "Latn")
        #expect(try ICUText.script(of: "ب") == "Arab")
        #expect(try ICUText.script(of: " ") == "Zyyy")
        #expect(try ICUText.script(of: "\u{064E}") == "Zinh")
        #expect(ICUText.scriptNumber("Arab").map(ICUText.scriptCode) == "Arab")
        #expect(ICUText.scriptNumber("nope") == nil)
    }

    @Test func wordBoundariesKeepHausaApostropheWordsWhole() throws {
        let text = Array("ƙasa k'asa da".utf16)
        let words = try ICUText.boundaries(text, kind: .word)
        #expect(words.map(\.offset) == [0, 4, 5, 10, 11, 13])
        #expect(words[1].ruleStatus >= 200 && words[1].ruleStatus < 300)  // a letter word
        let sentences = try ICUText.boundaries(Array("Ina kwana? Lafiya lau.".utf16), kind: .sentence, locale: "ha")
        #expect(sentences.map(\.offset) == [0, 11, 22])
    }

    @Test func errorsAreTypedAndSayWhatToDo() {
        let error = NormalizeError.icu(function: "unorm2_normalize", status: .memoryAllocation)
        #expect(error.status == .memoryAllocation)
        #expect(error.description.contains("unorm2_normalize"))
        #expect(error.description.contains("U_MEMORY_ALLOCATION_ERROR"))
        #expect(error.description.contains("split the input"))
        #expect(ICUStatus.bufferOverflow.name == "U_BUFFER_OVERFLOW_ERROR")
        #expect(NormalizeError.textTooLong(utf16Length: 3_000_000_000).description.contains("smaller blocks"))
        #expect(throws: NormalizeError.icu(function: "test", status: .illegalArgument)) {
            try ICUText.icuCall("test") { status in status = 1 }
        }
    }
}
