import TaskaCore

/// Finds traces in text: phone numbers, e-mail addresses, URLs, Telegram links and handles,
/// hashtags and wallet addresses, each with its normalised value.
///
/// Why one pass per kind over the scalar values: offsets are Unicode scalars (as every span of a
/// record), each scanner only looks closely where its trigger letter is (`@`, `#`, `+`, a digit,
/// `h`/`w`/`t`), and kinds claim text in a fixed order (links, wallets, e-mail, handles,
/// hashtags, phones) so that no two traces overlap, except a wallet inside a link.
public struct TraceFinder: Sendable {
    /// The kinds looked for.
    public var kinds: Set<TraceKind>

    public init(kinds: Set<TraceKind> = Set(TraceKind.allCases)) {
        self.kinds = kinds
    }

    /// Every trace in `text`, in text order.
    public func traces(in text: String) -> [Trace] {
        traces(inScalars: ScalarValues.of(text))
    }

    /// Every trace in the scalar values `s`, in text order.
    public func traces(inScalars s: [UInt32]) -> [Trace] {
        guard !s.isEmpty else { return [] }
        var hasAt = false, hasHash = false, hasDigit = false, hasSlash = false
        for v in s {
            switch v {
            case 0x40: hasAt = true
            case 0x23, 0xFF03: hasHash = true
            case 0x30...0x39, 0x660...0x669, 0x6F0...0x6F9: hasDigit = true
            case 0x2F: hasSlash = true
            default: break
            }
        }
        var claimed = [Bool](repeating: false, count: s.count)
        var found: [Trace] = []
        var links: [Trace] = []
        let web = WebScanner()
        if hasSlash && (kinds.contains(.url) || kinds.contains(.telegram)) || hasLinkPrefix(s) {
            web.scanLinks(s, claimed: &claimed, into: &links)
            found += links.filter { kinds.contains($0.kind) }
        }
        if hasDigit && kinds.contains(.wallet) {
            var wallets: [Trace] = []
            WalletScanner().scan(s, claimed: &claimed, into: &wallets)
            found += wallets
        }
        if hasAt && kinds.contains(.email) { web.scanEmails(s, claimed: &claimed, into: &found) }
        if hasAt && kinds.contains(.telegram) { HandleScanner().scanHandles(s, claimed: &claimed, into: &found) }
        if hasHash && kinds.contains(.hashtag) { HandleScanner().scanHashtags(s, claimed: &claimed, into: &found) }
        if hasDigit && kinds.contains(.phone) { PhoneScanner().scan(s, claimed: &claimed, into: &found) }
        return found.sorted { ($0.start, $0.kind) < ($1.start, $1.kind) }
    }

    /// Whether a `www.` link could be present though no `/` is (`www.example.org`).
    private func hasLinkPrefix(_ s: [UInt32]) -> Bool {
        guard kinds.contains(.url) else { return false }
        var i = 0
        while i + 3 < s.count {
            if s[i] | 0x20 == 0x77, s.hasASCIIPrefix("www.", at: i) { return true }
            i += 1
        }
        return false
    }
}
