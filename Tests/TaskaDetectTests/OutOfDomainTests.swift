import Testing
import TaskaCore
@testable import TaskaDetect

/// Text written unlike the corpora: other schwa letters, sparse harakat, names and numbers.
@Suite struct OutOfDomainTests {
    func features(_ text: String, script: CharacterClass = .latin) -> (features: [Int32], trigrams: [UInt64], letters: Int) {
        var extractor = FeatureExtractor()
        let scalars = ScalarValues.of(text)
        scalars.withUnsafeBufferPointer { extractor.extract($0, 0..<$0.count, script: script, bucketMask: (1 << 19) - 1) }
        return (Array(extractor.features), Array(extractor.trigrams), extractor.letters)
    }

    /// ǝ (standard orthography), ə (IPA) and Cyrillic ә are one letter to the model, in either case.
    @Test func everySchwaGivesTheSameFeatures() {
        let forms = ["kǝla nǝm", "kəla nəm", "kәla nәm", "Kǝla nǝm", "Kəla nəm", "Kәla nәm", "KƎLA", "KƏLA", "KӘLA"]
        let first = features(forms[0])
        for form in forms.dropFirst(1).prefix(5) {
            #expect(features(form).features == first.features, "\(form)")
        }
        let word = features("kǝla")
        for form in forms.suffix(3) {
            #expect(features(form).features == word.features, "\(form)")
        }
    }

    /// A capitalised word inside a sentence is a name and adds nothing; the first word of a
    /// sentence, a one-letter `I` and a heading in capitals still count.
    @Test func namesInsideSentencesAreLeftOut() {
        let plain = features("ya ce za a buɗe makarantu")
        let named = features("ya ce Shekau za a buɗe Maiduguri makarantu")
        #expect(named.features == plain.features)
        #expect(named.letters == plain.letters)
        #expect(features("Ya ce za a buɗe").letters == 11)
        #expect(features("an ce. Ya ce").letters == 8)
        #expect(features("you and I know").letters == 11)
        // Mostly capitals: nothing is left out.
        #expect(features("SANARWA GA MATAFIYA a Maiduguri").letters == 27)
    }

    /// Arabic script with Latin names and digits in it stays Arabic script.
    @Test func latinNamesInsideArabicKeepArabicScript() throws {
        let text = "قال Abubakar Shekau إن الهجوم وقع في Maiduguri يوم ١٢ مارس 2024"
        let p = try LanguageIdentifier.shipped().identify(text)
        #expect(p.tag == "ar-Arab", "\(p.tag) \(p.confidence)")
        // The same Latin words in Latin-script text are Latin script.
        #expect(try LanguageIdentifier.shipped().identify("Abubakar Shekau Maiduguri").script == "Latn")
    }

    /// Kanuri Ajami with its harakat removed at every rate stays Kanuri.
    @Test(arguments: [0, 1, 2, 3, 4])
    func kanuriAjamiAtEveryStrippingRate(quarters: Int) throws {
        let vocalised = "أَسِبِتِ دَمَسَكْبِيٰ غِدَنْ سَوْرُو كَمُوَرُو كُوزٗنَ، شِ نْدَرُو كُرُ سَنْدِي يَاكْتٗمَيْنْ"
        var k = 0
        let stripped = String(String.UnicodeScalarView(vocalised.unicodeScalars.filter {
            guard CharacterClass.of($0.value) == .arabicMark else { return true }
            k += 1
            return k % 4 >= quarters
        }))
        #expect(try LanguageIdentifier.shipped().identify(stripped).tag == "knc-Arab", "\(stripped)")
    }

    /// Training variations: marks removed by quarters, names and numbers put between words, and
    /// nothing else changed; the same example always gives the same text.
    @Test func trainingVariationsOnlyDoWhatTheySay() {
        var corpus = ModelTrainer.ScriptCorpus(script: "Arab")
        let line = "كَتَبَ الوَلَدُ دَرْسَهُ فِي البَيْتِ"
        corpus.starts = [0]
        corpus.scalars = line.unicodeScalars.map(\.value)
        corpus.ends = [corpus.scalars.count]
        corpus.labels = [0]
        corpus.names = [Array("Fatima".unicodeScalars.map(\.value))]
        let letters = corpus.scalars.filter { CharacterClass.of($0) != .arabicMark }
        let marks = corpus.scalars.count - letters.count
        var variation = Variation()
        for strip in UInt8(0)...4 {
            variation.write(Example(line: 0, cut: 0, strip: strip, names: false), corpus: corpus, seed: 7)
            let kept = variation.buffer.filter { CharacterClass.of($0) == .arabicMark }.count
            #expect(variation.buffer.filter { CharacterClass.of($0) != .arabicMark } == letters)
            switch strip {
            case 0: #expect(kept == marks)
            case 4: #expect(kept == 0)
            default: #expect(kept < marks && kept > 0, "strip \(strip): \(kept) of \(marks)")
            }
            let again = variation.buffer
            variation.write(Example(line: 0, cut: 0, strip: strip, names: false), corpus: corpus, seed: 7)
            #expect(variation.buffer == again)
        }
        var inserted = false, opened = false
        for seed in UInt64(0)..<40 {
            variation.write(Example(line: 0, cut: 0, strip: 0, names: true), corpus: corpus, seed: seed)
            let text = String(String.UnicodeScalarView(variation.buffer.compactMap(Unicode.Scalar.init)))
            // Only names and numbers were put in, between words or (a dateline) before the first.
            let removed = text.split(separator: " ").filter { $0 != "Fatima" && !$0.allSatisfy(\.isNumber) }.joined(separator: " ")
            #expect(removed == line, "\(text)")
            if text != line { inserted = true }
            if text.hasPrefix("Fatima ") { opened = true }
        }
        #expect(inserted && opened)
        variation.write(Example(line: 0, cut: 5, strip: 0, names: false), corpus: corpus, seed: 1)
        #expect(variation.buffer == Array(corpus.scalars.prefix(5)))
    }

    /// Names for the variations are capitalised words that never occur in lower case.
    @Test func namesAreCapitalisedWordsNeverWrittenLower() {
        let text = "The man met Fatima in Kano.\nHe said Just that.\nit is just so, and Kano is far\n"
        let names = ModelTrainer.names(in: text).map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) }
        #expect(names == ["Fatima", "Kano"])
    }
}

@Suite struct NamesInSegmentsTests {
    /// Latin names inside an Arabic sentence are part of its `ar` segment, not a Latin segment.
    @Test func latinNamesStayInTheArabicSegment() throws {
        let tagger = SegmentTagger(identifier: try LanguageIdentifier.shipped())
        let text = "قال Abubakar Shekau إن الهجوم وقع في Maiduguri يوم ١٢ مارس 2024"
        let tagging = tagger.tag(text)
        #expect(tagging.segments.map(\.tag) == ["ar-Arab"], "\(tagging.segments)")
        // Lower-case Latin words inside Arabic are a language of their own.
        let mixed = "Malam ya ce wa jama'a a masallaci: إن الله مع الصابرين kuma ya yi addu'a sosai"
        #expect(tagger.tag(mixed).segments.map(\.tag) == ["ha-Latn", "ar-Arab", "ha-Latn"])
    }
}
