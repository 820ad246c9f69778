/// Country calling codes the phone finder knows, with the lengths of their national numbers.
///
/// Why a table: E.164 numbers carry no separator between code and number, so the code is
/// read by longest match, and its national length range rejects digit runs that are not
/// phones. The region's codes come first; others are common in the collections.
enum CallingCodes {
    struct Country {
        var code: String
        /// ISO 3166-1 alpha-2, or nil for a code shared by several countries (+1).
        var iso: String?
        var lengths: ClosedRange<Int>
        /// Whether a national trunk `0` may be written after the code (`+234 (0) 803…`).
        var trunkZero: Bool
        /// The first digits of mobile numbers, for numbers written without `+` (nil: never read
        /// without `+`).
        var mobileStarts: [String]?
    }

    static let all: [Country] = [
        Country(code: "234", iso: "NG", lengths: 8...10, trunkZero: true,
                mobileStarts: ["70", "71", "80", "81", "90", "91"]),
        Country(code: "235", iso: "TD", lengths: 8...8, trunkZero: false, mobileStarts: ["6", "9"]),
        Country(code: "237", iso: "CM", lengths: 9...9, trunkZero: false, mobileStarts: ["6"]),
        Country(code: "227", iso: "NE", lengths: 8...8, trunkZero: false, mobileStarts: ["8", "9"]),
        Country(code: "236", iso: "CF", lengths: 8...8, trunkZero: false, mobileStarts: nil),
        Country(code: "249", iso: "SD", lengths: 9...9, trunkZero: true, mobileStarts: nil),
        Country(code: "233", iso: "GH", lengths: 9...9, trunkZero: true, mobileStarts: nil),
        Country(code: "229", iso: "BJ", lengths: 8...10, trunkZero: false, mobileStarts: nil),
        Country(code: "228", iso: "TG", lengths: 8...8, trunkZero: false, mobileStarts: nil),
        Country(code: "226", iso: "BF", lengths: 8...8, trunkZero: false, mobileStarts: nil),
        Country(code: "223", iso: "ML", lengths: 8...8, trunkZero: false, mobileStarts: nil),
        Country(code: "221", iso: "SN", lengths: 9...9, trunkZero: false, mobileStarts: nil),
        Country(code: "222", iso: "MR", lengths: 8...8, trunkZero: false, mobileStarts: nil),
        Country(code: "225", iso: "CI", lengths: 10...10, trunkZero: false, mobileStarts: nil),
        Country(code: "218", iso: "LY", lengths: 9...10, trunkZero: true, mobileStarts: nil),
        Country(code: "213", iso: "DZ", lengths: 8...9, trunkZero: true, mobileStarts: nil),
        Country(code: "212", iso: "MA", lengths: 9...9, trunkZero: true, mobileStarts: nil),
        Country(code: "216", iso: "TN", lengths: 8...8, trunkZero: false, mobileStarts: nil),
        Country(code: "20", iso: "EG", lengths: 9...10, trunkZero: true, mobileStarts: nil),
        Country(code: "251", iso: "ET", lengths: 9...9, trunkZero: true, mobileStarts: nil),
        Country(code: "254", iso: "KE", lengths: 9...10, trunkZero: true, mobileStarts: nil),
        Country(code: "27", iso: "ZA", lengths: 9...9, trunkZero: true, mobileStarts: nil),
        Country(code: "966", iso: "SA", lengths: 8...9, trunkZero: true, mobileStarts: nil),
        Country(code: "971", iso: "AE", lengths: 8...9, trunkZero: true, mobileStarts: nil),
        Country(code: "974", iso: "QA", lengths: 8...8, trunkZero: false, mobileStarts: nil),
        Country(code: "965", iso: "KW", lengths: 8...8, trunkZero: false, mobileStarts: nil),
        Country(code: "962", iso: "JO", lengths: 8...9, trunkZero: true, mobileStarts: nil),
        Country(code: "964", iso: "IQ", lengths: 8...10, trunkZero: true, mobileStarts: nil),
        Country(code: "963", iso: "SY", lengths: 8...9, trunkZero: true, mobileStarts: nil),
        Country(code: "90", iso: "TR", lengths: 10...10, trunkZero: true, mobileStarts: nil),
        Country(code: "44", iso: "GB", lengths: 9...10, trunkZero: true, mobileStarts: nil),
        Country(code: "33", iso: "FR", lengths: 9...9, trunkZero: true, mobileStarts: nil),
        Country(code: "49", iso: "DE", lengths: 6...13, trunkZero: true, mobileStarts: nil),
        Country(code: "1", iso: nil, lengths: 10...10, trunkZero: false, mobileStarts: nil),
    ]

    private static let byCode: [String: Country] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The country whose code starts `digits` (longest code first), or nil.
    static func country(prefixing digits: [UInt8]) -> Country? {
        for length in [3, 2, 1] where digits.count > length {
            let code = String(decoding: digits.prefix(length).map { $0 + 0x30 }, as: UTF8.self)
            if let country = byCode[code] { return country }
        }
        return nil
    }
}
