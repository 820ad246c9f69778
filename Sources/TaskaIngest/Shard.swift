/// One part of a corpus split N ways by a hash of each file's path (not its content), so the
/// tasks of a Slurm job array or GNU parallel each take a fixed, disjoint share.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based index of this part.
    public var index: Int
    public var count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index), "shard \(index)/\(count) is out of range")
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the file at `pathBytes` belongs to this shard (FNV-1a 64 of the path bytes).
    public func contains(_ pathBytes: [UInt8]) -> Bool {
        var hash: UInt64 = 0xcbf29ce484222325
        for b in pathBytes {
            hash ^= UInt64(b)
            hash &*= 0x100000001b3
        }
        return Int(hash % UInt64(count)) == index - 1
    }
}
