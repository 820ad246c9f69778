import TaskaCore

/// The data of the current member of an `ArchiveReader`, as a `ByteStream` that counts every
/// byte against the walk's limits: what a nested container is read from, and how a member
/// becomes a document's bytes.
final class MemberStream: ByteStream {
    private let reader: ArchiveReader
    private let walk: ContainerWalk
    private let chain: [String]
    private let start: Int
    private let deadline: ContinuousClock.Instant
    private var prefix: [UInt8] = []
    private var prefixOffset = 0
    private var headRead = false
    private var atEnd = false
    private(set) var produced = 0

    init(reader: ArchiveReader, walk: ContainerWalk, chain: [String]) {
        self.reader = reader
        self.walk = walk
        self.chain = chain
        start = reader.consumedBytes
        deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(walk.root.limits.maxSeconds * 1000)))
    }

    /// The member's first 512 bytes (fewer if it is shorter); they are read again by `read`.
    func head() throws -> [UInt8] {
        if headRead { return prefix }
        headRead = true
        var buffer = [UInt8](repeating: 0, count: 512)
        var filled = 0
        while filled < buffer.count {
            let n = try buffer.withUnsafeMutableBytes { try pull(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            if n == 0 { break }
            filled += n
        }
        prefix = Array(buffer[..<filled])
        return prefix
    }

    /// Appends the rest of the member (after `head`) to `bytes`, throwing past `cap` bytes.
    func readRest(into bytes: inout [UInt8], cap: Int) throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try pull(into: $0) }
            if n == 0 { return }
            if bytes.count + n > cap {
                throw ContainerError.memberTooLarge(chain: ContainerWalk.show(chain), limit: cap)
            }
            bytes.append(contentsOf: chunk[..<n])
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if prefixOffset < prefix.count {
            let n = min(buffer.count, prefix.count - prefixOffset)
            prefix.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + prefixOffset, byteCount: n) }
            prefixOffset += n
            return n
        }
        return try pull(into: buffer)
    }

    /// Reads from the archive, counting the bytes and checking the member's time budget.
    private func pull(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if atEnd || buffer.count == 0 { return 0 }
        if ContinuousClock.now >= deadline {
            throw LimitExceeded(limit: "max-seconds", allowed: "\(walk.root.limits.maxSeconds) s",
                                found: "reading the member took longer (stopped after \(produced) bytes)")
        }
        let n = try reader.read(into: buffer)
        if n == 0 { atEnd = true; return 0 }
        produced += n
        try walk.account(n, memberProduced: produced, compressed: reader.consumedBytes - start, chain: chain)
        return n
    }
}
