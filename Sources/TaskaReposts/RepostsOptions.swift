import TaskaCore

/// Options of the reposts stage (docs/reposts.md explains how they were tuned).
public struct RepostsOptions: Sendable, Equatable {
    /// Texts with fewer words (after folding) are never clustered: greetings and slogans
    /// (`Allahu Akbar`, `جمعة مباركة`) are typed anew in every channel and say nothing of origin.
    public var minWords: Int
    /// Share of the shorter text's three-word runs that must occur in the longer one.
    public var containment: Double
    /// LSH bands and rows per band of the MinHash signature (bands × rows hash functions).
    public var bands: Int
    public var rows: Int
    /// Words of a long text taken into its fingerprint (the rest are ignored).
    public var maxWords: Int

    public init(minWords: Int = 5, containment: Double = RepostSketch.defaultContainment, bands: Int = RepostSketch.defaultBands,
                rows: Int = RepostSketch.defaultRows, maxWords: Int = 4096) {
        self.minWords = minWords
        self.containment = containment
        self.bands = bands
        self.rows = rows
        self.maxWords = maxWords
    }
}

extension RepostsOptions: StageOptions {
    public init() { self.init(minWords: 5) }

    public static let declarations: [OptionDeclaration<RepostsOptions>] = [
        .integer("min-words", \.minWords, 1...1000,
                 meaning: "texts with fewer words are never clustered (greetings, slogans)"),
        .number("containment", \.containment, 0.3...1.0,
                meaning: "share of the shorter text's three-word runs that must occur in the longer one"),
        .integer("bands", \.bands, 1...64, meaning: "MinHash LSH bands (candidates share one band)"),
        .integer("rows", \.rows, 1...8, meaning: "MinHash values per band"),
        .integer("max-words", \.maxWords, 16...1_000_000, meaning: "words of a long text taken into its fingerprint"),
    ]
}
