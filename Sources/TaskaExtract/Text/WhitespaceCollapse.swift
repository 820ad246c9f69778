import TaskaCore

/// Runs of white space collapsed to one space, none at either end: exactly
/// `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")`, without building a
/// `Character` per grapheme where the bytes make that unnecessary.
///
/// The byte pass is exact when no white space scalar joins a grapheme cluster with a neighbour:
/// none is followed by a scalar from U+0300 up (combining marks, joiners, variation selectors
/// may extend it) and none follows a prepended-concatenation mark (U+0600–U+0605, U+06DD, …)
/// or anything beyond the BMP. Text with such a pair takes the `Character` path.
enum WhitespaceCollapse {
    static func collapse(_ text: String) -> String {
        var text = text
        if let fast = text.withUTF8({ collapsed($0) }) { return fast }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The collapsed bytes as a `String`, or nil when the `Character` path must decide. Runs of
    /// non-space scalars are copied whole.
    private static func collapsed(_ u: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var pending = false
        var previous: UInt32 = 0
        var run = -1  // start of the run of non-space scalars being read, or -1
        var i = 0
        let n = u.count
        while i < n {
            let value: UInt32, length: Int
            if u[i] < 0x80 { (value, length) = (UInt32(u[i]), 1) } else { (value, length) = UTF8Scalars.decode(u, at: i) }  // well-formed
            if ScalarValues.isWhitespace(value) {
                if mayPrepend(previous) { return nil }
                if run >= 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i])); run = -1 }
                if !out.isEmpty { pending = true }
            } else {
                if value >= 0x300 && ScalarValues.isWhitespace(previous) { return nil }
                if run < 0 {
                    if pending { out.append(0x20); pending = false }
                    run = i
                }
            }
            previous = value
            i += length
        }
        if run >= 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<n])) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Grapheme_Cluster_Break=Prepend in the BMP, and everything beyond it (checked slowly).
    @inline(__always)
    static func mayPrepend(_ v: UInt32) -> Bool {
        switch v {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x0D4E: return true
        default: return v >= 0x10000
        }
    }
}
