/// Maps charset labels from declarations and headers to the charset Taska decodes with.
///
/// Follows the WHATWG Encoding Standard's label table for the charsets Taska meets, including
/// its deliberate remappings (`iso-8859-1`, `latin1` and `us-ascii` decode as `windows-1252`;
/// `gb2312` as `gbk`). Labels missing from the table are looked up in ICU's alias registry.
/// The result is always a lowercase name that ICU can open.
enum CharsetLabel {
    /// `utf-16` without an endianness: the bytes (BOM or layout) must decide.
    static let unspecifiedUTF16 = "utf-16"

    /// The Taska charset for `label`, or `nil` when neither the table nor ICU knows it.
    static func resolve(_ label: String) -> String? {
        let key = normalize(label)
        guard !key.isEmpty else { return nil }
        if let name = table[key] { return name }
        // ICU knows many more aliases; report them by their MIME or IANA name.
        guard ICUCharsets.canonicalName(key) != nil else { return nil }
        let standard = ICUCharsets.standardName(key, standard: "MIME")
            ?? ICUCharsets.standardName(key, standard: "IANA")
            ?? key
        let lower = standard.lowercased()
        return table[lower] ?? lower
    }

    /// Trims spaces and quotes and lowercases ASCII.
    static func normalize(_ label: String) -> String {
        var bytes = Array(label.utf8)
        let junk: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0C, 0x0D, 0x22, 0x27]
        while let f = bytes.first, junk.contains(f) { bytes.removeFirst() }
        while let l = bytes.last, junk.contains(l) { bytes.removeLast() }
        return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// True for the charsets whose ASCII range is not ASCII (declarations read as ASCII
    /// cannot be right about them).
    static func isWide(_ name: String) -> Bool { name.hasPrefix("utf-16") || name.hasPrefix("utf-32") }

    private static let groups: [(String, [String])] = [
        ("utf-8", ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]),
        ("windows-1252", ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
                          "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
                          "us-ascii", "windows-1252", "x-cp1252"]),
        ("windows-1256", ["cp1256", "windows-1256", "x-cp1256", "cp-1256", "win-1256"]),
        ("iso-8859-6", ["arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114",
                        "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596",
                        "iso_8859-6", "iso_8859-6:1987"]),
        ("utf-16le", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16le"]),
        ("utf-16be", ["unicodefffe", "utf-16be"]),
        (unspecifiedUTF16, ["utf-16", "utf16"]),
        ("utf-32le", ["utf-32le"]),
        ("utf-32be", ["utf-32be"]),
        ("utf-32", ["utf-32", "utf32"]),
        ("windows-1250", ["cp1250", "windows-1250", "x-cp1250"]),
        ("windows-1251", ["cp1251", "windows-1251", "x-cp1251"]),
        ("windows-1253", ["cp1253", "windows-1253", "x-cp1253"]),
        ("windows-1254", ["cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
                          "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254", "x-cp1254"]),
        ("windows-1255", ["cp1255", "windows-1255", "x-cp1255"]),
        ("windows-1257", ["cp1257", "windows-1257", "x-cp1257"]),
        ("windows-1258", ["cp1258", "windows-1258", "x-cp1258"]),
        ("windows-874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"]),
        ("iso-8859-2", ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2",
                        "iso_8859-2:1987", "l2", "latin2"]),
        ("iso-8859-5", ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595",
                        "iso_8859-5", "iso_8859-5:1988"]),
        ("iso-8859-7", ["csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126",
                        "iso8859-7", "iso88597", "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek"]),
        ("iso-8859-8", ["csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138",
                        "iso8859-8", "iso88598", "iso_8859-8", "iso_8859-8:1988", "visual", "iso-8859-8-i",
                        "csiso88598i", "logical"]),
        ("iso-8859-15", ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"]),
        ("koi8-r", ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]),
        ("koi8-u", ["koi8-ru", "koi8-u"]),
        ("gbk", ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
                 "iso-ir-58", "x-gbk"]),
        ("gb18030", ["gb18030"]),
        ("big5", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]),
        ("euc-jp", ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]),
        ("iso-2022-jp", ["csiso2022jp", "iso-2022-jp"]),
        ("shift_jis", ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j",
                       "x-sjis"]),
        ("euc-kr", ["cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
                    "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"]),
    ]

    private static let table: [String: String] = {
        var t: [String: String] = [:]
        for (name, labels) in groups { for l in labels { t[l] = name } }
        return t
    }()
}
