/// One trace found in a text: its kind, Unicode-scalar offsets [start, end) into the text, its
/// normalised value and, for phones and wallets, the country or network.
///
/// Why a value type of its own: the stage, `taska traces`, the archive's search and the
/// evaluation need the same facts; `value` is what two spellings of one trace share.
public struct Trace: Sendable, Equatable {
    public var kind: TraceKind
    public var start: Int
    public var end: Int
    /// E.164 for phones, lowercased address for e-mail, the handle without `@` (lowercased)
    /// for Telegram, the tag without `#` (lowercased) for hashtags, the URL with scheme and host
    /// lowercased, the address for wallets (lowercased for ETH and bech32).
    public var value: String
    /// ISO 3166 country of a phone's calling code (nil when the code is shared or unknown).
    public var country: String?
    /// `btc`, `eth` or `trx` for wallets.
    public var network: String?

    public init(kind: TraceKind, start: Int, end: Int, value: String, country: String? = nil, network: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.value = value
        self.country = country
        self.network = network
    }
}

/// The kinds of trace, named as records' `entities` name them.
public enum TraceKind: String, Sendable, CaseIterable, Comparable {
    case url, telegram, email, wallet, phone, hashtag

    public static func < (a: TraceKind, b: TraceKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
