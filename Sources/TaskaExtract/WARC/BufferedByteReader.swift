import TaskaCore

/// Lines, exact counts and skips over a `ByteStream`, through one reused buffer.
///
/// Memory stays at the buffer size plus what the caller asks for, however long the stream.
final class BufferedByteReader {
    private let source: any ByteStream
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var ended = false
    /// Bytes consumed so far (the offset of the next byte in the stream).
    private(set) var offset = 0

    init(_ source: any ByteStream, bufferSize: Int = 256 << 10) {
        self.source = source
        self.buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// Makes at least `count` bytes available when the stream has them; returns how many are.
    @discardableResult
    private func fill(_ count: Int) throws -> Int {
        if end - start >= count || ended { return end - start }
        if start > 0 {
            let live = end - start
            if live > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    let base = raw.baseAddress!
                    (base).copyMemory(from: base + start, byteCount: live)
                }
            }
            start = 0
            end = live
        }
        if count > buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: count - buffer.count)) }
        while end - start < count && !ended {
            let n = try buffer.withUnsafeMutableBytes { raw in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
            }
            if n == 0 { ended = true } else { end += n }
        }
        return end - start
    }

    /// The next `count` bytes without consuming them (fewer at the end of the stream).
    func peek(_ count: Int) throws -> ArraySlice<UInt8> {
        let n = try fill(count)
        return buffer[start..<(start + min(n, count))]
    }

    /// Whether the stream has no more bytes.
    func atEnd() throws -> Bool { try fill(1) == 0 }

    /// The next line without its LF (and CR), or nil at the end of the stream. A line longer
    /// than `maxLength` is returned cut at that length (the rest is consumed).
    func readLine(maxLength: Int = 64 << 10) throws -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if try fill(1) == 0 { return line.isEmpty ? nil : line }
            if let lf = buffer[start..<end].firstIndex(of: 0x0A) {
                if line.count < maxLength { line.append(contentsOf: buffer[start..<min(lf, start + maxLength - line.count)]) }
                offset += lf + 1 - start
                start = lf + 1
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if line.count < maxLength { line.append(contentsOf: buffer[start..<min(end, start + maxLength - line.count)]) }
            offset += end - start
            start = end
        }
    }

    /// Reads exactly `count` bytes, or fewer if the stream ends first.
    func read(_ count: Int) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(count, 1 << 20))
        var left = count
        while left > 0 {
            let n = try fill(1)
            if n == 0 { break }
            let take = min(n, left)
            out.append(contentsOf: buffer[start..<(start + take)])
            start += take
            offset += take
            left -= take
        }
        return out
    }

    /// Up to `limit` bytes: what is buffered, else one read of the source. Unlike `read`, no
    /// byte already taken from the source is lost when the source then throws (a truncated gzip).
    func readAvailable(_ limit: Int) throws -> ArraySlice<UInt8> {
        if start == end {
            try fill(1)
        }
        let take = min(end - start, limit)
        defer { start += take; offset += take }
        return buffer[start..<(start + take)]
    }

    /// Skips `count` bytes (fewer if the stream ends first); returns how many were skipped.
    @discardableResult
    func skip(_ count: Int) throws -> Int {
        var left = count
        while left > 0 {
            let n = try fill(1)
            if n == 0 { break }
            let take = min(n, left)
            start += take
            offset += take
            left -= take
        }
        return count - left
    }
}
