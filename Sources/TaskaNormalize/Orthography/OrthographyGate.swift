/// Decides from letter statistics whether a paragraph looks like Hausa or Kanuri (Latin script).
///
/// Why: under `orthography: standard` the folds rewrite apostrophes and letters of `text`,
/// which would damage English ("don't", "O'Brien", "b'day"), so they only run there where this
/// gate says yes. (The search key folds every text; a changed key damages nothing a reader sees.)
///
/// Evidence, per word token (letters, marks and inner apostrophes):
/// - strong: a word with ɓ ɗ ƙ ƴ ə ǝ (or capitals), letters English never uses;
/// - Hausa or Kanuri function words (`da`, `ta`, `ce`, `wannan`, `kuma`, `ye`, `kuru`, …);
/// - English function words and contractions (`the`, `and`, `don't`, …), counted against;
/// - weak: legacy hooked spellings (`k'asa`, `'yan`) and Hausa digraphs (`ts`, `gw`, `kw`, `ky`)
///   for, English letter patterns (`th`, `wh`, `ck`, `q`, `v`, `x`) against.
///
/// Yes when `3·strong + hausaWords ≥ 2` and
/// `3·strong + hausaWords + 0.5·legacySpellings + 0.25·hausaDigraphs > 1.5·englishWords + 0.25·englishPatterns`.
/// Apostrophe spellings alone never say yes, so English contractions cannot open the gate.
public enum OrthographyGate {
    /// Whether `text` looks like Hausa or Kanuri.
    public static func looksHausaOrKanuri(_ text: String) -> Bool {
        looksHausaOrKanuri(scalars: ScalarText.scalars(of: text))
    }

    /// The statistics behind the decision for `text` (for tests and `inspect` output).
    public static func evidence(_ text: String) -> Evidence {
        evidence(scalars: ScalarText.scalars(of: text))
    }

    /// Counts gathered from one paragraph.
    public struct Evidence: Sendable, Equatable {
        /// Word tokens.
        public var words = 0
        /// Words containing ɓ ɗ ƙ ƴ ə ǝ.
        public var strongLetterWords = 0
        /// Hausa or Kanuri function words.
        public var hausaKanuriWords = 0
        /// English function words and contractions.
        public var englishWords = 0
        /// Words spelled with apostrophe hooks (b' d' k' 'b 'd 'k 'y).
        public var legacySpellings = 0
        /// Hausa digraphs ts gw kw ky.
        public var hausaDigraphs = 0
        /// English letter patterns th wh ck q v x.
        public var englishPatterns = 0

        /// The gate's decision.
        public var looksHausaOrKanuri: Bool {
            let core = 3 * strongLetterWords + hausaKanuriWords
            let hausa = Double(core) + 0.5 * Double(legacySpellings) + 0.25 * Double(hausaDigraphs)
            let english = 1.5 * Double(englishWords) + 0.25 * Double(englishPatterns)
            return core >= 2 && hausa > english
        }
    }

    static func looksHausaOrKanuri(scalars: [UInt32]) -> Bool {
        evidence(scalars: scalars).looksHausaOrKanuri
    }

    static func evidence(scalars p: [UInt32]) -> Evidence {
        var e = Evidence()
        let n = p.count
        var i = 0
        while i < n {
            // A token starts at a letter, or at an apostrophe directly before a letter ('yan).
            let startsHere = ScalarText.isLetter(p[i])
                || (HausaLetters.isApostrophe(p[i]) && i + 1 < n && ScalarText.isLetter(p[i + 1]))
            guard startsHere else { i += 1; continue }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var strong = false
            var legacy = false
            var previous: UInt32 = 0
            var j = i
            while j < n {
                let c = p[j]
                let isApostrophe = HausaLetters.isApostrophe(c)
                guard ScalarText.isLetter(c) || ScalarText.isMark(c)
                    || (isApostrophe && j + 1 < n && ScalarText.isLetter(p[j + 1])) else { break }
                let lower = HausaLetters.lowercase(c)
                if HausaLetters.isStrong(lower) { strong = true }
                if isApostrophe, j + 1 < n {
                    let after = HausaLetters.lowercase(p[j + 1])
                    if HausaLetters.isHookBase(previous) || HausaLetters.isHookBase(after) || after == 0x79 { legacy = true }
                }
                switch (previous, lower) {
                case (0x74, 0x73), (0x67, 0x77), (0x6B, 0x77), (0x6B, 0x79): e.hausaDigraphs += 1  // ts gw kw ky
                case (0x74, 0x68), (0x77, 0x68), (0x63, 0x6B): e.englishPatterns += 1  // th wh ck
                default: break
                }
                if lower == 0x71 || lower == 0x76 || lower == 0x78 { e.englishPatterns += 1 }  // q v x
                hash = (hash ^ UInt64(isApostrophe ? 0x27 : lower)) &* 0x100_0000_01b3
                previous = isApostrophe ? 0x27 : lower
                j += 1
            }
            e.words += 1
            if strong { e.strongLetterWords += 1 }
            if legacy { e.legacySpellings += 1 }
            if WordLists.hausaKanuri.contains(hash) { e.hausaKanuriWords += 1 }
            if WordLists.english.contains(hash) { e.englishWords += 1 }
            i = j
        }
        return e
    }

    /// Function-word lists, stored as FNV-1a hashes of their lowercased scalars.
    private enum WordLists {
        static let hausaKanuri: Set<UInt64> = hashes("""
            da ta ya na ne ce ba za zai zan zata zasu kuma amma wannan wancan waɗannan cewa domin saboda \
            daga cikin game tare wani wata wasu shi ita mu ku su yana tana suna muna kuna nake yake take \
            suke sai har yanzu inda yadda abin abinda ake aka bai mai masu babu akwai idan kamar bayan \
            kafin wajen ranar jihar kasar ƙasar shekara shekarar lokacin mutane gwamnati gwamnatin ko ga \
            kan dai fa kuwa haka sosai kowa duk tsakanin hukumar ana kai kin ki mana muka suka sun ƴan 'yan ʼyan \
            ye kuru ro lan suro adə də ndu shima kəla nzə ngəla wono sandi nyiro tada kəlanzə
            """)
        static let english: Set<UInt64> = hashes("""
            the and of to is it that was for on with as are be this have has had not but by from at he she \
            they we you i his her their our its do does did will would can could an or if so what which who \
            there been were my me him them said all about up out no than then when where how also into \
            it's don't i'm that's can't won't didn't isn't doesn't wasn't aren't i've you're we're they're \
            he's she's let's there's
            """)

        private static func hashes(_ words: String) -> Set<UInt64> {
            var set = Set<UInt64>()
            for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for s in word.unicodeScalars {
                    let c = HausaLetters.isApostrophe(s.value) ? 0x27 : HausaLetters.lowercase(s.value)
                    hash = (hash ^ UInt64(c)) &* 0x100_0000_01b3
                }
                set.insert(hash)
            }
            return set
        }
    }
}
