/// Why a trace query (`--entity KIND:VALUE`) cannot be used.
///
/// Why typed: the CLI turns it into a usage message that names the kinds and the forms accepted.
public enum TracesError: Error, Equatable, CustomStringConvertible {
    /// The kind before `:` is not a trace kind.
    case unknownKind(String)
    /// The value is not a trace of that kind (a wallet with a bad checksum, a phone too short).
    case unreadableValue(kind: TraceKind, value: String)

    public var description: String {
        switch self {
        case .unknownKind(let kind):
            "unknown entity kind '\(kind)'; give one of \(TraceKind.allCases.map(\.rawValue).joined(separator: ", ")), alone or as KIND:VALUE (phone:+2348031234567)"
        case let .unreadableValue(kind, value):
            "'\(value)' is not a \(kind.rawValue) taska can read (\(Self.hint(kind))); give the value as written in the text or as the record's entities show it"
        }
    }

    private static func hint(_ kind: TraceKind) -> String {
        switch kind {
        case .phone: "e.g. +234 803 123 4567 or 0803 123 4567"
        case .email: "e.g. name@example.org"
        case .url: "e.g. https://example.org/page or www.example.org"
        case .telegram: "e.g. @channel_name or t.me/channel_name"
        case .hashtag: "e.g. #Maiduguri"
        case .wallet: "a BTC, ETH or TRX address with a valid checksum"
        }
    }
}
