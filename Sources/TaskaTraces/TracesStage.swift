import TaskaCore

/// The traces stage: adds the phone numbers, e-mail addresses, URLs, Telegram links and
/// handles, hashtags and wallet addresses of the normalised text to the record's `entities`,
/// each with its normalised `value` and `stage: traces`.
///
/// Why after normalize: it reads the normalised text, whose offsets every span uses; it runs
/// last so no later stage can shift them, and it adds to the entities the source's markup gave.
public struct TracesStage: Stage {
    public var options: TracesOptions
    let finder: TraceFinder

    public init(options: TracesOptions = TracesOptions()) {
        self.options = options
        self.finder = TraceFinder(kinds: Set(options.kinds))
    }

    public var name: String { "traces" }
    public var configuration: String { options.canonicalDescription }

    public func process(_ document: SourceDocument, emit: (SourceDocument) throws -> Void) throws {
        try document.checkDeadline("stopped before finding traces")
        guard let normalized = document.normalized, !normalized.text.isEmpty else { return try emit(document) }
        var traces = finder.traces(in: normalized.text)
        guard !traces.isEmpty else { return try emit(document) }
        var doc = document
        if traces.count > options.maxPerDocument {
            doc.warn(name, "traces-truncated",
                     "\(traces.count) traces found; only the first \(options.maxPerDocument) are listed (raise max-per-document in the pipeline's traces stage)",
                     count: traces.count - options.maxPerDocument)
            traces.removeLast(traces.count - options.maxPerDocument)
        }
        doc.normalized?.entities += traces.map(Self.entity)
        try emit(doc)
    }

    /// The record entity of a trace.
    public static func entity(_ trace: Trace) -> Entity {
        Entity(type: trace.kind.rawValue, start: trace.start, end: trace.end, value: trace.value,
               country: trace.country, network: trace.network, stage: "traces")
    }
}
