/// The letter tables of the name skeleton (docs/cross-script-search.md explains each choice).
enum SkeletonLetters {
    static let alef: UInt32 = 0x0627, waw: UInt32 = 0x0648, yeh: UInt32 = 0x064A, heh: UInt32 = 0x0647
    static let teh: UInt32 = 0x062A, sheen: UInt32 = 0x0634, lam: UInt32 = 0x0644

    /// Arabic letters and their classes; two classes for letters read two ways in names of the
    /// region: ق (Qasim, but Goni), ث (th, but Kaltume for كلثوم), ذ (d or z).
    private static let arabicClasses: [SkeletonClass] = {
        let table: [(UInt32, String)] = [
            (0x0628, "b"), (0x067E, "b"),                                  // ب پ
            (0x062A, "t"), (0x0637, "t"), (0x062B, "tq"),                  // ت ط ث
            (0x062F, "d"), (0x0636, "d"), (0x0630, "dz"),                  // د ض ذ
            (0x0631, "r"), (0x0632, "z"), (0x0638, "z"), (0x0698, "z"),    // ر ز ظ ژ
            (0x0633, "s"), (0x0635, "s"),                                  // س ص
            (0x0634, "c"), (0x0686, "c"),                                  // ش چ
            (0x062C, "g"), (0x063A, "g"), (0x06A0, "g"), (0x06AD, "g"), (0x06AF, "g"), (0x06A8, "g"),  // ج غ ڠ ڭ گ ڨ
            (0x0642, "kg"), (0x0643, "k"),                                 // ق ك
            (0x0641, "f"), (0x06A4, "f"), (0x06A2, "f"),                   // ف ڤ ڢ
            (0x0644, "l"), (0x0645, "m"), (0x0646, "n"),                   // ل م ن
            (0x0647, "h"), (0x062D, "h"), (0x062E, "x"),                   // ه ح خ
        ]
        var classes = [SkeletonClass](repeating: .none, count: 256)
        for (scalar, letters) in table {
            let bytes = Array(letters.utf8)
            classes[Int(scalar - 0x0600)] = SkeletonClass(bytes[0], bytes.count > 1 ? bytes[1] : 0)
        }
        return classes
    }()

    /// The class of an Arabic letter of U+0600–U+06FF, or nil when the table has none.
    @inline(__always)
    static func arabicClass(_ scalar: UInt32) -> SkeletonClass? {
        guard scalar >= 0x0600 && scalar <= 0x06FF else { return nil }
        let c = arabicClasses[Int(scalar - 0x0600)]
        return c.isEmpty ? nil : c
    }

    /// Letters read as vowels anywhere: alef, ain, hamza and its seats.
    static let arabicVowels: Set<UInt32> = [0x0627, 0x0639, 0x0621, 0x0624, 0x0626]

    /// The article with the proclitics that attach before it, longest first.
    static let arabicArticles: [[UInt32]] = [
        [0x0648, 0x0628, 0x0627, 0x0644], [0x0648, 0x0627, 0x0644], [0x0628, 0x0627, 0x0644],
        [0x0641, 0x0627, 0x0644], [0x0643, 0x0627, 0x0644], [0x0627, 0x0644],
    ]
    /// ال alone.
    static let article: [UInt32] = [0x0627, 0x0644]
    /// لل: li- before the article.
    static let lamLam: [UInt32] = [0x0644, 0x0644]
    /// Proclitics that attach to a name without the article: و ب ل ف ك.
    static let proclitics: Set<UInt32> = [0x0648, 0x0628, 0x0644, 0x0641, 0x0643]

    /// Whether `scalar` is an Arabic-script letter (Arabic, Supplement, Extended-A).
    static func isArabic(_ scalar: UInt32) -> Bool {
        (0x0600...0x06FF).contains(scalar) || (0x0750...0x077F).contains(scalar) || (0x08A0...0x08FF).contains(scalar)
    }

    /// ' ’ ‘ ʼ ʻ ` ´: dropped inside a Latin word (ain, hamza, elision).
    @inline(__always)
    static func isApostrophe(_ v: UInt32) -> Bool {
        switch v {
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x02BB, 0x60, 0xB4: return true
        default: return false
        }
    }

    /// - ‐ ‑: join the parts of a Latin word.
    @inline(__always)
    static func isHyphen(_ v: UInt32) -> Bool { v == 0x2D || v == 0x2010 || v == 0x2011 }
    /// Hyphenated articles and proclitics of romanised Arabic (al-, el-, an-, wal-…).
    static let latinArticles: Set<[UInt8]> = Set(["al", "el", "an", "as", "ad", "at", "ash", "az", "ar", "ul", "wal", "wa", "bil",
                                                   "lil", "li", "fil", "l"].map { Array($0.utf8) })
    static let gluedArticles: [[UInt8]] = [Array("al".utf8), Array("el".utf8)]
    static let latinVowelsAndY: Set<UInt8> = Set("aeiouy".utf8)
    /// Second letter h: kh → x, gh → g, th → q (θ), dh → d, ph → f.
    static let hDigraphs: [UInt8: UInt8] = [
        UInt8(ascii: "k"): UInt8(ascii: "x"), UInt8(ascii: "g"): UInt8(ascii: "g"), UInt8(ascii: "t"): UInt8(ascii: "q"),
        UInt8(ascii: "d"): UInt8(ascii: "d"), UInt8(ascii: "p"): UInt8(ascii: "f"),
    ]
    /// Single letters merged: p → b, v → f, q → k, j → g (ج is both).
    static let latinClass: [UInt8: UInt8] = [
        UInt8(ascii: "p"): UInt8(ascii: "b"), UInt8(ascii: "v"): UInt8(ascii: "f"),
        UInt8(ascii: "q"): UInt8(ascii: "k"), UInt8(ascii: "j"): UInt8(ascii: "g"),
    ]

    /// Stand-ins for the Hausa hooked letters ɓ ɗ ƙ ƴ in a Latin word's letters.
    static let hookB: UInt8 = 1, hookD: UInt8 = 2, hookK: UInt8 = 3, hookY: UInt8 = 4
    /// A hooked letter's class in the skeleton (plain: Arabic has no hooks) and its own letter
    /// in the Latin variant key (letters the key never uses otherwise).
    static let hooks: [UInt8: (plain: UInt8, own: UInt8)] = [
        hookB: (UInt8(ascii: "b"), UInt8(ascii: "p")), hookD: (UInt8(ascii: "d"), UInt8(ascii: "v")),
        hookK: (UInt8(ascii: "k"), UInt8(ascii: "j")), hookY: (UInt8(ascii: "y"), UInt8(ascii: "o")),
    ]

    /// The ASCII letter a lowercase Latin letter stands on (accents and schwa off; a Hausa
    /// hooked letter gives its stand-in), or nil for anything else.
    static func latinBase(_ scalar: UInt32) -> UInt8? {
        if scalar >= 0x61 && scalar <= 0x7A { return UInt8(scalar) }
        if scalar < 0xC0 { return nil }
        return latinFolds[scalar]
    }

    private static let latinFolds: [UInt32: UInt8] = {
        let groups: [(String, Character)] = [
            ("àáâãäåāăą", "a"), ("çćč", "c"), ("ďđɖ", "d"), ("èéêëēėęěəǝ", "e"), ("ğ", "g"), ("ìíîïīįı", "i"),
            ("ķ", "k"), ("ł", "l"), ("ñńňŋ", "n"), ("òóôõöōőø", "o"), ("ř", "r"), ("śšş", "s"), ("ţť", "t"),
            ("ùúûüūůűų", "u"), ("ýÿ", "y"), ("źżž", "z"),
        ]
        var table: [UInt32: UInt8] = [0x0253: hookB, 0x0257: hookD, 0x0199: hookK, 0x01B4: hookY]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = UInt8(ascii: base.unicodeScalars.first!) }
        }
        return table
    }()
}
