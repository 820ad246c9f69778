import TaskaCore

/// Options of the Unarchive stage: the limits every container is read within.
public struct UnarchiveOptions: Sendable, Equatable {
    /// Most members read from one container, nested containers' members included.
    public var maxMembers: Int
    /// Deepest nesting of containers (1: only the file itself is opened, not a zip inside it).
    public var maxDepth: Int
    /// Largest member taken into memory as a document (also capped by `limits: max-bytes`).
    public var maxMemberBytes: Int
    /// Most bytes decompressed from one container in all, at every nesting level.
    public var maxTotalBytes: Int
    /// Bomb guard: most output bytes per compressed byte, per member (past 16 MiB of output)
    /// and for the whole container against its own size (past 100 MiB).
    public var maxRatio: Int

    public init(maxMembers: Int = 100_000, maxDepth: Int = 4, maxMemberBytes: Int = 64 << 20,
                maxTotalBytes: Int = 16 << 30, maxRatio: Int = 200) {
        self.maxMembers = maxMembers
        self.maxDepth = maxDepth
        self.maxMemberBytes = maxMemberBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
    }
}

extension UnarchiveOptions: StageOptions {
    public init() { self.init(maxMembers: 100_000) }

    public static let declarations: [OptionDeclaration<UnarchiveOptions>] = [
        .integer("max-members", \.maxMembers, 1...100_000_000, meaning: "most members read from one container, nested ones included"),
        .integer("max-depth", \.maxDepth, 1...64, meaning: "deepest nesting of containers (1: no container inside a container)"),
        .integer("max-member-bytes", \.maxMemberBytes, 1...(1 << 34), bytes: true, meaning: "largest member taken as a document"),
        .integer("max-total-bytes", \.maxTotalBytes, 1...(1 << 50), bytes: true, meaning: "most bytes decompressed from one container in all"),
        .integer("max-ratio", \.maxRatio, 2...100_000, meaning: "zip-bomb guard: most output bytes per compressed byte, per member and overall"),
    ]
}
