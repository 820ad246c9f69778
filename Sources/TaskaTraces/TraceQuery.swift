import Foundation
import TaskaCore

/// A search for records by trace: a kind and, optionally, a value normalised as the finder
/// normalises it (`phone:0803 123 4567` looks for `+2348031234567`).
public struct TraceQuery: Sendable, Equatable {
    public var kind: TraceKind
    /// The normalised value, or nil for every trace of the kind.
    public var value: String?

    public init(kind: TraceKind, value: String? = nil) {
        self.kind = kind
        self.value = value
    }

    /// Reads `KIND` or `KIND:VALUE`.
    public init(parsing text: String) throws(TracesError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
        guard let kind = TraceKind(rawValue: name) else { throw .unknownKind(name) }
        self.kind = kind
        guard parts.count == 2 else { self.value = nil; return }
        let raw = parts[1].trimmingCharacters(in: .whitespaces)
        guard !raw.isEmpty else { self.value = nil; return }
        self.value = try Self.normalize(raw, as: kind)
    }

    /// `raw` as the finder would record it, when it is one trace of `kind` and nothing else.
    static func normalize(_ raw: String, as kind: TraceKind) throws(TracesError) -> String {
        var candidates = [raw]
        switch kind {
        case .telegram where !raw.hasPrefix("@") && !raw.contains("/"): candidates.append("@" + raw)
        case .hashtag where !raw.hasPrefix("#"): candidates.append("#" + raw)
        case .url where !raw.contains("://") && !raw.lowercased().hasPrefix("www."): candidates.append("http://" + raw)
        default: break
        }
        let finder = TraceFinder(kinds: [kind])
        for candidate in candidates {
            let scalars = ScalarValues.of(candidate)
            let found = finder.traces(inScalars: scalars)
            if found.count == 1, found[0].start == 0, found[0].end == scalars.count, found[0].kind == kind { return found[0].value }
        }
        throw .unreadableValue(kind: kind, value: raw)
    }
}
