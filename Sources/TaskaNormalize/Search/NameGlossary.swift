import TaskaCore

/// The generic words of place, group and organisation names in English, Hausa and Arabic (lake,
/// army, international, state…), so that a name that is translated rather than transliterated
/// meets its other forms: `Lake Chad`, `Tafkin Chadi`, `بحيرة تشاد`.
///
/// Why only generic words: the proper part of such a name (Chad, تشاد) is still matched by its
/// skeleton; the glossary names no person, place or group, so it serves names it has never seen.
struct NameGlossary: Sendable {
    enum Language: Int, CaseIterable, Sendable { case en, ha, ar }

    /// One concept: its forms per language, each a phrase of folded words.
    struct Concept: Sendable {
        var forms: [[[UInt32]]]  // indexed by Language.rawValue; each form is words joined by 0x20
    }

    /// A phrase of the query the glossary knows.
    struct Match: Equatable {
        var concept: Int
        var language: Language
        var range: Range<Int>  // query word indices
    }

    /// A slot of a translation: a glossary phrase's forms in the target language, or a word of
    /// the query kept as it is (a name, matched by its skeleton).
    struct Slot {
        var phrases: [[UInt32]]
        var isGlossaryWord: Bool
    }

    /// Longest phrase, in words, looked up.
    static let maxPhraseWords = 3

    private(set) var concepts: [Concept] = []
    /// Folded phrase → (concept, language).
    private var index: [[UInt32]: (Int, Language)] = [:]
    /// Folded words dropped from a translation when the query has a glossary phrase.
    private var connectives: Set<[UInt32]> = []

    /// `en forms ; ha forms ; ar forms`, forms separated by commas. Hausa forms include the
    /// linked forms names use (`tafkin`, `jihar`); Arabic forms are written without the article
    /// when the skeleton drops it anyway (`جيش` meets `الجيش`), with it when it is fused (`للصليب`).
    static let table = """
        lake ; tafki, tafkin ; بحيرة, بحيره
        river ; kogi, kogin ; نهر
        forest ; daji, dajin ; غابة, غابات
        mountains, hills ; tsaunuka, tsaunin, duwatsu ; جبال
        basin ; yankin ; حوض
        state ; jiha, jihar ; ولاية
        province ; lardi, lardin ; ولاية, إقليم
        region ; yanki, yankin ; منطقة, إقليم
        local government ; karamar hukuma, karamar hukumar ; حكومة محلية
        city ; birni, birnin ; مدينة
        village ; kauye, kauyen ; قرية
        west, western ; yamma, yammacin ; غرب, الغربية
        east, eastern ; gabas, gabashin ; شرق, الشرقية
        north, northern ; arewa, arewacin ; شمال, الشمالية
        south, southern ; kudu, kudancin ; جنوب, الجنوبية
        central, centre, center ; tsakiya, tsakiyar ; وسط
        africa, african ; afirka, afrika ; إفريقيا, أفريقيا, إفريقية, أفريقية, افريقيا, افريقية, الإفريقي, الأفريقي
        nigeria, nigerian ; najeriya ; نيجيريا, النيجيري, النيجيرية
        chad, chadian ; chadi, cadi ; تشاد, التشادي, التشادية
        cameroon, cameroonian ; kamaru ; الكاميرون, الكاميروني
        niger ; nijar ; النيجر
        army ; soja, sojan, sojoji, sojojin, rundunar soja, rundunar sojin ; جيش
        soldiers, troops ; sojoji ; جنود, قوات
        police ; 'yan sanda ; شرطة
        air force ; sojin sama, rundunar sojin sama ; القوات الجوية, سلاح الجو
        navy ; sojin ruwa ; البحرية
        force, forces ; runduna, rundunar ; قوة, قوات
        task force ; rundunar hadin gwiwa ; قوة العمل, قوة مهام
        joint ; hadin gwiwa ; مشتركة
        multinational, multi-national ; ; متعددة الجنسيات
        international ; kasa da kasa, na duniya ; الدولية, دولية, الدولي
        committee ; kwamiti, kwamitin ; لجنة
        red ; ja ; الأحمر, أحمر
        cross ; kuros ; الصليب, للصليب
        crescent ; jinjirin wata ; الهلال
        amnesty ; afuwa ; العفو
        organisation, organization ; kungiya, kungiyar ; منظمة
        united nations ; majalisar dinkin duniya ; الأمم المتحدة
        union ; tarayya, tarayyar ; اتحاد
        islamic ; musulunci, na musulunci ; الإسلامية, إسلامية, الإسلامي
        islamic state ; daular musulunci, daular islama ; الدولة الإسلامية
        group ; kungiya, kungiyar ; جماعة
        movement ; kungiya, kungiyar ; حركة
        government ; gwamnati, gwamnatin ; حكومة
        ministry ; ma'aikata, ma'aikatar ; وزارة
        council ; majalisa, majalisar ; مجلس
        university ; jami'a, jami'ar ; جامعة
        school ; makaranta, makarantar ; مدرسة
        hospital ; asibiti, asibitin ; مستشفى
        market ; kasuwa, kasuwar ; سوق
        camp ; sansani, sansanin ; مخيم
        mosque ; masallaci, masallacin ; مسجد
        bridge ; gada, gadar ; جسر
        road, highway ; hanya, hanyar ; طريق
        emirate ; masarauta, masarautar ; إمارة
        emir ; sarki, sarkin ; أمير
        world ; duniya ; العالم, العالمية
        health ; lafiya ; الصحة
        human rights ; 'yancin dan adam ; حقوق الإنسان
        """

    /// Words left out of a translation: they have no counterpart a document would spell.
    static let connectiveWords = ["of", "the", "and", "for", "da", "na", "ta"]

    init(folding: TextNormalizer) {
        func fold(_ phrase: Substring) -> [UInt32]? {
            let key = folding.searchKey(folding.normalize(String(phrase)))
            let words = NameSkeleton.words(of: key.unicodeScalars)
            guard !words.isEmpty, words.count <= Self.maxPhraseWords else { return nil }
            return Array(words.map(Self.key).joined(separator: [0x20]))
        }
        for line in Self.table.split(separator: "\n") {
            let columns = line.split(separator: ";", omittingEmptySubsequences: false)
            guard columns.count == Language.allCases.count else { continue }
            var concept = Concept(forms: [])
            for (k, column) in columns.enumerated() {
                let forms = column.split(separator: ",").compactMap { fold($0) }
                concept.forms.append(forms)
                for form in forms where index[form] == nil {
                    index[form] = (concepts.count, Language(rawValue: k)!)
                }
            }
            concepts.append(concept)
        }
        connectives = Set(Self.connectiveWords.compactMap { fold($0[...]) })
    }

    /// A folded word as the glossary compares it: an Arabic word without its article and the
    /// proclitic before it (`والجيش`, `للصليب` → `جيش`, `صليب`); other words as they are.
    static func key(_ word: [UInt32]) -> [UInt32] {
        guard let first = word.first, (0x0600...0x06FF).contains(first) else { return word }
        var w = word[...]
        let alef: UInt32 = 0x0627, lam: UInt32 = 0x0644
        if w.count >= 5, SkeletonLetters.proclitics.contains(w[w.startIndex]),
           w[w.startIndex + 1] == alef, w[w.startIndex + 2] == lam {
            w = w.dropFirst()
        }
        if w.count >= 4, w[w.startIndex] == alef, w[w.startIndex + 1] == lam {
            w = w.dropFirst(2)
        } else if w.count >= 5, w[w.startIndex] == lam, w[w.startIndex + 1] == lam {
            w = w.dropFirst(2)
        }
        return Array(w)
    }

    /// The glossary phrases of `words` (folded query words), longest first, left to right.
    func matches(in words: [[UInt32]]) -> [Match] {
        var out: [Match] = []
        var k = 0
        while k < words.count {
            var found: Match?
            for length in stride(from: min(Self.maxPhraseWords, words.count - k), through: 1, by: -1) {
                let phrase = Array(words[k..<(k + length)].map(Self.key).joined(separator: [0x20]))
                if let (concept, language) = index[phrase] {
                    found = Match(concept: concept, language: language, range: k..<(k + length))
                    break
                }
            }
            if let found {
                out.append(found)
                k = found.range.upperBound
            } else {
                k += 1
            }
        }
        return out
    }

    /// Per other language, the query as slots: a glossary phrase becomes its forms there, a
    /// connective is left out, any other word stays as it is. Empty when no phrase is known.
    func translations(of words: [[UInt32]]) -> [(language: Language, slots: [Slot])] {
        let found = matches(in: words)
        guard !found.isEmpty else { return [] }
        var out: [(Language, [Slot])] = []
        for target in Language.allCases where found.contains(where: { $0.language != target }) {
            var slots: [Slot] = []
            var k = 0
            var m = 0
            var translatedAny = false
            while k < words.count {
                if m < found.count, found[m].range.lowerBound == k {
                    let match = found[m]
                    let forms = concepts[match.concept].forms[target.rawValue]
                    if match.language != target && !forms.isEmpty {
                        slots.append(Slot(phrases: forms, isGlossaryWord: true))
                        translatedAny = true
                    } else {
                        slots.append(Slot(phrases: [Array(words[match.range].joined(separator: [0x20]))], isGlossaryWord: true))
                    }
                    k = match.range.upperBound
                    m += 1
                } else {
                    if !connectives.contains(words[k]) { slots.append(Slot(phrases: [words[k]], isGlossaryWord: false)) }
                    k += 1
                }
            }
            if translatedAny && !slots.isEmpty { out.append((target, slots)) }
        }
        return out
    }
}
