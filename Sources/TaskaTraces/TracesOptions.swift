import TaskaCore

/// Options of the traces stage.
public struct TracesOptions: Sendable, Equatable {
    /// The kinds looked for.
    public var kinds: [TraceKind]
    /// At most this many traces per document; a document with more gets the first ones and a
    /// `traces-truncated` warning.
    public var maxPerDocument: Int

    public init(kinds: [TraceKind] = TraceKind.allCases, maxPerDocument: Int = 10_000) {
        self.kinds = kinds
        self.maxPerDocument = maxPerDocument
    }
}

extension TracesOptions: StageOptions {
    public init() { self.init(kinds: TraceKind.allCases) }

    public static let declarations: [OptionDeclaration<TracesOptions>] = [
        OptionDeclaration("kinds", .subset(TraceKind.allCases.map(\.rawValue)),
                          meaning: "the kinds of trace listed in the record's entities",
                          read: { $0.kinds.map(\.rawValue).joined(separator: ",") },
                          write: { options, text in
                              options.kinds = text.split(separator: ",").compactMap { TraceKind(rawValue: String($0)) }
                          }),
        .integer("max-per-document", \.maxPerDocument, 1...1_000_000,
                 meaning: "at most this many traces per document (the rest are dropped with a traces-truncated warning)"),
    ]
}
