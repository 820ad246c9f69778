import Testing
@testable import TaskaCore

/// The folds that make reposts meet, and the same-post rule that keeps look-alikes apart.
@Suite struct RepostFingerprintTests {
    // Search keys as the normalize stage writes them: casefolded, harakat and tatweel gone.
    let hausa = "jami'an tsaro sun ceto ɗalibai 23 da aka sace a makarantar garin dapchi ranar talata.\nsun ce za a mayar da su gida gobe."

    @Test func hooksApostrophesAndWrappersFold() {
        let plain = RepostFingerprint(searchKey: "jamian tsaro sun ceto dalibai 23 da aka sace a makarantar garin dapchi ranar talata.\nsun ce za a mayar da su gida gobe.")
        let copy = RepostFingerprint(searchKey: "forwarded from labarai na yau\n" + hausa + " #borno #arewa 🔥 https://t.me/labarai @labarai")
        #expect(RepostFingerprint(searchKey: hausa) == plain)
        #expect(copy == plain, "header line, hashtags, emoji, link and handle are not part of the post")
    }

    @Test func forwardedFromRunningOnDropsOnlyTheChannelName() {
        // The name is taken as four words: here three, and the post's first word goes with them.
        let joined = RepostFingerprint(searchKey: "forwarded from labaran borno 24 " + hausa)
        let own = RepostFingerprint(searchKey: hausa)
        #expect(joined.wordCount == own.wordCount - 1)
        #expect(joined.isSamePost(as: own, containment: 0.7))
    }

    @Test func aSentenceQuotedInLongerPostsIsNotTheirRepost() {
        let slogan = RepostFingerprint(searchKey: "ku biyo mu domin samun labarai daga yankin tafkin chadi kowace rana")
        let post = RepostFingerprint(searchKey: hausa + "\nku biyo mu domin samun labarai daga yankin tafkin chadi kowace rana")
        #expect(!slogan.isSamePost(as: post, containment: 0.7), "a footer alone would chain every post that carries it")
    }

    @Test func numbersAreFlagged() {
        let fp = RepostFingerprint(searchKey: "mutane 12 sun mutu")
        #expect(fp.words.map { $0 & RepostFingerprint.numberBit != 0 } == [false, true, false, false])
    }

    @Test func encodingRoundTrips() {
        let fp = RepostFingerprint(searchKey: hausa)
        #expect(RepostFingerprint(encoded: fp.encoded) == fp)
        #expect(RepostFingerprint(encoded: [1, 2, 3]) == nil)
        #expect(RepostFingerprint(encoded: [1, 0, 0, 0]) == nil, "a line without its end marker")
    }

    @Test func trimmedCopyWithHeaderIsTheSamePost() {
        let original = RepostFingerprint(searchKey: hausa)
        let trimmed = RepostFingerprint(searchKey: "da dumi-dumi:\njami'an tsaro sun ceto ɗalibai 23 da aka sace a makarantar garin dapchi ranar talata.\n— muryar arewa")
        #expect(trimmed.isSamePost(as: original, containment: 0.7))
        #expect(original.isSamePost(as: trimmed, containment: 0.7), "the rule is symmetric")
    }

    @Test func templateInstancesAreNotTheSamePost() {
        let a = RepostFingerprint(searchKey: "at least 44 people were killed when gunmen attacked dikwa in borno state, residents said.")
        let otherNumber = RepostFingerprint(searchKey: "at least 41 people were killed when gunmen attacked dikwa in borno state, residents said.")
        let otherPlace = RepostFingerprint(searchKey: "at least 44 people were killed when gunmen attacked ngala in borno state, residents said.")
        #expect(!a.isSamePost(as: otherNumber, containment: 0.7), "a different number is a different report")
        #expect(!a.isSamePost(as: otherPlace, containment: 0.7), "a different place inside the sentence is a different report")
    }

    @Test func arabicVariantsMeet() {
        // Search keys already lost harakat, tatweel and alef/ta-marbuta variants; hamza seats fold here.
        let a = RepostFingerprint(searchKey: "قالت مصادر محليه ان المسلحين هاجموا قريه قرب بحيره تشاد مساء الجمعه")
        let b = RepostFingerprint(searchKey: "عاجل:\nقالت مصادر محليه ان المسلحين هاجموا قريه قرب بحيره تشاد مساء الجمعه!!\n📡 @akhbar")
        #expect(a.isSamePost(as: b, containment: 0.7))
        #expect(RepostFingerprint(searchKey: "سئل").words == RepostFingerprint(searchKey: "سيل").words)
    }

    @Test func unrelatedTextsShareNoBandAndDoNotMatch() {
        let a = RepostFingerprint(searchKey: hausa)
        let b = RepostFingerprint(searchKey: "kungiyar manoma ta bukaci gwamnati ta samar da takin zamani kafin damina ta fara a jihar yobe.")
        #expect(!a.isSamePost(as: b, containment: 0.7))
        #expect(Set(a.bandKeys(bands: 20, rows: 3)).isDisjoint(with: b.bandKeys(bands: 20, rows: 3)))
    }

    @Test func nearDuplicatesShareABand() {
        let a = RepostFingerprint(searchKey: hausa)
        let b = RepostFingerprint(searchKey: "sanarwa:\n" + hausa + "\nku biyo mu")
        let shared = Set(a.bandKeys(bands: 20, rows: 3)).intersection(b.bandKeys(bands: 20, rows: 3))
        #expect(!shared.isEmpty)
        #expect(a.bandKeys(bands: 20, rows: 3) == a.bandKeys(bands: 20, rows: 3), "band keys are deterministic")
    }

    @Test func longTextsAreCappedNotRefused() {
        let long = String(repeating: "kalma ", count: 100_000)
        let fp = RepostFingerprint(searchKey: long, maxWords: 4096)
        #expect(fp.wordCount == 4096)
    }

    @Test func wordsAreCountedInTheEncodedBytesAndLengthsCheckedFirst() {
        let post = RepostFingerprint(searchKey: hausa)
        let encoded = post.encoded
        #expect(encoded.withUnsafeBytes { RepostFingerprint.wordCount(encoded: $0) } == post.wordCount)
        #expect(RepostFingerprint.lengthsMayMatch(10, 20) && RepostFingerprint.lengthsMayMatch(20, 10))
        #expect(!RepostFingerprint.lengthsMayMatch(9, 20) && !RepostFingerprint.lengthsMayMatch(0, 0))
        // The prepared rule is the rule: a trimmed copy matches both ways, a footer does not.
        let trimmed = RepostFingerprint(searchKey: String(hausa.split(separator: "\n")[0]))
        let a = RepostFingerprint.Prepared(post), b = RepostFingerprint.Prepared(trimmed)
        #expect(a.isSamePost(as: b, containment: 0.7) == post.isSamePost(as: trimmed, containment: 0.7))
        #expect(b.isSamePost(as: a, containment: 0.7) == a.isSamePost(as: b, containment: 0.7))
    }

    @Test func runsReadFromTheEncodedBytesAreRuleOne() {
        // Posts of 1 to 40 words over a small vocabulary (so runs repeat and overlap), both ways
        // round, against rule 1 computed from the decoded fingerprints' run sets.
        var state: UInt64 = 7
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let vocabulary = ["sun", "ce", "jami'an", "tsaro", "garin", "dapchi", "23", "ranar", "talata", "gobe", "kasuwa", "4"]
        func text(_ words: [String]) -> RepostFingerprint {
            RepostFingerprint(searchKey: words.enumerated().map { $0.offset > 0 && next(9) == 0 ? "\n" + $0.element : $0.element }.joined(separator: " "))
        }
        var agreed = 0, passed = 0
        for _ in 0..<2_000 {
            let words = (0...next(40)).map { _ in vocabulary[next(vocabulary.count)] }
            // Half the time a copy with a few words changed and an end trimmed, else another post.
            var other = (0...next(40)).map { _ in vocabulary[next(vocabulary.count)] }
            if next(2) == 0 {
                other = Array(words.prefix(words.count - next(words.count / 3 + 1)))
                for _ in 0..<next(4) where !other.isEmpty { other[next(other.count)] = vocabulary[next(vocabulary.count)] }
            }
            let mine = text(words), theirs = text(other)
            let prepared = RepostFingerprint.Prepared(mine)
            let short = mine.wordCount <= theirs.wordCount ? mine : theirs
            let long = mine.wordCount <= theirs.wordCount ? theirs : mine
            let shortRuns = Set(short.shingles), longRuns = Set(long.shingles)
            let rule1 = Double(shortRuns.intersection(longRuns).count) >= 0.7 * Double(shortRuns.count)
            let fromBytes = theirs.encoded.withUnsafeBytes { prepared.sharesEnoughRuns(withEncoded: $0, containment: 0.7) }
            if fromBytes == rule1 { agreed += 1 }
            if fromBytes { passed += 1 }
            // Never a same post rejected before the rule is applied in full.
            if prepared.isSamePost(as: .init(theirs), containment: 0.7) { #expect(fromBytes) }
        }
        #expect(agreed == 2_000)
        #expect(passed > 100 && passed < 1_900, "both outcomes occur (\(passed) passed)")
    }
}
