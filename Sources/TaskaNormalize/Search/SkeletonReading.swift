/// A consonant class: one ASCII letter, or two when a letter is read two ways (`ق` k or g);
/// `first` is 0 for none (a vowel).
struct SkeletonClass: Equatable, Hashable {
    var first: UInt8
    var second: UInt8 = 0

    init(_ first: UInt8, _ second: UInt8 = 0) {
        self.first = first
        self.second = second
    }

    static let none = SkeletonClass(0)
    var isEmpty: Bool { first == 0 }

    /// The class with letter `from` read as `to` (a final z as s).
    func replacing(_ from: UInt8, with to: UInt8) -> SkeletonClass {
        SkeletonClass(first == from ? to : first, second == from ? to : second)
    }
}

/// One letter of a word as the skeleton reads it: a consonant class, or a vowel.
struct SkeletonLetter: Equatable {
    /// The consonant class; empty for a vowel.
    var classes: SkeletonClass
    /// For a vowel: `a`, `i` or `u` in a Latin word, `0` for an Arabic vowel letter.
    var vowel: UInt8
    /// A Latin glide y after i (`Tijaniyya`, `Yusufiya`): a vowel for the skeleton (Arabic
    /// writes ي), a consonant for the Latin variant key (`Tijaniyya` is not `Tijjani`).
    var isGlide = false
    /// For a Hausa hooked letter (ɓ ɗ ƙ ƴ), its own letter in the Latin variant key, where
    /// `ƙasa` stays apart from `kasa` as in the search key; 0 otherwise.
    var hooked: UInt8 = 0

    static func consonant(_ c: UInt8) -> SkeletonLetter { SkeletonLetter(classes: SkeletonClass(c), vowel: 0) }
    static func vowel(_ v: UInt8) -> SkeletonLetter { SkeletonLetter(classes: .none, vowel: v) }
    /// A vowel to the skeleton (a glide included).
    var isVowel: Bool { classes.isEmpty || isGlide }
}

/// How one word (in search-key form) reads as consonant classes and vowels, by the rules of
/// docs/cross-script-search.md: articles and proclitics off, long vowels and Latin vowels as
/// vowels, spelling variants (sh/ch, kh, gh, th, dj, ou, p/b, v/f, q/k) as one class.
struct SkeletonReading {
    enum Script { case latin, arabic }

    var script: Script
    var letters: [SkeletonLetter]

    /// Alternatives kept per word (a word with several two-way letters is cut to this many).
    static let maxAlternatives = 4
    static let z = UInt8(ascii: "z"), s = UInt8(ascii: "s")

    /// The reading of `word`, or nil when it is not a word of Latin or Arabic letters.
    init?(word: [UInt32]) {
        guard let first = word.first else { return nil }
        if word.contains(where: SkeletonLetters.isArabic) || SkeletonLetters.isArabic(first) {
            guard let letters = Self.arabicLetters(word) else { return nil }
            self.init(script: .arabic, letters: letters)
        } else {
            guard let letters = Self.latinLetters(word) else { return nil }
            self.init(script: .latin, letters: letters)
        }
    }

    init(script: Script, letters: [SkeletonLetter]) {
        self.script = script
        self.letters = letters
    }

    // MARK: Keys

    /// Consonant classes with the vowels left out; a class repeated with no vowel between
    /// (a doubled letter, a proclitic before the same letter) counts once; a final z is s.
    var consonantClasses: [SkeletonClass] {
        var out: [SkeletonClass] = []
        out.reserveCapacity(letters.count)
        var afterVowel = true
        for letter in letters {
            if letter.isVowel { afterVowel = true; continue }
            if !afterVowel, out.last == letter.classes { continue }
            out.append(letter.classes)
            afterVowel = false
        }
        if let last = out.last { out[out.count - 1] = last.replacing(Self.z, with: Self.s) }
        return out
    }

    /// The consonant skeletons (one per reading of its two-way letters), e.g. `ckw` for `shekau`.
    var skeletons: [String] { Self.expand(consonantClasses) }

    /// Latin words only: a key that keeps vowels as a, i (e, i) or u (o, u, ou), merges vowel
    /// runs and drops final vowels, so `Gaidam`/`Geidam` meet but `Musa`/`masu` do not.
    var variants: [String] {
        guard script == .latin else { return [] }
        var items: [SkeletonLetter] = []
        for var letter in letters {
            letter.isGlide = false
            if let last = items.last, last == letter { continue }
            if letter.isVowel, let last = items.last, last.isVowel {
                let (a, i) = (UInt8(ascii: "a"), UInt8(ascii: "i"))
                if (last.vowel == a && letter.vowel == i) || (last.vowel == i && letter.vowel == a) { items[items.count - 1] = .vowel(i) }
                continue
            }
            items.append(letter)
        }
        while let last = items.last, last.isVowel { items.removeLast() }
        if let last = items.last { items[items.count - 1].classes = last.classes.replacing(Self.z, with: Self.s) }
        return Self.expand(items.map { $0.classes.isEmpty ? SkeletonClass($0.vowel) : $0.hooked != 0 ? SkeletonClass($0.hooked) : $0.classes })
    }

    /// Per consonant of `consonantClasses`, whether a vowel comes before it, then whether one
    /// comes after the last.
    var vowelSlots: [Bool] {
        var slots: [Bool] = []
        var pending = false
        var afterVowel = true
        var last: SkeletonClass?
        for letter in letters {
            if letter.isVowel { pending = true; afterVowel = true; continue }
            if !afterVowel, last == letter.classes { continue }
            slots.append(pending)
            last = letter.classes
            pending = false
            afterVowel = false
        }
        slots.append(pending)
        return slots
    }

    /// Every string with one class per position, at most `maxAlternatives` of them.
    static func expand(_ classes: [SkeletonClass]) -> [String] {
        guard !classes.isEmpty else { return [] }
        if classes.allSatisfy({ $0.second == 0 }) {
            return [String(unsafeUninitializedCapacity: classes.count) { buffer in
                for (k, c) in classes.enumerated() { buffer[k] = c.first }
                return classes.count
            }]
        }
        var alternatives: [[UInt8]] = [[]]
        for options in classes {
            if options.second == 0 {
                for k in alternatives.indices { alternatives[k].append(options.first) }
            } else {
                alternatives = Array(alternatives.lazy.flatMap { a in [a + [options.first], a + [options.second]] }.prefix(maxAlternatives))
            }
        }
        return alternatives.map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Arabic

    /// Article (ال with و ب ف ك before it, or لل) and ta marbuta off, then letter by letter:
    /// و and ي are consonants at the start of a word, و also next to ا; otherwise they, ا, ع
    /// and the hamzas are vowels; تش is one letter (ch).
    static func arabicLetters(_ input: [UInt32]) -> [SkeletonLetter]? {
        var w = input[...]
        if let article = SkeletonLetters.arabicArticles.first(where: { w.starts(with: $0) && w.count - $0.count >= 2 }) {
            w = w.dropFirst(article.count)
        } else if w.count >= 4, w.starts(with: SkeletonLetters.lamLam) {
            w = w.dropFirst(2)
        }
        if w.count > 2, w.last == SkeletonLetters.heh { w = w.dropLast() }
        let word = Array(w)
        var out: [SkeletonLetter] = []
        out.reserveCapacity(word.count)
        var i = 0
        while i < word.count {
            let c = word[i]
            let next = i + 1 < word.count ? word[i + 1] : 0
            let previous = i > 0 ? word[i - 1] : 0
            if c == SkeletonLetters.teh && next == SkeletonLetters.sheen {
                out.append(.consonant(UInt8(ascii: "c")))
                i += 2
                continue
            }
            switch c {
            case SkeletonLetters.waw:
                let consonant = i == 0 || next == SkeletonLetters.alef || previous == SkeletonLetters.alef
                out.append(consonant ? .consonant(UInt8(ascii: "w")) : .vowel(0))
            case SkeletonLetters.yeh:
                out.append(i == 0 ? .consonant(UInt8(ascii: "y")) : .vowel(0))
            default:
                if SkeletonLetters.arabicVowels.contains(c) {
                    out.append(.vowel(0))
                } else if let classes = SkeletonLetters.arabicClass(c) {
                    out.append(SkeletonLetter(classes: classes, vowel: 0))
                } else {
                    return nil
                }
            }
            i += 1
        }
        return out.isEmpty ? nil : out
    }

    // MARK: Latin

    /// Accents, hooks and apostrophes off; a leading article (al-, el-, an-…, or al/el glued
    /// to a name of two consonants or more) off; hyphenated parts joined; then digraphs
    /// (tch sch sh ch → c, kh → x, gh → g, th → q, dh → d, ph → f, dj → g), c as k or c,
    /// vowels a/i/u, y a consonant only first, ou or u/o before a vowel and final au/ao → w.
    static func latinLetters(_ input: [UInt32]) -> [SkeletonLetter]? {
        var w: [UInt8] = []
        w.reserveCapacity(input.count)
        var hyphenated = false
        for scalar in input {
            if SkeletonLetters.isApostrophe(scalar) { continue }
            if SkeletonLetters.isHyphen(scalar) { hyphenated = true; w.append(0x2D); continue }
            guard let ascii = SkeletonLetters.latinBase(scalar) else { return nil }
            w.append(ascii)
        }
        if hyphenated {
            var parts = w.split(separator: 0x2D).map(Array.init)
            while parts.count > 1, SkeletonLetters.latinArticles.contains(parts[0]) { parts.removeFirst() }
            w = parts.flatMap { $0 }
        }
        guard !w.isEmpty else { return nil }
        for glued in SkeletonLetters.gluedArticles where w.starts(with: glued) {
            let rest = w.dropFirst(glued.count)
            if rest.filter({ !SkeletonLetters.latinVowelsAndY.contains($0) }).count >= 2 { w = Array(rest) }
            break
        }
        return latinRules(w)
    }

    private static func latinRules(_ w: [UInt8]) -> [SkeletonLetter] {
        let n = w.count
        var out: [SkeletonLetter] = []
        out.reserveCapacity(n)
        func at(_ k: Int) -> UInt8 { k >= 0 && k < n ? w[k] : 0 }
        func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
        func isAEI(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 }
        let (a, c, d, g, h, i, k, o, s, t, u, w_, y) = (UInt8(ascii: "a"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "g"),
                                                        UInt8(ascii: "h"), UInt8(ascii: "i"), UInt8(ascii: "k"), UInt8(ascii: "o"),
                                                        UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "u"), UInt8(ascii: "w"),
                                                        UInt8(ascii: "y"))
        var p = 0
        while p < n {
            let ch = w[p], next = at(p + 1)
            if (ch == t || ch == s) && next == c && at(p + 2) == h { out.append(.consonant(c)); p += 3; continue }
            if (ch == s || ch == c) && next == h { out.append(.consonant(c)); p += 2; continue }
            if next == h, let digraph = SkeletonLetters.hDigraphs[ch] { out.append(.consonant(digraph)); p += 2; continue }
            // dj, and ɗj where the search key read N'Djamena's apostrophe as a hook.
            if (ch == d || ch == SkeletonLetters.hookD) && next == UInt8(ascii: "j") { out.append(.consonant(g)); p += 2; continue }
            if ch == c && next == k { out.append(.consonant(k)); p += 2; continue }
            if ch == c { out.append(SkeletonLetter(classes: SkeletonClass(k, c), vowel: 0)); p += 1; continue }
            if ch == o && next == u {
                out.append(.vowel(u))
                if isAEI(at(p + 2)) { out.append(.consonant(w_)) }
                p += 2
                continue
            }
            if (ch == o || ch == u) && isAEI(next) && isVowel(at(p - 1)) {
                out.append(.vowel(u)); out.append(.consonant(w_)); p += 1; continue
            }
            if ch == a && (next == u || next == o) && p + 2 == n {
                out.append(.vowel(a)); out.append(.consonant(w_)); p += 2; continue
            }
            if isVowel(ch) { out.append(.vowel(ch == a ? a : (ch == o || ch == u) ? u : i)); p += 1; continue }
            if ch == y {
                if p == 0 {
                    out.append(.consonant(y))
                } else if at(p - 1) == i || at(p - 1) == y {
                    out.append(SkeletonLetter(classes: SkeletonClass(y), vowel: i, isGlide: true))
                } else {
                    out.append(.vowel(i))
                }
                p += 1
                continue
            }
            if ch == h && p == n - 1 && p > 0 && isVowel(at(p - 1)) { p += 1; continue }
            if ch == UInt8(ascii: "x") { out.append(.consonant(k)); out.append(.consonant(s)); p += 1; continue }
            if let (plain, own) = SkeletonLetters.hooks[ch] {
                out.append(SkeletonLetter(classes: SkeletonClass(plain), vowel: 0, hooked: own))
                p += 1
                continue
            }
            out.append(.consonant(SkeletonLetters.latinClass[ch] ?? ch))
            p += 1
        }
        return out
    }
}
