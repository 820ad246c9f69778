/// What the reposts stage hands the archive so it can cluster a record with its near-duplicates.
///
/// Why plain data here: the archive (TaskaStore) keeps and compares sketches inside its write
/// transaction; the stage that computes them lives in TaskaReposts.
public struct RepostSketch: Sendable, Equatable {
    /// LSH band keys of the MinHash signature: records sharing one key are candidates.
    public var bands: [Int64]
    /// The encoded `RepostFingerprint` a candidate is verified against.
    public var fingerprint: [UInt8]
    /// Share of the shorter text's word 3-grams that must occur in the longer one.
    public var containment: Double

    /// The built-in pipelines' reposts options (`bands`, `rows`, `containment`), also used
    /// where no pipeline is at hand (`taska merge` sketching merged records).
    public static let defaultBands = 10
    public static let defaultRows = 2
    public static let defaultContainment = 0.7

    /// The sketch of a fingerprint with the built-in options.
    public init(fingerprint: RepostFingerprint) {
        self.init(bands: fingerprint.bandKeys(bands: Self.defaultBands, rows: Self.defaultRows),
                  fingerprint: fingerprint.encoded, containment: Self.defaultContainment)
    }

    public init(bands: [Int64], fingerprint: [UInt8], containment: Double) {
        self.bands = bands
        self.fingerprint = fingerprint
        self.containment = containment
    }
}
